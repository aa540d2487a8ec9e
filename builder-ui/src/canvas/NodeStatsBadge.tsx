import { useEffect } from 'react';
import { useFlowStore } from '../store/flowStore';
import { useNodeStatsStore } from './nodeStatsStore';
import { nodeStatsText } from './nodeStatsText';
import './nodeStats.css';

/**
 * How many journeys of the published version entered, wait at and left this node, once the
 * flow has journeys at all. A draft never published shows nothing.
 */
export function NodeStatsBadge({ nodeId }: { nodeId: string }) {
  const flowId = useFlowStore((state) => state.meta?.id ?? null);
  const version = useFlowStore((state) => state.publishedVersion);
  const watch = useNodeStatsStore((state) => state.watch);
  const counts = useNodeStatsStore((state) => (state.hasJourneys ? state.byNode[nodeId] : undefined));

  useEffect(() => (flowId === null || version === null ? undefined : watch(flowId, version)), [flowId, version, watch]);

  if (flowId === null || version === null || counts === undefined) return null;
  const text = nodeStatsText(counts);
  return (
    <div className={`flow-node-stats${counts.waiting > 0 ? ' has-waiting' : ''}`} data-testid={`node-stats-${nodeId}`} title={text.long}>
      {text.short}
    </div>
  );
}
