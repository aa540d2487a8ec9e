import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import {
  journeyWorkflowId,
  RESTART_SIGNAL,
  rerunWorkflowId,
  STATE_QUERY,
  type InboundEvent,
  type JourneyInput,
  type JourneyResume,
  type RestartRequest,
} from '@threadline/worker/contract';
import { journeyStartOptions } from '@threadline/worker/start';
import { appendTimelineEvent, contactSnapshot, readContactProfile, registerJourneys, type Store } from '@threadline/worker/store';
import type { FlowDefinition, MessageChannel } from '@threadline/flows/types';
import type { FastifyBaseLogger } from 'fastify';
import { ApiError, notFound } from '../errors/apiError';
import { readStoredDefinition } from '../flows/storedDefinition';
import type { JourneyRouting } from '../inbound/journeyRouting';
import { journeyStateSchema } from './journeyStateSchema';

/** How long a replaced journey gets to record its ending before it is terminated instead. */
const REPLACE_GRACE_MS = 10_000;
/** A query needs a worker to answer; without one it would wait for the RPC's long default. */
const STATE_QUERY_TIMEOUT_MS = 2_000;
/** Re-runs of one contact in one flow are numbered; past this many something is wrong. */
const MAX_RERUNS = 1_000;

export interface RerunRequest {
  contactId: string;
  flowId: string;
  /** The published version to run (the flow's current one when absent). */
  version?: number | undefined;
  nodeId: string;
}

export interface RerunAnswer {
  workflowId: string;
  runId: string;
  flowId: string;
  flowVersion: number;
  nodeId: string;
  /** The running journeys of the flow it replaced (cancelled), and whose variables it took. */
  replaced: string[];
  carriedVarsFrom: string | null;
}

export interface RerunDeps {
  store: Store;
  temporal: Client;
  journeys: JourneyRouting;
  logger: FastifyBaseLogger;
}

/**
 * Re-runs one contact from a chosen node on a chosen version (issue 6, "Lifecycle"). The
 * contact's running journey of the flow, if any, is cancelled (its trace says "replaced by a
 * re-run from <node>"); a new journey starts at the node with the contact's snapshot as it is
 * now and a fresh context, except the variables: those of the replaced journey go along, since
 * the node re-run from usually reads what the steps before it set (`nodes.*` results do not:
 * they belong to another run and, maybe, another version). It has its own id,
 * `journey:<flow>:<contact>:rerun-<n>`, so the replaced journey's history stays readable.
 */
