/**
 * WhatsApp's 24-hour window through the API, with the worker running: the library's
 * delivery-delay update, started by POST /api/events, writes free-form to a customer whose
 * WhatsApp message (POST /api/sandbox/messages) is less than 24 hours old, and sends its
 * approved template to anyone else; GET /api/sandbox/messages shows which went.
 */
import { describe, expect, it } from 'vitest';
import { eventually } from '../testing/eventually';
import { useApiUnderTest } from '../testing/useApiUnderTest';

const { call } = useApiUnderTest({ worker: true, publishedLibraryFlows: ['delivery-delay-update'] });

const HOUR = 60 * 60 * 1000;
const delay = { orderId: 'NW-2001', newEta: 'Friday', trackingUrl: 'https://track.example.com/NW-2001' };

interface SandboxMessage {
  channel: string;
  body: string;
  whatsappTemplate: { name: string; language: string; variables: string[] } | null;
}

async function deliveryDelayed(phone: string): Promise<void> {
  const posted = await call('POST', '/api/events', { name: 'delivery.delayed', contact: { phone }, data: delay });
  expect(posted.status, JSON.stringify(posted.body)).toBe(200);
}

/** What the sandbox sent to `phone` on WhatsApp, once the journey has sent it. */
async function whatsappSentTo(phone: string): Promise<SandboxMessage[]> {
  return eventually(async () => {
    const sent = await call('GET', `/api/sandbox/messages?to=${encodeURIComponent(phone)}&channel=whatsapp`);
    const messages: SandboxMessage[] = sent.body.messages;
    return messages.length > 0 ? messages : undefined;
  }, `a WhatsApp send to ${phone}`);
}

async function customerWrites(phone: string, at: Date): Promise<void> {
  const written = await call('POST', '/api/sandbox/messages', { channel: 'whatsapp', from: `whatsapp:${phone}`, text: 'Where is my order?', at: at.toISOString() });
  expect(written.status, JSON.stringify(written.body)).toBe(200);
}

describe('the delivery-delay update and the WhatsApp window, through the API', () => {
  it('sends the approved template, shown by the sandbox endpoint, to a customer who never wrote on WhatsApp', async () => {
    const phone = '+14155550611';

    await deliveryDelayed(phone);

    expect(await whatsappSentTo(phone)).toEqual([
      expect.objectContaining({
        channel: 'whatsapp',
        body: 'template delivery_delay_update (en): there, NW-2001, Friday, https://track.example.com/NW-2001',
        whatsappTemplate: { name: 'delivery_delay_update', language: 'en', variables: ['there', 'NW-2001', 'Friday', 'https://track.example.com/NW-2001'] },
      }),
    ]);
  });

  it('writes free-form to a customer whose WhatsApp message is an hour old, though an older one arrived after it', async () => {
    const phone = '+14155550612';
    await customerWrites(phone, new Date(Date.now() - HOUR));
    // Out of order (a provider retrying late): it does not move the window's start back.
    await customerWrites(phone, new Date(Date.now() - 30 * HOUR));

    await deliveryDelayed(phone);

    expect(await whatsappSentTo(phone)).toEqual([
      expect.objectContaining({
        channel: 'whatsapp',
        body: 'Hi there, your order NW-2001 is running late, sorry. It should now arrive Friday. Track it here: https://track.example.com/NW-2001',
        whatsappTemplate: null,
      }),
    ]);
  });

  it('sends the template to a customer whose last WhatsApp message is 25 hours old', async () => {
    const phone = '+14155550613';
    await customerWrites(phone, new Date(Date.now() - 25 * HOUR));

    await deliveryDelayed(phone);

    const [sent] = await whatsappSentTo(phone);
    expect(sent?.whatsappTemplate?.name).toBe('delivery_delay_update');
  });
});
