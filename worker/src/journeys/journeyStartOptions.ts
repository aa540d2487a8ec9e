/**
 * How a journey is started, in one place for the API and the tests: its readable id, its
 * search attributes (the workflow keeps CurrentNode, Channels and JourneyStatus current
 * afterwards), a static summary so the Temporal UI names the flow and version, and the memo
 * naming the event that started it (the API tells a retried trigger event apart by it).
 */
import type { SearchAttributePair } from '@temporalio/common';
import {
  JOURNEY_TASK_QUEUE,
  journeyEntryWorkflowId,
  journeySearchAttributeKeys,
  journeyWorkflowId,
  TRIGGER_EVENT_MEMO,
  type JourneyInput,
} from './contract';

export interface JourneyStartOptions {
  taskQueue: string;
  workflowId: string;
  args: [JourneyInput];
  typedSearchAttributes: SearchAttributePair[];
  staticSummary: string;
  memo: Record<string, unknown>;
}

export function journeyStartOptions(input: JourneyInput, taskQueue: string = JOURNEY_TASK_QUEUE): JourneyStartOptions {
  const keys = journeySearchAttributeKeys;
  return {
    taskQueue,
    workflowId: startedJourneyId(input),
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
    memo: { [TRIGGER_EVENT_MEMO]: input.trigger.eventId },
  };
}

/**
 * One journey per (flow, contact), except for a flow whose re-entry policy is `parallel`: there
 * each trigger event has its own, named after the event.
 */
export function startedJourneyId(input: Pick<JourneyInput, 'flowId' | 'contactId' | 'definition' | 'trigger'>): string {
  return input.definition.settings?.reentry === 'parallel'
    ? journeyEntryWorkflowId(input.flowId, input.contactId, input.trigger.eventId)
    : journeyWorkflowId(input.flowId, input.contactId);
}

/** What started the journey, as the Temporal UI's summary reads it: "missedCall on sms", "event payment.due". */
function triggerSummary(trigger: JourneyInput['trigger']): string {
  return trigger.kind === 'event' && trigger.name !== undefined ? `event ${trigger.name}` : `${trigger.kind} on ${trigger.channel}`;
}
