import { assertNever } from '@threadline/flows';
import type { MessageChannel } from '@threadline/flows/types';
import type { InboundEvent } from '@threadline/worker/contract';
import {
  appendTimelineEvent,
  identityKey,
  InvalidAddressError,
  normalizeAddress,
  resolveContact,
  type Identity,
  type Store,
} from '@threadline/worker/store';
import { ApiError } from '../errors/apiError';
import { handToJourneys, type DeliveryDeps, type DeliveryResult } from './handToJourneys';
import { payloadProblem } from './payloadProblem';
import type { TriggerMatch } from './triggerIndex';

/** The first half of a business event's timeline id: `api:<your event id>`. */
export const EVENTS_API_PROVIDER = 'api';

/** A business event your system posted, before we know who the contact is. */
export interface BusinessEventDelivery {
  /** Your system's id for it: the dedupe key of retries. */
  eventId: string;
  name: string;
  /** Who it is about: an existing contact's id, else a phone or email (new ones create the contact). */
  contact: { id?: string | undefined; phone?: string | undefined; email?: string | undefined };
  data: Record<string, unknown>;
  at: Date;
}

/** Who the event is about: an existing contact, or an address to resolve (creating it) later. */
type ContactRef = { contactId: string; identity: Identity } | { contactId: null; identity: Identity };

/**
 * Delivers a business event like an inbound message: every running journey of the contact is
 * signalled (its waitForEvent nodes take it), and published flows whose `trigger.event` has the
 * same name are signal-with-started. Everything that can refuse the event (the address, the
 * contact id, each matching trigger's payload fields) is checked before anything is written: a
 * refused event leaves no contact, timeline entry or journey behind.
 */
export async function deliverBusinessEvent(deps: DeliveryDeps, delivery: BusinessEventDelivery): Promise<DeliveryResult> {
  const { store } = deps;
  const ref = await contactRef(store, delivery.contact);
  const eventId = `${EVENTS_API_PROVIDER}:${delivery.eventId}`;
  const event: InboundEvent = {
    eventId,
    kind: 'event',
    channel: channelOf(ref.identity),
    from: ref.identity.value,
    name: delivery.name,
    data: delivery.data,
    at: delivery.at.toISOString(),
  };
  const matches = deps.triggerIndex.match(event, undefined);
  refuseMissingPayload(matches, delivery.data);

  const contactId = ref.contactId ?? (await resolveContact(store, ref.identity)).contactId;
  return handToJourneys(deps, {
    contactId,
    event,
    matches,
    persist: () => appendBusinessEvent(store, contactId, event, delivery),
  });
}

async function contactRef(store: Store, contact: BusinessEventDelivery['contact']): Promise<ContactRef> {
  if (contact.id !== undefined) {
    const existing = await store.contacts.findById(contact.id, { identities: 1 }).lean();
    if (!existing) {
      throw new ApiError(404, 'not-found', `body.contact.id: contact "${contact.id}" does not exist`, { path: 'body.contact.id' });
    }
    const identity = reachableIdentity(existing.identities);
    if (!identity) {
      throw new ApiError(422, 'contact-unreachable', `body.contact.id: contact "${contact.id}" has no phone, email or webchat address`, {
        path: 'body.contact.id',
      });
    }
    return { contactId: contact.id, identity };
  }
  const identity =
    contact.phone !== undefined
      ? normalizeOrReject('sms', contact.phone, 'body.contact.phone')
      : contact.email !== undefined
        ? normalizeOrReject('email', contact.email, 'body.contact.email')
        : undefined;
  // The route's schema requires one of the three; this keeps the types honest.
  if (!identity) throw new ApiError(400, 'invalid-request', 'body.contact: give an id, a phone or an email', { path: 'body.contact' });
  const known = await store.identities.findById(identityKey(identity)).lean();
  return known ? { contactId: known.contactId, identity } : { contactId: null, identity };
}

/** Phone first: sends that follow the trigger's channel then go by SMS, as for a missed call. */
function reachableIdentity(identities: ReadonlyArray<{ type: string; value: string }>): Identity | undefined {
  for (const type of ['phone', 'email', 'webchat'] as const) {
    const found = identities.find((identity) => identity.type === type);
    if (found) return { type, value: found.value };
  }
  return undefined;
}

function channelOf(identity: Identity): MessageChannel {
  switch (identity.type) {
    case 'phone':
      return 'sms';
    case 'email':
      return 'email';
    case 'webchat':
      return 'webchat';
    default:
      return assertNever(identity.type, 'identity type');
  }
}

function normalizeOrReject(channel: 'sms' | 'email', address: string, path: string): Identity {
  try {
    return normalizeAddress(channel, address);
  } catch (error) {
    if (error instanceof InvalidAddressError) throw new ApiError(400, 'invalid-address', `${path}: ${error.message}`, { path });
    throw error;
  }
}

/** A 422 naming the first field a matching trigger requires and the event lacks (or mistypes). */
function refuseMissingPayload(matches: readonly TriggerMatch[], data: Readonly<Record<string, unknown>>): void {
  for (const { flow, triggerNode } of matches) {
    if (triggerNode.type !== 'trigger.event') continue;
    const problem = payloadProblem(triggerNode.config.payload, data);
    if (problem) {
      throw new ApiError(
        422,
        'invalid-event-payload',
        `${problem.path}: ${problem.message}; flow "${flow.flowId}" (node "${triggerNode.id}") declares it in its event trigger`,
        { path: problem.path, nodeId: triggerNode.id },
      );
    }
  }
}

/** The event on the contact's timeline, insert-or-ignore keyed by the event id. */
function appendBusinessEvent(store: Store, contactId: string, event: InboundEvent, delivery: BusinessEventDelivery): Promise<{ inserted: boolean }> {
  return appendTimelineEvent(store, {
    _id: event.eventId,
    contactId,
    at: delivery.at,
    channel: 'api',
    direction: 'inbound',
    kind: 'event',
    body: delivery.name,
    dataJson: JSON.stringify(delivery.data),
    from: event.from,
    provider: EVENTS_API_PROVIDER,
    providerMessageId: delivery.eventId,
  });
}
