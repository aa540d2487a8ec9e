import type { Store } from '../store';
import type { CallLookup, ChannelProvider, OutboundMessage, SendLookup } from './channelProvider';
import { findSandboxCall, recordSandboxCall, sandboxCallSid } from './sandboxCalls';

/**
 * Where a simulated crash of the sending attempt falls: `beforeSend` is a call that never
 * reached the provider, `afterSend` one the provider made whose outcome the attempt never got
 * to record (the "providerCalls: 2" case before outboxes had a `calling` state).
 */
export type SandboxCrash = 'beforeSend' | 'afterSend';

export interface SandboxProviderOptions {
  /**
   * For fault tests: called before each send with how many times this key was sent before;
   * a crash it names makes `send` throw there, as a worker dying mid-call would leave it.
   */
  crash?: (message: OutboundMessage, earlierCalls: number) => SandboxCrash | null;
  /**
   * `false` answers every lookup `cannotTell`, as a provider that keeps no record by our key
   * (Twilio) must: the outbox then fails the send rather than guess. Default true.
   */
  canLookUp?: boolean;
}

/** The error a simulated crash throws; Temporal retries the activity as after a real one. */
export class SandboxCrashError extends Error {
  override readonly name = 'SandboxCrashError';
}

/**
 * The built-in provider for local use and tests: a send is a document in `sandboxmessages`,
 * keyed by the idempotency key, with what a real provider would have been given (a WhatsApp
 * template send records the template; the window was decided before, as it is for any provider). A repeated call for the same key updates that document and
 * counts the call in `providerCalls`, so a test can see a doubled provider call; `at` is the
 * first call's time, so a test can see how sends spread out (throttling).
 */
export function createSandboxProvider(store: Store, options: SandboxProviderOptions = {}): ChannelProvider {
  return {
    name: 'sandbox',
    async send(message: OutboundMessage) {
      const providerMessageId = `sandbox:${message.idempotencyKey}`;
      const crash = options.crash ? options.crash(message, await callsSoFar(store, message.idempotencyKey)) : null;
      if (crash === 'beforeSend') throw new SandboxCrashError(`simulated crash before the sandbox send of ${message.idempotencyKey}`);
      await record(store, message, providerMessageId);
      if (crash === 'afterSend') throw new SandboxCrashError(`simulated crash after the sandbox sent ${message.idempotencyKey}`);
      return { providerMessageId };
    },
    async lookupSend(idempotencyKey: string): Promise<SendLookup> {
      if (options.canLookUp === false) return { status: 'cannotTell' };
      const sent = await store.sandboxMessages.findById(idempotencyKey, { providerMessageId: 1 }).lean();
      return sent ? { status: 'sent', providerMessageId: sent.providerMessageId } : { status: 'notSent' };
    },
    // Calls are recorded in `sandboxcalls` (sandboxCalls.ts); the sandbox API answers them as a
    // person or a machine, or ends them unanswered, through the same webhooks Twilio would call.
    async placeCall(call) {
      return { callSid: await recordSandboxCall(store, call) };
    },
    async lookupCall(idempotencyKey: string): Promise<CallLookup> {
      if (options.canLookUp === false) return { status: 'cannotTell' };
      const placed = await findSandboxCall(store, sandboxCallSid(idempotencyKey));
      return placed ? { status: 'placed', callSid: placed.callSid } : { status: 'notPlaced' };
    },
  };
}

async function callsSoFar(store: Store, idempotencyKey: string): Promise<number> {
  const earlier = await store.sandboxMessages.findById(idempotencyKey, { providerCalls: 1 }).lean();
  return earlier?.providerCalls ?? 0;
}

async function record(store: Store, message: OutboundMessage, providerMessageId: string): Promise<void> {
  await store.sandboxMessages.updateOne(
    { _id: message.idempotencyKey },
    {
      $set: {
        providerMessageId,
        channel: message.channel,
        to: message.to,
        body: message.body,
        subject: message.subject ?? null,
        mediaUrls: message.mediaUrls,
        whatsappTemplate: message.whatsappTemplate ?? null,
      },
      $setOnInsert: { at: new Date() },
      $inc: { providerCalls: 1 },
    },
    { upsert: true },
  );
}
