import type { MessageChannel } from '@threadline/flows/types';
import { appendTimelineEvent, type Store } from '../store';

/** The visit a send belongs to, as the outbox and the timeline key it. */
export interface SendVisit {
  key: string;
  journeyId: string;
  nodeId: string;
  contactId: string;
  channel: MessageChannel;
}

/**
 * Marks the visit's outbox entry sent and puts the message on the contact's timeline (once:
 * `out:<key>`). Used right after the provider's answer and when a lookup finds the provider
 * made a send whose answer was lost.
 */
export async function recordSent(
  store: Store,
  visit: SendVisit,
  sent: {
    to: string | null;
    body: string | null;
    provider: string;
    providerMessageId: string;
    /**
     * The time the frequency cap counts the send at: the compliance decision's clock, which
     * follows Temporal's when a test skips time. Defaults to now.
     */
    countedAt?: Date;
  },
): Promise<void> {
  const sentAt = new Date();
  await Promise.all([
    store.outbox.updateOne(
      { _id: visit.key },
      { $set: { status: 'sent', providerMessageId: sent.providerMessageId, sentAt: sent.countedAt ?? sentAt } },
    ),
    appendTimelineEvent(store, {
      _id: `out:${visit.key}`,
      contactId: visit.contactId,
      at: sentAt,
      channel: visit.channel,
      direction: 'outbound',
      kind: 'message',
      body: sent.body,
      to: sent.to,
      provider: sent.provider,
      providerMessageId: sent.providerMessageId,
      journeyId: visit.journeyId,
      nodeId: visit.nodeId,
      status: 'sent',
    }),
  ]);
}

/** An internal decision about the visit's send on the timeline, once per `suffix`. */
export async function noteSendDecision(
  store: Store,
  visit: SendVisit,
  note: { suffix: string; body: string; to: string | null; status: string },
): Promise<void> {
  await appendTimelineEvent(store, {
    _id: `decision:${visit.key}${note.suffix}`,
    contactId: visit.contactId,
    at: new Date(),
    channel: visit.channel,
    direction: 'internal',
    kind: 'decision',
    body: note.body,
    to: note.to,
    journeyId: visit.journeyId,
    nodeId: visit.nodeId,
    status: note.status,
  });
}
