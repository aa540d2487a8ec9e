import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../types';
import { edge, flowEndingAt, node } from './smallFlows.fixture';
import { validateFlow } from './validateFlow';

const call = node('call', 'trigger.inboundCall', { numbers: [] });
const message = node('message', 'trigger.inboundMessage', { channels: [] });
const say = node('say', 'voice.say', { text: 'Hello' });
const done = node('done', 'end', { outcome: 'done' });

const found = (issues: ValidationIssue[]) => issues.map(({ code, nodeId, path }) => ({ code, nodeId, path }));

describe('call state check', () => {
  it('accepts a voice node behind an inbound call', () => {
    expect(validateFlow(flowEndingAt('done', [call, say, done], [edge('call', 'next', 'say')]))).toEqual([]);
  });

  it('reports a voice node that no path reaches with a call in progress', () => {
    const issues = validateFlow(flowEndingAt('done', [message, say, done], [edge('message', 'next', 'say')]));
    expect(found(issues)).toEqual([{ code: 'voice-without-call', nodeId: 'say', path: 'nodes[say]' }]);
    expect(issues[0]?.message).toContain('no path into it has a call');
  });

  it('reports a voice node that a second entry reaches without a call', () => {
    const issues = validateFlow(
      flowEndingAt('done', [call, message, say, done], [edge('call', 'next', 'say'), edge('message', 'next', 'say')]),
    );
    expect(found(issues)).toEqual([{ code: 'voice-without-call', nodeId: 'say', path: 'nodes[say]' }]);
    expect(issues[0]?.message).toContain('some paths into it');
  });

  it('follows an outbound call: answered outputs carry the call, the others do not', () => {
    const dial = node('dial', 'call.outbound');
    const answered = validateFlow(
      flowEndingAt('done', [message, dial, say, done], [edge('message', 'next', 'dial'), edge('dial', 'human', 'say'), edge('dial', 'machine', 'say')]),
    );
    expect(answered).toEqual([]);

    const unanswered = validateFlow(
      flowEndingAt('done', [message, dial, say, done], [edge('message', 'next', 'dial'), edge('dial', 'noAnswer', 'say')]),
    );
    expect(found(unanswered)).toEqual([{ code: 'voice-without-call', nodeId: 'say', path: 'nodes[say]' }]);
  });

  it('knows the caller is gone after a recording ends in a hang-up, and carries that around a loop', () => {
    const record = node('record', 'voice.record');
    const issues = validateFlow(
      flowEndingAt(
        'done',
        [call, say, record, done],
        [edge('call', 'next', 'say'), edge('say', 'next', 'record'), edge('record', 'noAudio', 'say'), edge('record', 'hangup', 'say')],
      ),
    );
    // After a hang-up the loop goes back into say, and from say into record again.
    expect(found(issues)).toEqual([
      { code: 'voice-without-call', nodeId: 'say', path: 'nodes[say]' },
      { code: 'voice-without-call', nodeId: 'record', path: 'nodes[record]' },
    ]);
  });
});
