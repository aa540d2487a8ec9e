/**
 * The shapes the journey workflow exchanges with its activities. Types only: the workflow
 * imports them with `import type`, so nothing here is evaluated in the workflow bundle. The
 * activities parse what they receive with the zod schemas in `activityInputSchemas.ts`.
 */
import type { Channel, FlowDefinition, FlowFrequencyCap, MessageChannel, NodeConfigs } from '@threadline/flows/types';
import type { ContactSnapshot } from '../journeys/contract';
import type { NodeStatsBatch } from '../store/nodeStats';

export interface SendMessageInput {
  journeyId: string;
  /** The journey's first run id: stable across retries and continue-as-new, so it keys sends. */
  firstRunId: string;
  flowId: string;
  nodeId: string;
  /** How many times the journey has entered this node, from 1: each visit is its own send. */
  visit: number;
  contactId: string;
  /**
   * `best`: the activity chooses from the contact's behaviour (bestChannel.ts), records why on
   * the timeline and returns the channel in its result.
   */
  channel: MessageChannel | 'best';
  /** With `best` only: what the journey knows, for when the contact's behaviour does not decide. */
  bestChannel?: BestChannelFallbacks | undefined;
  /** Liquid template, rendered by the activity against `context`. */
  template: string;
  subject?: string | undefined;
  /**
   * Liquid: someone other than the journey's contact (a staff member's number or email).
   * Absent means the contact's address on the channel.
   */
  to?: string | undefined;
  /** Liquid templates of public media URLs to attach; absent or empty means none. */
  mediaUrls?: string[] | undefined;
  /**
   * The node's approved WhatsApp template, sent instead of `template` when the contact has not
   * written on WhatsApp in the last 24 hours (whatsappWindow.ts). Absent when the node names
   * none, and in inputs scheduled before it travelled here: such a send outside the window is
   * refused, as it would be by the provider.
   */
  whatsappTemplate?: WhatsappTemplateInput | undefined;
  /** The journey context templates see (contact, trigger, reply, nodes, vars, journey). */
  context: Record<string, unknown>;
  /**
   * The flow's default zone (`settings.timezone`): quiet hours are read in the contact's zone
   * (`context.contact.timezone`), else this one, else UTC. Absent when the flow sets none.
   */
  timezone?: string | undefined;
  /**
   * The flow's own frequency cap (`settings.frequencyCap`), held beside the worker's: it counts
   * this flow's messages to the contact only. Absent when the flow sets none.
   */
  flowFrequencyCap?: FlowFrequencyCap | undefined;
  /**
   * How often quiet hours already deferred this visit's send (absent for none): it keys the
   * timeline's decision entries, so each deferral is recorded once however often it is retried.
   */
  deferrals?: number | undefined;
  /** The builder's per-node counts the journey gathered since its last activity (store/nodeStats.ts). */
  nodeStats?: NodeStatsBatch | undefined;
}

/** A WhatsApp template as the send node names it: the approved name, its language, and Liquid for each positional variable ({{1}}, {{2}}, …). */
export interface WhatsappTemplateInput {
  name: string;
  /** Absent: DEFAULT_WHATSAPP_TEMPLATE_LANGUAGE (the catalog has no language field yet). */
  language?: string | undefined;
  variables: string[];
}

/** The fallbacks of a `best` send, after preference and behaviour, in this order. */
export interface BestChannelFallbacks {
  /** The flow's `settings.defaultChannel`. */
  defaultChannel: MessageChannel | null;
  lastReplyChannel: Channel | null;
  triggerChannel: Channel;
}

export type SendStatus = 'sent' | 'failed' | 'blocked';

/** A send that was decided: made, refused by compliance, or failed. */
export interface SendDecided {
  /** Also the name of the send node's output the journey takes. */
  status: SendStatus;
  channel: MessageChannel;
  /** Why a send was blocked or failed, for the timeline and the node's result. */
  reason: string | null;
  providerMessageId: string | null;
  /** The WhatsApp template the message went as, outside the 24-hour window; absent for a free-form send. */
  whatsappTemplate?: string | undefined;
}

/**
 * A send not made yet because the contact is in quiet hours: nothing was claimed and no
 * provider called. The workflow sleeps until `until` and asks again for the same visit.
 */
export interface SendDeferred {
  status: 'deferred';
  channel: MessageChannel;
  /** ISO instant of the next allowed window's start. */
  until: string;
  /** `until` on the contact's wall clock, "08:00", and the zone it was read in: for summaries. */
  localTime: string;
  zone: string;
  reason: string;
  providerMessageId: null;
}

export type SendMessageResult = SendDecided | SendDeferred;

export interface CompleteJourneyInput {
  journeyId: string;
  firstRunId: string;
  contactId: string;
  nodeId: string;
  /** The end node's outcome label, or `failed: …` when the engine gave up on the journey. */
  outcome: string;
  /** The builder's per-node counts the journey gathered since its last activity (store/nodeStats.ts). */
  nodeStats?: NodeStatsBatch | undefined;
}

export type HttpRequestConfig = NodeConfigs['httpRequest'];

