import { MESSAGE_CHANNELS, type MessageChannel } from '@threadline/flows/types';
import type { Logger } from 'pino';
import { z } from 'zod';
import { addressFor, appendTimelineEvent, lastInboundWhatsappAt, readContactProfile, type Store } from '../store';
import { storedContactSchema } from './activityInputSchemas';
import type { BestChannelFallbacks, SendMessageInput } from './activityTypes';
import { rankChannels, WHATSAPP_WINDOW_CLOSED, type ChannelChoice, type Unreachable } from './bestChannelRanking';
import { channelBehaviour } from './bestChannelStats';
import { insideWhatsappWindow } from './whatsappWindow';

/** How far back the contact's behaviour counts: old habits fade. */
export const BEST_CHANNEL_WINDOW_DAYS = 90;
/** The newest messages read: enough to know a habit, bounded for a contact who chats all day. */
const MAX_MESSAGES_READ = 1000;

/** A send whose channel is decided: what the rest of the send activity works with. */
export type ChannelSend = Omit<SendMessageInput, 'channel' | 'bestChannel'> & { channel: MessageChannel };

const messageChannelSchema = z.enum(MESSAGE_CHANNELS);

/**
 * Gives a send its channel. A `best` send is decided here, in the activity, because the
 * contact's behaviour lives in the database the workflow cannot read. The choice is made once
 * per send visit: it is recorded on the timeline (`decision:<key>:best-channel`) with its
 * reason, and a retried activity reads it back instead of choosing again, so a reply that
 * arrives between two attempts cannot move the visit's one send to another channel.
 */
export async function withChosenChannel(store: Store, input: SendMessageInput, key: string, now: Date, log: Logger): Promise<ChannelSend> {
  const { channel, bestChannel, ...rest } = input;
  if (channel !== 'best') return { ...rest, channel };
  const entryId = `decision:${key}:best-channel`;
  const earlier = await store.timeline.findById(entryId).lean();
  if (earlier) return { ...rest, channel: messageChannelSchema.parse(earlier.channel) };

  const choice = await chooseBestChannel(store, input, bestChannel ?? noFallbacks, now);
  await appendTimelineEvent(store, {
    _id: entryId,
    contactId: input.contactId,
    at: new Date(),
    channel: choice.channel,
    direction: 'internal',
    kind: 'decision',
    body: `best channel ${choice.reason}`,
    journeyId: input.journeyId,
    nodeId: input.nodeId,
    status: 'chosen',
  });
  log.info({ channel: choice.channel, reason: choice.reason }, 'best channel chosen');
  return { ...rest, channel: choice.channel };
}

/** A `best` send from a workflow that passed no hints (a hand-started run): SMS, as before. */
const noFallbacks: BestChannelFallbacks = { defaultChannel: null, lastReplyChannel: null, triggerChannel: 'sms' };

/**
 * Ranks the channels for this send. A send to someone else (`to`, a staff member, say) has
 * neither the contact's preference nor their habits to go by, only the flow's fallbacks.
 */
async function chooseBestChannel(store: Store, input: SendMessageInput, fallbacks: BestChannelFallbacks, now: Date): Promise<ChannelChoice> {
  const plain = { defaultChannel: fallbacks.defaultChannel, lastReplyChannel: fallbacks.lastReplyChannel, triggerChannel: fallbacks.triggerChannel };
  const stored = input.to === undefined ? await store.contacts.findById(input.contactId).lean() : null;
  // No contact: any channel will do, the send fails on the missing contact and says so.
  if (stored === null) return rankChannels([], { ...plain, preferredChannel: null, unreachable: {} });

  const profile = readContactProfile(stored);
  const { optOuts } = storedContactSchema.parse(stored);
  const unreachable: Partial<Record<MessageChannel, Unreachable>> = {};
  for (const channel of MESSAGE_CHANNELS) {
    if (optOuts.includes(channel)) unreachable[channel] = 'opted out';
    else if (addressFor(channel, profile.identities) === null) unreachable[channel] = 'no address';
  }
  // A free-form WhatsApp message outside the 24-hour window would be blocked at send time
  // (whatsappWindow.ts): with no template to fall back on, WhatsApp cannot carry this send.
  const whatsappAddress = addressFor('whatsapp', profile.identities);
  if (unreachable.whatsapp === undefined && whatsappAddress !== null && input.whatsappTemplate === undefined) {
    if (!insideWhatsappWindow(await lastInboundWhatsappAt(store, whatsappAddress), now)) unreachable.whatsapp = WHATSAPP_WINDOW_CLOSED;
  }
  const since = new Date(now.getTime() - BEST_CHANNEL_WINDOW_DAYS * 86_400_000);
  const messages = await store.timeline
    .find({ contactId: input.contactId, kind: 'message', at: { $gte: since } }, { at: 1, channel: 1, direction: 1 })
    .sort({ at: -1 })
    .limit(MAX_MESSAGES_READ)
    .lean();
  // The record, not the journey's snapshot of it: a preference set or cleared since the
  // journey started (PATCH /contacts, another journey's updateContact) counts.
  return rankChannels(channelBehaviour(messages), { ...plain, preferredChannel: profile.preferredChannel, unreachable });
}

