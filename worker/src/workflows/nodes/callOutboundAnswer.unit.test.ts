import { describe, expect, it } from 'vitest';
import { readAnswer, unansweredOutput } from './callOutboundAnswer';

describe('reading who answered an outbound call', () => {
  it('takes every machine and fax result as a machine', () => {
    for (const answeredBy of ['machine_start', 'machine_end_beep', 'machine_end_silence', 'machine_end_other', 'fax']) {
      expect(readAnswer('detectMessageEnd', answeredBy)).toMatchObject({ output: 'machine', answeredBy: 'machine' });
    }
  });

  it('takes a person as a person', () => {
    expect(readAnswer('detect', 'human')).toEqual({ output: 'human', answeredBy: 'human', reason: 'a person answered' });
  });

  it('takes an undecided detection as a person and says why', () => {
    expect(readAnswer('detect', 'unknown')).toEqual({ output: 'human', answeredBy: 'unknown', reason: 'detection could not tell (unknown): taken as a person' });
    expect(readAnswer('detect', '')).toMatchObject({ output: 'human', answeredBy: 'unknown' });
  });

  it('takes every answer as a person when detection is off, even one Twilio calls a machine', () => {
    expect(readAnswer('off', 'machine_start')).toMatchObject({ output: 'human', answeredBy: 'unknown' });
  });

  it('maps the final statuses of an unanswered call to the outputs', () => {
    expect(['no-answer', 'busy', 'failed', 'canceled'].map(unansweredOutput)).toEqual(['noAnswer', 'busy', 'failed', 'noAnswer']);
  });
});