export async function rerunJourney(deps: RerunDeps, request: RerunRequest): Promise<RerunAnswer> {
  const { store, temporal } = deps;
  const { contactId, flowId, nodeId } = request;
  const flow = await store.flows.findById(flowId, { publishedVersion: 1 }).lean();
  if (!flow) throw notFound('flow', flowId);
  const version = request.version ?? flow.publishedVersion;
  if (version === null || version === undefined) throw new ApiError(404, 'not-found', `flow "${flowId}" has no published version to re-run`, { path: 'body.version' });
  const stored = await store.flowVersions.findById(`${flowId}@${version}`).lean();
  if (!stored) throw new ApiError(404, 'not-found', `version "${flowId}@${version}" does not exist`, { path: 'body.version' });
  const definition = readStoredDefinition(stored.definitionJson, stored._id);
  const node = definition.nodes.find((candidate) => candidate.id === nodeId);
  if (!node) throw new ApiError(422, 'unknown-node', `v${version} of flow "${flowId}" has no node "${nodeId}"`, { path: 'body.nodeId', nodeId });
  if (node.type.startsWith('voice.')) {
    throw new ApiError(422, 'node-needs-call', `"${nodeId}" is a ${node.type} node: it needs a call in progress, which a re-run does not have`, { path: 'body.nodeId', nodeId });
  }
  const triggerNode = definition.nodes.find((candidate) => candidate.type.startsWith('trigger.'));
  if (!triggerNode) throw new ApiError(422, 'no-trigger', `v${version} of flow "${flowId}" has no trigger node`, { path: 'body.version' });
  const contactDoc = await store.contacts.findById(contactId).lean();
  if (!contactDoc) throw notFound('contact', contactId);
  const contact = contactSnapshot(readContactProfile(contactDoc));

  const running = await runningJourneys(temporal, flowId, contactId);
  const carried = await varsOf(temporal, running[0]);
  const detail = `replaced by a re-run from ${nodeId}`;
  for (const journey of running) await replace(temporal, journey, { by: `a re-run from ${nodeId}`, detail }, deps.logger);

  const now = new Date().toISOString();
  const channel = definition.settings?.defaultChannel ?? (contact.phone !== undefined ? 'sms' : contact.email !== undefined ? 'email' : 'sms');
  const from = channel === 'email' ? (contact.email ?? contactId) : (contact.phone ?? contact.email ?? contactId);
  const started = await startNumbered(deps, flowId, contactId, (workflowId) =>
    rerunInput({ flowId, version, definition, contactId, contact, triggerNodeId: triggerNode.id, nodeId, workflowId, now, channel, from, vars: carried.vars }),
  );

  await registerJourneys(store, contactId, [started.workflowId]);
  await appendTimelineEvent(store, {
    _id: `rerun:${started.workflowId}`,
    contactId,
    at: new Date(),
    channel: 'internal',
    direction: 'internal',
    kind: 'journey',
    body: `re-run from ${nodeId} on v${version}${running.length > 0 ? `, replacing ${running.map((journey) => journey.workflowId).join(', ')}` : ''}`,
    journeyId: started.workflowId,
    nodeId,
    status: 'started',
  });
  deps.logger.info({ flowId, contactId, journeyId: started.workflowId, flowVersion: version, nodeId }, 'journey re-run');
  return {
    workflowId: started.workflowId,
    runId: started.runId,
    flowId,
    flowVersion: version,
    nodeId,
    replaced: running.map((journey) => journey.workflowId),
    carriedVarsFrom: carried.from,
  };
}

interface RunningJourney {
  workflowId: string;
  runId: string;
  startTime: Date;
}

/**
 * The contact's running journeys of the flow, newest first: visibility's answer (which may lag
 * a moment) plus a direct look at the one-per-contact id, which is what is running in most cases.
 */
