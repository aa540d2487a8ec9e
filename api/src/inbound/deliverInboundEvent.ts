import type { Channel } from '@threadline/flows/types';
import type { InboundEvent } from '@threadline/worker/contract';
import {
  appendInboundEvent,
  InvalidAddressError,
  normalizeAddress,
  resolveContact,
  type Identity,
} from '@threadline/worker/store';
import type { ChannelProvider } from '@threadline/worker/channels';
import { ApiError } from '../errors/apiError';
import { answerSubscriptionKeyword, type KeywordChannel, type KeywordDeliveryResult } from './answerSubscriptionKeyword';
import { handToJourneys, type DeliveryDeps, type DeliveryResult } from './handToJourneys';
import type { MissedCallOutcome } from './matchTrigger';
import { subscriptionKeywordOf } from './subscriptionKeyword';

export type { DeliveryDeps, DeliveryResult } from './handToJourneys';

/** Delivery from a channel provider also answers STOP/START/HELP through that provider. */
export interface InboundDeliveryDeps extends DeliveryDeps {
  providerFor: (channel: KeywordChannel) => ChannelProvider;
}

/** What a provider told us, before we know who the contact is. */
export interface InboundDelivery {
  /** `sandbox`, `twilio`, …: the first half of the event id. */
  provider: string;
  /** The provider's own id for the message or call: the dedupe key of its retries. */
  providerMessageId: string;
  kind: 'message' | 'missedCall';
  channel: Channel;
  /** The contact's address as the provider wrote it; normalised here. */
  from: string;
  /** Where `from` sits in the request, for the 400 when it is not an address (`body.from`). */
  fromField: string;
  to?: string | undefined;
  text?: string | undefined;
  /** For a missed call: how it ended; a missed-call trigger counts only some outcomes. */
  outcome?: MissedCallOutcome | undefined;
  at: Date;
}

function normalizeOrReject(delivery: InboundDelivery): Identity {
  try {
    return normalizeAddress(delivery.channel, delivery.from);
  } catch (error) {
    if (error instanceof InvalidAddressError) {
      throw new ApiError(400, 'invalid-address', `${delivery.fromField}: ${error.message}`, { path: delivery.fromField });
    }
    throw error;
  }
}

/**
 * The product's hot path for provider webhooks: resolve the contact, then persist the event
 * keyed by the provider's id and hand it to every journey that can use it (handToJourneys).
 * An SMS or WhatsApp message that is a carrier keyword (STOP, START, HELP and kin) changes the
 * contact's subscription instead and reaches no journey (answerSubscriptionKeyword).
 */
export async function deliverInboundEvent(deps: InboundDeliveryDeps, delivery: InboundDelivery): Promise<DeliveryResult | KeywordDeliveryResult> {
  const identity = normalizeOrReject(delivery);
  const eventId = `${delivery.provider}:${delivery.providerMessageId}`;
  const { contactId } = await resolveContact(deps.store, identity);

  const event: InboundEvent = {
    eventId,
    kind: delivery.kind,
    channel: delivery.channel,
    from: identity.value,
    ...(delivery.to === undefined ? {} : { to: delivery.to }),
    ...(delivery.text === undefined ? {} : { text: delivery.text }),
    at: delivery.at.toISOString(),
  };
  // A WhatsApp message (STOP included) also opens the address's 24-hour window for free-form
  // sends (appendInboundEvent), before any journey hears of it: a journey that answers the
  // message finds the window open.
  const persist = () =>
    appendInboundEvent(deps.store, {
      _id: eventId,
      contactId,
      at: delivery.at,
      channel: delivery.channel,
      direction: 'inbound',
      kind: delivery.kind === 'missedCall' ? 'call' : 'message',
      body: delivery.text ?? null,
      from: identity.value,
      to: delivery.to ?? null,
      provider: delivery.provider,
      providerMessageId: delivery.providerMessageId,
      status: delivery.outcome ?? null,
    });

  const keywordChannel = delivery.kind === 'message' ? asKeywordChannel(delivery.channel) : null;
  const keyword = keywordChannel !== null && delivery.text !== undefined ? subscriptionKeywordOf(delivery.text) : null;
  if (keywordChannel !== null && keyword !== null) {
    return answerSubscriptionKeyword(deps, { contactId, eventId, channel: keywordChannel, from: identity.value, keyword, persist });
  }
  return handToJourneys(deps, { contactId, event, matches: deps.triggerIndex.match(event, delivery.outcome), persist });
}

function asKeywordChannel(channel: Channel): KeywordChannel | null {
  return channel === 'sms' || channel === 'whatsapp' ? channel : null;
}
