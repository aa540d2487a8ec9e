import { describe, expect, it } from 'vitest';
import { hangup, say } from './twiml';
import { VoiceCall } from './voiceCall';

describe('VoiceCall turns', () => {
  it('gathers verbs into the open turn and files the document under its number when closed', () => {
    const call = new VoiceCall('CA1');
    call.append(say('Hello.'));
    expect(call.documentOf(0)).toBeUndefined();

    expect(call.closeTurn(say('Bye.'))).toBe(1);
    expect(call.documentOf(0)).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Say>Hello.</Say><Say>Bye.</Say></Response>');
    expect(call.documentOf(1)).toBeUndefined();
  });

  it('keeps only the last two documents', () => {
    const call = new VoiceCall('CA1');
    call.closeTurn(say('0'));
    call.closeTurn(say('1'));
    call.closeTurn(say('2'));
    expect(call.documentOf(0)).toBeUndefined();
    expect(call.documentOf(1)).toContain('<Say>1</Say>');
    expect(call.documentOf(2)).toContain('<Say>2</Say>');
  });

  it('ends by hanging up after what the open turn gathered, once, and answers any later turn with a hangup', () => {
    const call = new VoiceCall('CA1');
    call.append(say('Goodbye.'));
    call.awaiting = { nodeId: 'menu', visit: 1, turn: 0 };
    call.end();
    call.end();
    expect(call.over).toBe(true);
    expect(call.awaiting).toBeNull();
    expect(call.documentOf(0)).toBe(`<?xml version="1.0" encoding="UTF-8"?><Response><Say>Goodbye.</Say>${hangup()}</Response>`);
    expect(call.documentOf(1)).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>');
  });
});
