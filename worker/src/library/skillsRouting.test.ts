/**
 * The library's skills routing up to what this worker runs: the intent classification of the
 * inbound message. `route` comes with the agents' side in a later issue, so the journey fails
 * at the route node, naming it; no history is recorded (it would record that failure).
 */
import { randomUUID } from 'node:crypto';
import { WorkflowFailedError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import type { InboundEvent } from '../journeys/contract';
import { failureAndState, leadJourney, libraryFlow, newLead, sendsTo, traceOf, useLibraryHarness, withSkippingWorker } from './libraryJourneyHarness';

const flow = libraryFlow('skills-routing');
const harness = useLibraryHarness('threadline_library_skills_routing');

describe('skills routing, as the library ships it, up to the route node', () => {
  it.each([
    ['whatsapp', 'I was charged twice this month!', 'billing', 'route_billing'],
    ['sms', 'I cannot log in, it says wrong password', 'support', 'route_support'],
    ['whatsapp', 'Could I get a demo of the pro plan?', 'sales', 'route_sales'],
    ['sms', 'hello?', 'unknown', 'route_support'],
  ] as const)('classifies "%s: %s" as %s and stops at %s, which this worker does not run yet', async (channel, text, intent, routeNode) => {
    const lead = await newLead(harness.store, '591');
    const trigger: InboundEvent = { eventId: `sandbox:SM-${randomUUID()}`, kind: 'message', channel, from: lead.phone, text, at: new Date().toISOString() };

    const { failure, state } = await withSkippingWorker(harness, {}, async (start) => {
      const handle = await start(leadJourney(flow, lead, trigger));
      return failureAndState(handle);
    });

    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect(String((failure as WorkflowFailedError).cause?.message)).toMatch(new RegExp(`${routeNode}.*node type "route" is not run by this worker yet`));
    expect(state.path).toEqual(['inbound_message', 'classify_intent', routeNode]);
    expect(state.nodes?.classify_intent).toMatchObject({ intent });
    const trace = traceOf(state);
    expect(trace[0]).toEqual(['inbound_message', `on ${channel}`]);
    expect(trace[1]?.[1]).toMatch(new RegExp(`^intent ${intent}`));
    expect(await sendsTo(harness.store, lead)).toEqual([]);
  });
});
