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
  /** `call`: an inbound call answered by a journey (voice turns follow as `voiceTurn` updates). */
  kind: 'message' | 'missedCall' | 'event' | 'call';
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
  /** Set when a parent journey's `subflow` node started this one as its child; absent otherwise. */
  parent?: SubflowParent | undefined;
  /**
   * Start at a node with this state instead of at the trigger: a journey that continued as new
   * (and, later, one moved to another version or re-run from a chosen node). Absent: from the trigger.
   */
  resume?: JourneyResume | undefined;
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

/**
 * What a journey can wait for. `call`: a `call.outbound` node waits for the call to be answered
 * (or not); `caller`: a voice node (menu, gather, record, connect) waits for the caller's turn
 * on a live call; `transcript`: a node reads a recording's transcript that the provider has not
 * delivered yet (`event` names the recording node). One list, so the API's schemas of the
 * `state` answer never fall behind.
 */
export const PENDING_WAIT_KINDS = ['reply', 'event', 'timer', 'call', 'caller', 'transcript'] as const;

export interface PendingWait {
  nodeId: string;
  kind: (typeof PENDING_WAIT_KINDS)[number];
  /** ISO time the wait times out (for a timer: when it fires; for the caller: when the turn counts as never coming). */
  until: string;
  /** ISO time the wait began; set for the caller's turn, so on-call sees how long the line has been quiet. */
  since?: string | undefined;
  /** The channels a reply may come on (empty: any; always empty for an event wait). */
  channels: Channel[];
  /** The event name an event wait waits for; for a transcript wait, the recording node's id. */
  event?: string | undefined;
  /**
   * Whether a `skipWait` signal may fire it early: delays, waitUntil, reply and event waits.
   * Absent or false for a quiet-hours deferral (compliance is never skipped).
   */
  skippable?: boolean | undefined;
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
  /**
   * What the `end` node's `returns` rendered to, by output name: a parent's `subflow` node reads
   * them as `nodes.<id>.outputs.<name>`. Absent when the end node returns nothing.
   */
  returns?: Record<string, string> | undefined;
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

/** The parent of a child journey: who runs it, from which `subflow` node and visit. */
export interface SubflowParent {
  journeyId: string;
  flowId: string;
  nodeId: string;
  visit: number;
}

/**
 * A child journey's trigger is a business event of this name whose `data` holds the rendered
 * inputs, so the subflow reads them as `trigger.data.<name>` like any event payload.
 */
export const SUBFLOW_TRIGGER_EVENT = 'subflow';

/**
 * Readable in the Temporal UI next to its parent, and one per subflow node visit:
 * `journey:onboarding:c_4f9k2m/sub:collect_address:1`.
 */
export function subflowWorkflowId(parentJourneyId: string, nodeId: string, visit: number): string {
  return `${parentJourneyId}/sub:${nodeId}:${visit}`;
}

/**
 * Voice is request/response (architecture.md): each webhook of an inbound call is one
 * `voiceTurn` update whose result is the TwiML the caller hears next. `start` answers the call
 * (update-with-start); `input` carries what the caller did at the node that asked (its action
 * URL names the node, visit and turn); `hangup` says the call is over (status callback).
 */
export const VOICE_TURN_UPDATE = 'voiceTurn';

export type VoiceTurnRequest =
  | { kind: 'start'; callSid: string }
  | {
      kind: 'input';
      callSid: string;
      nodeId: string;
      visit: number;
      turn: number;
      /** Keys pressed (Gather) or the key that ended a recording (`hangup` when the caller hung up). */
      digits?: string | undefined;
      /** Recognised speech (Gather). */
      speech?: string | undefined;
      recordingUrl?: string | undefined;
      recordingDuration?: number | undefined;
      /** `<Dial action>`'s DialCallStatus, or `<Enqueue action>`'s QueueResult. */
      dialStatus?: string | undefined;
      dialDuration?: number | undefined;
    }
  | {
      /**
       * An outbound call (`call.outbound`) was answered: Twilio requested the call's Url, with
       * `AnsweredBy` when answering-machine detection was on. Its result is the first turn.
       */
      kind: 'answer';
      callSid: string;
      nodeId: string;
      visit: number;
      /** Twilio's AnsweredBy (human, machine_start, machine_end_beep, fax, unknown…); absent with detection off. */
      answeredBy?: string | undefined;
    }
  | {
      kind: 'hangup';
      callSid: string;
      /** The final CallStatus when the status callback gave one (no-answer, busy, failed, canceled, completed). */
      status?: string | undefined;
    };

/** The TwiML document for the caller's next turn (`<Response>…</Response>`). */
export type VoiceTurnResponse = string;

/** The action URL's path and query keys, shared by the workflow (which writes them) and the API (which reads them). */
export const VOICE_TURN_PATH = '/webhooks/twilio/voice/turn';

/**
 * An outbound call's webhooks (call.outbound): the answer (Twilio's `Url`) at this path and the
 * status callback at `<path>/status`, each with `journey`, `node` and `visit` in the query, so
 * the API hands them to the journey without a lookup.
 */
export const OUTBOUND_CALL_PATH = '/webhooks/twilio/voice/outbound';

/**
 * A recording's transcript, which Twilio posts to the `<Record transcribeCallback>` minutes after
 * the call (providers-reference §3): the callback's query names the journey, the recording node
 * and its visit, and the API hands it to the journey as this signal.
 */
export const TRANSCRIPTION_SIGNAL = 'transcription';

/** The transcribeCallback's path; `journey`, `node` and `visit` in the query, as turns have. */
export const VOICE_TRANSCRIPTION_PATH = '/webhooks/twilio/voice/transcription';

export interface TranscriptionNotice {
  nodeId: string;
  visit: number;
  /** Twilio's TranscriptionStatus. */
  status: 'completed' | 'failed';
  /** TranscriptionText; empty when it failed. */
  text: string;
}

/** Signal that a restart is about to cancel the journey: its trace and timeline then name the event. */
export const RESTART_SIGNAL = 'restartJourney';

export interface RestartRequest {
  /** The trigger event that restarts the journey (its eventId). */
  by: string;
  /** What the trace says of the visit cut short instead of `restarted by <by>`, e.g. "replaced by a re-run from send_offer". */
  detail?: string | undefined;
}

/**
 * Signal from the builder's simulator and from tests: fire the journey's pending wait now, as if
 * its timer had elapsed (a delay ends, a reply or event wait takes its `timeout` output). Only a
 * wait at `nodeId` (any wait when absent) is skipped, and never a quiet-hours deferral; anything
 * else is ignored and logged. The trace says "wait skipped (simulator)".
 */
export const SKIP_WAIT_SIGNAL = 'skipWait';

export interface SkipWaitRequest {
  nodeId?: string | undefined;
}

/** Whether a `skipWait` request acts on the journey's pending wait, and if not, why. */
export type SkipWaitDecision = { skip: true; nodeId: string } | { skip: false; reason: string };

/**
 * Pure, and shared by the workflow (which acts on it) and the API (which answers 409 otherwise):
 * a request acts only on a skippable wait at the node it names (any wait when it names none). A
 * quiet-hours deferral is a wait too, but compliance is never skipped.
 */
export function decideSkipWait(pending: Pick<PendingWait, 'nodeId' | 'kind' | 'skippable'> | null, request: SkipWaitRequest | undefined): SkipWaitDecision {
  const nodeId = typeof request?.nodeId === 'string' && request.nodeId !== '' ? request.nodeId : null;
  if (!pending) return { skip: false, reason: 'the journey is not waiting' };
  if (nodeId !== null && pending.nodeId !== nodeId) {
    return { skip: false, reason: `the journey waits at ${pending.nodeId}, not at ${nodeId}` };
  }
  if (pending.skippable !== true) {
    // The only timer that is not skippable is a send's quiet-hours deferral.
    const why = pending.kind === 'timer' ? 'is a quiet-hours deferral: compliance is never skipped' : `(${pending.kind}) cannot be skipped`;
    return { skip: false, reason: `the wait at ${pending.nodeId} ${why}` };
  }
  return { skip: true, nodeId: pending.nodeId };
}

/** What the trace says of a wait the simulator skipped. */
export const WAIT_SKIPPED_DETAIL = 'wait skipped (simulator)';

/** The memo key holding the id of the event that started a journey (the API tells retries apart by it). */
export const TRIGGER_EVENT_MEMO = 'triggerEventId';

/**
 * The id of one entry of a flow whose re-entry policy is `parallel`: each trigger event starts
 * its own journey, `journey:<flowId>:<contactId>:<entry>`. The entry is read from the event id
 * and so is the same for a provider's retry, which then finds its journey already there.
 */
export function journeyEntryWorkflowId(flowId: string, contactId: string, triggerEventId: string): string {
  return `${journeyWorkflowId(flowId, contactId)}:${journeyEntryKey(triggerEventId)}`;
}

/**
 * `sandbox:CA12` → `sandbox-CA12-1x9k2f`: the event id made safe for an id segment (at most 40
 * characters of it) plus a hash of the whole id, so two events whose safe forms meet (`a:b` and
 * `a-b`, or a long shared prefix) still get their own journeys. At most 48 characters.
 */
export function journeyEntryKey(eventId: string): string {
  const readable = eventId.replace(/[^A-Za-z0-9_]+/g, '-').slice(0, 40).replace(/^-+|-+$/g, '');
  const hash = fnv1a32(eventId).toString(36);
  return readable === '' ? hash : `${readable}-${hash}`;
}

/** FNV-1a over UTF-16 code units: small, stable, and enough to tell ids apart (not for security). */
function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * "Start at node X with this context": what a journey carries into its next run when it
 * continues as new, and what a move to another version or a re-run from a chosen node gives a
 * new run. Plain JSON. Every list is bounded so the input stays small however long the journey
 * runs (workflows/journeyResume.ts has the bounds and why they are enough).
 */
export interface JourneyResume {
  /** The node to enter next. */
  nodeId: string;
  /**
   * The run id that keys the journey's sends (`sendIdempotencyKey`): the first run's when the
   * journey continues as new, so no send is made twice across runs.
   */
  firstRunId: string;
  /** When the journey started (`journey.startedAt`): the first run's start. */
  startedAt: string;
  context: {
    contact: ContactSnapshot & { id: string };
    trigger: ResumeTriggerContext;
    reply: { text: string; channel: Channel; at: string } | null;
    nodes: Record<string, unknown>;
    vars: Record<string, unknown>;
  };
  /** How many times each node was entered: loop protection, and the visit numbers in idempotency keys. */
  visitCounts: Record<string, number>;
  /** Each node's entries since the journey last waited (what loop protection counts); absent: none. */
  entriesSinceWait?: Record<string, number> | undefined;
  /** The most recent node ids of the path (bounded like the trace). */
  path: string[];
  /** The trace so far (bounded by `MAX_TRACED_VISITS`) and how many older visits it dropped. */
  visits: NodeVisit[];
  droppedVisits: number;
  /** Channels the contact has used in the journey. */
  channels: string[];
  /** Events received and not yet taken by a wait, oldest first. */
  inbox: InboundEvent[];
  /** The most recent event ids seen, so a late duplicate is still ignored. */
  seenEventIds: string[];
  /** Per-node counts for the builder no activity has carried yet (workflows/nodeStatsTally.ts); absent: none. */
  nodeStats?: Array<{ nodeId: string; entered: number; exited: number }> | undefined;
  /**
   * Set when the journey was moved to another version while waiting at `nodeId`: the wait there
   * goes on for the time it had left (until `until`) instead of starting over. Absent otherwise.
   */
  movedWait?: { nodeId: string; until: string; fromVersion: number } | undefined;
}

/** `trigger.*` as templates read it (the workflow's TriggerContext). */
export interface ResumeTriggerContext {
  channel: Channel;
  text: string | null;
  from: string;
  at: string;
  event?: string;
  data?: Record<string, unknown>;
}

/**
 * Update that moves a waiting journey to another published version of its flow (workflows/
 * migrateToVersion.ts): refused, with the reason, unless the journey waits at a wait node whose
 * id is in the new definition with the same type. The journey then continues as new on it.
 */
export const MIGRATE_TO_VERSION_UPDATE = 'migrateToVersion';

export interface MigrateToVersionRequest {
  definition: FlowDefinition;
  version: number;
}

export interface MigrateToVersionResult {
  fromVersion: number;
  toVersion: number;
  nodeId: string;
}

export { decideMigration, movedDetail, MOVABLE_WAIT_TYPES, type MigrationDecision, type MigrationSubject } from '../workflows/migrateDecision';

/** A re-run of one contact from a chosen node (`POST /api/contacts/:id/journeys/rerun`): `journey:<flowId>:<contactId>:rerun-<n>`. */
export function rerunWorkflowId(flowId: string, contactId: string, attempt: number): string {
  return `${journeyWorkflowId(flowId, contactId)}:rerun-${attempt}`;
}

/** Whether `workflowId` names a re-run of the contact in the flow (see rerunWorkflowId). */
export function isRerunWorkflowId(workflowId: string, flowId: string, contactId: string): boolean {
  const prefix = `${journeyWorkflowId(flowId, contactId)}:rerun-`;
  return workflowId.startsWith(prefix) && /^[1-9][0-9]*$/.test(workflowId.slice(prefix.length));
}
