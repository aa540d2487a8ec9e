/**
 * The journey workflow's contract with the outside: its type name, task queue, id scheme,
 * signal, query and input shapes, and the custom search attributes it keeps. The API imports
 * this to start and signal journeys; the stack imports the search attribute list to register
 * it. Plain data and types only, so it is safe in the workflow bundle.
 */
import type { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import type { Channel, FlowDefinition, MessageChannel } from '@threadline/flows/types';

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
  /**
   * The contact as their record stood when the journey started (`contact.*` in templates).
   * Absent in journeys started before it existed: those see `contact.id` only.
   */
  contact?: ContactSnapshot | undefined;
}

/**
 * What a journey knows of its contact besides the id: read from the record when the journey
 * starts and returned by each updateContact node. Fields the record lacks are left out.
 */
export interface ContactSnapshot {
  firstName?: string | undefined;
  lastName?: string | undefined;
  /** From the contact's identities: E.164 phone, lower-case email. */
  phone?: string | undefined;
  email?: string | undefined;
  /** IANA zone: the contact's own, else inferred from the phone number's country when it has one zone. */
  timezone?: string | undefined;
  tags?: string[] | undefined;
  attributes?: Record<string, string> | undefined;
  preferredChannel?: MessageChannel | undefined;
  doNotCall?: boolean | undefined;
}

/**
 * `cancelled`: someone cancelled the journey from the API (the `JourneyStatus` search attribute
 * is a Keyword, so the value needs no registration).
 */
export type JourneyStatus = 'running' | 'waiting' | 'completed' | 'failed' | 'cancelled';

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
  /** The node visits so far, oldest first (at most the last `MAX_TRACED_VISITS`); absent in results of older journeys. */
  visits?: NodeVisit[] | undefined;
  /** How many older visits were dropped to keep `visits` bounded. */
  droppedVisits?: number | undefined;
}

/** The trace keeps this many visits: a journey looping through a delay must not grow its state without end. */
export const MAX_TRACED_VISITS = 500;

/**
 * One node visit as the trace shows it: "where is this contact, and why didn't they get the
 * message?". Times are the workflow's clock (deterministic on replay).
 */
export interface NodeVisit {
  nodeId: string;
  type: string;
  /** How many times the journey had entered this node, from 1. */
  visit: number;
  enteredAt: string;
  /** Null while the journey is still at the node. */
  leftAt: string | null;
  /** The output the journey took; null for an end node or a visit cut short (failed, cancelled). */
  output: string | null;
  /** Why, in a few words: "blocked: the contact opted out of sms", "timed out after 24h", … */
  detail: string | null;
}
