/**
 * What the library-flow suites share: the time-skipping test server (a flow's days of waits
 * pass in seconds, unshortened), real FerretDB (the suite's, in a database of its own), a
 * lead with a phone and an email, the events a real user sends, and the recorded histories
 * (RECORD_HISTORIES=1 writes them; a normal run only replays its own).
 */
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { flowLibrary } from '@threadline/flows';
import type { Channel, FlowDefinition } from '@threadline/flows/types';
import { inject } from 'vitest';
import { bundleJourneyWorkflows } from '../createJourneyWorker';
import { JOURNEY_WORKFLOW_TYPE, STATE_QUERY, type InboundEvent, type JourneyInput, type JourneyState, type NodeVisit } from '../journeys/contract';
import { journeyStartOptions } from '../journeys/journeyStartOptions';
import { appendInboundEvent, identityKey, resolveContact, type Store } from '../store';
import { startForSuite } from '../testSupport/startForSuite';
import { eventually } from '../testSupport/startWorkerTestStack';
import { createSkippingWorker, startTimeSkippingHarness, type SkippingWorkerOptions, type TimeSkippingHarness } from '../testSupport/timeSkippingHarness';
import { replayAndMaybeRecord as replayHistory } from '../workflows/recordedHistories/recordHistory';

export type { SkippingWorkerOptions } from '../testSupport/timeSkippingHarness';

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

export interface LibraryHarness extends TimeSkippingHarness {
  workflowBundle: WorkflowBundleWithSourceMap;
}

/**
 * The suite's harness, started before its tests and stopped after them, writing to `database`
 * on the suite's FerretDB: each library suite has a database of its own.
 */
export function useLibraryHarness(database: string): LibraryHarness {
  return startForSuite(`the library harness (${database})`, () => startLibraryHarness(inject('mongoUri'), database));
}

async function startLibraryHarness(mongoUri: string, database: string): Promise<LibraryHarness & { stop(): Promise<void> }> {
  const [harness, workflowBundle] = await Promise.all([startTimeSkippingHarness(mongoUri, database), bundleJourneyWorkflows()]);
  return { ...harness, workflowBundle };
}

export function libraryFlow(id: string): FlowDefinition {
  const definition = flowLibrary.find((flow) => flow.id === id)?.definition;
  if (!definition) throw new Error(`the flow library lacks ${id}`);
  return definition;
}

export interface Lead {
  contactId: string;
  phone: string;
  email: string;
  firstName: string;
}

let leadCounter = 0;

/** A contact with a phone and an email, as a lead form makes one: found by either. */
export async function newLead(store: Store, prefix: string): Promise<Lead> {
  leadCounter += 1;
  const suffix = `${process.pid % 100}${String(leadCounter).padStart(2, '0')}`.padStart(4, '0').slice(-4);
  const phone = `+1415${prefix}${suffix}`;
  const email = `lead-${prefix}-${suffix}-${randomUUID().slice(0, 6)}@example.com`;
  const { contactId } = await resolveContact(store, { type: 'phone', value: phone });
  const emailIdentity = { type: 'email' as const, value: email };
  await store.identities.create({ _id: identityKey(emailIdentity), contactId });
  await store.contacts.updateOne({ _id: contactId }, { $push: { identities: emailIdentity }, $set: { firstName: 'Ada' } });
  return { contactId, phone, email, firstName: 'Ada' };
}

/** A business event the customer's systems post for the lead (`POST /api/events`). */
export function businessEvent(lead: Lead, name: string, data: Record<string, unknown> = {}, at = new Date()): InboundEvent {
  return { eventId: `event:${randomUUID()}`, kind: 'event', name, data, channel: 'sms', from: lead.phone, at: at.toISOString() };
}

/** The event the lead flows start on: the lead form's `lead.created`. */
export function leadCreated(lead: Lead): InboundEvent {
  return businessEvent(lead, 'lead.created');
}

/**
 * A message from the lead on a channel, sent at the test server's time (the journey's clock):
 * recorded as the API's delivery records it (the timeline, and on WhatsApp the 24-hour window
 * it opens), and returned for the test to signal to the journey, as the API would.
 */
export async function replyFrom(harness: LibraryHarness, lead: Lead, channel: Extract<Channel, 'sms' | 'whatsapp' | 'email'>, text: string): Promise<InboundEvent> {
  const eventId = channel === 'email' ? `email:${randomUUID()}` : `sandbox:SM-${randomUUID()}`;
  const from = channel === 'email' ? lead.email : lead.phone;
  const at = new Date(await harness.env.currentTimeMs());
  await appendInboundEvent(harness.store, { _id: eventId, contactId: lead.contactId, at, channel, direction: 'inbound', kind: 'message', body: text, from });
  return { eventId, kind: 'message', channel, from, text, at: at.toISOString() };
}

