/**
 * The journey workflow's contract with the outside: its type name, task queue, id scheme,
 * signal, query and input shapes, and the custom search attributes it keeps. The API imports
 * this to start and signal journeys; the stack imports the search attribute list to register
 * it. Plain data and types only, so it is safe in the workflow bundle.
 */
import type { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import type { Channel, FlowDefinition } from '@threadline/flows/types';

export const JOURNEY_TASK_QUEUE = 'journeys';
export const JOURNEY_WORKFLOW_TYPE = 'journeyWorkflow';
export const INBOUND_EVENT_SIGNAL = 'inboundEvent';
export const STATE_QUERY = 'state';

/** Custom search attributes registered by the dev stack and docker-compose. */
export const journeySearchAttributes = {
  FlowId: 'Keyword',
  FlowVersion: 'Int',
  ContactId: 'Keyword',
  CurrentNode: 'Keyword',
  Channels: 'KeywordList',
  JourneyStatus: 'Keyword',
} as const;

export type JourneySearchAttributeName = keyof typeof journeySearchAttributes;

/**
 * The same attributes as typed keys for the SDK (`typedSearchAttributes`,
 * `upsertSearchAttributes`). Plain `{ name, type }` objects, which is all
 * `defineSearchAttributeKey` makes, so the workflow bundle evaluates nothing more.
 */
export const journeySearchAttributeKeys = {
  FlowId: { name: 'FlowId', type: 'KEYWORD' },
  FlowVersion: { name: 'FlowVersion', type: 'INT' },
  ContactId: { name: 'ContactId', type: 'KEYWORD' },
  CurrentNode: { name: 'CurrentNode', type: 'KEYWORD' },
  Channels: { name: 'Channels', type: 'KEYWORD_LIST' },
  JourneyStatus: { name: 'JourneyStatus', type: 'KEYWORD' },
} as const satisfies { [Name in JourneySearchAttributeName]: SearchAttributeKey & { name: Name } };

/** What `defineSearchAttributeKey` returns (the SDK does not export the type by name). */
type SearchAttributeKey = ReturnType<typeof defineSearchAttributeKey<SearchAttributeType>>;

/** Readable id: one journey per (flow, contact), e.g. `journey:missed-call-text-back:c_4f9k2m`. */
export function journeyWorkflowId(flowId: string, contactId: string): string {
  return `journey:${flowId}:${contactId}`;
}

/**
 * Something that happened to the contact that a journey may use: a message on any channel, a
 * missed call, or a business event your systems posted (`POST /api/events`). `eventId` is the
 * timeline event's id (the provider's message id, prefixed by the provider), so a provider
 * retry carries the same id and the workflow ignores it.
 */
export interface InboundEvent {
  eventId: string;
  kind: 'message' | 'missedCall' | 'event';
  /**
   * The channel it came on. A business event has none of its own: it carries the channel of
   * the address that named the contact (sms for a phone, email for an email), so the sends
   * that follow the trigger's channel reach the contact there.
   */
  channel: Channel;
  /** The contact's address on that channel, normalised (E.164 phone, lower-case email). */
  from: string;
  /** Our address the contact reached. */
  to?: string | undefined;
  text?: string | undefined;
  /** A business event's name, e.g. "payment.due" (kind `event` only). */
  name?: string | undefined;
  /** A business event's payload, read as `trigger.data.*` or `nodes.<id>.event.data.*` (kind `event` only). */
  data?: Record<string, unknown> | undefined;
  /** ISO 8601 time the provider received it. */
  at: string;
}

export interface JourneyInput {
  flowId: string;
  flowVersion: number;
  contactId: string;
  /**
   * The published definition, pinned: a later edit never changes a running journey. Journeys
   * started by an earlier release carry the schemaVersion they were started with; the workflow
   * migrates it forward (`migrateDefinition`) before it runs.
   */
  definition: FlowDefinition;
  /** The trigger node whose event started this journey, and that event. */
  triggerNodeId: string;
  trigger: InboundEvent;
}

export type JourneyStatus = 'running' | 'waiting' | 'completed' | 'failed';

export interface PendingWait {
  nodeId: string;
  kind: 'reply' | 'event' | 'timer';
  /** ISO time the wait times out (for a timer: when it fires). */
  until: string;
  /** The channels a reply may come on (empty: any; always empty for an event wait). */
  channels: Channel[];
  /** The event name an event wait waits for. */
  event?: string | undefined;
}

/** What the `state` query returns: where the journey is, how it got there, what it waits for. */
export interface JourneyState {
  status: JourneyStatus;
  currentNodeId: string | null;
  path: string[];
  vars: Record<string, unknown>;
  /** Each visited node's results by id, as templates read them (`nodes.<id>.*`); absent in results of older journeys. */
  nodes?: Record<string, unknown> | undefined;
  pendingWait: PendingWait | null;
  outcome: string | null;
}
