import { ApplicationFailure } from '@temporalio/common';
import type { Logger } from 'pino';
import type { ContactSnapshot } from '../journeys/contract';
import { appendTimelineEvent, contactSnapshot, describeContactChanges, updateContactProfile, type ContactChanges, type Store } from '../store';
import { updateContactInputSchema } from './activityInputSchemas';
import type { UpdateContactInput } from './activityTypes';

/**
 * An updateContact node's effect: the change applied to the contact's record (set semantics,
 * so a retry leaves the record as the first attempt did), one timeline entry per node visit
 * saying what changed, and the contact as it now is for the journey's later nodes.
 */
export async function updateContact(store: Store, logger: Logger, rawInput: UpdateContactInput): Promise<ContactSnapshot> {
  const input = updateContactInputSchema.parse(rawInput);
  const changes: ContactChanges = {
    attributes: input.attributes,
    addTags: input.addTags,
    removeTags: input.removeTags,
    ...(input.preferredChannel === undefined ? {} : { preferredChannel: input.preferredChannel }),
    ...(input.doNotCall === undefined ? {} : { doNotCall: input.doNotCall }),
    ...(input.timezone === undefined ? {} : { timezone: input.timezone }),
  };
  const profile = await updateContactProfile(store, input.contactId, changes);
  if (!profile) {
    // Retrying cannot bring the contact back; the journey fails naming it.
    throw ApplicationFailure.nonRetryable(`contact ${input.contactId} does not exist`, 'ContactNotFound');
  }
  const description = `updated contact: ${describeContactChanges(changes)}`;
  await appendTimelineEvent(store, {
    _id: `contact:${input.firstRunId}:${input.nodeId}:${input.visit}`,
    contactId: input.contactId,
    at: new Date(),
    channel: 'internal',
    direction: 'internal',
    kind: 'decision',
    body: description,
    journeyId: input.journeyId,
    nodeId: input.nodeId,
    status: 'updated',
  });
  logger.info({ journeyId: input.journeyId, contactId: input.contactId, flowId: input.flowId, nodeId: input.nodeId }, description);
  return contactSnapshot(profile);
}
