import { describe, expect, it } from 'vitest';
import { startForSuite } from '../testSupport/startForSuite';
import { startThrowawayStore } from '../testSupport/startThrowawayStore';
import { applyNodeStatsBatch, applyNodeStatsBatches, createNodeStatsWriter, nodeStatId, readNodeCounts, type NodeStatsBatch } from './nodeStats';

const stored = startForSuite('the throwaway store', startThrowawayStore, { timeoutMs: 120_000 });

function batch(batchId: string, nodes: NodeStatsBatch['nodes'], flowId = 'welcome'): NodeStatsBatch {
  return { batchId, flowId, flowVersion: 2, nodes };
}

describe('node stats', () => {
  it('applies a batch once: a retried activity carrying the same batch counts nothing more', async () => {
    const { store } = stored;
    const first = batch('journey:welcome:c_1:run-1:1', [
      { nodeId: 'hello', entered: 1, exited: 1 },
      { nodeId: 'send_1', entered: 1, exited: 0 },
    ]);
    expect(await applyNodeStatsBatch(store, first)).toEqual({ applied: true });
    expect(await applyNodeStatsBatch(store, first)).toEqual({ applied: false });
    expect(await applyNodeStatsBatch(store, batch('journey:welcome:c_1:run-1:2', [{ nodeId: 'send_1', entered: 0, exited: 1 }]))).toEqual({ applied: true });

    const counts = await readNodeCounts(store, 'welcome', 2, ['hello', 'send_1', 'never_reached']);
    expect(Object.fromEntries(counts)).toEqual({
      hello: { entered: 1, exited: 1 },
      send_1: { entered: 1, exited: 1 },
      never_reached: { entered: 0, exited: 0 },
    });
    expect(await store.nodeStats.findById(nodeStatId('welcome', 2, 'hello')).lean()).toMatchObject({ flowId: 'welcome', flowVersion: 2, nodeId: 'hello' });
  });

  it('applies several batches together, leaving out one applied before and one listed twice', async () => {
    const { store } = stored;
    const earlier = batch('journey:together:c_1:run:1', [{ nodeId: 'send', entered: 1, exited: 0 }], 'together');
    await applyNodeStatsBatch(store, earlier);
    const next = batch('journey:together:c_1:run:2', [{ nodeId: 'send', entered: 0, exited: 1 }, { nodeId: 'end', entered: 1, exited: 1 }], 'together');
    const other = batch('journey:together:c_2:run:1', [{ nodeId: 'send', entered: 1, exited: 0 }], 'together');

    expect(await applyNodeStatsBatches(store, [next, earlier, other, next])).toEqual([true, false, true, false]);
    const counts = await readNodeCounts(store, 'together', 2, ['send', 'end']);
    expect(Object.fromEntries(counts)).toEqual({ send: { entered: 2, exited: 1 }, end: { entered: 1, exited: 1 } });
  });

  it('keeps every count when many journeys of one worker report at once (FerretDB loses concurrent $inc)', async () => {
    const apply = createNodeStatsWriter(stored.store);
    const journeys = Array.from({ length: 40 }, (_, index) =>
      batch(`journey:burst:c_${index}:run:1`, [{ nodeId: 'wait', entered: 1, exited: index % 4 === 0 ? 1 : 0 }], 'burst'),
    );
    // Each batch twice, as retried activities would: still once each.
    const results = await Promise.all([...journeys, ...journeys].map((each) => apply(each)));
    expect(results.filter((result) => result.applied)).toHaveLength(40);
    expect((await readNodeCounts(stored.store, 'burst', 2, ['wait'])).get('wait')).toEqual({ entered: 40, exited: 10 });
  });
});
