import type { Rate } from './throttleRates';

/**
 * A token bucket that hands out reservations instead of refusals: a caller takes a token now,
 * or is told how long to wait for the one it has reserved. Tokens may go negative, one per
 * caller waiting, so callers are served in the order they asked and none polls. Pure: the
 * caller passes the time.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAtMs: number;

  constructor(
    private readonly rate: Rate,
    nowMs: number,
  ) {
    this.tokens = rate.burst;
    this.updatedAtMs = nowMs;
  }

  /** How long to wait before the next token would be ours, reserving nothing. */
  waitFor(nowMs: number): number {
    this.refill(nowMs);
    return this.tokens >= 1 ? 0 : this.msUntil(1);
  }

  /** Reserves a token; returns how many ms to wait before using it (0: now). */
  reserve(nowMs: number): number {
    this.refill(nowMs);
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : this.msUntil(0);
  }

  private msUntil(level: number): number {
    return Math.ceil(((level - this.tokens) / this.rate.perSecond) * 1000);
  }

  private refill(nowMs: number): void {
    const elapsed = Math.max(0, nowMs - this.updatedAtMs);
    this.tokens = Math.min(this.rate.burst, this.tokens + (elapsed / 1000) * this.rate.perSecond);
    this.updatedAtMs = Math.max(this.updatedAtMs, nowMs);
  }
}
