/**
 * When each WhatsApp address last wrote to us: what WhatsApp's 24-hour customer-service window
 * runs from (activities/whatsappWindow.ts). One small document per address, keyed by it, so
 * both the webhook that writes it and the send that reads it touch one `_id` — the timeline
 * would be a scan on FerretDB — and never the contact's document, whose unlocked writes
 * FerretDB 1.24 applies as read-and-write-back (contactLock.ts): a stamp there could undo a STOP.
 */
import { isDuplicateKeyError, type Store } from './models';

/**
 * Records an inbound WhatsApp message from `address` (normalised E.164) sent at `at`. Keeps the
 * later of the stored time and `at`, so a provider retry or an older message arriving late
 * never shortens the window.
 */
export async function noteInboundWhatsapp(store: Store, address: string, at: Date): Promise<void> {
  const stamp = () => store.whatsappWindows.updateOne({ _id: address }, { $max: { lastInboundAt: at } }, { upsert: true });
  try {
    await stamp();
  } catch (error) {
    // Two first messages at once: both upserts inserted, one lost the `_id`; it is there now.
    if (!isDuplicateKeyError(error)) throw error;
    await stamp();
  }
}

/** When `address` last wrote on WhatsApp; null when it never did. */
export async function lastInboundWhatsappAt(store: Store, address: string): Promise<Date | null> {
  const window = await store.whatsappWindows.findById(address, { lastInboundAt: 1 }).lean();
  return window?.lastInboundAt ?? null;
}
