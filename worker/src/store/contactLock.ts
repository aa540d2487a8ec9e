/**
 * One writer at a time per contact document. FerretDB 1.24 applies an update by reading the
 * document and writing it back, without isolation: concurrent `$addToSet`s lose all but one,
 * and a filter on a revision matches several writers (probed: journeyRegistry.test.ts shows
 * what the registry would lose without it). The one atomic thing it does is refuse a second insert of an `_id`, so
 * the lock is that insert.
 */
import { randomBytes } from 'node:crypto';
import { isDuplicateKeyError, type Store } from './models';

export interface LockTiming {
  /** Long enough for the work; a holder that died is taken over after it. */
  leaseMs: number;
  /** How long a waiter waits before it gives up with an error. */
  waitMs: number;
  /** The first wait between attempts; it doubles (jittered) up to 500 ms. */
  firstBackoffMs: number;
}

/** A profile change: a read and a write. */
const PROFILE_LOCK: LockTiming = { leaseMs: 15_000, waitMs: 20_000, firstBackoffMs: 20 };

/** Serialises changes to the contact's profile (its `contacts` document). */
export function withContactLock<T>(store: Store, contactId: string, work: () => Promise<T>): Promise<T> {
  return withDocumentLock(store, contactId, PROFILE_LOCK, work);
}

/**
 * Runs `work` while holding the lock named `key` (a contact id for its profile; other
 * documents of a contact use a prefixed key, so they never wait on each other).
 */
export async function withDocumentLock<T>(store: Store, key: string, timing: LockTiming, work: () => Promise<T>): Promise<T> {
  const holder = randomBytes(8).toString('hex');
  const deadline = Date.now() + timing.waitMs;
  for (let attempt = 0; ; attempt += 1) {
    try {
      await store.contactLocks.create({ _id: key, holder, expiresAt: new Date(Date.now() + timing.leaseMs) });
      break;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const held = await store.contactLocks.findById(key).lean();
    if (held && held.expiresAt.getTime() < Date.now()) {
      await store.contactLocks.deleteOne({ _id: key, holder: held.holder });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`lock "${key}" stayed held by another change for ${timing.waitMs / 1000} s`);
    // Jittered backoff: waiters that collide do not keep colliding.
    await new Promise((resolve) => setTimeout(resolve, Math.min(timing.firstBackoffMs * 2 ** attempt, 500) * (0.5 + Math.random())));
  }
  try {
    return await work();
  } finally {
    await store.contactLocks.deleteOne({ _id: key, holder });
  }
}