export interface HttpRequestInput {
  journeyId: string;
  firstRunId: string;
  flowId: string;
  nodeId: string;
  visit: number;
  contactId: string;
  method: HttpRequestConfig['method'];
  /** Liquid, as the flow has it: the activity renders it with the secrets the workflow never sees. */
  url: string;
  headers: Array<{ name: string; value: string }>;
  body?: string | undefined;
  contentType: HttpRequestConfig['contentType'];
  timeoutSeconds: number;
  /** The journey context templates see (contact, trigger, reply, nodes, vars, journey). */
  context: Record<string, unknown>;
  /** The builder's per-node counts the journey gathered since its last activity (store/nodeStats.ts). */
  nodeStats?: NodeStatsBatch | undefined;
}

/** What an HTTP request node leaves in `nodes.<id>` (the catalog's results). */
export interface HttpResponseResults {
  /** The HTTP status code; 0 when no response came (refused, timed out, network error). */
  status: number;
  /** Parsed JSON, else text, else null. */
  body: unknown;
  /** By lower-case name. */
  headers: Record<string, string>;
}

export interface HttpRequestResult extends HttpResponseResults {
  /** Also the name of the node's output: 2xx is `success`, anything else `failed`. */
  outcome: 'success' | 'failed';
  /** Why the request failed, for the timeline and the history; null on success. */
  reason: string | null;
}

export interface UpdateContactInput {
  journeyId: string;
  firstRunId: string;
  flowId: string;
  nodeId: string;
  /** The visit keys the timeline entry: a retry writes none of its own. */
  visit: number;
  contactId: string;
  /** Values already rendered by the workflow (from the node's Liquid). */
  attributes: Array<{ name: string; value: string }>;
  addTags: string[];
  removeTags: string[];
  preferredChannel?: MessageChannel | undefined;
  doNotCall?: boolean | undefined;
  timezone?: string | undefined;
  /** The builder's per-node counts the journey gathered since its last activity (store/nodeStats.ts). */
  nodeStats?: NodeStatsBatch | undefined;
}

export type CallOutboundConfig = NodeConfigs['call.outbound'];

export interface PlaceCallInput {
  journeyId: string;
  /** With nodeId and visit, keys the call's outbox entry like a send's: one call per visit. */
  firstRunId: string;
  flowId: string;
  nodeId: string;
  visit: number;
  contactId: string;
  /** Liquid: a number other than the contact's; absent: the contact's phone. */
  to?: string | undefined;
  from?: string | undefined;
  machineDetection: CallOutboundConfig['machineDetection'];
  timeoutSeconds: number;
  /** The journey context `to` renders against; quiet hours read `context.contact.timezone`. */
  context: Record<string, unknown>;
  /** The flow's default zone (`settings.timezone`), for quiet hours as with sends. Absent when the flow sets none. */
  timezone?: string | undefined;
  /** How often quiet hours already deferred this visit's call (absent for none): it keys the timeline's entries. */
  deferrals?: number | undefined;
  /** The builder's per-node counts the journey gathered since its last activity (store/nodeStats.ts). */
  nodeStats?: NodeStatsBatch | undefined;
}

/** A call decided: placed, or not. */
export type PlaceCallDecided =
  | { status: 'placed'; callSid: string; to: string }
  | { status: 'blocked' | 'failed'; reason: string; to: string | null };

/**
 * A call not placed yet because the contact is in quiet hours (`voice` is on the quiet list):
 * nothing was claimed and no provider called. The workflow sleeps until `until` and asks again
 * for the same visit, like a deferred send.
 */
export interface PlaceCallDeferred {
  status: 'deferred';
  /** ISO instant of the next allowed window's start. */
  until: string;
  /** `until` on the contact's wall clock, "08:00", and the zone it was read in. */
  localTime: string;
  zone: string;
  reason: string;
  to: string;
}

/**
 * `placed`: the provider rings the number (its CallSid names the webhooks that follow);
 * `blocked`: compliance refused the call (no calls, voice opted out), with the reason;
 * `failed`: no number, or the provider refused; `deferred`: quiet hours, ask again at `until`.
 */
export type PlaceCallResult = PlaceCallDecided | PlaceCallDeferred;

/** The activities the journey workflow calls, as the worker registers them. */
export interface JourneyActivities {
  sendMessage(input: SendMessageInput): Promise<SendMessageResult>;
  completeJourney(input: CompleteJourneyInput): Promise<void>;
  httpRequest(input: HttpRequestInput): Promise<HttpRequestResult>;
  /** Applies the node's changes to the contact's record; returns the contact as it now is. */
  updateContact(input: UpdateContactInput): Promise<ContactSnapshot>;
  /** Reads the published version a subflow node runs: the pinned one, or the latest. */
  loadSubflow(input: LoadSubflowInput): Promise<LoadSubflowResult>;
  /** Places a call.outbound node visit's call, at most once (compliance first, then the outbox). */
  placeCall(input: PlaceCallInput): Promise<PlaceCallResult>;
}

export interface LoadSubflowInput {
  flowId: string;
  /** A published version number, or the newest published when the node runs. */
  version: number | 'latest';
}

/**
 * The definition and its version, or why there is none to run ("flow \"x\" has no published
 * version 3"): a missing flow is the node's `failed` output, not an error to retry.
 */
export type LoadSubflowResult =
  | { found: true; version: number; definition: FlowDefinition }
  | { found: false; reason: string };
