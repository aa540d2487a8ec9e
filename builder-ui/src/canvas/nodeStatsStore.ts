import { create } from 'zustand';
import { statsApi, type NodeCounts } from '../api/statsApi';
import { flowHasJourneys } from './nodeStatsText';

/** Counts move as journeys do; a light poll while cards show them is enough for a builder. */
const POLL_MS = 5_000;

export interface NodeStatsState {
  /** `<flowId>@<version>` the counts are of; answers for another are dropped. */
  key: string | null;
  byNode: Record<string, NodeCounts>;
  /** Whether any journey of the version reached any node: only then do cards show counts. */
  hasJourneys: boolean;
  /**
   * Keeps the counts of a published version fresh while someone looks (every card of the
   * canvas does); returns the release. The first watcher starts the poll, the last one stops it.
   */
  watch: (flowId: string, version: number) => () => void;
}

export const useNodeStatsStore = create<NodeStatsState>()((set, get) => {
  const watchers = new Map<string, { count: number; timer: number }>();

  async function load(flowId: string, version: number, key: string): Promise<void> {
    try {
      const stats = await statsApi.ofFlowVersion(flowId, version);
      if (get().key !== key) return;
      set({ byNode: Object.fromEntries(stats.nodes.map((node) => [node.nodeId, node])), hasJourneys: flowHasJourneys(stats.nodes) });
    } catch {
      // Counts are a hint on the canvas: a failed read keeps the last ones and the next poll retries.
    }
  }

  return {
    key: null,
    byNode: {},
    hasJourneys: false,

    watch: (flowId, version) => {
      const key = `${flowId}@${version}`;
      const watcher = watchers.get(key);
      if (watcher) {
        watcher.count += 1;
      } else {
        if (get().key !== key) set({ key, byNode: {}, hasJourneys: false });
        void load(flowId, version, key);
        watchers.set(key, { count: 1, timer: window.setInterval(() => void load(flowId, version, key), POLL_MS) });
      }
      return () => {
        const current = watchers.get(key);
        if (!current) return;
        current.count -= 1;
        if (current.count > 0) return;
        window.clearInterval(current.timer);
        watchers.delete(key);
      };
    },
  };
});
