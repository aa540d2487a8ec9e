import { CURRENT_SCHEMA_VERSION } from '@threadline/flows';
import type { FlowDefinition } from '@threadline/flows/types';
import { resolveContact } from '@threadline/worker/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiUnderTest, type ApiUnderTest } from '../testing/startApiUnderTest';
import { eventually } from '../testing/eventually';

/**
 * customer.welcomed greets the contact by first name, tags them vip and records their plan
 * from the event, then sends a second message that reads both back from `contact.*`.
 */
const welcome: FlowDefinition = {
  schemaVersion: CURRENT_SCHEMA_VERSION,
  id: 'welcome-by-name',
  name: 'Welcome by name',
  nodes: [
    { id: 'welcomed', type: 'trigger.event', config: { event: 'customer.welcomed', payload: [{ name: 'plan', type: 'string', required: true }] } },
    { id: 'greet', type: 'send', config: { channel: 'sms', template: 'Hi {{ contact.firstName }}', mediaUrls: [], whatsappTemplateVariables: [] } },
    {
      id: 'tag_vip',
      type: 'updateContact',
      config: { attributes: [{ name: 'plan', value: '{{ trigger.data.plan }}' }], addTags: ['vip'], removeTags: ['trial'] },
    },
    {
      id: 'confirm',
      type: 'send',
      config: {
        channel: 'sms',
        template: "Your plan: {{ contact.attributes.plan }}{% if contact.tags contains 'vip' %} (vip){% endif %}",
        mediaUrls: [],
        whatsappTemplateVariables: [],
      },
    },
    { id: 'done', type: 'end', config: { outcome: 'welcomed', returns: [] } },
  ],
  edges: [
    { from: 'welcomed', output: 'next', to: 'greet' },
    { from: 'greet', output: 'sent', to: 'tag_vip' },
    { from: 'greet', output: 'failed', to: 'done' },
    { from: 'greet', output: 'blocked', to: 'done' },
    { from: 'tag_vip', output: 'next', to: 'confirm' },
    { from: 'confirm', output: 'sent', to: 'done' },
    { from: 'confirm', output: 'failed', to: 'done' },
    { from: 'confirm', output: 'blocked', to: 'done' },
  ],
  layout: {},
};

let api: ApiUnderTest;

beforeAll(async () => {
  api = await startApiUnderTest({ worker: true });
  const created = await api.call('POST', '/api/flows', { name: welcome.name, id: welcome.id, definition: welcome });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await api.call('POST', `/api/flows/${welcome.id}/publish`);
  expect(published.status, JSON.stringify(published.body)).toBe(201);
}, 180_000);

afterAll(async () => {
  await api?.stop();
});

async function patchContact(contactId: string, payload: unknown): Promise<{ status: number; body: any }> {
  const response = await api.app.inject({ method: 'PATCH', url: `/api/contacts/${contactId}`, payload: payload as object });
  return { status: response.statusCode, body: response.json() };
}

async function newContact(phone: string): Promise<string> {
  return (await resolveContact(api.store, { type: 'phone', value: phone })).contactId;
}

async function sentTo(phone: string): Promise<string[]> {
  const sent = await api.call('GET', `/api/sandbox/messages?to=${encodeURIComponent(phone)}`);
  return sent.body.messages.map((message: { body: string }) => message.body);
}

describe('PATCH /api/contacts/:id', () => {
  it('sets the profile, and GET answers with it and the zone inferred from the phone', async () => {
    const contactId = await newContact('+447400123401');

    const before = await api.call('GET', `/api/contacts/${contactId}`);
    expect(before.body.contact).toMatchObject({
      firstName: null,
      lastName: null,
      timezone: null,
      inferredTimezone: 'Europe/London',
      tags: [],
      attributes: {},
      preferredChannel: null,
      doNotCall: false,
    });

    const patched = await patchContact(contactId, {
      firstName: 'Grace',
      lastName: 'Hopper',
      timezone: 'America/New_York',
      tags: ['vip', 'beta'],
      attributes: { plan: 'gold', seats: '12' },
      preferredChannel: 'whatsapp',
      doNotCall: true,
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);

    const { body } = await api.call('GET', `/api/contacts/${contactId}`);
    expect(body.contact).toMatchObject({
      id: contactId,
      firstName: 'Grace',
      lastName: 'Hopper',
      timezone: 'America/New_York',
      tags: ['vip', 'beta'],
      attributes: { plan: 'gold', seats: '12' },
      preferredChannel: 'whatsapp',
      doNotCall: true,
      identities: [{ type: 'phone', value: '+447400123401' }],
    });
    expect(patched.body.contact).toEqual(body.contact);

    // Attributes merge: one set, one removed, the third kept; null clears a field.
    await patchContact(contactId, { attributes: { plan: 'platinum', seats: null }, timezone: null });
    const after = await api.call('GET', `/api/contacts/${contactId}`);
    expect(after.body.contact).toMatchObject({ attributes: { plan: 'platinum' }, timezone: null, firstName: 'Grace' });
  });

  it('answers 400 naming the path at fault, and 404 for a contact that does not exist', async () => {
    const contactId = await newContact('+14155550401');
    const cases: Array<[unknown, string]> = [
      [{}, 'body'],
      [{ timezone: 'Mars/Olympus_Mons' }, 'body.timezone'],
      [{ tags: ['ok', ''] }, 'body.tags[1]'],
      [{ attributes: { 'plan.tier': 'gold' } }, 'body.attributes.plan.tier'],
      [{ attributes: { $where: 'x' } }, 'body.attributes.$where'],
      [{ preferredChannel: 'pigeon' }, 'body.preferredChannel'],
      [{ doNotCall: 'yes' }, 'body.doNotCall'],
      [{ nickname: 'Ada' }, 'body'],
    ];
    for (const [payload, path] of cases) {
      const response = await patchContact(contactId, payload);
      expect({ payload, status: response.status, path: response.body.error?.path }).toEqual({ payload, status: 400, path });
    }
    const unchanged = await api.call('GET', `/api/contacts/${contactId}`);
    expect(unchanged.body.contact).toMatchObject({ tags: [], attributes: {}, timezone: null });

    const missing = await patchContact('c_nobody', { firstName: 'Ada' });
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'not-found' } } });
  });
});

describe('the contact in a journey', () => {
  it('greets the contact by first name, tags them and sets their plan, and a later send reads both back', async () => {
    const phone = '+14155550402';
    const contactId = await newContact(phone);
    expect((await patchContact(contactId, { firstName: 'Ada', tags: ['trial'] })).status).toBe(200);

    const started = await api.call('POST', '/api/events', { name: 'customer.welcomed', contact: { id: contactId }, data: { plan: 'gold' } });
    expect(started.status, JSON.stringify(started.body)).toBe(200);

    const messages = await eventually(async () => {
      const sent = await sentTo(phone);
      return sent.length >= 2 ? sent : undefined;
    }, 'both messages');
    expect(messages).toEqual(['Hi Ada', 'Your plan: gold (vip)']);

    const { body } = await api.call('GET', `/api/contacts/${contactId}`);
    expect(body.contact).toMatchObject({ firstName: 'Ada', tags: ['vip'], attributes: { plan: 'gold' } });
    const timeline = await api.call('GET', `/api/contacts/${contactId}/timeline`);
    expect(timeline.body.events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'decision', nodeId: 'tag_vip', body: 'updated contact: tags +vip -trial, plan=gold' }),
      ]),
    );
  });
});
