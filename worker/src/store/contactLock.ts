/**
 * One writer at a time per contact profile. FerretDB 1.24 applies an update by reading the
 * document and writing it back, without isolation: concurrent `$addToSet`s lose all but one,
 * and a filter on a revision matches several writers (probed; see .notes/L1-contact.md). The
 * one atomic thing it does is refuse a second insert of an `_id`, so the lock is that insert.
 */
import { randomBytes } from 'node:crypto';
import { isDuplicateKeyError, type Store } from './models';

/** Long enough for a read and a write; a holder that died is taken over after it. */
const LEASE_MS = 15_000;
const WAIT_MS = 20_000;

export async function withContactLock<T>(store: Store, contactId: string, work: () => Promise<T>): Promise<T> {
  const holder = randomBytes(8).toString('hex');
  const deadline = Date.now() + WAIT_MS;
  for (let attempt = 0; ; attempt += 1) {
    try {
      await store.contactLocks.create({ _id: contactId, holder, expiresAt: new Date(Date.now() + LEASE_MS) });
      break;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const held = await store.contactLocks.findById(contactId).lean();
    if (held && held.expiresAt.getTime() < Date.now()) {
      await store.contactLocks.deleteOne({ _id: contactId, holder: held.holder });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`contact ${contactId} stayed locked by another change for ${WAIT_MS / 1000} s`);
    // Jittered backoff: waiters that collide do not keep colliding.
    await new Promise((resolve) => setTimeout(resolve, Math.min(20 * 2 ** attempt, 500) * (0.5 + Math.random())));
  }
  try {
    return await work();
  } finally {
    await store.contactLocks.deleteOne({ _id: contactId, holder });
  }
}
