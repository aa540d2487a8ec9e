/**
 * The state of one journey run: the pinned definition's index, the context templates and
 * splits read, the buffered inbound events and the bookkeeping the `state` query reports.
 * Plain data and synchronous methods; the workflow and the node handlers drive it.
 */
import { ApplicationFailure, workflowInfo } from '@temporalio/workflow';
import { indexDefinition, nextNodeId, type DefinitionIndex } from '@threadline/flows/runtime';
import type { Channel, FlowNode, MessageChannel } from '@threadline/flows/types';
import type { NodeStatDelta } from '../store/nodeStats';
import { journeySearchAttributeKeys, type ContactSnapshot, type InboundEvent, type JourneyInput, type JourneyResume, type JourneyState, type JourneyStatus, type PendingWait } from '../journeys/contract';
import { JOURNEY_LOOP, definitionFault } from './journeyFailures';
import { keepLast, MAX_CARRIED_EVENT_IDS, MAX_CARRIED_INBOX, MAX_CARRIED_PATH } from './journeyResume';
import { NodeStatsTally } from './nodeStatsTally';
import { pinnedDefinition } from './pinnedDefinition';
import { VisitTrace } from './visitTrace';
import { WaitSkip } from './waitSkip';

/**
 * A node entered more often than this without the journey waiting in between (a timer, a reply,
 * an event) fails the journey: the flow loops without end. A loop through a wait is bounded by
 * time, and continue-as-new keeps its history small, so it may go round for as long as it likes.
 */
export const MAX_NODE_VISITS = 1000;

export interface ReplyContext {
  text: string;
  channel: Channel;
  at: string;
}

/** A business event a `waitForEvent` node took, as `nodes.<id>.event` holds it. */
export interface EventContext {
  name: string;
  data: Record<string, unknown>;
  at: string;
}

/** What `trigger` holds: `event` and `data` only when a business event started the journey. */
export interface TriggerContext {
  channel: Channel;
  text: string | null;
  from: string;
  at: string;
  event?: string;
  data?: Record<string, unknown>;
}

/**
 * The contact as templates see it (`contact.*`). Only `id` is certain: the rest is filled from
 * the contact's record when the journey starts and by updateContact nodes, as far as known.
 */
export interface ContactContext extends ContactSnapshot {
  id: string;
}

/** What Liquid templates and split conditions see (product.md, "Journey semantics"). */
export interface JourneyContext {
  contact: ContactContext;
  trigger: TriggerContext;
  reply: ReplyContext | null;
  nodes: Record<string, unknown>;
  vars: Record<string, unknown>;
  /**
   * `now` is the workflow's clock as of the node being run (deterministic on replay): Liquid's
   * "now" and "today" read it, never the machine's clock.
   */
  journey: { id: string; flowId: string; flowVersion: number; startedAt: string; now: string };
}

export class JourneyRun {
  readonly journeyId: string;
  /** Stable across workflow retries and continue-as-new: it keys the sends' idempotency. */
  readonly firstRunId: string;
  readonly index: DefinitionIndex;
  readonly context: JourneyContext;
  /** Channels the contact has used in this journey, as the `Channels` search attribute holds. */
  readonly channels: string[];

  readonly path: string[] = [];
  currentNodeId: string | null = null;
  pendingWait: PendingWait | null = null;
  outcome: string | null = null;
  /** Every node visit with its output and reason (journey.ts records them). */
  readonly trace = new VisitTrace();
  /** The simulator's `skipWait` of the pending wait (waitSkip.ts). */
  readonly waitSkip = new WaitSkip();
  /** The builder's per-node counts, handed to the next activity (nodeStatsTally.ts). */
  readonly nodeStats: NodeStatsTally;
  /** The end node's rendered `returns`, for a parent's `subflow` node; null when it returns none. */
  returns: Record<string, string> | null = null;

  private readonly inbox: InboundEvent[] = [];
  private readonly seenEventIds = new Set<string>();
  private readonly visits = new Map<string, number>();
  /** Each node's entries since the journey last waited: what loop protection counts. */
  private readonly entriesSinceWait = new Map<string, number>();
  private currentStatus: JourneyStatus = 'running';
  /** While a child journey runs: the events received for it, not for this journey's inbox. */
  private forwarding: InboundEvent[] | null = null;

