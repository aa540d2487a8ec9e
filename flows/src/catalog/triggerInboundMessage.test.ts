import { describe, expect, it } from 'vitest';
import { triggerInboundMessage } from './triggerInboundMessage';

describe('the inbound message trigger', () => {
  it('takes a regular expression that compiles', () => {
    const result = triggerInboundMessage.configSchema.safeParse({ channels: ['sms'], regex: '^(order|track)\\s+\\d+$' });
    expect(result.success).toBe(true);
  });

  it('says which pattern does not compile and how to fix it', () => {
    const result = triggerInboundMessage.configSchema.safeParse({ channels: [], regex: 'price (per month' });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['regex']]);
    expect(result.error?.issues[0]?.message).toMatch(/^"price \(per month" is not a valid regular expression .*escape special characters/);
  });

  it('takes a keyword, but not an empty one that would match every message by accident', () => {
    expect(triggerInboundMessage.configSchema.safeParse({ channels: [], keyword: 'DEMO' }).success).toBe(true);
    expect(triggerInboundMessage.configSchema.safeParse({ channels: [], keyword: '' }).success).toBe(false);
  });
});
