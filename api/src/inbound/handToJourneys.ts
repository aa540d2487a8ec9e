import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { INBOUND_EVENT_SIGNAL, journeyWorkflowId, type ContactSnapshot, type InboundEvent, type JourneyInput } from '@threadline/worker/contract';
import { contactSnapshot, readContactProfile, type Store } from '@threadline/worker/store';
import { journeyStartOptions } from '@threadline/worker/start';
import type { FastifyBaseLogger } from 'fastify';
import type { JourneyRouting } from './journeyRouting';
import type { TriggerIndex, TriggerMatch } from './triggerIndex';

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

/** An event of a known contact, ready to hand over: what it starts, and how it is persisted. */
export interface Handover {
  contactId: string;
  event: InboundEvent;
  /** The published flows whose triggers this event satisfies. */
  matches: TriggerMatch[];
  /** Writes the event on the contact's timeline, insert-or-ignore keyed by `event.eventId`. */
  persist: () => Promise<{ inserted: boolean }>;
}

/**
 * Persists the event, hands it to every journey that can use it, then marks it delivered: the
 * second half of the inbound hot path (architecture.md, "The data flow"), shared by provider
 * webhooks and the events API. The event is persisted before delivery and marked only after,
 * so a crash in between leaves an undelivered event that a retry delivers again (journeys
 * dedupe by event id); a retry of a delivered event does nothing at all.
 */
export async function handToJourneys(deps: DeliveryDeps, handover: Handover): Promise<DeliveryResult> {
  const { store, temporal, journeys } = deps;
  const { contactId, event, matches } = handover;
  const { eventId } = event;
  const logger = deps.logger.child({ contactId, eventId });
  const startedIds = matches.map((match) => journeyWorkflowId(match.flow.flowId, contactId));

  // Two independent writes, in parallel to keep the hot path short: persist the event, and
  // register the journeys about to start, so that a reply racing in right behind this event
  // finds them in activeJourneys (the same write returns the journeys already there). If the
  // event turns out to be a retry, $addToSet changed nothing, or at worst re-listed a journey
  // that has since ended, which the next delivery finds closed and removes.
  const [{ inserted }, contactBefore] = await Promise.all([
    handover.persist(),
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
      logger.info('retry of a delivered event ignored');
      return { eventId, contactId, duplicate: true, journeys: [] };
    }
    // The first attempt stopped between persisting and delivering: deliver again.
  }
  const waiting = (contactBefore?.activeJourneys ?? []).filter((id) => !startedIds.includes(id));
  // The journeys start knowing the contact (`contact.firstName`, tags, zone…): the write above
  // returned the whole record, so this costs no read.
  const contact = startedIds.length > 0 && contactBefore ? contactSnapshot(readContactProfile(contactBefore)) : undefined;

  const [started, signalled] = await Promise.all([
    Promise.all(matches.map((match) => startJourney(temporal, journeys, match, { contactId, contact }, event, logger))),
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
  { contactId, contact }: { contactId: string; contact: ContactSnapshot | undefined },
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
    ...(contact === undefined ? {} : { contact }),
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
