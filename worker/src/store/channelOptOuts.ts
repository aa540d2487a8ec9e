import type { MessageChannel } from '@threadline/flows/types';
import { withContactLock } from './contactLock';
import type { Store } from './models';

/** What a subscription change did: `changed` is false when the channel already was so. */
export interface ChannelOptOutChange {
  optOuts: string[];
  changed: boolean;
}

/**
 * Adds (opt-out) or removes (opt-in) one channel in a contact's `optOuts`; null when there is
 * no such contact. Set semantics, so applying it twice (a provider retry) changes nothing the
 * second time. Read and written under the contact's lock: FerretDB 1.24 loses one of two
 * concurrent `$addToSet`/`$pull`s on a document (contactLock.ts), and a STOP must never be lost
 * to a journey's updateContact writing the same contact at the same moment.
 */
export async function setChannelOptOut(store: Store, contactId: string, channel: MessageChannel, optedOut: boolean): Promise<ChannelOptOutChange | null> {
  if (!(await store.contacts.exists({ _id: contactId }))) return null;
  return withContactLock(store, contactId, async () => {
    const stored = await store.contacts.findById(contactId, { optOuts: 1 }).lean();
    if (!stored) return null;
    // FerretDB drops empty arrays: a contact written without optOuts has none.
    const current = stored.optOuts ?? [];
    const has = current.includes(channel);
    if (has === optedOut) return { optOuts: [...current], changed: false };
    const optOuts = optedOut ? [...current, channel] : current.filter((existing) => existing !== channel);
    await store.contacts.updateOne({ _id: contactId }, { $set: { optOuts } });
    return { optOuts, changed: true };
  });
}
