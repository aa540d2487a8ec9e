/**
 * Reads the sandbox provider's records back, after a phase rather than per lead, so measuring
 * puts as little load as possible on the system while it is being measured. (FerretDB scans
 * the collection for a `to` filter, hence few polls, further and further apart.)
 */
import type { Store } from '@threadline/worker/store';
import { sleep } from './leadLoad';

export interface RecordedSend {
  /** The send's idempotency key (also the outbox entry's `_id`). */
  id: string;
  to: string;
  /** When the sandbox provider recorded it (epoch ms, the worker's clock = ours). */
  at: number;
}

/** The first send recorded to each of `numbers`, by number. */
export async function readSends(store: Store, numbers: readonly string[]): Promise<Map<string, RecordedSend>> {
  const docs = await store.sandboxMessages.find({ to: { $in: [...numbers] } }, { _id: 1, to: 1, at: 1 }).lean();
  const byNumber = new Map<string, RecordedSend>();
  for (const doc of docs) {
    const at = doc.at.getTime();
    const earlier = byNumber.get(doc.to);
    if (!earlier || at < earlier.at) byNumber.set(doc.to, { id: doc._id, to: doc.to, at });
  }
  return byNumber;
}

/**
 * Waits until every one of `expected` has its send recorded or `timeoutMs` passes, polling
 * with a doubling pause (250 ms up to 4 s); then reads the sends of all `numbers` once, so a
 * lead whose request failed but whose journey started anyway still counts as sent.
 */
export async function awaitSends(
  store: Store,
  numbers: readonly string[],
  expected: readonly string[],
  timeoutMs: number,
): Promise<Map<string, RecordedSend>> {
  const deadline = Date.now() + timeoutMs;
  let pause = 250;
  for (;;) {
    const sends = await readSends(store, expected);
    if (sends.size >= expected.length || Date.now() >= deadline) break;
    await sleep(Math.min(pause, Math.max(0, deadline - Date.now())));
    pause = Math.min(pause * 2, 4_000);
  }
  return readSends(store, numbers);
}
