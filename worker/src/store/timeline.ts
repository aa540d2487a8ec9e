import type { TimelineEventDoc, Store } from './models';
import { isDuplicateKeyError } from './models';

export type NewTimelineEvent = Omit<Partial<TimelineEventDoc>, '_id'> &
  Pick<TimelineEventDoc, 'contactId' | 'at' | 'channel' | 'direction' | 'kind'> & { _id: string };

/**
 * Insert-or-ignore keyed by the event id: a provider retry of the same message finds its
 * event already there and adds nothing. Returns whether this call inserted it.
 */
export async function appendTimelineEvent(store: Store, event: NewTimelineEvent): Promise<{ inserted: boolean }> {
  try {
    await store.timeline.create(event);
    return { inserted: true };
  } catch (error) {
    if (isDuplicateKeyError(error)) return { inserted: false };
    throw error;
  }
}

/** A contact's timeline, oldest first. */
export async function readTimeline(store: Store, contactId: string, limit = 500) {
  return store.timeline.find({ contactId }).sort({ at: 1, _id: 1 }).limit(limit).lean();
}
