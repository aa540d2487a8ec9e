import type { MessageChannel } from '@threadline/flows/types';

/**
 * An approved WhatsApp template with its positional variables rendered, in order. Twilio sends
 * it as ContentSid (the template's HX… id, looked up by name) with ContentVariables
 * `{"1": …, "2": …}`; Meta's Cloud API as `type: "template"` with `template.name`,
 * `template.language.code` and one body component whose text parameters are the variables.
 */
export interface WhatsappTemplateMessage {
  name: string;
  /** WhatsApp's language code of the approved translation: `en`, `en_US`, `pt_BR`. */
  language: string;
  variables: string[];
}

export interface OutboundMessage {
  channel: MessageChannel;
  /** The contact's address on the channel, normalised (E.164 phone, lower-case email). */
  to: string;
  /**
   * The text to send; with `whatsappTemplate`, how people read the send (the timeline's
   * "template order_delayed (en): 1234, Friday"), which no provider sends.
   */
  body: string;
  /**
   * WhatsApp only, outside the contact's 24-hour window (activities/whatsappWindow.ts): the
   * provider sends this template instead of `body`, as a free-form message there would be
   * refused (Twilio 63016, Meta 131047). The send activity decides; a provider never does.
   */
  whatsappTemplate?: WhatsappTemplateMessage | undefined;
  subject?: string | undefined;
  /** Public URLs of media to attach (MMS, WhatsApp media, email attachments); may be empty. */
  mediaUrls: string[];
  /**
   * One per send node visit. A provider that supports idempotency keys gets it as such, so a
   * retried call after a crash between "provider called" and "outbox marked sent" sends once.
   */
  idempotencyKey: string;
}

/** What we still know of a send whose outcome an attempt never recorded. */
export interface SendLookupQuery {
  to: string;
  channel: MessageChannel;
  /** When the lost attempt was about to call the provider: nothing earlier can be it. */
  since: Date;
}

/**
 * The provider's answer about one idempotency key: it made the send, it never saw it, or it
 * keeps nothing it could answer from (Twilio cannot look a message up by our key). Only the
 * first two let the outbox leave `unknown` without guessing.
 */
export type SendLookup = { status: 'sent'; providerMessageId: string } | { status: 'notSent' } | { status: 'cannotTell' };

/** A phone call to place (`call.outbound`): the provider rings `to` and asks our URLs what to do. */
export interface OutboundCallRequest {
  /** E.164 number to call. */
  to: string;
  /** One of our numbers (E.164); absent: the provider's default caller id. */
  from?: string | undefined;
  /** Twilio's MachineDetection: `Enable`, `DetectMessageEnd`, or none (off). Synchronous: the answer request carries AnsweredBy. */
  machineDetection: 'off' | 'detect' | 'detectMessageEnd';
  /** How long to ring before giving up (Twilio's Timeout). */
  timeoutSeconds: number;
  /**
   * Paths on our API, with the journey, node and visit in the query: the answer (Twilio's
   * `Url`) and the status callback (`StatusCallback`). Relative: an adapter that needs absolute
   * URLs (Twilio's REST API does) prefixes the public URL it is configured with.
   */
  answerPath: string;
  statusCallbackPath: string;
  /** One per call.outbound node visit: the same key never rings the contact twice. */
  idempotencyKey: string;
}

/** An outbound adapter: Twilio, SMTP, webhooks later; the sandbox for local use and tests. */
export interface ChannelProvider {
  /** Recorded on the timeline as the event's provider, and names its send rate (THREADLINE_SEND_RATE). */
  readonly name: string;
  send(message: OutboundMessage): Promise<{ providerMessageId: string }>;
  /**
   * Asked only when an attempt died between calling `send` and recording the outcome: did the
   * send with this key happen? Never resends anything itself.
   */
  lookupSend(idempotencyKey: string, query: SendLookupQuery): Promise<SendLookup>;
  /** Places a phone call; the provider's call id (Twilio's CallSid) names it in every webhook that follows. */
  placeCall(call: OutboundCallRequest): Promise<{ callSid: string }>;
  /**
   * Asked only when an attempt died between calling `placeCall` and recording it: was the call
   * with this key placed? Like `lookupSend`, it never places anything itself.
   */
  lookupCall(idempotencyKey: string): Promise<CallLookup>;
}

/** The provider's answer about a call by our key (`cannotTell`: it keeps no record by our key). */
export type CallLookup = { status: 'placed'; callSid: string } | { status: 'notPlaced' } | { status: 'cannotTell' };
