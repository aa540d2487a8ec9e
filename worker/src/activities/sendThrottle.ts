import { heartbeatIfInActivity, throttleBacklogFailure, type Throttle } from './throttle';
import { sendRateFor, type SendRates } from './throttleRates';

/**
 * `sendMessage`'s wait for its provider's turn (THREADLINE_SEND_RATE). A backlog longer than
 * one attempt may wait is thrown as a retryable failure: the outbox entry is still `pending`
 * then, so the retry starts afresh and the provider was never asked.
 */
export function createSendTurns(throttle: Throttle, rates: SendRates): (provider: string) => Promise<void> {
  return async (provider) => {
    const turn = await throttle.acquire(`send:${provider}`, sendRateFor(rates, provider), { heartbeat: heartbeatIfInActivity });
    if (!turn.ok) throw throttleBacklogFailure(turn);
  };
}