  constructor(readonly input: JourneyInput) {
    const info = workflowInfo();
    this.journeyId = info.workflowId;
    // A journey that continued as new keeps the first run's id: it keys the sends made so far.
    this.firstRunId = input.resume?.firstRunId ?? info.firstExecutionRunId;
    this.index = indexDefinition(pinnedDefinition(input));
    this.nodeStats = new NodeStatsTally(input.flowId, input.flowVersion, `${info.workflowId}:${info.runId}`, input.resume?.nodeStats);
    this.seenEventIds.add(input.trigger.eventId);
    this.channels = [...(info.typedSearchAttributes.get(journeySearchAttributeKeys.Channels) ?? [input.trigger.channel])];
    this.context = {
      contact: contactContext(input),
      trigger: triggerContext(input.trigger),
      reply: null,
      nodes: {},
      vars: {},
      journey: {
        id: this.journeyId,
        flowId: input.flowId,
        flowVersion: input.flowVersion,
        startedAt: info.startTime.toISOString(),
        now: new Date().toISOString(),
      },
    };
    if (input.resume) this.restore(input.resume);
  }

  get status(): JourneyStatus {
    return this.currentStatus;
  }

  /** Waiting (on a timer, a reply, an event) ends a loop as loop protection counts it. */
  set status(status: JourneyStatus) {
    if (status === 'waiting') this.entriesSinceWait.clear();
    this.currentStatus = status;
  }

  /** How many times the journey has entered the node, across continue-as-new. */
  visitsOf(nodeId: string): number {
    return this.visits.get(nodeId) ?? 0;
  }

  /** Takes over the state a previous run carried (journeyResume.ts). */
  private restore(resume: JourneyResume): void {
    const { context } = resume;
    this.context.contact = { ...context.contact };
    this.context.trigger = { ...context.trigger };
    this.context.reply = context.reply;
    Object.assign(this.context.nodes, context.nodes);
    Object.assign(this.context.vars, context.vars);
    this.context.journey.startedAt = resume.startedAt;
    for (const [nodeId, count] of Object.entries(resume.visitCounts)) this.visits.set(nodeId, count);
    for (const [nodeId, count] of Object.entries(resume.entriesSinceWait ?? {})) this.entriesSinceWait.set(nodeId, count);
    this.path.push(...resume.path);
    this.trace.restore(resume.visits, resume.droppedVisits);
    this.channels.splice(0, this.channels.length, ...resume.channels);
    for (const eventId of resume.seenEventIds) this.seenEventIds.add(eventId);
    this.inbox.push(...resume.inbox);
  }

  /**
   * What the next run needs to go on at `nodeId` as if nothing happened: the journey is between
   * nodes (nothing in flight), so this is all its state. Bounded (journeyResume.ts).
   */
  resumeAt(nodeId: string): JourneyResume {
    const { contact, trigger, reply, nodes, vars, journey } = this.context;
    return {
      nodeId,
      firstRunId: this.firstRunId,
      startedAt: journey.startedAt,
      context: { contact, trigger, reply, nodes, vars },
      visitCounts: Object.fromEntries(this.visits),
      entriesSinceWait: Object.fromEntries(this.entriesSinceWait),
      path: keepLast(this.path, MAX_CARRIED_PATH),
      visits: this.trace.list(),
      droppedVisits: this.trace.dropped,
      channels: [...this.channels],
      inbox: keepLast(this.inbox, MAX_CARRIED_INBOX),
      seenEventIds: keepLast([...this.seenEventIds], MAX_CARRIED_EVENT_IDS),
      // Counts no activity has carried yet; left out when there are none.
      ...nodeStatsToCarry(this.nodeStats.pending()),
    };
  }

  /** Buffers an inbound event unless its id was seen: provider retries change nothing. */
  receive(event: InboundEvent): boolean {
    if (this.seenEventIds.has(event.eventId)) return false;
    this.seenEventIds.add(event.eventId);
    (this.forwarding ?? this.inbox).push(event);
    return true;
  }

  /**
   * From now on new events are held for a child journey (the contact's replies reach only the
   * parent, which is the journey registered on the contact). Buffered ones stay this journey's.
   */
  startForwarding(): void {
    this.forwarding ??= [];
  }

  hasForwarded(): boolean {
    return (this.forwarding?.length ?? 0) > 0;
  }

  /** Removes and returns the events held for the child, oldest first. */
  takeForwarded(): InboundEvent[] {
    return this.forwarding?.splice(0) ?? [];
  }

  /** Events the child could not take (it had ended) are this journey's again, in order. */
  stopForwarding(unforwarded: readonly InboundEvent[] = []): void {
    const held = this.forwarding ?? [];
    this.forwarding = null;
    this.inbox.push(...unforwarded, ...held);
  }

