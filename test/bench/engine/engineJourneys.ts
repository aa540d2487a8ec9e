/**
 * Starting the bench's journeys as the API does (api/src/inbound/handToJourneys.ts): a contact
 * resolved from the phone number, its snapshot in the input, `journeyStartOptions` for the id,
 * search attributes and summary, and signal-with-start carrying the trigger event. Straight
 * through the Temporal client rather than the API: the bench measures the worker, and the
 * API's per-event work (timeline, contact writes) in the bench's process would compete with it
 * for the two cores without telling us anything about the engine.
 */
import type { Client } from '@temporalio/client';
import { INBOUND_EVENT_SIGNAL, JOURNEY_TASK_QUEUE, JOURNEY_WORKFLOW_TYPE, type InboundEvent, type JourneyInput } from '@threadline/worker/contract';
import { journeyStartOptions } from '@threadline/worker/start';
import { contactSnapshot, readContactProfile, resolveContact, type Store } from '@threadline/worker/store';
import type { FlowDefinition } from '@threadline/flows/types';
import type { Variant } from '../benchStack';
import { ENGINE_BASELINE_TASK_QUEUE, ENGINE_BASELINE_WORKFLOW_TYPE } from './baseline/engineBaselineRouting';
import { boundedAll } from './boundedAll';

export const ROUTES: Record<Variant, { workflowType: string; taskQueue: string }> = {
  interpreter: { workflowType: JOURNEY_WORKFLOW_TYPE, taskQueue: JOURNEY_TASK_QUEUE },
  baseline: { workflowType: ENGINE_BASELINE_WORKFLOW_TYPE, taskQueue: ENGINE_BASELINE_TASK_QUEUE },
};

export interface BenchContact {
  phone: string;
  contactId: string;
  input: Pick<JourneyInput, 'contactId' | 'contact'>;
}

/** Creates the contacts before the clock starts, as the API's inbound path would have. */
export function createContacts(store: Store, phones: readonly string[], concurrency: number): Promise<BenchContact[]> {
  return boundedAll(phones, concurrency, async (phone) => {
    const { contactId } = await resolveContact(store, { type: 'phone', value: phone });
    const record = await store.contacts.findById(contactId).lean();
    const contact = record ? contactSnapshot(readContactProfile(record)) : undefined;
    return { phone, contactId, input: { contactId, ...(contact === undefined ? {} : { contact }) } };
  });
}

/** An inbound SMS from the contact, as the sandbox provider's webhook would deliver it. */
export function inboundSms(phone: string, eventId: string, text: string): InboundEvent {
  return { eventId, kind: 'message', channel: 'sms', from: phone, to: '+15005550006', text, at: new Date().toISOString() };
}

export function journeyInput(definition: FlowDefinition, contact: Pick<JourneyInput, 'contactId' | 'contact'>, trigger: InboundEvent): JourneyInput {
  return { flowId: definition.id, flowVersion: 1, definition, triggerNodeId: 'hello', trigger, ...contact };
}

/** Signal-with-start for each input, `concurrency` at a time; resolves with the workflow ids. */
export function startJourneys(client: Client, variant: Variant, inputs: readonly JourneyInput[], concurrency: number): Promise<string[]> {
  const route = ROUTES[variant];
  return boundedAll(inputs, concurrency, async (input) => {
    const { workflowId, ...options } = journeyStartOptions(input, route.taskQueue);
    await client.workflow.signalWithStart(route.workflowType, { workflowId, ...options, signal: INBOUND_EVENT_SIGNAL, signalArgs: [input.trigger] });
    return workflowId;
  });
}
