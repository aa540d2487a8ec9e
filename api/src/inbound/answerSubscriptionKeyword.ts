import { assertNever } from '@threadline/flows';
import type { ChannelProvider } from '@threadline/worker/channels';
import { appendTimelineEvent, setChannelOptOut, type Store } from '@threadline/worker/store';
import type { FastifyBaseLogger } from 'fastify';
import type { DeliveryResult } from './handToJourneys';
import type { SubscriptionAction, SubscriptionKeyword } from './subscriptionKeyword';

/** The channels whose carriers define STOP/START/HELP; elsewhere those words are ordinary text. */
export type KeywordChannel = 'sms' | 'whatsapp';

export const KEYWORD_REPLIES: Readonly<Record<SubscriptionAction, string>> = {
  optOut: "You're unsubscribed and will get no more messages here. Reply START to resubscribe.",
  optIn: "You're resubscribed. Reply STOP to unsubscribe.",
  help: 'Reply STOP to unsubscribe. Msg & data rates may apply.',
};

export interface SubscriptionDeps {
  store: Store;
  /** The outbound adapter the confirmation goes through, as the worker's sends do. */
  providerFor: (channel: KeywordChannel) => ChannelProvider;
  logger: FastifyBaseLogger;
}

/** A keyword message of a known contact, ready to act on. */
export interface KeywordHandover {
  contactId: string;
  /** `<provider>:<provider message id>`: the dedupe key of provider retries. */
  eventId: string;
  channel: KeywordChannel;
  /** The contact's normalised address on the channel: where the confirmation goes. */
  from: string;
  keyword: SubscriptionKeyword;
  /** Writes the message on the timeline, insert-or-ignore keyed by `eventId`. */
  persist: () => Promise<{ inserted: boolean }>;
}

export interface KeywordDeliveryResult extends DeliveryResult {
  subscription: { action: SubscriptionAction; keyword: string; optOuts: string[] };
}

/**
 * STOP, START and HELP change the contact's subscription and nothing else: the message goes on
 * the timeline as usual but is not handed to any journey (it is not a reply a `waitForReply`
 * could branch on, and it starts no flow), because a carrier keyword is an instruction to the
 * sender, not conversation. A journey that is waiting sees the opt-out at its next send, which
 * the send's compliance check blocks.
 *
 * Exactly once per inbound message: a retry of a delivered message does nothing; a retry after
 * a crash half-way redoes each step idempotently (the opt-out has set semantics, the decision
 * entry is keyed by the event id, and the confirmation is skipped once recorded and otherwise
 * sent with an idempotency key derived from the event id, which the provider dedupes on).
 * The confirmation itself is not subject to the opt-out: carriers require it.
 */
export async function answerSubscriptionKeyword(deps: SubscriptionDeps, handover: KeywordHandover): Promise<KeywordDeliveryResult> {
  const { store } = deps;
  const { contactId, eventId, keyword } = handover;
  const logger = deps.logger.child({ contactId, eventId, keyword: keyword.keyword });

  const { inserted } = await handover.persist();
  if (!inserted) {
    const existing = await store.timeline.findById(eventId, { deliveredAt: 1 }).lean();
    if (existing?.deliveredAt) {
      logger.info('retry of a delivered keyword message ignored');
      const contact = await store.contacts.findById(contactId, { optOuts: 1 }).lean();
      return { eventId, contactId, duplicate: true, journeys: [], subscription: { ...keyword, optOuts: contact?.optOuts ?? [] } };
    }
  }

  const optOuts = await changeSubscription(deps, handover);
  await reply(deps, handover, logger);
  await store.timeline.updateOne({ _id: eventId }, { $set: { deliveredAt: new Date() } });
  return { eventId, contactId, duplicate: false, journeys: [], subscription: { ...keyword, optOuts } };
}

/** Applies an opt-out or opt-in and puts the decision on the timeline; the opt-outs after it. */
async function changeSubscription(deps: SubscriptionDeps, { contactId, eventId, channel, keyword }: KeywordHandover): Promise<string[]> {
  const { action } = keyword;
  if (action === 'help') {
    const contact = await deps.store.contacts.findById(contactId, { optOuts: 1 }).lean();
    return contact?.optOuts ?? [];
  }
  const optedOut = action === 'optOut';
  const change = await setChannelOptOut(deps.store, contactId, channel, optedOut);
  if (change === null) throw new Error(`contact ${contactId} vanished while its ${keyword.keyword} was handled`);
  await appendTimelineEvent(deps.store, {
    _id: `decision:${eventId}`,
    contactId,
    at: new Date(),
    channel,
    direction: 'internal',
    kind: 'decision',
    body: decisionText(action, channel, keyword.keyword, change.changed),
    status: optedOut ? 'opted-out' : 'opted-in',
  });
  deps.logger.info({ contactId, channel, keyword: keyword.keyword, changed: change.changed }, optedOut ? 'contact opted out' : 'contact opted in');
  return change.optOuts;
}

function decisionText(action: 'optOut' | 'optIn', channel: KeywordChannel, keyword: string, changed: boolean): string {
  switch (action) {
    case 'optOut':
      return `${changed ? '' : 'already '}opted out of ${channel} (${keyword})`;
    case 'optIn':
      return `${changed ? 'opted back in to' : 'already subscribed to'} ${channel} (${keyword})`;
    default:
      return assertNever(action, 'subscription change');
  }
}

/** The confirmation, once per inbound message, recorded on the timeline like a journey's send. */
async function reply(deps: SubscriptionDeps, { contactId, eventId, channel, from, keyword }: KeywordHandover, logger: FastifyBaseLogger): Promise<void> {
  const idempotencyKey = `reply:${eventId}`;
  const timelineId = `out:${idempotencyKey}`;
  if (await deps.store.timeline.exists({ _id: timelineId })) return;
  const body = KEYWORD_REPLIES[keyword.action];
  const provider = deps.providerFor(channel);
  const { providerMessageId } = await provider.send({ channel, to: from, body, mediaUrls: [], idempotencyKey });
  await appendTimelineEvent(deps.store, {
    _id: timelineId,
    contactId,
    at: new Date(),
    channel,
    direction: 'outbound',
    kind: 'message',
    body,
    to: from,
    provider: provider.name,
    providerMessageId,
    status: 'sent',
  });
  logger.info({ channel, provider: provider.name, providerMessageId }, 'keyword confirmation sent');
}
