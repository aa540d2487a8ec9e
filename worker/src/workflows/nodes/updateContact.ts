import { renderTemplate } from '@threadline/flows/runtime';
import type { FlowNodeOf } from '@threadline/flows/types';
import { definitionFault } from '../journeyFailures';
import { updateContact } from '../journeyActivities';
import type { JourneyRun } from '../journeyRun';
import { updateContactSummary } from './updateContactSummary';

/**
 * Renders the attribute values here, as setVariables does (so the history shows what was set),
 * and lets one activity write the change to the contact's record. The contact it returns is
 * what later nodes read as `contact.*`.
 */
export async function runUpdateContact(node: FlowNodeOf<'updateContact'>, run: JourneyRun, visit: number): Promise<string> {
  const { config } = node;
  const attributes = config.attributes.map(({ name, value }) => {
    try {
      return { name, value: renderTemplate(value, run.context) };
    } catch (error) {
      throw definitionFault(node.id, `attribute "${name}": ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  const contact = await updateContact.executeWithOptions({ summary: updateContactSummary(config) }, [
    run.nodeStats.attach({
      journeyId: run.journeyId,
      firstRunId: run.firstRunId,
      flowId: run.input.flowId,
      nodeId: node.id,
      visit,
      contactId: run.input.contactId,
      attributes,
      addTags: [...config.addTags],
      removeTags: [...config.removeTags],
      ...(config.preferredChannel === undefined ? {} : { preferredChannel: config.preferredChannel }),
      ...(config.doNotCall === undefined ? {} : { doNotCall: config.doNotCall }),
      ...(config.timezone === undefined ? {} : { timezone: config.timezone }),
    }),
  ]);
  run.context.contact = { ...contact, id: run.input.contactId };
  return 'next';
}
