/**
 * The frequency caps per contact, counted from the outbox: the messages to the contact's own
 * addresses (a staff alert about them is not a message to them) that were sent, or are being
 * sent, within a cap's rolling window. Two caps may hold at once: the worker's, across all
 * flows (THREADLINE_FREQUENCY_CAP), and the flow's own (`settings.frequencyCap`), which counts
 * only this flow's messages. A send goes only when both allow it.
 *
 * The caller claims its own outbox entry (pending, with its flowId) first and counts afterwards,
 * excluding itself; it may send only when fewer than `max` others are in each window. Two
 * journeys sending to one contact at once therefore each see the other's claim, or the later
 * counter sees the earlier's: at most one of them goes when one slot is left, so no cap is ever
 * exceeded. This holds for the flow's cap as for the worker's, because the claim carries the
 * flowId the flow's count filters on, in the same insert. The price of needing no lock: in
 * that race both may see each other and both be capped, one more than strictly necessary. An
 * entry left pending by a crash counts against the caps until the window passes it (it may
 * have been sent).
 *
 * Claims and sends are counted at the time the send activity decided by (`claimedAt`,
 * `sentAt`), the same clock `send.at` comes from: with the machine's clock on one side and
 * Temporal's on the other, a time-skipping test would count nothing.
 */
import { parseDuration } from '@threadline/flows/runtime';
import type { FlowFrequencyCap } from '@threadline/flows/types';
import type { Store } from '../../store';
import type { FrequencyCap } from './complianceSettings';

/** The caps a send is held to; null where there is none. */
export interface FrequencyCaps {
  /** The worker's, across every flow. */
  global: FrequencyCap | null;
  /** The flow's own, counting this flow's messages only. */
  flow: FrequencyCap | null;
}

export type CapCheck = { allowed: true } | { allowed: false; cap: keyof FrequencyCaps; reason: string };

export interface CappedSend {
  /** The send's own outbox key: its claim is not one of the others. */
  key: string;
  contactId: string;
  flowId: string;
  addresses: readonly string[];
  at: Date;
}

/** What the count reads of an outbox entry. */
interface CountedEntry {
  journeyId: string;
  flowId?: string | null;
  status: string;
  sentAt?: Date | null;
  claimedAt?: Date | null;
  createdAt?: Date | null;
}

/**
 * Whether the send may go under both caps. When both refuse, the worker's is named: it is the
 * one that would still refuse were the flow's setting removed.
 */
export async function checkFrequencyCaps(store: Store, caps: FrequencyCaps, send: CappedSend): Promise<CapCheck> {
  const { global, flow } = caps;
  if (global === null && flow === null) return { allowed: true };
  // One read for both caps, over the wider window (on FerretDB any filter but `_id` scans).
  const widest = Math.max(global?.windowMs ?? 0, flow?.windowMs ?? 0);
  const since = new Date(send.at.getTime() - widest);
  const entries: CountedEntry[] = await store.outbox
    .find(
      {
        _id: { $ne: send.key },
        contactId: send.contactId,
        to: { $in: [...send.addresses] },
        $or: [
          { status: 'sent', sentAt: { $gt: since } },
          { status: 'pending', claimedAt: { $gt: since } },
          // Claimed before claims carried their own time.
          { status: 'pending', claimedAt: null, createdAt: { $gt: since } },
        ],
      },
      { journeyId: 1, flowId: 1, status: 1, sentAt: 1, claimedAt: 1, createdAt: 1 },
    )
    .lean();

  const inWindow = (cap: FrequencyCap) => {
    const from = send.at.getTime() - cap.windowMs;
    return entries.filter((entry) => (countedAt(entry)?.getTime() ?? Number.NEGATIVE_INFINITY) > from);
  };
  if (global !== null && inWindow(global).length >= global.max) return { allowed: false, cap: 'global', reason: frequencyCapReason(global) };
  if (flow !== null && inWindow(flow).filter((entry) => flowIdOf(entry) === send.flowId).length >= flow.max) {
    return { allowed: false, cap: 'flow', reason: flowFrequencyCapReason(flow) };
  }
  return { allowed: true };
}

/** The flow's `settings.frequencyCap` as a cap; the definition was validated, so the window reads. */
export function flowFrequencyCap(setting: FlowFrequencyCap): FrequencyCap {
  return { max: setting.max, windowMs: parseDuration(setting.window), window: setting.window.trim() };
}

/** "frequency cap: 3 messages in 24h" */
export function frequencyCapReason(cap: FrequencyCap): string {
  return `frequency cap: ${messagesIn(cap)}`;
}

/** "frequency cap for this flow: 2 messages in 7d" */
export function flowFrequencyCapReason(cap: FrequencyCap): string {
  return `frequency cap for this flow: ${messagesIn(cap)}`;
}

function messagesIn(cap: FrequencyCap): string {
  return `${cap.max} ${cap.max === 1 ? 'message' : 'messages'} in ${cap.window}`;
}

/** The time an entry counts at, as the query above selects it. */
function countedAt(entry: CountedEntry): Date | null | undefined {
  return entry.status === 'sent' ? entry.sentAt : (entry.claimedAt ?? entry.createdAt);
}

/**
 * The flow an entry was sent for. Entries written before they carried a flowId are read from
 * their journey's id, `journey:<flowId>:<contactId>[:<entry>]` (flow ids hold no ":"); a
 * subflow's child journey (`…/sub:<node>:<visit>`) does not name its own flow, so such an old
 * entry counts for no flow's cap (the worker's cap still counts it).
 */
export function flowIdOf(entry: Pick<CountedEntry, 'journeyId' | 'flowId'>): string | null {
  if (typeof entry.flowId === 'string' && entry.flowId !== '') return entry.flowId;
  if (entry.journeyId.includes('/')) return null;
  return /^journey:([^:]+):/.exec(entry.journeyId)?.[1] ?? null;
}
