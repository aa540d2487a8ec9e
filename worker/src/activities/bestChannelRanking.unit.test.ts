import { describe, expect, it } from 'vitest';
import { formatSeconds, rankChannels, type RankingHints } from './bestChannelRanking';
import type { ChannelBehaviour } from './bestChannelStats';

const hints = (overrides: Partial<RankingHints> = {}): RankingHints => ({
  preferredChannel: null,
  defaultChannel: null,
  lastReplyChannel: null,
  triggerChannel: 'voice',
  unreachable: {},
  ...overrides,
});
const whatsappHabit: ChannelBehaviour = { channel: 'whatsapp', replies: 3, medianReplySeconds: 40 };

describe('rankChannels', () => {
  it('sends where the contact answered, saying how often and how fast', () => {
    expect(rankChannels([whatsappHabit], hints({ lastReplyChannel: 'sms', defaultChannel: 'email' }))).toEqual({
      channel: 'whatsapp',
      reason: 'whatsapp: replied there 3 times, median 40 s',
    });
  });

  it('puts an explicit preference before any behaviour', () => {
    expect(rankChannels([whatsappHabit], hints({ preferredChannel: 'email' }))).toEqual({ channel: 'email', reason: 'email: the contact prefers it' });
  });

  it('ranks more replies first and, among equals, the faster median', () => {
    const stats: ChannelBehaviour[] = [
      { channel: 'sms', replies: 2, medianReplySeconds: 7200 },
      { channel: 'email', replies: 2, medianReplySeconds: 600 },
      { channel: 'webchat', replies: 1, medianReplySeconds: 5 },
    ];
    expect(rankChannels(stats, hints())).toEqual({ channel: 'email', reason: 'email: replied there 2 times, median 10 min' });
  });

  it('passes over an opted-out preference and a channel without an address, and names them', () => {
    const stats: ChannelBehaviour[] = [{ channel: 'email', replies: 4, medianReplySeconds: null }, whatsappHabit];
    expect(rankChannels(stats, hints({ preferredChannel: 'sms', unreachable: { sms: 'opted out', email: 'no address' } }))).toEqual({
      channel: 'whatsapp',
      reason: 'whatsapp: replied there 3 times, median 40 s; passed over preferred sms (opted out), email, where they answered (no address)',
    });
  });

  it("falls back to the flow's default, then the last reply, then the trigger's channel, then SMS", () => {
    expect(rankChannels([], hints({ defaultChannel: 'email', lastReplyChannel: 'whatsapp' })).reason).toBe("email: the flow's default channel");
    expect(rankChannels([], hints({ lastReplyChannel: 'whatsapp', triggerChannel: 'sms' })).reason).toBe('whatsapp: their last reply came there');
    expect(rankChannels([], hints({ triggerChannel: 'webchat' })).reason).toBe('webchat: the journey started there');
    expect(rankChannels([], hints())).toEqual({ channel: 'sms', reason: 'sms: no behaviour, preference or default to go by' });
  });

  it('takes the first channel that reaches the contact when every fallback is unreachable', () => {
    const unreachable = { sms: 'opted out', whatsapp: 'opted out' } as const;
    expect(rankChannels([], hints({ unreachable }))).toEqual({
      channel: 'email',
      reason: 'email: the first channel that reaches them; passed over sms (opted out), whatsapp (opted out)',
    });
  });

  it("keeps the plain rule's channel when no channel reaches the contact, so the send says why it was refused", () => {
    const unreachable = { sms: 'opted out', whatsapp: 'opted out', email: 'no address', webchat: 'no address' } as const;
    expect(rankChannels([whatsappHabit], hints({ lastReplyChannel: 'whatsapp', unreachable }))).toEqual({
      channel: 'whatsapp',
      reason: 'whatsapp: no channel reaches the contact (sms opted out, whatsapp opted out, email no address, webchat no address)',
    });
  });

  it('says a single reply once and leaves out a median it could not measure', () => {
    expect(rankChannels([{ channel: 'webchat', replies: 1, medianReplySeconds: null }], hints()).reason).toBe('webchat: replied there once');
  });
});

describe('formatSeconds', () => {
  it('speaks in whole seconds, minutes, hours or days', () => {
    expect([40, 89, 90, 3600, 5399, 5400, 86_400, 172_800].map(formatSeconds)).toEqual(['40 s', '89 s', '2 min', '60 min', '90 min', '2 h', '24 h', '2 d']);
  });
});
