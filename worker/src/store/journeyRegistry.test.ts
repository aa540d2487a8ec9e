import { describe, expect, it } from 'vitest';
import { startForSuite } from '../testSupport/startForSuite';
import { startThrowawayStore } from '../testSupport/startThrowawayStore';
import { updateContactProfile } from './contactChanges';
import { registerJourneys, runningJourneysOf, unregisterJourneys } from './journeyRegistry';

const stored = startForSuite('the throwaway store', startThrowawayStore, { timeoutMs: 120_000 });

async function newContact(contactId: string, legacyRunning?: string[]): Promise<string> {
  await stored.store.contacts.create({ _id: contactId, identities: [], optOuts: [], ...(legacyRunning ? { activeJourneys: legacyRunning } : {}) });
  return contactId;
}

describe("a contact's running journeys", () => {
  // Against FerretDB 1.24, the same forty $addToSets and two $pulls made directly on one
  // document kept 4 to 7 of the 42 ids and brought both pulled ones back (probed three times).
  it('keeps every registration and removal made at once on one contact', async () => {
    const { store } = stored;
    const contactId = await newContact('c_burst');
    await registerJourneys(store, contactId, ['keep-a', 'keep-b', 'ended-1', 'ended-2']);
    const started = Array.from({ length: 40 }, (_, index) => `journey:flow${index}:${contactId}`);

    await Promise.all([
      ...started.map((journeyId) => registerJourneys(store, contactId, [journeyId])),
      unregisterJourneys(store, contactId, ['ended-1']),
      unregisterJourneys(store, contactId, ['ended-2']),
      // A profile change at the same moment writes the whole contact document back: it must
      // not take a registration with it.
      updateContactProfile(store, contactId, { firstName: 'Ada', addTags: ['vip'] }),
    ]);

    expect((await runningJourneysOf(store, contactId)).sort()).toEqual(['keep-a', 'keep-b', ...started].sort());
    expect(await store.contacts.findById(contactId).lean()).toMatchObject({ firstName: 'Ada', tags: ['vip'] });
  });

  it("keeps every registration when a contact's first ones come at once, and removals race with them", async () => {
    const { store } = stored;
    const contactId = await newContact('c_first_burst', ['journey:old:1', 'journey:old:2']);
    const started = Array.from({ length: 30 }, (_, index) => `journey:first${index}:${contactId}`);
    await Promise.all([
      unregisterJourneys(store, contactId, ['journey:old:1']),
      ...started.map((journeyId) => registerJourneys(store, contactId, [journeyId])),
      unregisterJourneys(store, contactId, ['journey:never-listed']),
    ]);
    const running = await runningJourneysOf(store, contactId);
    expect(running.filter((id) => !id.startsWith('journey:old:')).sort()).toEqual([...started].sort());
    // A legacy entry removed while the registry was being created may come back listed (the
    // next delivery finds it ended and removes it); one not removed is never lost.
    expect(running).toContain('journey:old:2');
  });

  it('tells a registration which journeys were running before it', async () => {
    const { store } = stored;
    const contactId = await newContact('c_before');
    expect(await registerJourneys(store, contactId, ['journey:a'])).toEqual([]);
    expect(await registerJourneys(store, contactId, ['journey:b', 'journey:a'])).toEqual(['journey:a']);
    await unregisterJourneys(store, contactId, ['journey:a']);
    expect(await registerJourneys(store, contactId, ['journey:c'])).toEqual(['journey:b']);
    expect(await runningJourneysOf(store, contactId)).toEqual(['journey:b', 'journey:c']);
  });

  it('keeps a journey whose removal is told it runs after all', async () => {
    const { store } = stored;
    const contactId = await newContact('c_unless');
    await registerJourneys(store, contactId, ['journey:ended', 'journey:started-again']);
    await unregisterJourneys(store, contactId, ['journey:ended', 'journey:started-again'], async (journeyId) => journeyId === 'journey:started-again');
    expect(await runningJourneysOf(store, contactId)).toEqual(['journey:started-again']);
  });

  it('takes over the list a contact written before the registry kept on its own document', async () => {
    const { store } = stored;
    const read = await newContact('c_legacy_read', ['journey:old:1', 'journey:old:2']);
    expect(await runningJourneysOf(store, read)).toEqual(['journey:old:1', 'journey:old:2']);

    const registered = await newContact('c_legacy_register', ['journey:old:1', 'journey:old:2']);
    expect(await registerJourneys(store, registered, ['journey:new'])).toEqual(['journey:old:1', 'journey:old:2']);
    expect((await runningJourneysOf(store, registered)).sort()).toEqual(['journey:new', 'journey:old:1', 'journey:old:2']);

    const removed = await newContact('c_legacy_remove', ['journey:old:1', 'journey:old:2']);
    await unregisterJourneys(store, removed, ['journey:old:1']);
    expect(await runningJourneysOf(store, removed)).toEqual(['journey:old:2']);
    // Taken over once: the legacy list is not read again.
    await unregisterJourneys(store, removed, ['journey:old:2']);
    expect(await runningJourneysOf(store, removed)).toEqual([]);
  });
});
