import { decideSkipWait, type PendingWait, type SkipWaitDecision, type SkipWaitRequest } from '../journeys/contract';

/**
 * The simulator's skip of the journey's one pending wait. The signal handler asks for it; the
 * wait's `condition` sees it and ends as if its timer had elapsed; the trace then says so. A
 * journey that never gets the signal runs the very same commands (the timer fires as always).
 */
export class WaitSkip {
  /** The node whose current wait was asked to end now. */
  private requestedAt: string | null = null;
  /** The node whose visit ended by a skip, until the trace has read it. */
  private skippedAt: string | null = null;

  request(pending: PendingWait | null, request: SkipWaitRequest | undefined): SkipWaitDecision {
    const decision = decideSkipWait(pending, request);
    if (decision.skip) this.requestedAt = decision.nodeId;
    return decision;
  }

  /** The wait's condition: true once a skip was asked for the wait at this node. */
  isRequested(nodeId: string): boolean {
    return this.requestedAt === nodeId;
  }

  /**
   * Called when a wait ends, however it ended. `timedOut`: no reply or event came (the timer
   * fired or the skip ended it). Returns whether the skip is what ended it.
   */
  settle(nodeId: string, timedOut: boolean): boolean {
    const skipped = this.requestedAt === nodeId && timedOut;
    this.requestedAt = null;
    if (skipped) this.skippedAt = nodeId;
    return skipped;
  }

  /** Whether the visit that just ended at this node ended by a skip; reading it clears it. */
  takeSkipped(nodeId: string): boolean {
    const skipped = this.skippedAt === nodeId;
    this.skippedAt = null;
    return skipped;
  }
}
