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
 * Something that happened to the contact that a journey may use: a message on any channel, or
 * a missed call. `eventId` is the timeline event's id (the provider's message id, prefixed by
 * the provider), so a provider retry carries the same id and the workflow ignores it.
 */
export interface InboundEvent {
  eventId: string;
  kind: 'message' | 'missedCall';
  channel: Channel;
  /** The contact's address on that channel, normalised (E.164 phone, lower-case email). */
  from: string;
  /** Our address the contact reached. */
  to?: string | undefined;
  text?: string | undefined;
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
  kind: 'reply';
  /** ISO time the wait times out. */
  until: string;
  channels: Channel[];
}

/** What the `state` query returns: where the journey is, how it got there, what it waits for. */
export interface JourneyState {
  status: JourneyStatus;
  currentNodeId: string | null;
  path: string[];
  vars: Record<string, unknown>;
  pendingWait: PendingWait | null;
  outcome: string | null;
}
