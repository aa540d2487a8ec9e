import { describe, expect, it } from 'vitest';
import { channelBehaviour, type TimelineMessage } from './bestChannelStats';

const t0 = Date.parse('2025-03-01T10:00:00Z');
const at = (seconds: number) => new Date(t0 + seconds * 1000);
const out = (channel: string, seconds: number): TimelineMessage => ({ channel, direction: 'outbound', at: at(seconds) });
const inbound = (channel: string, seconds: number): TimelineMessage => ({ channel, direction: 'inbound', at: at(seconds) });

describe('channelBehaviour', () => {
  it('counts replies per channel and takes the median time from our message to their next reply there', () => {
    const messages = [out('whatsapp', 0), inbound('whatsapp', 30), out('whatsapp', 100), inbound('whatsapp', 140), out('whatsapp', 200), inbound('whatsapp', 320)];
    expect(channelBehaviour(messages)).toEqual([{ channel: 'whatsapp', replies: 3, medianReplySeconds: 40 }]);
  });

  it('averages the two middle delays of an even count', () => {
    const messages = [out('sms', 0), inbound('sms', 10), out('sms', 100), inbound('sms', 130)];
    expect(channelBehaviour(messages)).toEqual([{ channel: 'sms', replies: 2, medianReplySeconds: 20 }]);
  });

  it('measures a second reply to the same message not at all, and a reply on another channel not here', () => {
    const messages = [out('sms', 0), inbound('sms', 60), inbound('sms', 600), inbound('whatsapp', 900)];
    expect(channelBehaviour(messages)).toEqual([
      { channel: 'sms', replies: 2, medianReplySeconds: 60 },
      { channel: 'whatsapp', replies: 1, medianReplySeconds: null },
    ]);
  });

  it('reads the messages in time order whatever order they come in', () => {
    const messages = [inbound('email', 3600), out('email', 0)];
    expect(channelBehaviour(messages)).toEqual([{ channel: 'email', replies: 1, medianReplySeconds: 3600 }]);
  });

  it('leaves out channels the contact never answered on, and voice', () => {
    expect(channelBehaviour([out('sms', 0), out('email', 5), inbound('voice', 10)])).toEqual([]);
  });
});