  hasReply(channels: readonly MessageChannel[]): boolean {
    return this.inbox.some((event) => isReplyOn(event, channels));
  }

  /** Removes and returns the oldest buffered message on one of `channels` (any when empty). */
  takeReply(channels: readonly MessageChannel[]): ReplyContext | null {
    const position = this.inbox.findIndex((event) => isReplyOn(event, channels));
    if (position < 0) return null;
    const [event] = this.inbox.splice(position, 1);
    if (!event) return null;
    const reply: ReplyContext = { text: event.text ?? '', channel: event.channel, at: event.at };
    this.context.reply = reply;
    return reply;
  }

  hasEvent(name: string): boolean {
    return this.inbox.some((event) => isEventNamed(event, name));
  }

  /**
   * Removes and returns the oldest buffered business event with this name: one that came
   * before the journey reached its wait is still here, and is taken once.
   */
  takeEvent(name: string): EventContext | null {
    const position = this.inbox.findIndex((event) => isEventNamed(event, name));
    if (position < 0) return null;
    const [event] = this.inbox.splice(position, 1);
    if (!event) return null;
    return { name, data: { ...(event.data ?? {}) }, at: event.at };
  }

  /** Adds a channel the contact used; true when it is new (the search attribute needs an update). */
  addChannel(channel: Channel): boolean {
    if (this.channels.includes(channel)) return false;
    this.channels.push(channel);
    return true;
  }

  /** Looks up and enters a node: counts the visit (loop protection) and records the path. */
  enter(nodeId: string): { node: FlowNode; visit: number } {
    const node = this.index.nodes.get(nodeId);
    if (!node) throw definitionFault(nodeId, 'no node has this id');
    const visit = (this.visits.get(nodeId) ?? 0) + 1;
    const sinceWait = (this.entriesSinceWait.get(nodeId) ?? 0) + 1;
    if (sinceWait > MAX_NODE_VISITS) {
      throw ApplicationFailure.nonRetryable(
        `node "${nodeId}" was entered more than ${MAX_NODE_VISITS} times without a wait: the flow loops without end`,
        JOURNEY_LOOP,
      );
    }
    this.visits.set(nodeId, visit);
    this.entriesSinceWait.set(nodeId, sinceWait);
    this.path.push(nodeId);
    this.nodeStats.enter(nodeId);
    this.currentNodeId = nodeId;
    this.context.journey.now = new Date().toISOString();
    return { node, visit };
  }

  /** The node an output leads to; an unconnected output is a fault of the definition. */
  follow(node: FlowNode, output: string): string {
    const next = nextNodeId(this.index, node.id, output);
    if (next === undefined) throw definitionFault(node.id, `output "${output}" is not connected to any node`);
    return next;
  }

  state(): JourneyState {
    return {
      status: this.status,
      currentNodeId: this.currentNodeId,
      path: [...this.path],
      vars: { ...this.context.vars },
      nodes: { ...this.context.nodes },
      pendingWait: this.pendingWait,
      outcome: this.outcome,
      visits: this.trace.list(),
      droppedVisits: this.trace.dropped,
      // Only when returned: the result of every other journey stays what it was.
      ...(this.returns === null ? {} : { returns: { ...this.returns } }),
    };
  }
}

/**
 * The contact's id and, when the starter gave one, their snapshot. A journey started without
 * it (by an earlier release) sees `{ id }` as it always did, so its sends stay the same commands.
 */
function contactContext(input: JourneyInput): ContactContext {
  if (input.contact === undefined) return { id: input.contactId };
  return { ...input.contact, id: input.contactId };
}

/**
 * Messages and calls keep exactly the four fields they always had: a send's activity input
 * carries the context, and their journeys' sends should stay what they were.
 */
function triggerContext(trigger: InboundEvent): TriggerContext {
  const context: TriggerContext = { channel: trigger.channel, text: trigger.text ?? null, from: trigger.from, at: trigger.at };
  if (trigger.kind === 'event') {
    context.event = trigger.name ?? '';
    context.data = { ...(trigger.data ?? {}) };
  }
  return context;
}

function nodeStatsToCarry(pending: NodeStatDelta[]): { nodeStats?: NodeStatDelta[] } {
  return pending.length === 0 ? {} : { nodeStats: pending };
}

function isEventNamed(event: InboundEvent, name: string): boolean {
  return event.kind === 'event' && event.name === name;
}

function isReplyOn(event: InboundEvent, channels: readonly MessageChannel[]): boolean {
  if (event.kind !== 'message') return false;
  return channels.length === 0 || channels.some((channel) => channel === event.channel);
}
