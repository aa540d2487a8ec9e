import { describe, expect, it } from 'vitest';
import type { PendingWait } from '../journeys/contract';
import { WaitSkip } from './waitSkip';

const delayWait: PendingWait = { nodeId: 'wait_day', kind: 'timer', until: '2026-01-02T00:00:00.000Z', channels: [], skippable: true };
const quietHours: PendingWait = { nodeId: 'nudge', kind: 'timer', until: '2026-01-02T08:00:00.000Z', channels: [] };

describe('WaitSkip', () => {
  it('skips the pending wait it is asked for, or any when no node is named, and the trace reads it once', () => {
    const skip = new WaitSkip();
    expect(skip.request(delayWait, {})).toEqual({ skip: true, nodeId: 'wait_day' });
    expect(skip.isRequested('wait_day')).toBe(true);
    expect(skip.settle('wait_day', true)).toBe(true);
    expect(skip.isRequested('wait_day')).toBe(false);
    expect(skip.takeSkipped('wait_day')).toBe(true);
    expect(skip.takeSkipped('wait_day')).toBe(false);
  });

  it('ignores a request for another node than the one the journey waits at, or when it is not waiting', () => {
    const skip = new WaitSkip();
    expect(skip.request(delayWait, { nodeId: 'wait_reply' })).toEqual({ skip: false, reason: 'the journey waits at wait_day, not at wait_reply' });
    expect(skip.request(null, {})).toEqual({ skip: false, reason: 'the journey is not waiting' });
    expect(skip.isRequested('wait_day')).toBe(false);
  });

  it('never skips a quiet-hours deferral: compliance is not the simulator\'s to skip', () => {
    const skip = new WaitSkip();
    expect(skip.request(quietHours, { nodeId: 'nudge' })).toEqual({
      skip: false,
      reason: 'the wait at nudge is a quiet-hours deferral: compliance is never skipped',
    });
    expect(skip.isRequested('nudge')).toBe(false);
  });

  it('refuses a wait that never said it may be skipped, naming its kind', () => {
    const call: PendingWait = { nodeId: 'ring', kind: 'call', until: '2026-01-02T00:01:00.000Z', channels: [] };
    expect(new WaitSkip().request(call, {})).toEqual({ skip: false, reason: 'the wait at ring (call) cannot be skipped' });
  });

  it('does not call a wait skipped when a reply ended it even though a skip was asked', () => {
    const skip = new WaitSkip();
    skip.request({ ...delayWait, nodeId: 'wait_reply', kind: 'reply' }, {});
    expect(skip.settle('wait_reply', false)).toBe(false);
    expect(skip.takeSkipped('wait_reply')).toBe(false);
    expect(skip.isRequested('wait_reply')).toBe(false);
  });
});