async function runningJourneys(temporal: Client, flowId: string, contactId: string): Promise<RunningJourney[]> {
  const found = new Map<string, RunningJourney>();
  const query = `FlowId = "${flowId}" AND ContactId = "${contactId}" AND ExecutionStatus = "Running"`;
  for await (const info of temporal.workflow.list({ query, pageSize: 100 })) {
    found.set(info.workflowId, { workflowId: info.workflowId, runId: info.runId, startTime: info.startTime });
  }
  try {
    const described = await temporal.workflow.getHandle(journeyWorkflowId(flowId, contactId)).describe();
    if (described.status.name === 'RUNNING') found.set(described.workflowId, { workflowId: described.workflowId, runId: described.runId, startTime: described.startTime });
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
  return [...found.values()].sort((a, b) => b.startTime.getTime() - a.startTime.getTime());
}

/** The replaced journey's variables; none when there is no journey or it does not answer. */
async function varsOf(temporal: Client, journey: RunningJourney | undefined): Promise<{ vars: Record<string, unknown>; from: string | null }> {
  if (!journey) return { vars: {}, from: null };
  try {
    const handle = temporal.workflow.getHandle(journey.workflowId, journey.runId);
    const answer = await temporal.withDeadline(Date.now() + STATE_QUERY_TIMEOUT_MS, () => handle.query<unknown>(STATE_QUERY));
    return { vars: journeyStateSchema.parse(answer).vars, from: journey.workflowId };
  } catch {
    return { vars: {}, from: null };
  }
}

/**
 * Cancelled, not terminated, as a restart re-entry does: the journey's cancel path closes its
 * trace visit with `detail` and frees the contact. Terminated only if it does not close in time.
 */
async function replace(temporal: Client, journey: RunningJourney, request: RestartRequest, logger: FastifyBaseLogger): Promise<void> {
  const handle = temporal.workflow.getHandle(journey.workflowId, journey.runId);
  try {
    await handle.signal(RESTART_SIGNAL, request);
    await handle.cancel();
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return;
    throw error;
  }
  const closed = await temporal
    .withDeadline(Date.now() + REPLACE_GRACE_MS, () => handle.result())
    .then(
      () => true,
      async () => (await handle.describe()).status.name !== 'RUNNING',
    );
  if (!closed) {
    logger.warn({ journeyId: journey.workflowId }, 'the replaced journey did not close in time: terminating it');
    await handle.terminate(request.detail ?? `restarted by ${request.by}`).catch((error: unknown) => {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    });
  }
}

/** Starts the re-run under the first free `rerun-<n>` id (REJECT_DUPLICATE: an id once used stays its run's). */
async function startNumbered(deps: RerunDeps, flowId: string, contactId: string, inputFor: (workflowId: string) => JourneyInput) {
  for (let attempt = 1; attempt <= MAX_RERUNS; attempt += 1) {
    const workflowId = rerunWorkflowId(flowId, contactId, attempt);
    if (await exists(deps.temporal, workflowId)) continue;
    const input = inputFor(workflowId);
    const options = journeyStartOptions(input, deps.journeys.taskQueue);
    try {
      const handle = await deps.temporal.workflow.start(deps.journeys.workflowType, {
        ...options,
        // Not the one-per-contact id the options name: the replaced journey's history stays under it.
        workflowId,
        staticSummary: `${options.staticSummary} · re-run from ${input.resume?.nodeId ?? ''}`,
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      return { workflowId, runId: handle.firstExecutionRunId };
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
  throw new ApiError(409, 'too-many-reruns', `contact "${contactId}" has been re-run in flow "${flowId}" ${MAX_RERUNS} times`);
}

async function exists(temporal: Client, workflowId: string): Promise<boolean> {
  try {
    await temporal.workflow.getHandle(workflowId).describe();
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

interface RerunInputParts {
  flowId: string;
  version: number;
  definition: FlowDefinition;
  contactId: string;
  contact: ReturnType<typeof contactSnapshot>;
  triggerNodeId: string;
  nodeId: string;
  workflowId: string;
  now: string;
  channel: MessageChannel;
  from: string;
  vars: Record<string, unknown>;
}

/**
 * A journey that starts at `nodeId` (`resume`) rather than at its trigger. Its trigger is the
 * re-run itself, on the flow's default channel (else the contact's phone, else email), so sends
 * that follow the trigger's channel reach the contact. Its sends are keyed by its own workflow
 * id, which no other run shares: nothing the replaced journey sent is taken for its own.
 */
export function rerunInput(parts: RerunInputParts): JourneyInput {
  const trigger: InboundEvent = { eventId: `rerun:${parts.workflowId}`, kind: 'event', name: 'rerun', channel: parts.channel, from: parts.from, at: parts.now };
  const resume: JourneyResume = {
    nodeId: parts.nodeId,
    firstRunId: parts.workflowId,
    startedAt: parts.now,
    context: {
      contact: { ...parts.contact, id: parts.contactId },
      trigger: { channel: parts.channel, text: null, from: parts.from, at: parts.now },
      reply: null,
      nodes: {},
      vars: { ...parts.vars },
    },
    visitCounts: {},
    path: [],
    visits: [],
    droppedVisits: 0,
    channels: [parts.channel],
    inbox: [],
    seenEventIds: [],
  };
  return {
    flowId: parts.flowId,
    flowVersion: parts.version,
    contactId: parts.contactId,
    definition: parts.definition,
    triggerNodeId: parts.triggerNodeId,
    trigger,
    contact: parts.contact,
    resume,
  };
}
