import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTSIDE_WINDOW_NO_TEMPLATE, whatsappContentFor } from './activities/whatsappWindow';
import { appendTimelineEvent } from './store';
import { startWorkerTestStack, type WorkerTestStack } from './testSupport/startWorkerTestStack';

const HOUR = 60 * 60 * 1000;
const now = new Date('2026-03-02T12:00:00.000Z');
const reminder = { name: 'appointment_reminder', language: 'en_US', variables: ['Ada', '{{ slot }}'] };
/** Stands in for Liquid: these tests are about the timeline, not rendering. */
const render = (template: string) => template.replace('{{ slot }}', 'Tue 10:00');

let stack: WorkerTestStack;

beforeAll(async () => {
  stack = await startWorkerTestStack();
});

afterAll(async () => {
  await stack?.stop();
});

/** A message on the contact's timeline, `hoursAgo` before `now`. */
async function message(contactId: string, channel: string, direction: 'inbound' | 'outbound', hoursAgo: number): Promise<void> {
  await appendTimelineEvent(stack.store, {
    _id: `sandbox:${randomUUID()}`,
    contactId,
    at: new Date(now.getTime() - hoursAgo * HOUR),
    channel,
    direction,
    kind: 'message',
    body: 'hello',
  });
}

const whatsappSend = (contactId: string, template: typeof reminder | undefined) => ({ channel: 'whatsapp', contactId, template });

describe('the WhatsApp window, read from the contact\'s timeline', () => {
  it('sends the free-form body when the contact wrote on WhatsApp less than 24 hours ago', async () => {
    const contactId = `c_${randomUUID().slice(0, 8)}`;
    await message(contactId, 'whatsapp', 'inbound', 30);
    await message(contactId, 'whatsapp', 'inbound', 23);
    expect(await whatsappContentFor(stack.store, whatsappSend(contactId, reminder), now, render)).toEqual({ kind: 'freeForm' });
    expect(await whatsappContentFor(stack.store, whatsappSend(contactId, undefined), now, render)).toEqual({ kind: 'freeForm' });
  });

  it('sends the template outside the window, where our own sends and other channels do not reopen it', async () => {
    const contactId = `c_${randomUUID().slice(0, 8)}`;
    await message(contactId, 'whatsapp', 'inbound', 25);
    await message(contactId, 'whatsapp', 'outbound', 1);
    await message(contactId, 'sms', 'inbound', 1);
    expect(await whatsappContentFor(stack.store, whatsappSend(contactId, reminder), now, render)).toEqual({
      kind: 'template',
      name: 'appointment_reminder',
      language: 'en_US',
      variables: ['Ada', 'Tue 10:00'],
    });
  });

  it('refuses a send outside the window with no template, and one to a contact who never wrote on WhatsApp', async () => {
    const wroteLongAgo = `c_${randomUUID().slice(0, 8)}`;
    await message(wroteLongAgo, 'whatsapp', 'inbound', 48);
    expect(await whatsappContentFor(stack.store, whatsappSend(wroteLongAgo, undefined), now, render)).toEqual({ kind: 'refused', reason: OUTSIDE_WINDOW_NO_TEMPLATE });
    const neverWrote = `c_${randomUUID().slice(0, 8)}`;
    expect(await whatsappContentFor(stack.store, whatsappSend(neverWrote, undefined), now, render)).toEqual({ kind: 'refused', reason: OUTSIDE_WINDOW_NO_TEMPLATE });
  });

  it('leaves other channels alone', async () => {
    const contactId = `c_${randomUUID().slice(0, 8)}`;
    expect(await whatsappContentFor(stack.store, { channel: 'sms', contactId, template: undefined }, now, render)).toEqual({ kind: 'freeForm' });
  });
});
