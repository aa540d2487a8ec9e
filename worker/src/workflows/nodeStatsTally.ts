/**
 * The journey's share of the builder's per-node counters (store/nodeStats.ts), kept without a
 * Temporal command of its own: entries and exits are tallied in memory and handed, as one
 * batch, to the next activity the journey runs anyway (a send, an HTTP request, a contact
 * update, completing the journey). So the counts of nodes passed since the last activity land
 * with the next one; every journey ends with `completeJourney`, so a finished journey is always
 * counted in full. Plain data, deterministic: safe in the workflow sandbox.
 */
import type { NodeStatDelta, NodeStatsBatch } from '../store/nodeStats';

export class NodeStatsTally {
  /** Insertion-ordered, so a batch is the same on replay. */
  private readonly deltas = new Map<string, { entered: number; exited: number }>();
  private sequence = 0;
  /** The node entered and not yet left: cancelling or failing leaves it (once). */
  private inside: string | null = null;

  /**
   * `batchPrefix` is the workflow id and this run's id: with the sequence it names each batch,
   * the same on every retry of the activity that carries it and on replay.
   */
  constructor(
    private readonly flowId: string,
    private readonly flowVersion: number,
    private readonly batchPrefix: string,
    carried: readonly NodeStatDelta[] = [],
  ) {
    for (const { nodeId, entered, exited } of carried) this.add(nodeId, entered, exited);
  }

  enter(nodeId: string): void {
    this.add(nodeId, 1, 0);
    this.inside = nodeId;
  }

  /** Leaving a node counts once, however often it is said (the end node says it before completing). */
  exit(nodeId: string): void {
    if (this.inside !== nodeId) return;
    this.inside = null;
    this.add(nodeId, 0, 1);
  }

  /** A cancelled or failed journey leaves the node it was in, so "entered − exited" stays the journeys inside. */
  leaveCurrent(): void {
    if (this.inside !== null) this.exit(this.inside);
  }

  /**
   * Hands the counts gathered so far to an activity input, and forgets them: the activity
   * applies them once (by batch id). Nothing gathered: the input goes as it was.
   */
  attach<Input extends object>(input: Input): Input & { nodeStats?: NodeStatsBatch } {
    const batch = this.take();
    return batch === null ? input : { ...input, nodeStats: batch };
  }

  take(): NodeStatsBatch | null {
    if (this.deltas.size === 0) return null;
    this.sequence += 1;
    const batch: NodeStatsBatch = {
      batchId: `${this.batchPrefix}:${this.sequence}`,
      flowId: this.flowId,
      flowVersion: this.flowVersion,
      nodes: this.pending(),
    };
    this.deltas.clear();
    return batch;
  }

  /** What has not been handed to an activity yet: a run that continues as new carries it. */
  pending(): NodeStatDelta[] {
    return [...this.deltas].map(([nodeId, counts]) => ({ nodeId, ...counts }));
  }

  private add(nodeId: string, entered: number, exited: number): void {
    const counts = this.deltas.get(nodeId) ?? { entered: 0, exited: 0 };
    counts.entered += entered;
    counts.exited += exited;
    this.deltas.set(nodeId, counts);
  }
}
