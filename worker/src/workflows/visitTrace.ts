import { MAX_TRACED_VISITS, type NodeVisit } from '../journeys/contract';

/**
 * The journey's node visits, oldest first, for the `state` query, the workflow's result and the
 * trace API. Memory only: recording adds no Temporal command, so it changes no history. Bounded:
 * past `limit` the oldest visits go, and `dropped` counts them.
 */
export class VisitTrace {
  private readonly entries: NodeVisit[] = [];
  private open: NodeVisit | null = null;
  dropped = 0;

  constructor(private readonly limit = MAX_TRACED_VISITS) {}

  /** The journey entered a node; the visit stays open (shown as current) until it leaves. */
  enter(nodeId: string, type: string, visit: number, at: string): void {
    this.open = { nodeId, type, visit, enteredAt: at, leftAt: null, output: null, detail: null };
    this.push(this.open);
  }

  /** The journey left the open visit by `output` (null: the journey ended there, or was cut short). */
  leave(output: string | null, detail: string | null, at: string): void {
    if (!this.open) return;
    this.open.leftAt = at;
    this.open.output = output;
    this.open.detail = detail;
    this.open = null;
  }

  /** The node at which the journey is, with when it got there; null once it left its last node. */
  current(): Readonly<NodeVisit> | null {
    return this.open;
  }

  /** Takes over the visits of the previous run of a journey that continued as new (none of them open). */
  restore(visits: readonly NodeVisit[], dropped: number): void {
    this.entries.push(...visits.slice(Math.max(0, visits.length - this.limit)).map((entry) => ({ ...entry })));
    this.dropped = dropped + Math.max(0, visits.length - this.limit);
  }

  /** Copies, so a query answer never changes under the caller as the journey goes on. */
  list(): NodeVisit[] {
    return this.entries.map((entry) => ({ ...entry }));
  }

  private push(entry: NodeVisit): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) {
      this.entries.shift();
      this.dropped += 1;
    }
  }
}
