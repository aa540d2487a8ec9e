/**
 * How a journey is started, in one place for the API and the tests: its readable id, its
 * search attributes (the workflow keeps CurrentNode, Channels and JourneyStatus current
 * afterwards) and a static summary so the Temporal UI names the flow and version.
 */
import type { SearchAttributePair } from '@temporalio/common';
import { JOURNEY_TASK_QUEUE, journeySearchAttributeKeys, journeyWorkflowId, type JourneyInput } from './contract';

export interface JourneyStartOptions {
  taskQueue: string;
  workflowId: string;
  args: [JourneyInput];
  typedSearchAttributes: SearchAttributePair[];
  staticSummary: string;
}

export function journeyStartOptions(input: JourneyInput, taskQueue: string = JOURNEY_TASK_QUEUE): JourneyStartOptions {
  const keys = journeySearchAttributeKeys;
  return {
    taskQueue,
    workflowId: journeyWorkflowId(input.flowId, input.contactId),
    args: [input],
    typedSearchAttributes: [
      { key: keys.FlowId, value: input.flowId },
      { key: keys.FlowVersion, value: input.flowVersion },
      { key: keys.ContactId, value: input.contactId },
      { key: keys.CurrentNode, value: input.triggerNodeId },
      { key: keys.Channels, value: [input.trigger.channel] },
      { key: keys.JourneyStatus, value: 'running' },
    ],
    staticSummary: `${input.definition.name} v${input.flowVersion} · ${input.contactId} · ${triggerSummary(input.trigger)}`,
  };
}

/** What started the journey, as the Temporal UI's summary reads it: "missedCall on sms", "event payment.due". */
function triggerSummary(trigger: JourneyInput['trigger']): string {
  return trigger.kind === 'event' && trigger.name !== undefined ? `event ${trigger.name}` : `${trigger.kind} on ${trigger.channel}`;
}
