import type { Logger } from 'pino';
import { z } from 'zod';
import type { NodeStatsBatch } from '../store';

/** The edge of the counts a journey hands to an activity (workflows/nodeStatsTally.ts). */
export const nodeStatsBatchSchema = z.object({
  batchId: z.string().min(1),
  flowId: z.string().min(1),
  flowVersion: z.number().int().positive(),
  nodes: z.array(
    z.object({ nodeId: z.string().min(1), entered: z.number().int().nonnegative(), exited: z.number().int().nonnegative() }),
  ),
}) satisfies z.ZodType<NodeStatsBatch>;

export type ApplyNodeStats = (batch: NodeStatsBatch) => Promise<{ applied: boolean }>;

/**
 * Wraps an activity so that it first applies the per-node counts its input carries. Before the
 * activity's own work, so a retry of a failed attempt finds the batch applied and skips it (the
 * batch id says so); a store error fails the attempt like any other, and the retry applies it.
 * A malformed batch is logged and dropped: counters never stop a send.
 */
export function carryNodeStats<Input extends { nodeStats?: NodeStatsBatch | undefined }, Result>(
  apply: ApplyNodeStats,
  logger: Logger,
  activity: (input: Input) => Promise<Result>,
): (input: Input) => Promise<Result> {
  return async (input) => {
    if (input.nodeStats !== undefined) {
      const parsed = nodeStatsBatchSchema.safeParse(input.nodeStats);
      if (parsed.success) await apply(parsed.data);
      else logger.warn({ issues: parsed.error.issues }, 'dropped malformed node stats');
    }
    return activity(input);
  };
}
