import { describe, expect, it } from 'vitest';
import { nextActionUrl } from './nextActionUrl';

describe('nextActionUrl', () => {
  it('reads the first action of a document, unescaping its query', () => {
    const twiml = '<Response><Gather action="/webhooks/twilio/voice/turn?journey=j%3A1&amp;node=menu&amp;visit=1&amp;turn=1"><Say>Hi</Say></Gather><Redirect method="POST">/x</Redirect></Response>';
    expect(nextActionUrl(twiml)).toBe('/webhooks/twilio/voice/turn?journey=j%3A1&node=menu&visit=1&turn=1');
  });

  it('is null for a document that hangs up', () => {
    expect(nextActionUrl('<Response><Say>Bye</Say><Hangup/></Response>')).toBeNull();
  });
});
