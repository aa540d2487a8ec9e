import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Channel } from '@threadline/flows/types';
import {
  INBOUND_EVENT_SIGNAL,
  journeyWorkflowId,
  type InboundEvent,
  type JourneyInput,
} from '@threadline/worker/contract';
import {
  appendTimelineEvent,
  InvalidAddressError,
  normalizeAddress,
  resolveContact,
  type Identity,
  type Store,
} from '@threadline/worker/store';
import { journeyStartOptions } from '@threadline/worker/start';
import type { FastifyBaseLogger } from 'fastify';
import { ApiError } from '../errors/apiError';
import type { JourneyRouting } from './journeyRouting';
import type { MissedCallOutcome } from './matchTrigger';
import type { TriggerIndex, TriggerMatch } from './triggerIndex';

/** What a provider told us, before we know who the contact is. */
export interface InboundDelivery {
  /** `sandbox`, `twilio`, …: the first half of the event id. */
  provider: string;
  /** The provider's own id for the message or call: the dedupe key of its retries. */
  providerMessageId: string;
  kind: InboundEvent['kind'];
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

export interface DeliveryResult {
  eventId: string;
  contactId: string;
  /** True when this was a provider retry of an event already delivered: nothing was done. */
  duplicate: boolean;
  /** The workflow ids of the journeys the event was handed to (started or signalled). */
  journeys: string[];
}

export interface DeliveryDeps {
  store: Store;
  temporal: Client;
  triggerIndex: TriggerIndex;
  /** The workflow type and task queue new journeys start as (see journeyRouting.ts). */
  journeys: JourneyRouting;
  logger: FastifyBaseLogger;
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
 * The product's hot path (architecture.md, "The data flow"): resolve the contact, persist the
 * event keyed by the provider's id, hand it to every journey that can use it, then mark it
 * delivered. The event is persisted before delivery and marked only after, so a crash in
 * between leaves an undelivered event that the provider's retry delivers again (journeys
 * dedupe by event id); a retry of a delivered event does nothing at all.
 */
export async function deliverInboundEvent(deps: DeliveryDeps, delivery: InboundDelivery): Promise<DeliveryResult> {
  const { store, temporal, triggerIndex, journeys } = deps;
  const identity = normalizeOrReject(delivery);
  const eventId = `${delivery.provider}:${delivery.providerMessageId}`;
  const { contactId } = await resolveContact(store, identity);

  const event: InboundEvent = {
    eventId,
    kind: delivery.kind,
    channel: delivery.channel,
    from: identity.value,
    ...(delivery.to === undefined ? {} : { to: delivery.to }),
    ...(delivery.text === undefined ? {} : { text: delivery.text }),
    at: delivery.at.toISOString(),
  };
  const logger = deps.logger.child({ contactId, eventId });
  const matches = triggerIndex.match(event, delivery.outcome);
  const startedIds = matches.map((match) => journeyWorkflowId(match.flow.flowId, contactId));

  // Two independent writes, in parallel to keep the hot path short: persist the event, and
  // register the journeys about to start, so that a reply racing in right behind this event
  // finds them in activeJourneys (the same write returns the journeys already there). If the
  // event turns out to be a retry, $addToSet changed nothing, or at worst re-listed a journey
  // that has since ended, which the next delivery finds closed and removes.
  const [{ inserted }, contactBefore] = await Promise.all([
    appendTimelineEvent(store, {
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
    }),
    startedIds.length > 0
      ? store.contacts
          .findOneAndUpdate(
            { _id: contactId },
            { $addToSet: { activeJourneys: { $each: startedIds } } },
            // No projection: FerretDB 1.24 does not implement findAndModify's `fields`.
            { returnDocument: 'before' },
          )
          .lean()
      : store.contacts.findById(contactId, { activeJourneys: 1 }).lean(),
  ]);
  if (!inserted) {
    const existing = await store.timeline.findById(eventId, { deliveredAt: 1 }).lean();
    if (existing?.deliveredAt) {
      logger.info('provider retry of a delivered event ignored');
      return { eventId, contactId, duplicate: true, journeys: [] };
    }
    // The first attempt stopped between persisting and delivering: deliver again.
  }
  const waiting = (contactBefore?.activeJourneys ?? []).filter((id) => !startedIds.includes(id));

  const [started, signalled] = await Promise.all([
    Promise.all(matches.map((match) => startJourney(temporal, journeys, match, contactId, event, logger))),
    Promise.all(waiting.map((workflowId) => signalJourney(temporal, workflowId, event, logger))),
  ]);
  const closed = waiting.filter((_, index) => !signalled[index]);
  if (closed.length > 0) {
    await store.contacts.updateOne({ _id: contactId }, { $pull: { activeJourneys: { $in: closed } } });
  }

  await store.timeline.updateOne({ _id: eventId }, { $set: { deliveredAt: new Date() } });
  return {
    eventId,
    contactId,
    duplicate: false,
    journeys: [...started, ...waiting.filter((_, index) => signalled[index])],
  };
}

async function startJourney(
  temporal: Client,
  journeys: JourneyRouting,
  { flow, triggerNode }: TriggerMatch,
  contactId: string,
  event: InboundEvent,
  logger: FastifyBaseLogger,
): Promise<string> {
  const input: JourneyInput = {
    flowId: flow.flowId,
    flowVersion: flow.flowVersion,
    contactId,
    definition: flow.definition,
    triggerNodeId: triggerNode.id,
    trigger: event,
  };
  const { workflowId, ...options } = journeyStartOptions(input, journeys.taskQueue);
  // An already running journey of this flow just receives the event (signal-with-start
  // signals it); the re-entry policies of product.md will refine this.
  await temporal.workflow.signalWithStart(journeys.workflowType, {
    workflowId,
    ...options,
    signal: INBOUND_EVENT_SIGNAL,
    signalArgs: [event],
  });
  logger.info({ flowId: flow.flowId, journeyId: workflowId, flowVersion: flow.flowVersion }, 'journey signalled with start');
  return workflowId;
}

/** Signals a journey the contact is in; false when it has finished (or never existed). */
async function signalJourney(temporal: Client, workflowId: string, event: InboundEvent, logger: FastifyBaseLogger): Promise<boolean> {
  try {
    await temporal.workflow.getHandle(workflowId).signal(INBOUND_EVENT_SIGNAL, event);
    logger.info({ journeyId: workflowId }, 'event delivered to a running journey');
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) {
      logger.info({ journeyId: workflowId }, 'journey has ended; removing it from the contact');
      return false;
    }
    throw error;
  }
}
