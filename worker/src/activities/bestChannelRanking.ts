import { MESSAGE_CHANNELS, type Channel, type MessageChannel } from '@threadline/flows/types';
import { asMessageChannel } from '@threadline/flows/runtime';
import type { ChannelBehaviour } from './bestChannelStats';

/** Why a channel cannot carry the send; such channels are passed over, and the reason says so. */
export type Unreachable = 'opted out' | 'no address' | typeof WHATSAPP_WINDOW_CLOSED;

/** WhatsApp without a template, to a contact who has not written there for a day: the send would be blocked. */
export const WHATSAPP_WINDOW_CLOSED = 'its 24-hour window is closed and the node has no template';

export interface RankingHints {
  /** The contact's explicit preference, if any. */
  preferredChannel: MessageChannel | null;
  /** The flow's `settings.defaultChannel`, if any. */
  defaultChannel: MessageChannel | null;
  lastReplyChannel: Channel | null;
  triggerChannel: Channel;
  /** Channels the send cannot use, and why; every other message channel can be used. */
  unreachable: Partial<Record<MessageChannel, Unreachable>>;
}

export interface ChannelChoice {
  channel: MessageChannel;
  /** For the timeline: "whatsapp: replied there 3 times, median 40 s". */
  reason: string;
}

interface Candidate {
  channel: MessageChannel;
  /** What comes after "<channel>: " in the reason. */
  why: string;
  /** How a passed-over candidate is named: "preferred sms". */
  label: string;
}

/**
 * Where a `best` send goes: the contact's explicit preference; then the channels they answered
 * on, most replies first and, among equals, the fastest median reply; then the flow's default;
 * then where they last replied, where the journey started, SMS, and any channel that reaches
 * them. Channels they opted out of or have no address on are passed over, and the reason names
 * those that would have won. When none reaches them the send keeps the plain rule's channel,
 * and the send itself records why it was blocked or failed.
 */
export function rankChannels(stats: readonly ChannelBehaviour[], hints: RankingHints): ChannelChoice {
  const candidates: Candidate[] = [];
  if (hints.preferredChannel !== null) {
    candidates.push({ channel: hints.preferredChannel, why: 'the contact prefers it', label: `preferred ${hints.preferredChannel}` });
  }
  for (const behaviour of [...stats].filter((stat) => stat.replies > 0).sort(byAnswers)) {
    candidates.push({ channel: behaviour.channel, why: answered(behaviour), label: `${behaviour.channel}, where they answered` });
  }
  if (hints.defaultChannel !== null) {
    candidates.push({ channel: hints.defaultChannel, why: "the flow's default channel", label: `the flow's default ${hints.defaultChannel}` });
  }
  const lastReply = asMessageChannel(hints.lastReplyChannel);
  if (lastReply !== null) candidates.push({ channel: lastReply, why: 'their last reply came there', label: `${lastReply}, their last reply` });
  const trigger = asMessageChannel(hints.triggerChannel);
  if (trigger !== null) candidates.push({ channel: trigger, why: 'the journey started there', label: `${trigger}, where the journey started` });
  candidates.push({ channel: 'sms', why: 'no behaviour, preference or default to go by', label: 'sms' });
  for (const channel of MESSAGE_CHANNELS) candidates.push({ channel, why: 'the first channel that reaches them', label: channel });

  // Each channel passed over is named once, by the first reason it had to win.
  const passedOver = new Map<MessageChannel, string>();
  for (const candidate of candidates) {
    const unreachable = hints.unreachable[candidate.channel];
    if (unreachable === undefined) {
      const skipped = passedOver.size === 0 ? '' : `; passed over ${[...passedOver.values()].join(', ')}`;
      return { channel: candidate.channel, reason: `${candidate.channel}: ${candidate.why}${skipped}` };
    }
    if (!passedOver.has(candidate.channel)) passedOver.set(candidate.channel, `${candidate.label} (${unreachable})`);
  }
  const channel = lastReply ?? trigger ?? 'sms';
  const why = MESSAGE_CHANNELS.map((each) => `${each} ${hints.unreachable[each] ?? ''}`.trim()).join(', ');
  return { channel, reason: `${channel}: no channel reaches the contact (${why})` };
}

/** More replies first; among equals a measured median before none, the faster first; then catalog order. */
function byAnswers(a: ChannelBehaviour, b: ChannelBehaviour): number {
  if (a.replies !== b.replies) return b.replies - a.replies;
  const aMedian = a.medianReplySeconds ?? Number.POSITIVE_INFINITY;
  const bMedian = b.medianReplySeconds ?? Number.POSITIVE_INFINITY;
  if (aMedian !== bMedian) return aMedian < bMedian ? -1 : 1;
  return MESSAGE_CHANNELS.indexOf(a.channel) - MESSAGE_CHANNELS.indexOf(b.channel);
}

function answered(behaviour: ChannelBehaviour): string {
  const times = behaviour.replies === 1 ? 'once' : `${behaviour.replies} times`;
  return behaviour.medianReplySeconds === null ? `replied there ${times}` : `replied there ${times}, median ${formatSeconds(behaviour.medianReplySeconds)}`;
}

/** "40 s", "12 min", "5 h", "3 d": whole units, as a person would say it. */
export function formatSeconds(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} d`;
}

