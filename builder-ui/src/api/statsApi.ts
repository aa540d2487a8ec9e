import { z } from 'zod';
import { request } from './apiRequest';

/** The admin API's per-node counters of a published flow version (`GET /api/flows/:flowId/stats`). */

const nodeCountsSchema = z.object({
  nodeId: z.string(),
  entered: z.number().int().nonnegative(),
  exited: z.number().int().nonnegative(),
  waiting: z.number().int().nonnegative(),
});
export type NodeCounts = z.infer<typeof nodeCountsSchema>;

const flowStatsSchema = z.object({
  flowId: z.string(),
  /** Null for a flow never published: it has no journeys. */
  version: z.number().int().positive().nullable(),
  nodes: z.array(nodeCountsSchema),
});
export type FlowStats = z.infer<typeof flowStatsSchema>;

export const statsApi = {
  ofFlowVersion: async (flowId: string, version: number): Promise<FlowStats> =>
    request('GET', `/api/flows/${encodeURIComponent(flowId)}/stats?version=${version}`, flowStatsSchema),
};
