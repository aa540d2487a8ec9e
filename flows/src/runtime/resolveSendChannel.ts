import type { Channel, MessageChannel, NodeConfigs } from '../types';

/** What the journey knows that decides where a `best` send goes. */
export interface BestChannelHints {
  lastReplyChannel: Channel | null;
  triggerChannel: Channel;
}

/**
 * The concrete channel of a send. For this slice `best` means: where the contact last replied,
 * else where the journey's trigger came from if it is a message channel, else SMS. Behavioural
 * preference detection (product.md, capability 6) replaces this later.
 */
export function resolveSendChannel(channel: NodeConfigs['send']['channel'], hints: BestChannelHints): MessageChannel {
  if (channel !== 'best') return channel;
  return asMessageChannel(hints.lastReplyChannel) ?? asMessageChannel(hints.triggerChannel) ?? 'sms';
}

function asMessageChannel(channel: Channel | null): MessageChannel | null {
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
