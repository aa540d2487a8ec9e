import { describe, expect, it } from 'vitest';
import { dial, enqueue, escapeXml, gather, hangup, play, record, say, twimlDocument } from './twiml';

describe('TwiML rendering', () => {
  it('escapes text and attributes so a prompt with & < > and quotes stays one valid document', () => {
    expect(escapeXml(`Tom & Jerry's <"best">`)).toBe('Tom &amp; Jerry&apos;s &lt;&quot;best&quot;&gt;');
    expect(say('Fish & <chips>', { voice: 'Polly.Joanna', language: 'en-"US"' })).toBe(
      '<Say voice="Polly.Joanna" language="en-&quot;US&quot;">Fish &amp; &lt;chips&gt;</Say>',
    );
  });

  it('escapes the & between query parameters of an action URL', () => {
    const [gathered, redirected] = gather({ action: '/turn?journey=j&node=menu', input: 'dtmf', timeoutSeconds: 5, numDigits: 1 }, [say('Press 1.')]);
    expect(gathered).toBe('<Gather input="dtmf" action="/turn?journey=j&amp;node=menu" method="POST" timeout="5" numDigits="1"><Say>Press 1.</Say></Gather>');
    expect(redirected).toBe('<Redirect method="POST">/turn?journey=j&amp;node=menu</Redirect>');
  });

  it('listens for speech with hints and language only when the node does', () => {
    const [gathered] = gather({ action: '/a', input: 'dtmfAndSpeech', timeoutSeconds: 5, language: 'en-US', hints: ['agent', 'text me'] }, []);
    expect(gathered).toBe('<Gather input="dtmf speech" action="/a" method="POST" timeout="5" speechTimeout="auto" language="en-US" hints="agent, text me"></Gather>');
  });

  it('writes loop only when it is not the default', () => {
    expect(say('Hi', { loop: 1 })).toBe('<Say>Hi</Say>');
    expect(play('https://example.com/a.mp3?x=1&y=2', 0)).toBe('<Play loop="0">https://example.com/a.mp3?x=1&amp;y=2</Play>');
  });

  it('renders record, dial, enqueue and hangup inside one Response', () => {
    const document = twimlDocument([
      record({ action: '/r', maxLengthSeconds: 120, playBeep: true, transcribeCallback: '/t?journey=j&node=n', finishOnKey: '#' }),
      dial({ action: '/d', timeoutSeconds: 20, callerId: '+14155550100', record: true }, { number: '+14155550199' }),
      enqueue('support', '/q'),
      hangup(),
    ]);
    expect(document).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response>' +
        '<Record action="/r" method="POST" maxLength="120" playBeep="true" finishOnKey="#" transcribe="true" transcribeCallback="/t?journey=j&amp;node=n" trim="trim-silence"/>' +
        '<Dial action="/d" method="POST" timeout="20" callerId="+14155550100" record="record-from-answer"><Number>+14155550199</Number></Dial>' +
        '<Enqueue action="/q" method="POST">support</Enqueue>' +
        '<Hangup/>' +
        '</Response>',
    );
  });
});
