import { FLOW_ID_PATTERN } from '@threadline/flows';
import { readNodeCounts } from '@threadline/worker/store';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import '../appDependencies';
import { ApiError, notFound } from '../errors/apiError';
import { parseRequest } from '../errors/parseRequest';
import { readStoredDefinition } from '../flows/storedDefinition';
import { canWaitAt, countWaitingByNode } from '../journeys/countWaitingByNode';

const flowIdParam = z.object({ flowId: z.string().regex(FLOW_ID_PATTERN, 'not a flow id') });
const statsQuery = z.object({ version: z.coerce.number().int().positive().optional() });

/**
 * `GET /api/flows/:flowId/stats?version=`: per node of a published version (the latest unless
 * `version` says), how many journeys entered it, left it, and wait there now, for the builder's
 * canvas. `entered` and `exited` come from the `nodestats` counters the journeys' activities
 * keep (worker/src/store/nodeStats.ts), so they lag: the nodes a journey passed since its last
 * activity land with its next one, and a journey waiting at a node may not be in that node's
 * `entered` yet; every finished journey is counted in full. `waiting` is live from Temporal.
 * A journey waiting at a node has certainly entered it, so `entered` is at least `exited +
 * waiting`: the stored count and that bound both undercount, and the larger is the closer.
 * A flow with no published version has no journeys: `version` null and no nodes.
 */
export const flowStatsRoutes: FastifyPluginAsync = async (app) => {
  const { store, temporal } = app;

  app.get('/:flowId/stats', async (request) => {
    const { flowId } = parseRequest(flowIdParam, request.params, 'params');
    const query = parseRequest(statsQuery, request.query, 'query');
    const flow = await store.flows.findById(flowId, { publishedVersion: 1 }).lean();
    if (!flow) throw notFound('flow', flowId);
    const version = query.version ?? flow.publishedVersion ?? null;
    if (version === null) return { flowId, version: null, nodes: [] };

    const stored = await store.flowVersions.findById(`${flowId}@${version}`).lean();
    if (!stored) throw new ApiError(404, 'not-found', `flow "${flowId}" has no published version ${version}`, { path: 'query.version' });
    const { nodes } = readStoredDefinition(stored.definitionJson, `${flowId}@${version}`);
    const nodeIds = nodes.map((node) => node.id);
    const [counts, waiting] = await Promise.all([
      readNodeCounts(store, flowId, version, nodeIds),
      countWaitingByNode(temporal, flowId, version, nodes.filter(canWaitAt).map((node) => node.id)),
    ]);
    return {
      flowId,
      version,
      nodes: nodeIds.map((nodeId) => {
        const { entered, exited } = counts.get(nodeId) ?? { entered: 0, exited: 0 };
        const waitingHere = waiting.get(nodeId) ?? 0;
        return { nodeId, entered: Math.max(entered, exited + waitingHere), exited, waiting: waitingHere };
      }),
    };
  });
};
