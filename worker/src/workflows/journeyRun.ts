/**
 * The state of one journey run: the pinned definition's index, the context templates and
 * splits read, the buffered inbound events and the bookkeeping the `state` query reports.
 * Plain data and synchronous methods; the workflow and the node handlers drive it.
 */
import { ApplicationFailure, workflowInfo } from '@temporalio/workflow';
import { indexDefinition, nextNodeId, type DefinitionIndex } from '@threadline/flows/runtime';
import type { Channel, FlowNode, MessageChannel } from '@threadline/flows/types';
import { journeySearchAttributeKeys, type ContactSnapshot, type InboundEvent, type JourneyInput, type JourneyState, type JourneyStatus, type PendingWait } from '../journeys/contract';
import { JOURNEY_LOOP, definitionFault } from './journeyFailures';
import { pinnedDefinition } from './pinnedDefinition';
import { VisitTrace } from './visitTrace';

/** A node entered more often than this fails the journey: the flow loops without end. */
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
  status: JourneyStatus = 'running';
  currentNodeId: string | null = null;
  pendingWait: PendingWait | null = null;
  outcome: string | null = null;
  /** Every node visit with its output and reason (journey.ts records them). */
  readonly trace = new VisitTrace();

  private readonly inbox: InboundEvent[] = [];
  private readonly seenEventIds = new Set<string>();
  private readonly visits = new Map<string, number>();

  constructor(readonly input: JourneyInput) {
    const info = workflowInfo();
    this.journeyId = info.workflowId;
    this.firstRunId = info.firstExecutionRunId;
    this.index = indexDefinition(pinnedDefinition(input));
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
  }

  /** Buffers an inbound event unless its id was seen: provider retries change nothing. */
  receive(event: InboundEvent): boolean {
    if (this.seenEventIds.has(event.eventId)) return false;
    this.seenEventIds.add(event.eventId);
    this.inbox.push(event);
    return true;
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
    if (visit > MAX_NODE_VISITS) {
      throw ApplicationFailure.nonRetryable(
        `node "${nodeId}" was entered more than ${MAX_NODE_VISITS} times: the flow loops without end`,
        JOURNEY_LOOP,
      );
    }
    this.visits.set(nodeId, visit);
    this.path.push(nodeId);
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

function isEventNamed(event: InboundEvent, name: string): boolean {
  return event.kind === 'event' && event.name === name;
}

function isReplyOn(event: InboundEvent, channels: readonly MessageChannel[]): boolean {
  if (event.kind !== 'message') return false;
  return channels.length === 0 || channels.some((channel) => channel === event.channel);
}
