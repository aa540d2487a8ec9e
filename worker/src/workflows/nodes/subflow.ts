import {
  ActivityFailure,
  ChildWorkflowFailure,
  condition,
  isCancellation,
  ParentClosePolicy,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
  type ChildWorkflowHandle,
  type ChildWorkflowOptions,
} from '@temporalio/workflow';
import { renderTemplate } from '@threadline/flows/runtime';
import type { FlowNodeOf } from '@threadline/flows/types';
import type { LoadSubflowResult } from '../../activities/activityTypes';
import {
  INBOUND_EVENT_SIGNAL,
  JOURNEY_WORKFLOW_TYPE,
  SUBFLOW_TRIGGER_EVENT,
  journeySearchAttributeKeys,
  subflowWorkflowId,
  type InboundEvent,
  type JourneyInput,
  type JourneyState,
} from '../../journeys/contract';
import { journeyStartOptions } from '../../journeys/journeyStartOptions';
import { loadSubflow } from '../journeyActivities';
import type { JourneyRun } from '../journeyRun';
import { prepareSubflowCall } from './subflowCall';

type JourneyWorkflow = (input: JourneyInput) => Promise<JourneyState>;

/**
 * Runs another published flow for the same contact as a child journey (same workflow type and
 * task queue), and waits for it: its end node's `returns` become `nodes.<id>.outputs` and the
 * node takes `completed`; a flow that cannot be found or called, or a child that fails, takes
 * `failed` with the reason. The contact's events reach only this journey (the one registered
 * on the contact), so while the child runs each new one is passed on to it, once. Cancelling
 * this journey cancels the child: it was started in this journey's cancellation scope.
 */
export async function runSubflow(node: FlowNodeOf<'subflow'>, run: JourneyRun, visit: number): Promise<string> {
  const { flowId, version } = node.config;
  const loaded = await load(flowId, version);
  if (!loaded.found) return failed(node.id, run, `subflow ${flowId} v${version}`, loaded.reason);
  const label = `subflow ${flowId} v${loaded.version}`;

  const call = prepareSubflowCall(loaded.definition, node.config.inputs, (template) => renderTemplate(template, run.context));
  if (!call.ok) return failed(node.id, run, label, call.reason);

  // The child is named for this visit, and so is the event that starts it (it is its trigger's id).
  const childId = subflowWorkflowId(run.journeyId, node.id, visit);
  const { id: _contactId, ...snapshot } = run.context.contact;
  const childInput: JourneyInput = {
    flowId: loaded.definition.id,
    flowVersion: loaded.version,
    contactId: run.input.contactId,
    definition: loaded.definition,
    triggerNodeId: call.triggerNodeId,
    trigger: {
      eventId: childId,
      kind: 'event',
      channel: run.input.trigger.channel,
      from: run.input.trigger.from,
      name: SUBFLOW_TRIGGER_EVENT,
      data: call.inputs,
      at: new Date().toISOString(),
    },
    contact: snapshot,
    parent: { journeyId: run.journeyId, flowId: run.input.flowId, nodeId: node.id, visit },
  };
  const options = journeyStartOptions(childInput, workflowInfo().taskQueue);

  run.status = 'waiting';
  upsertSearchAttributes([
    { key: journeySearchAttributeKeys.CurrentNode, value: node.id },
    { key: journeySearchAttributeKeys.JourneyStatus, value: 'waiting' },
  ]);
  const ended = await runChild(run, {
    ...options,
    workflowId: childId,
    staticSummary: `subflow ${loaded.definition.name} for ${run.journeyId}`,
    // Should this journey close some other way (terminated, timed out), the child is asked to
    // cancel, so it records how it ended rather than being cut off.
    parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
  });
  run.status = 'running';
  upsertSearchAttributes([{ key: journeySearchAttributeKeys.JourneyStatus, value: 'running' }]);

  if (!ended.ok) return failed(node.id, run, label, ended.reason);
  run.context.nodes[node.id] = { outputs: { ...(ended.state.returns ?? {}) }, outcome: ended.state.outcome, reason: `${label} completed` };
  return 'completed';
}

type ChildEnding = { ok: true; state: JourneyState } | { ok: false; reason: string };

/** Starts the child, passes on the contact's events until it ends, and says how it ended. */
async function runChild(run: JourneyRun, options: ChildWorkflowOptions & { args: [JourneyInput] }): Promise<ChildEnding> {
  let child: ChildWorkflowHandle<JourneyWorkflow>;
  try {
    child = await startChild<JourneyWorkflow>(JOURNEY_WORKFLOW_TYPE, options);
  } catch (error) {
    if (isCancellation(error)) throw error;
    return { ok: false, reason: `the subflow did not start: ${messageOf(error)}` };
  }

  // This journey's own cancellation surfaces from `condition` below; a child cancelled on its
  // own (from the API) is a subflow that did not complete, for the flow to route on.
  let ending: ChildEnding | null = null;
  const result = child.result().then(
    (state): void => {
      ending = { ok: true, state };
    },
    (error: unknown): void => {
      ending = { ok: false, reason: isCancellation(error) ? 'the subflow was cancelled' : childFailureReason(error) };
    },
  );

  run.startForwarding();
  const unforwarded: InboundEvent[] = [];
  try {
    for (;;) {
      await condition(() => ending !== null || run.hasForwarded());
      if (ending !== null) break;
      // One at a time, in the order they came: the child takes each once (it deduplicates by id).
      for (const event of run.takeForwarded()) {
        if (ending !== null) {
          unforwarded.push(event);
          continue;
        }
        try {
          await child.signal(INBOUND_EVENT_SIGNAL, event);
        } catch (error) {
          if (isCancellation(error)) throw error;
          // The child ended before it could take it: the event is this journey's again.
          unforwarded.push(event);
        }
      }
    }
  } finally {
    run.stopForwarding(unforwarded);
  }
  await result;
  // Set: the loop only leaves when the child ended.
  return ending ?? { ok: false, reason: 'the subflow ended without a result' };
}

async function load(flowId: string, version: number | 'latest'): Promise<LoadSubflowResult> {
  try {
    return await loadSubflow.executeWithOptions({ summary: `load subflow ${flowId} v${version}` }, [{ flowId, version }]);
  } catch (error) {
    // Retries exhausted (the store is down): the flow decides through `failed`.
    if (!(error instanceof ActivityFailure)) throw error;
    return { found: false, reason: `could not load it: ${error.cause?.message ?? error.message}` };
  }
}

/** `nodes.<id>.error` is the reason; the trace reads "failed: subflow collect-address v3: …". */
function failed(nodeId: string, run: JourneyRun, label: string, reason: string): string {
  run.context.nodes[nodeId] = { error: reason, status: 'failed', reason: `${label}: ${reason}` };
  return 'failed';
}

/** The child's own failure, as its journey recorded it ("flow definition, node …"), not the wrapper's. */
function childFailureReason(error: unknown): string {
  if (error instanceof ChildWorkflowFailure) return messageOf(error.cause ?? error);
  return messageOf(error);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
