import { describe, expect, it } from 'vitest';
import { createThrottle, type ThrottleClock } from './throttle';
import { parseRate } from './throttleRates';

/** A clock that moves only when someone sleeps: the throttle's waits, added up exactly. */
function steppingClock(): ThrottleClock & { sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    nowMs: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

describe('createThrottle', () => {
  it('waits its turn instead of failing, heartbeating through long waits', async () => {
    const clock = steppingClock();
    const throttle = createThrottle(clock);
    const rate = parseRate('1/s');
    let beats = 0;
    const first = await throttle.acquire('send:sandbox', rate);
    // After the first, each caller waits a second for its own token: twelve more take twelve seconds.
    const turns = [];
    for (let i = 0; i < 12; i += 1) turns.push(await throttle.acquire('send:sandbox', rate, { heartbeat: () => (beats += 1) }));
    expect(first).toEqual({ ok: true, waitedMs: 0 });
    expect(turns.every((turn) => turn.ok)).toBe(true);
    expect(clock.nowMs()).toBe(12_000);
    expect(beats).toBeGreaterThanOrEqual(12);
  });

  it('keeps one bucket per key, so one busy host does not slow another', async () => {
    const throttle = createThrottle(steppingClock());
    const rate = parseRate('1/s');
    await throttle.acquire('http:a.example.com', rate);
    expect(await throttle.acquire('http:b.example.com', rate)).toEqual({ ok: true, waitedMs: 0 });
    expect(await throttle.acquire('http:a.example.com', rate)).toEqual({ ok: true, waitedMs: 1000 });
  });

  it('reports a backlog longer than the caller may wait, reserving nothing', async () => {
    const clock = steppingClock();
    const throttle = createThrottle({ nowMs: clock.nowMs, sleep: async () => undefined });
    const rate = parseRate('1/s');
    for (let i = 0; i < 5; i += 1) await throttle.acquire('send:twilio', rate);
    const turn = await throttle.acquire('send:twilio', rate, { maxWaitMs: 3000 });
    expect(turn).toEqual({ ok: false, backlogMs: 5000, reason: 'send:twilio is throttled to 1/s and the next free slot is 5 s away' });
    expect(await throttle.acquire('send:twilio', rate, { maxWaitMs: 3000 })).toMatchObject({ ok: false, backlogMs: 5000 });
  });

  it('lets everything through when there is no rate', async () => {
    const throttle = createThrottle(steppingClock());
    for (let i = 0; i < 100; i += 1) expect(await throttle.acquire('send:sandbox', null)).toEqual({ ok: true, waitedMs: 0 });
  });
});
