import { describe, expect, it } from 'vitest';
import { VisitTrace } from './visitTrace';

describe('the visit trace', () => {
  it('records visits oldest first, each closed with its output and detail when the journey leaves it', () => {
    const trace = new VisitTrace();
    trace.enter('missed_call', 'trigger.missedCall', 1, '2025-03-03T10:00:00.000Z');
    trace.leave('next', 'on voice', '2025-03-03T10:00:00.000Z');
    trace.enter('wait_reply', 'waitForReply', 1, '2025-03-03T10:00:01.000Z');

    expect(trace.current()).toMatchObject({ nodeId: 'wait_reply', leftAt: null });
    expect(trace.list()).toEqual([
      { nodeId: 'missed_call', type: 'trigger.missedCall', visit: 1, enteredAt: '2025-03-03T10:00:00.000Z', leftAt: '2025-03-03T10:00:00.000Z', output: 'next', detail: 'on voice' },
      { nodeId: 'wait_reply', type: 'waitForReply', visit: 1, enteredAt: '2025-03-03T10:00:01.000Z', leftAt: null, output: null, detail: null },
    ]);

    trace.leave('timeout', 'timed out after 24h', '2025-03-04T10:00:01.000Z');
    expect(trace.current()).toBeNull();
    expect(trace.list()[1]).toMatchObject({ leftAt: '2025-03-04T10:00:01.000Z', output: 'timeout', detail: 'timed out after 24h' });
  });

  it('keeps only the newest visits past its limit and counts the ones it dropped', () => {
    const trace = new VisitTrace(3);
    for (let visit = 1; visit <= 5; visit += 1) {
      trace.enter('loop_delay', 'delay', visit, `t${visit}`);
      trace.leave('next', 'waited 1h', `t${visit}`);
    }
    expect(trace.list().map((entry) => entry.visit)).toEqual([3, 4, 5]);
    expect(trace.dropped).toBe(2);
  });

  it('hands out copies, so an answer already given does not change as the journey goes on', () => {
    const trace = new VisitTrace();
    trace.enter('wait_reply', 'waitForReply', 1, 't1');
    const answered = trace.list();
    trace.leave('replied', 'reply on sms', 't2');
    expect(answered[0]).toMatchObject({ leftAt: null, output: null });
  });

  it('ignores a leave with no visit open', () => {
    const trace = new VisitTrace();
    trace.leave('next', null, 't1');
    expect(trace.list()).toEqual([]);
  });
});
