/**
 * The unknown outcome: an attempt moved the pending outbox entry to the `calling` stage,
 * called the provider and died (crash, timeout, lost connection) before recording what
 * happened. The provider may or may not have sent. A later attempt never calls it again
 * blindly: it moves the entry to `unknown` (still pending, so the frequency cap counts it as
 * possibly sent), says so on the timeline, and asks the provider about the idempotency key.
 */
import type { Logger } from 'pino';
import type { ChannelProvider } from '../channels';
import type { OutboxDoc, Store } from '../store';
import type { SendDecided } from './activityTypes';
import { noteSendDecision, recordSent, type SendVisit } from './sendRecord';

/** What the lookup settled: the send's result, or that it never happened and may go now. */
export type Reconciled = { settled: SendDecided } | { settled: null };

export const CANNOT_CONFIRM_REASON = 'outcome unknown: the provider cannot confirm';

export function isOutcomeUnknown(entry: Pick<OutboxDoc, 'status' | 'stage'>): boolean {
  return entry.status === 'pending' && (entry.stage === 'calling' || entry.stage === 'unknown');
}

export async function reconcileUnknownOutcome(
  deps: { store: Store; provider: ChannelProvider; logger: Logger },
  visit: SendVisit,
  entry: Pick<OutboxDoc, 'stage' | 'to' | 'body' | 'callingAt' | 'updatedAt'>,
): Promise<Reconciled> {
  const { store, provider, logger } = deps;
  // Only the attempt that finds `calling` flips it: a concurrent one may be deciding already.
  if (entry.stage === 'calling') await store.outbox.updateOne({ _id: visit.key, stage: 'calling' }, { $set: { stage: 'unknown' } });
  const to = entry.to ?? null;
  await noteSendDecision(store, visit, {
    suffix: ':unknown',
    body: `${visit.channel} send outcome unknown after a crash; asking ${provider.name}`,
    to,
    status: 'unknown',
  });
  const since = entry.callingAt ?? entry.updatedAt ?? new Date(0);
  const lookup = await provider.lookupSend(visit.key, { to: to ?? '', channel: visit.channel, since });
  logger.warn({ channel: visit.channel, provider: provider.name, lookup: lookup.status }, 'send outcome was unknown; reconciled with the provider');
  switch (lookup.status) {
    case 'sent':
      await recordSent(store, visit, { to, body: entry.body ?? null, provider: provider.name, providerMessageId: lookup.providerMessageId });
      await noteSendDecision(store, visit, {
        suffix: ':reconciled',
        body: `${visit.channel} send reconciled: ${provider.name} had sent it (${lookup.providerMessageId}); not sent again`,
        to,
        status: 'sent',
      });
      return { settled: { status: 'sent', channel: visit.channel, reason: null, providerMessageId: lookup.providerMessageId } };
    case 'notSent':
      await noteSendDecision(store, visit, {
        suffix: ':reconciled',
        body: `${visit.channel} send reconciled: ${provider.name} never got it; sending it now`,
        to,
        status: 'notSent',
      });
      return { settled: null };
    case 'cannotTell':
      // Never resent silently: a doubled message is the defect this outbox exists to prevent.
      await store.outbox.updateOne({ _id: visit.key }, { $set: { status: 'failed', reason: CANNOT_CONFIRM_REASON } });
      await noteSendDecision(store, visit, { suffix: '', body: `${visit.channel} send failed: ${CANNOT_CONFIRM_REASON}`, to, status: 'failed' });
      return { settled: { status: 'failed', channel: visit.channel, reason: CANNOT_CONFIRM_REASON, providerMessageId: null } };
    default:
      return assertNever(lookup);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected provider lookup ${JSON.stringify(value)}`);
}
