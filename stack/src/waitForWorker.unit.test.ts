import { describe, expect, it } from 'vitest';
import { hasPollerOfProcess } from './waitForWorker';

const describeOutput = (identities: string[]): string =>
  JSON.stringify({
    reachability: null,
    pollers: identities.map((identity) => ({ buildId: 'UNVERSIONED', taskQueueType: 'workflow', identity })),
    stats: [],
  });

describe('recognising our worker among the pollers of a task queue', () => {
  it('finds the poller whose identity is our worker process', () => {
    expect(hasPollerOfProcess(describeOutput(['111@vm', '26954@vm']), 26954)).toBe(true);
  });

  it("ignores a previous run's poller that is still listed", () => {
    expect(hasPollerOfProcess(describeOutput(['111@vm']), 26954)).toBe(false);
  });

  it('treats a task queue nobody polled yet as not ready', () => {
    expect(hasPollerOfProcess(JSON.stringify({ reachability: null, pollers: null, stats: [] }), 26954)).toBe(false);
  });
});
