/**
 * Per-node counters for the builder (`nodestats`): how many journeys entered and left each node
 * of a flow version. The journey workflow tallies them in memory and hands a batch to the next
 * activity it runs anyway (workflows/nodeStatsTally.ts); the activity applies it here.
 *
 * Idempotent per batch: an activity retry carries the same batch id, and the batch's marker in
 * `nodestatbatches` is inserted (insert-or-ignore by `_id`, atomic even on FerretDB) before the
 * counters move, so a batch already marked is skipped. FerretDB has no transactions: a worker
 * that dies between the marker and the `$inc` loses that batch (the counters read low by a few
 * visits); the other order would count it twice, which is worse for "entered = exited + waiting".
 */
import { isDuplicateKeyError, type Store } from './models';

/** One node's change in a batch (arrays, not maps: node ids may hold `.`, which FerretDB refuses in keys). */
export interface NodeStatDelta {
  nodeId: string;
  entered: number;
  exited: number;
}

/** What an activity input's `nodeStats` carries: the counts a journey run gathered since its last batch. */
export interface NodeStatsBatch {
  batchId: string;
  flowId: string;
  flowVersion: number;
  nodes: NodeStatDelta[];
}

export interface NodeCounts {
  entered: number;
  exited: number;
}

export function nodeStatId(flowId: string, flowVersion: number, nodeId: string): string {
  return `${flowId}:v${flowVersion}:${nodeId}`;
}

/**
 * Applies a batch once: false when its marker was already there (a retried activity). Callers
 * that run concurrently in one process go through `createNodeStatsWriter`, which orders them.
 *
 * The counters move in one ordered bulk write, not an update per node: a journey hands over a
 * batch with nearly every activity, and each database round trip costs the worker as much CPU
 * as the journey's own sends do (measured with `npm run bench -- engine`).
 */
export async function applyNodeStatsBatch(store: Store, batch: NodeStatsBatch): Promise<{ applied: boolean }> {
  try {
    await store.nodeStatBatches.create({ _id: batch.batchId, at: new Date() });
  } catch (error) {
    if (isDuplicateKeyError(error)) return { applied: false };
    throw error;
  }
  const deltas = batch.nodes.filter((delta) => delta.entered !== 0 || delta.exited !== 0);
  if (deltas.length === 0) return { applied: true };
  try {
    await store.nodeStats.bulkWrite(
      deltas.map((delta) => ({
        updateOne: { filter: { _id: nodeStatId(batch.flowId, batch.flowVersion, delta.nodeId) }, update: nodeIncrement(batch, delta), upsert: true },
      })),
      { ordered: true },
    );
  } catch (error) {
    // Two first writers of one node: the loser's insert is refused, and the document exists now.
    // An ordered bulk write stops there, so that node and the ones after it are still to count.
    const refusedAt = refusedUpsertIndex(error);
    if (refusedAt === null) throw error;
    for (const delta of deltas.slice(refusedAt)) await incrementNode(store, batch, delta);
  }
  return { applied: true };
}

async function incrementNode(store: Store, batch: NodeStatsBatch, delta: NodeStatDelta): Promise<void> {
  const filter = { _id: nodeStatId(batch.flowId, batch.flowVersion, delta.nodeId) };
  try {
    await store.nodeStats.updateOne(filter, nodeIncrement(batch, delta), { upsert: true });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    await store.nodeStats.updateOne(filter, nodeIncrement(batch, delta));
  }
}

function nodeIncrement(batch: NodeStatsBatch, delta: NodeStatDelta) {
  return {
    $inc: { entered: delta.entered, exited: delta.exited },
    $setOnInsert: { flowId: batch.flowId, flowVersion: batch.flowVersion, nodeId: delta.nodeId },
  };
}

/** Where an ordered bulk write stopped on a refused upsert (a duplicate `_id`); null for any other error. */
function refusedUpsertIndex(error: unknown): number | null {
  if (!isDuplicateKeyError(error)) return null;
  const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
  const first: unknown = Array.isArray(writeErrors) ? writeErrors[0] : writeErrors;
  const index = typeof first === 'object' && first !== null && 'index' in first ? first.index : undefined;
  return typeof index === 'number' ? index : null;
}

/**
 * FerretDB applies an update by reading the document and writing it back, so two concurrent
 * `$inc`s on one node can lose one (see .notes/L1-contact.md). The worker applies its batches
 * one at a time through this queue; MongoDB needs no such care, and FerretDB is the embedded,
 * one-worker store. (Several workers on FerretDB could still race: run MongoDB for that.)
 */
export function createNodeStatsWriter(store: Store): (batch: NodeStatsBatch) => Promise<{ applied: boolean }> {
  let tail: Promise<unknown> = Promise.resolve();
  return (batch) => {
    const result = tail.then(() => applyNodeStatsBatch(store, batch));
    // A failed batch fails its own activity attempt, not the ones queued behind it.
    tail = result.catch(() => undefined);
    return result;
  };
}

/** The counters of these nodes of one flow version; a node no journey reached reads 0 / 0. */
export async function readNodeCounts(
  store: Store,
  flowId: string,
  flowVersion: number,
  nodeIds: readonly string[],
): Promise<Map<string, NodeCounts>> {
  const ids = nodeIds.map((nodeId) => nodeStatId(flowId, flowVersion, nodeId));
  const docs = await store.nodeStats.find({ _id: { $in: ids } }).lean();
  const byId = new Map(docs.map((doc) => [doc._id, doc]));
  const counts = new Map<string, NodeCounts>();
  for (const nodeId of nodeIds) {
    const doc = byId.get(nodeStatId(flowId, flowVersion, nodeId));
    counts.set(nodeId, { entered: doc?.entered ?? 0, exited: doc?.exited ?? 0 });
  }
  return counts;
}
