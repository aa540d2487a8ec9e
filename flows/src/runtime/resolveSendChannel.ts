import type { Channel, MessageChannel, NodeConfigs } from '../types';

/** What the journey knows that decides where a `best` send goes. */
export interface BestChannelHints {
  lastReplyChannel: Channel | null;
  triggerChannel: Channel;
}

/**
 * The plain rule for a `best` send: where the contact last replied, else where the journey's
 * trigger came from if it is a message channel, else SMS. The send activity chooses from the
 * contact's behaviour (worker/src/activities/bestChannel.ts); the workflow falls back on this
 * only to name the channel of a send that failed before the activity could say.
 */
export function resolveSendChannel(channel: NodeConfigs['send']['channel'], hints: BestChannelHints): MessageChannel {
  if (channel !== 'best') return channel;
  return asMessageChannel(hints.lastReplyChannel) ?? asMessageChannel(hints.triggerChannel) ?? 'sms';
}

/** The channel as a message channel; null for voice (no message goes there) or none. */
export function asMessageChannel(channel: Channel | null): MessageChannel | null {
  switch (channel) {
    case 'sms':
    case 'whatsapp':
    case 'email':
    case 'webchat':
      return channel;
    case 'voice':
    case null:
      return null;
    default:
      return unknownChannel(channel);
  }
}

function unknownChannel(channel: never): never {
  throw new Error(`unknown channel "${String(channel)}"`);
}
