import type { Store } from '../store';
import type { ChannelProvider, OutboundMessage } from './channelProvider';

/**
 * The built-in provider for local use and tests: a send is a document in `sandboxmessages`,
 * keyed by the idempotency key. A repeated call for the same key updates that document and
 * counts the call in `providerCalls`, so a test can see a doubled provider call.
 */
export function createSandboxProvider(store: Store): ChannelProvider {
  return {
    name: 'sandbox',
    async send(message: OutboundMessage) {
      const providerMessageId = `sandbox:${message.idempotencyKey}`;
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
          },
          $setOnInsert: { at: new Date() },
          $inc: { providerCalls: 1 },
        },
        { upsert: true },
      );
      return { providerMessageId };
    },
  };
}
