import { describe, expect, it } from 'vitest';
import { resolveSendChannel } from './resolveSendChannel';

describe('resolveSendChannel', () => {
  it('keeps an explicit channel', () => {
    expect(resolveSendChannel('email', { lastReplyChannel: 'whatsapp', triggerChannel: 'sms' })).toBe('email');
  });

  it('sends best to the last reply’s channel, else the trigger’s message channel, else SMS', () => {
    expect(resolveSendChannel('best', { lastReplyChannel: 'whatsapp', triggerChannel: 'sms' })).toBe('whatsapp');
    expect(resolveSendChannel('best', { lastReplyChannel: null, triggerChannel: 'webchat' })).toBe('webchat');
    expect(resolveSendChannel('best', { lastReplyChannel: null, triggerChannel: 'voice' })).toBe('sms');
  });
});
