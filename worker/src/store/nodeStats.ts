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
 */
export async function applyNodeStatsBatch(store: Store, batch: NodeStatsBatch): Promise<{ applied: boolean }> {
  const [applied = false] = await applyNodeStatsBatches(store, [batch]);
  return { applied };
}

/**
 * Applies several batches in two database round trips whatever their number: their markers in
 * one unordered insert (a marker already there, or twice in the list, leaves that batch out),
 * then the counters of the batches marked, summed per node, in one ordered bulk write. Says,
 * per batch, whether it was applied. A journey hands over a batch with nearly every activity,
 * and each round trip costs the worker about as much CPU as the journey's own sends do
 * (measured with `npm run bench -- engine`): an update per node made the interpreter's worker
 * spend 75% more on the database than the same journey written by hand.
 */
export async function applyNodeStatsBatches(store: Store, batches: readonly NodeStatsBatch[]): Promise<boolean[]> {
  if (batches.length === 0) return [];
  const refused = await insertMarkers(store, batches.map((batch) => batch.batchId));
  const applied = batches.map((_, index) => !refused.has(index));
  const deltas = sumPerNode(batches.filter((_, index) => applied[index]));
  if (deltas.length === 0) return applied;
  try {
    await store.nodeStats.bulkWrite(
      deltas.map((delta) => ({ updateOne: { filter: { _id: delta._id }, update: nodeIncrement(delta), upsert: true } })),
      { ordered: true },
    );
  } catch (error) {
    // Two first writers of one node: the loser's insert is refused, and the document exists now.
    // An ordered bulk write stops there, so that node and the ones after it are still to count.
    const refusedAt = duplicateKeyIndexes(error)?.[0];
    if (refusedAt === undefined) throw error;
    for (const delta of deltas.slice(refusedAt)) await incrementNode(store, delta);
  }
  return applied;
}

/** Inserts the batches' markers; the positions refused as already there. */
async function insertMarkers(store: Store, batchIds: readonly string[]): Promise<Set<number>> {
  const at = new Date();
  try {
    // Unordered: every new marker is inserted, and the error names each one refused.
    await store.nodeStatBatches.insertMany(
      batchIds.map((_id) => ({ _id, at })),
      { ordered: false },
    );
    return new Set();
  } catch (error) {
    const refused = duplicateKeyIndexes(error, { all: true });
    if (refused === null) throw error;
    return new Set(refused);
  }
}

interface NodeDelta extends NodeStatDelta {
  _id: string;
  flowId: string;
  flowVersion: number;
}

function sumPerNode(batches: readonly NodeStatsBatch[]): NodeDelta[] {
  const sums = new Map<string, NodeDelta>();
  for (const batch of batches) {
    for (const { nodeId, entered, exited } of batch.nodes) {
      const _id = nodeStatId(batch.flowId, batch.flowVersion, nodeId);
      const sum = sums.get(_id) ?? { _id, flowId: batch.flowId, flowVersion: batch.flowVersion, nodeId, entered: 0, exited: 0 };
      sum.entered += entered;
      sum.exited += exited;
      sums.set(_id, sum);
    }
  }
  return [...sums.values()].filter((sum) => sum.entered !== 0 || sum.exited !== 0);
}

async function incrementNode(store: Store, delta: NodeDelta): Promise<void> {
  try {
    await store.nodeStats.updateOne({ _id: delta._id }, nodeIncrement(delta), { upsert: true });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    await store.nodeStats.updateOne({ _id: delta._id }, nodeIncrement(delta));
  }
}

function nodeIncrement(delta: NodeDelta) {
  return {
    $inc: { entered: delta.entered, exited: delta.exited },
    $setOnInsert: { flowId: delta.flowId, flowVersion: delta.flowVersion, nodeId: delta.nodeId },
  };
}

/**
 * The positions a bulk write refused as duplicate keys: the first only, or with `all` every one
 * (null when any refusal is something else). Null for an error that is not a bulk write's.
 */
function duplicateKeyIndexes(error: unknown, options: { all?: boolean } = {}): number[] | null {
  if (typeof error !== 'object' || error === null || !('writeErrors' in error)) return null;
  const writeErrors: unknown[] = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  const indexes: number[] = [];
  for (const writeError of options.all === true ? writeErrors : writeErrors.slice(0, 1)) {
    if (!isDuplicateKeyError(writeError) || typeof writeError !== 'object' || writeError === null || !('index' in writeError)) return null;
    if (typeof writeError.index !== 'number') return null;
    indexes.push(writeError.index);
  }
  return indexes.length === 0 ? null : indexes;
}

/**
 * FerretDB applies an update by reading the document and writing it back, so two concurrent
 * `$inc`s on one node can lose one (journeyRegistry.ts records what concurrent updates to one
 * document lost there). The worker applies its batches one group at a time through this
 * queue: the batches that arrive while a group is written are written together next, in the
 * same two round trips. MongoDB needs no such care, and FerretDB
 * is the embedded, one-worker store. (Several workers on FerretDB could still race: run MongoDB
 * for that.)
 */
export function createNodeStatsWriter(store: Store): (batch: NodeStatsBatch) => Promise<{ applied: boolean }> {
  let queued: Array<{ batch: NodeStatsBatch; resolve: (result: { applied: boolean }) => void; reject: (error: unknown) => void }> = [];
  let writing = false;
  const writeQueued = async (): Promise<void> => {
    while (queued.length > 0) {
      const group = queued.slice(0, MAX_BATCHES_PER_WRITE);
      queued = queued.slice(group.length);
      try {
        const applied = await applyNodeStatsBatches(store, group.map((entry) => entry.batch));
        group.forEach((entry, index) => entry.resolve({ applied: applied[index] ?? false }));
      } catch (error) {
        // A failed write fails the activity attempts whose batches it carried, not the ones queued behind it.
        for (const entry of group) entry.reject(error);
      }
    }
    writing = false;
  };
  return (batch) =>
    new Promise((resolve, reject) => {
      queued.push({ batch, resolve, reject });
      if (!writing) {
        writing = true;
        void writeQueued();
      }
    });
}

/** Bounds one write's size (and what one failed write fails). */
const MAX_BATCHES_PER_WRITE = 200;

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
