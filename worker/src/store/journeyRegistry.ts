/**
 * The registry of a contact's running journeys (architecture.md's `journeys` collection): who
 * an inbound event for the contact is delivered to. One document per contact, keyed by the
 * contact's id, so delivery reads it with one `_id` lookup.
 *
 * Every change to an existing document is made under a lock of its own (`journeys:<contactId>`),
 * not by a bare `$addToSet`/`$pull` (creating it is one atomic insert): FerretDB 1.24 applies an update by reading the document and writing it
 * back without isolation, so of concurrent changes to one document all but one are lost —
 * with forty `$addToSet`s and two `$pull`s at once, thirty-odd registrations vanished and the
 * pulled ids came back (journeyRegistry.test.ts). A lost registration is an event that never
 * reaches a waiting journey. The registry lives apart from the contact's profile for the same
 * reason: a profile change writes the whole contact document back.
 */
import { withDocumentLock, type LockTiming } from './contactLock';
import { isDuplicateKeyError, type Store } from './models';

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
 *
 * A contact's first registration (a new lead's, on the hot path) creates the document with one
 * insert, which FerretDB makes atomic too: no lock, no extra round trip. Every other change is
 * made under the lock and never creates the document, so no read-and-write-back can overlap
 * that insert: it either finds the document there or inserts itself (createRegistry).
 */
export async function registerJourneys(
  store: Store,
  contactId: string,
  journeyIds: readonly string[],
  /** The contact's document when the caller reads it anyway (its legacy list is then not read again). */
  contactRead?: Promise<{ activeJourneys?: string[] | null | undefined } | null>,
): Promise<string[]> {
  const legacy = startLegacyRead(store, contactId, contactRead);
  if (await createRegistry(store, contactId, journeyIds)) {
    const taken = (await legacy).filter((id) => !journeyIds.includes(id));
    if (taken.length > 0) {
      await withDocumentLock(store, lockKey(contactId), REGISTRY_LOCK, () =>
        store.journeyRegistry.updateOne({ _id: contactId }, { $addToSet: { running: { $each: taken } } }),
      );
    }
    return taken;
  }
  return withDocumentLock(store, lockKey(contactId), REGISTRY_LOCK, async () => {
    const before = await store.journeyRegistry
      .findOneAndUpdate({ _id: contactId }, { $addToSet: { running: { $each: [...journeyIds] } } }, { returnDocument: 'before' })
      .lean();
    // The insert above found it; registry documents are never deleted.
    if (!before) throw new Error(`the journey registry of contact ${contactId} disappeared`);
    return before.running ?? [];
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
    const before = await store.journeyRegistry.findOneAndUpdate({ _id: contactId }, { $pullAll: { running: removed } }, { returnDocument: 'before' }).lean();
    if (before) return;
    // No document yet: it starts from the legacy list, less these. Should a first registration
    // insert it meanwhile, the removal applies to that document instead.
    if (await createRegistry(store, contactId, (await legacy).filter((id) => !removed.includes(id)))) return;
    await store.journeyRegistry.updateOne({ _id: contactId }, { $pullAll: { running: removed } });
  });
}

/** Inserts the contact's registry document; false when it exists already. */
async function createRegistry(store: Store, contactId: string, running: readonly string[]): Promise<boolean> {
  try {
    await store.journeyRegistry.create({ _id: contactId, running: [...running] });
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/**
 * Contacts written before the registry kept the list on their own document (`activeJourneys`),
 * which nothing writes any more: a contact's registry document, when first created, takes it
 * over, less the journeys the change at hand registered or removed.
 */
async function readLegacyList(store: Store, contactId: string): Promise<string[]> {
  return (await store.contacts.findById(contactId, { activeJourneys: 1 }).lean())?.activeJourneys ?? [];
}

/**
 * Started at once, in parallel with the first step (the legacy list never changes): a
 * contact's first registration, a new lead's, costs no extra round trip.
 */
function startLegacyRead(store: Store, contactId: string, contactRead?: Promise<{ activeJourneys?: string[] | null | undefined } | null>): Promise<string[]> {
  const read = contactRead ? contactRead.then((contact) => contact?.activeJourneys ?? []) : readLegacyList(store, contactId);
  // Awaited only when the registry document is new: an unobserved rejection must not crash.
  read.catch(() => undefined);
  return read;
}
