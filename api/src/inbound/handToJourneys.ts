import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { INBOUND_EVENT_SIGNAL, type ContactSnapshot, type InboundEvent, type JourneyInput } from '@threadline/worker/contract';
import { contactSnapshot, readContactProfile, registerJourneys, runningJourneysOf, unregisterJourneys, type Store } from '@threadline/worker/store';
import { startedJourneyId } from '@threadline/worker/start';
import type { FastifyBaseLogger } from 'fastify';
import { enterBesideReruns, rerunsToRestart, type RunningBeside } from './rerunReentry';
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
 * dedupe by event id, and a trigger event never starts a second journey: journeyEntry.ts); a
 * retry of a delivered event does nothing at all.
 */
export async function handToJourneys(deps: DeliveryDeps, handover: Handover): Promise<DeliveryResult> {
  const { store, temporal } = deps;
  const { contactId, event, matches } = handover;
  const { eventId } = event;
  const logger = deps.logger.child({ contactId, eventId });
  // One id per flow and contact, or per trigger event for a flow whose re-entry is `parallel`.
  const startedIds = matches.map(({ flow }) => startedJourneyId({ flowId: flow.flowId, contactId, definition: flow.definition, trigger: event }));

  // Independent steps, in parallel to keep the hot path short: persist the event, and
  // register the journeys about to start, so that a reply racing in right behind this event
  // finds them among the contact's running journeys (the same step returns the journeys
  // already there); a journey about to start also reads the contact. If the event turns out
  // to be a retry, the registration changed nothing, or at worst re-listed a journey that has
  // since ended, which the next delivery finds closed and removes.
  // exec(): a promise, read by two (a mongoose query awaited twice would run twice, or throw).
  const contactRead = startedIds.length > 0 ? store.contacts.findById(contactId).lean().exec() : Promise.resolve(null);
  const [{ inserted }, runningBefore, contactDoc] = await Promise.all([
    handover.persist(),
    startedIds.length > 0 ? registerJourneys(store, contactId, startedIds, contactRead) : runningJourneysOf(store, contactId),
    contactRead,
  ]);
  // When the event was handed over before: the time it was first recorded (a retry may carry another).
  let handedOverAt: Date | null = null;
  if (!inserted) {
    const existing = await store.timeline.findById(eventId, { deliveredAt: 1, at: 1 }).lean();
    handedOverAt = existing?.at ?? new Date(event.at);
    if (existing?.deliveredAt) {
      logger.info('retry of a delivered event ignored');
      return { eventId, contactId, duplicate: true, journeys: [] };
    }
    // The first attempt stopped between persisting and delivering: deliver again.
  }
  const waiting = runningBefore.filter((id) => !startedIds.includes(id));
  // The journeys start knowing the contact (`contact.firstName`, tags, zone…).
  const contact = contactDoc ? contactSnapshot(readContactProfile(contactDoc)) : undefined;

  const inputs = matches.map((match) => journeyInput(match, { contactId, contact }, event));
  // A running re-run of a triggered flow is that flow's journey for the contact (rerunReentry.ts).
  const restarted = rerunsToRestart(inputs, waiting, contactId);
  const told = waiting.filter((workflowId) => !restarted.has(workflowId));
  const signalling = new Map(told.map((workflowId) => [workflowId, signalJourney(temporal, workflowId, event, logger)]));
  const beside: RunningBeside = { contactId, waiting, signalled: (workflowId) => signalling.get(workflowId) ?? Promise.resolve(false) };
  const [started, signalled] = await Promise.all([
    Promise.all(inputs.map((input, index) => enterBesideReruns({ ...deps, logger }, beside, { input, startedId: startedIds[index] ?? '', handedOverAt }))),
    Promise.all(told.map((workflowId) => beside.signalled(workflowId))),
  ]);
  const closed = told.filter((_, index) => !signalled[index]);
  if (closed.length > 0) {
    await unregisterJourneys(store, contactId, closed);
  }

  await store.timeline.updateOne({ _id: eventId }, { $set: { deliveredAt: new Date() } });
  return {
    eventId,
    contactId,
    duplicate: false,
    journeys: [...started.filter((id): id is string => id !== null), ...told.filter((_, index) => signalled[index])],
  };
}

/** What a trigger match starts: the flow's published version, pinned, from its trigger node. */
function journeyInput(
  { flow, triggerNode }: TriggerMatch,
  { contactId, contact }: { contactId: string; contact: ContactSnapshot | undefined },
  event: InboundEvent,
): JourneyInput {
  return {
    flowId: flow.flowId,
    flowVersion: flow.flowVersion,
    contactId,
    definition: flow.definition,
    triggerNodeId: triggerNode.id,
    trigger: event,
    ...(contact === undefined ? {} : { contact }),
  };
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
