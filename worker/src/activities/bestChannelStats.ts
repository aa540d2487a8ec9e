import { MESSAGE_CHANNELS, type MessageChannel } from '@threadline/flows/types';

/** How the contact answers on one channel: what a `best` send ranks channels by. */
export interface ChannelBehaviour {
  channel: MessageChannel;
  /** Inbound messages on the channel. */
  replies: number;
  /** Median seconds from our message to their next reply on the channel; null when no reply followed one of ours. */
  medianReplySeconds: number | null;
}

/** One timeline message, as far as behaviour goes. */
export interface TimelineMessage {
  at: Date;
  channel: string;
  direction: string;
}

/**
 * The contact's behaviour per message channel from their timeline messages (any order). A
 * reply's speed is measured from our latest message before it on the same channel, once: a
 * second reply to the same message says nothing about how fast they answer. Channels they
 * never answered on are left out.
 */
export function channelBehaviour(messages: readonly TimelineMessage[]): ChannelBehaviour[] {
  const ordered = [...messages].sort((a, b) => a.at.getTime() - b.at.getTime());
  const behaviours: ChannelBehaviour[] = [];
  for (const channel of MESSAGE_CHANNELS) {
    let replies = 0;
    let unanswered: Date | null = null;
    const delays: number[] = [];
    for (const message of ordered) {
      if (message.channel !== channel) continue;
      if (message.direction === 'outbound') {
        unanswered = message.at;
      } else if (message.direction === 'inbound') {
        replies += 1;
        if (unanswered !== null) delays.push((message.at.getTime() - unanswered.getTime()) / 1000);
        unanswered = null;
      }
    }
    if (replies > 0) behaviours.push({ channel, replies, medianReplySeconds: median(delays) });
  }
  return behaviours;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  // The middle value, or the mean of the two middle values of an even count.
  const lower = sorted[Math.ceil(sorted.length / 2) - 1] ?? 0;
  const upper = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return Math.round((lower + upper) / 2);
}