/** The journey's input as the API would start it: the library flow's version 1, with the lead's snapshot. */
export function leadJourney(definition: FlowDefinition, lead: Lead, trigger: InboundEvent, timezone?: string): JourneyInput {
  const triggerNode = definition.nodes.find((node) => node.type.startsWith('trigger.'));
  if (!triggerNode) throw new Error(`${definition.id} has no trigger`);
  return {
    flowId: definition.id,
    flowVersion: 1,
    contactId: lead.contactId,
    definition,
    triggerNodeId: triggerNode.id,
    trigger,
    contact: { firstName: lead.firstName, phone: lead.phone, email: lead.email, ...(timezone === undefined ? {} : { timezone }) },
  };
}

/** Runs `drive` with a journey worker on the skipping server, on a task queue of its own. */
export async function withSkippingWorker<T>(
  harness: LibraryHarness,
  options: SkippingWorkerOptions,
  drive: (start: (input: JourneyInput) => Promise<WorkflowHandle>) => Promise<T>,
): Promise<T> {
  const { worker, taskQueue } = await createSkippingWorker(harness, 'library', { workflowBundle: harness.workflowBundle, ...options });
  const start = (input: JourneyInput) => harness.env.client.workflow.start(JOURNEY_WORKFLOW_TYPE, journeyStartOptions(input, taskQueue));
  return worker.runUntil(drive(start));
}

/** Runs the journey to its end on a skipping worker: its final state, and its handle for the history. */
export async function runToEnd(
  harness: LibraryHarness,
  input: JourneyInput,
  options: SkippingWorkerOptions = {},
): Promise<{ final: JourneyState; handle: WorkflowHandle }> {
  return withSkippingWorker(harness, options, async (start) => {
    const handle = await start(input);
    return { final: (await handle.result()) as JourneyState, handle };
  });
}

/** How a journey that should fail ended: its failure (null if it completed instead) and its state then. */
export async function failureAndState(handle: WorkflowHandle): Promise<{ failure: unknown; state: JourneyState }> {
  const failure = await handle.result().then(() => null, (error: unknown) => error);
  return { failure, state: await handle.query<JourneyState>(STATE_QUERY) };
}

/**
 * Waits (in real time: the skipping server's clock only runs while a result is awaited) until
 * the journey waits at `nodeId`.
 */
export async function waitingAt(handle: WorkflowHandle, nodeId: string): Promise<JourneyState> {
  return eventually(async () => {
    const state = await handle.query<JourneyState>(STATE_QUERY);
    return state.status === 'waiting' && state.pendingWait?.nodeId === nodeId ? state : undefined;
  }, `the journey to wait at ${nodeId}`);
}

/** What the sandbox provider recorded for the lead, oldest first: one row per provider message. */
export async function sendsTo(store: Store, lead: Lead): Promise<Array<{ channel: string; body: string; subject: string | null; providerCalls: number }>> {
  const sends = await store.sandboxMessages.find({ to: { $in: [lead.phone, lead.email] } }).sort({ at: 1 }).lean();
  return sends.map((send) => ({ channel: send.channel, body: send.body, subject: send.subject ?? null, providerCalls: send.providerCalls }));
}

/** The trace as node → detail, in visit order: what the API's trace answers. */
export function traceOf(state: JourneyState): Array<[string, string | null]> {
  return (state.visits ?? []).map((visit: NodeVisit) => [visit.nodeId, visit.detail]);
}

/** How long the journey stayed at a visit, on the workflow's (skipped) clock. */
export function stayedMs(state: JourneyState, nodeId: string): number {
  const visit = state.visits?.find((each) => each.nodeId === nodeId);
  if (!visit?.leftAt) throw new Error(`${nodeId} was not visited and left`);
  return Date.parse(visit.leftAt) - Date.parse(visit.enteredAt);
}

/** The summaries the Temporal UI shows on the journey's timers and activities, in order. */
export async function summariesOf(handle: WorkflowHandle): Promise<string[]> {
  const events = (await handle.fetchHistory()).events ?? [];
  return events.flatMap((event) => (event.userMetadata?.summary ? [defaultPayloadConverter.fromPayload<string>(event.userMetadata.summary)] : []));
}

/** The library flow's journey, replayed and (RECORD_HISTORIES=1) recorded: see recordedHistories/recordHistory.ts. */
export async function replayAndMaybeRecord(harness: LibraryHarness, handle: WorkflowHandle, name: string): Promise<void> {
  await replayHistory(harness.workflowBundle, handle, name);
}

/**
 * A whole-hour zone where the wall clock at `nowMs` reads `localHour` and some minutes, so a
 * quiet-hours test reads the same whatever time it runs at. Etc/GMT signs are inverted.
 */
export function zoneWhereItIs(localHour: number, nowMs: number): string {
  const ahead = ((localHour - new Date(nowMs).getUTCHours() + 36) % 24) - 12;
  if (ahead === 0) return 'Etc/GMT';
  return ahead > 0 ? `Etc/GMT-${ahead}` : `Etc/GMT+${-ahead}`;
}

/** The local time of an ISO instant in a zone, "HH:MM". */
export function localTime(iso: string, zone: string): string {
  return new Date(iso).toLocaleTimeString('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' });
}
