import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from './activities';
import type { UpdateContactInput } from './activities/activityTypes';
import { createSandboxProvider } from './channels';
import { readContactProfile, resolveContact } from './store';
import { startWorkerTestStack, type WorkerTestStack } from './testSupport/startWorkerTestStack';

let stack: WorkerTestStack;

beforeAll(async () => {
  stack = await startWorkerTestStack();
});

afterAll(async () => {
  await stack?.stop();
});

function activities() {
  return createActivities({ store: stack.store, providers: { sandbox: createSandboxProvider(stack.store) }, logger: pino({ level: 'silent' }) });
}

function updateInput(contactId: string, overrides: Partial<UpdateContactInput> = {}): UpdateContactInput {
  return {
    journeyId: 'journey:tagging:x',
    firstRunId: `run-${contactId}`,
    flowId: 'tagging',
    nodeId: 'tag_vip',
    visit: 1,
    contactId,
    attributes: [{ name: 'plan', value: 'gold' }],
    addTags: ['vip'],
    removeTags: ['trial'],
    ...overrides,
  };
}

describe('the updateContact activity', () => {
  it('leaves the same record and one timeline entry however often it is retried, and returns the contact', async () => {
    const { contactId } = await resolveContact(stack.store, { type: 'phone', value: '+442071838751' });
    await stack.store.contacts.updateOne({ _id: contactId }, { $set: { tags: ['trial', 'newsletter'], firstName: 'Ada' } });

    const first = await activities().updateContact(updateInput(contactId, { doNotCall: true }));
    const afterFirst = readContactProfile(await stack.store.contacts.findById(contactId).lean());
    const second = await activities().updateContact(updateInput(contactId, { doNotCall: true }));
    const afterSecond = readContactProfile(await stack.store.contacts.findById(contactId).lean());

    expect(first).toEqual({
      firstName: 'Ada',
      phone: '+442071838751',
      timezone: 'Europe/London',
      tags: ['newsletter', 'vip'],
      attributes: { plan: 'gold' },
      doNotCall: true,
    });
    expect(second).toEqual(first);
    expect(afterSecond).toEqual(afterFirst);
    expect(afterFirst).toMatchObject({ tags: ['newsletter', 'vip'], attributes: [{ name: 'plan', value: 'gold' }], doNotCall: true, revision: 1 });
    const entries = await stack.store.timeline.find({ contactId, kind: 'decision' }).lean();
    expect(entries.map((entry) => entry.body)).toEqual(['updated contact: tags +vip -trial, plan=gold, do not call']);
  });

  it('loses none of six changes made at the same time', async () => {
    const { contactId } = await resolveContact(stack.store, { type: 'phone', value: '+14155550501' });

    await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        activities().updateContact(
          updateInput(contactId, { nodeId: `tag_${index}`, addTags: [`t${index}`], removeTags: [], attributes: [{ name: `a${index}`, value: String(index) }] }),
        ),
      ),
    );

    const profile = readContactProfile(await stack.store.contacts.findById(contactId).lean());
    expect([...profile.tags].sort()).toEqual(['t0', 't1', 't2', 't3', 't4', 't5']);
    expect(profile.attributes.map((attribute) => attribute.name).sort()).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5']);
  });

  it('fails without retrying for a contact that does not exist', async () => {
    await expect(activities().updateContact(updateInput('c_nobody'))).rejects.toMatchObject({ nonRetryable: true, message: 'contact c_nobody does not exist' });
  });
});
