import type { Store } from './models';
import { appendTimelineEvent, type NewTimelineEvent } from './timeline';
import { noteInboundWhatsapp } from './whatsappWindows';

/** An inbound event as a webhook records it: who it came from is known. */
export type NewInboundEvent = NewTimelineEvent & { direction: 'inbound'; from: string };

/**
 * Records what a contact sent us: the event on their timeline (insert-or-ignore by its id, as
 * appendTimelineEvent) and, for a WhatsApp message, the 24-hour window it opens for free-form
 * sends to that address (whatsappWindows.ts), in parallel. The one way inbound messages are
 * written, by the API's webhooks and by tests that play a contact.
 */
export async function appendInboundEvent(store: Store, event: NewInboundEvent): Promise<{ inserted: boolean }> {
  if (event.kind !== 'message' || event.channel !== 'whatsapp') return appendTimelineEvent(store, event);
  const [appended] = await Promise.all([appendTimelineEvent(store, event), noteInboundWhatsapp(store, event.from, event.at)]);
  return appended;
}
