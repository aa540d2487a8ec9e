import type { MessageChannel } from '@threadline/flows/types';

export interface OutboundMessage {
  channel: MessageChannel;
  /** The contact's address on the channel, normalised (E.164 phone, lower-case email). */
  to: string;
  body: string;
  subject?: string | undefined;
  /** Public URLs of media to attach (MMS, WhatsApp media, email attachments); may be empty. */
  mediaUrls: string[];
  /**
   * One per send node visit. A provider that supports idempotency keys gets it as such, so a
   * retried call after a crash between "provider called" and "outbox marked sent" sends once.
   */
  idempotencyKey: string;
}

/** An outbound adapter: Twilio, SMTP, webhooks later; the sandbox for local use and tests. */
export interface ChannelProvider {
  /** Recorded on the timeline as the event's provider. */
  readonly name: string;
  send(message: OutboundMessage): Promise<{ providerMessageId: string }>;
}
