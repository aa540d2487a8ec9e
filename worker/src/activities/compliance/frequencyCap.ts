/**
 * The frequency cap per contact, counted from the outbox: the messages to the contact's own
 * addresses (a staff alert about them is not a message to them) that were sent, or are being
 * sent, within the cap's rolling window, across all flows.
 *
 * The caller claims its own outbox entry (pending) first and counts afterwards, excluding
 * itself; it may send only when fewer than `max` others are in the window. Two journeys
 * sending to one contact at once therefore each see the other's claim, or the later counter
 * sees the earlier's: at most one of them goes when one slot is left, so the cap is never
 * exceeded. The price of needing no lock: in that race both may see each other and both be
 * capped, one more than strictly necessary. An entry left pending by a crash counts against
 * the cap until the window passes it (it may have been sent).
 *
 * Claims and sends are counted at the time the send activity decided by (`claimedAt`,
 * `sentAt`), the same clock `send.at` comes from: with the machine's clock on one side and
 * Temporal's on the other, a time-skipping test would count nothing.
 */
import type { Store } from '../../store';
import type { FrequencyCap } from './complianceSettings';

export interface CapCheck {
  /** The send may go ahead. */
  allowed: boolean;
  /** Other messages in the window, claimed or sent. */
  recent: number;
  reason: string;
}

export async function checkFrequencyCap(
  store: Store,
  cap: FrequencyCap,
  send: { key: string; contactId: string; addresses: readonly string[]; at: Date },
): Promise<CapCheck> {
  const since = new Date(send.at.getTime() - cap.windowMs);
  const recent = await store.outbox.countDocuments({
    _id: { $ne: send.key },
    contactId: send.contactId,
    to: { $in: [...send.addresses] },
    $or: [
      { status: 'sent', sentAt: { $gt: since } },
      { status: 'pending', claimedAt: { $gt: since } },
      // Claimed before claims carried their own time.
      { status: 'pending', claimedAt: null, createdAt: { $gt: since } },
    ],
  });
  return { allowed: recent < cap.max, recent, reason: frequencyCapReason(cap) };
}

/** "frequency cap: 3 messages in 24h" */
export function frequencyCapReason(cap: FrequencyCap): string {
  return `frequency cap: ${cap.max} ${cap.max === 1 ? 'message' : 'messages'} in ${cap.window}`;
}
