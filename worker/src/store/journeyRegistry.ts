/**
 * The registry of a contact's running journeys (architecture.md's `journeys` collection): who
 * an inbound event for the contact is delivered to. One document per contact, keyed by the
 * contact's id, so delivery reads it with one `_id` lookup.
 *
 * Every change is made under a lock of its own (`journeys:<contactId>`), not by a bare
 * `$addToSet`/`$pull`: FerretDB 1.24 applies an update by reading the document and writing it
 * back without isolation, so of concurrent changes to one document all but one are lost —
 * with forty `$addToSet`s and two `$pull`s at once, thirty-odd registrations vanished and the
 * pulled ids came back (journeyRegistry.test.ts). A lost registration is an event that never
 * reaches a waiting journey. The registry lives apart from the contact's profile for the same
 * reason: a profile change writes the whole contact document back.
 */
import { withDocumentLock, type LockTiming } from './contactLock';
import type { Store } from './models';

/** A change is one read and one write: short lease, quick retries (this is the inbound hot path). */
const REGISTRY_LOCK: LockTiming = { leaseMs: 5_000, waitMs: 20_000, firstBackoffMs: 4 };

function lockKey(contactId: string): string {
  return `journeys:${contactId}`;
}

/** The workflow ids of the contact's running journeys (as registered: an ended one stays until removed). */
export async function runningJourneysOf(store: Store, contactId: string): Promise<string[]> {
  const registry = await store.journeyRegistry.findById(contactId).lean();
  return registry ? (registry.running ?? []) : readLegacyList(store, contactId);
}

/**
 * Lists the journeys as the contact's running ones and returns those listed before (so a
 * journey about to start learns, in the same step, which others already wait for the event).
 */
export async function registerJourneys(store: Store, contactId: string, journeyIds: readonly string[]): Promise<string[]> {
  const legacy = startLegacyRead(store, contactId);
  return withDocumentLock(store, lockKey(contactId), REGISTRY_LOCK, async () => {
    const before = await store.journeyRegistry
      .findOneAndUpdate({ _id: contactId }, { $addToSet: { running: { $each: [...journeyIds] } } }, { upsert: true, returnDocument: 'before' })
      .lean();
    if (before) return before.running ?? [];
    return seedFromLegacy(store, contactId, await legacy, journeyIds);
  });
}

/**
 * Takes ended journeys off the contact's running ones. `unless`, asked under the lock, keeps a
 * journey that turns out to run after all: a registration made after it started (under the
 * same lock) cannot be undone by a removal decided before.
 */
export async function unregisterJourneys(
  store: Store,
  contactId: string,
  journeyIds: readonly string[],
  unless?: (journeyId: string) => Promise<boolean>,
): Promise<void> {
  if (journeyIds.length === 0) return;
  const legacy = startLegacyRead(store, contactId);
  await withDocumentLock(store, lockKey(contactId), REGISTRY_LOCK, async () => {
    const kept = unless ? await Promise.all(journeyIds.map((journeyId) => unless(journeyId))) : [];
    const removed = journeyIds.filter((_, index) => kept[index] !== true);
    if (removed.length === 0) return;
    const before = await store.journeyRegistry
      .findOneAndUpdate({ _id: contactId }, { $pullAll: { running: removed } }, { upsert: true, returnDocument: 'before' })
      .lean();
    if (!before) await seedFromLegacy(store, contactId, await legacy, removed);
  });
}

/**
 * Contacts written before the registry kept the list on their own document (`activeJourneys`),
 * which nothing writes any more: a contact's registry document, when first created, takes it
 * over, less the journeys the change at hand just registered or removed. Returns what it took.
 */
async function seedFromLegacy(store: Store, contactId: string, legacy: string[], handled: readonly string[]): Promise<string[]> {
  const seeded = legacy.filter((id) => !handled.includes(id));
  if (seeded.length > 0) await store.journeyRegistry.updateOne({ _id: contactId }, { $addToSet: { running: { $each: seeded } } });
  return seeded;
}

async function readLegacyList(store: Store, contactId: string): Promise<string[]> {
  return (await store.contacts.findById(contactId, { activeJourneys: 1 }).lean())?.activeJourneys ?? [];
}

/**
 * Read before the lock, in parallel with taking it (the legacy list never changes): a contact's
 * first registration, a new lead's, costs no extra round trip.
 */
function startLegacyRead(store: Store, contactId: string): Promise<string[]> {
  const read = readLegacyList(store, contactId);
  // Awaited only when the registry document is new: an unobserved rejection must not crash.
  read.catch(() => undefined);
  return read;
}
