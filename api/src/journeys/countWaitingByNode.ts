import type { Client } from '@temporalio/client';
import { catalogEntryOf } from '@threadline/flows';
import type { FlowNode } from '@threadline/flows/types';

/**
 * Nodes a journey can be found waiting at: the catalog's waiting nodes, and a send, which waits
 * out quiet hours on a timer. The rest are passed through within one workflow task.
 */
export function canWaitAt(node: FlowNode): boolean {
  return node.type === 'send' || catalogEntryOf(node.type).waits;
}

/**
 * How many running journeys of a flow version wait at each of these nodes, read live from
 * Temporal's visibility (`CurrentNode` and `JourneyStatus`, which the workflow upserts when a
 * wait starts and ends). One count query per node, in parallel: visibility has no GROUP BY on
 * custom attributes, and a count costs the server no listing, however many journeys wait.
 * Visibility lags the workflow by up to a second or so. Ids come from a parsed definition
 * (FLOW_ID_PATTERN, NODE_ID_PATTERN admit no quote), so they are safe inside the query.
 */
export async function countWaitingByNode(
  temporal: Client,
  flowId: string,
  flowVersion: number,
  nodeIds: readonly string[],
): Promise<Map<string, number>> {
  const counts = await Promise.all(
    nodeIds.map(async (nodeId) => {
      const query =
        `FlowId = "${flowId}" AND FlowVersion = ${flowVersion} AND CurrentNode = "${nodeId}" ` +
        `AND JourneyStatus = "waiting" AND ExecutionStatus = "Running"`;
      const { count } = await temporal.workflow.count(query);
      return [nodeId, count] as const;
    }),
  );
  return new Map(counts);
}
