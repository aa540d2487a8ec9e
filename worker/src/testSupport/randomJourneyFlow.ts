/**
 * fast-check arbitraries for the compliance property test: small random flows (an inbound
 * message, then a random sequence of sends, delays, reply waits and splits on the reply, then
 * an end), a random frequency cap of the flow's own, and random things that happen to the
 * contact while the journey runs.
 */
import { CURRENT_SCHEMA_VERSION } from '@threadline/flows';
import { outputsOf } from '@threadline/flows/runtime';
import type { FlowDefinition, FlowNode, FlowSettings, MessageChannel } from '@threadline/flows/types';
import fc from 'fast-check';

export const PROPERTY_CHANNELS = ['sms', 'whatsapp', 'email'] as const satisfies readonly MessageChannel[];
export type PropertyChannel = (typeof PROPERTY_CHANNELS)[number];

export type FlowStep =
  | { kind: 'send'; channel: PropertyChannel }
  | { kind: 'delay'; duration: string }
  | { kind: 'waitForReply'; timeout: string }
  | { kind: 'splitOnReply' };

/** Something the contact does, `afterMs` after the previous one (on the journey's clock). */
export type ContactAction =
  | { kind: 'reply'; afterMs: number; channel: PropertyChannel; text: string }
  | { kind: 'stop'; afterMs: number; channel: PropertyChannel }
  | { kind: 'start'; afterMs: number; channel: PropertyChannel };

/** Whole-hour and odd-offset zones on both sides of UTC, so quiet hours fall at every hour of the server's clock. */
export const PROPERTY_ZONES = ['UTC', 'America/Los_Angeles', 'America/New_York', 'Europe/Paris', 'Asia/Kolkata', 'Asia/Tokyo', 'Pacific/Auckland'] as const;

const channel = fc.constantFrom(...PROPERTY_CHANNELS);
const MINUTE = 60_000;

export const flowStepArbitrary: fc.Arbitrary<FlowStep> = fc.oneof(
  { weight: 3, arbitrary: channel.map((picked) => ({ kind: 'send' as const, channel: picked })) },
  { weight: 2, arbitrary: fc.constantFrom('10m', '2h', '9h').map((duration) => ({ kind: 'delay' as const, duration })) },
  { weight: 2, arbitrary: fc.constantFrom('30m', '4h').map((timeout) => ({ kind: 'waitForReply' as const, timeout })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'splitOnReply' as const }) },
);

/** At least one send: a flow that sends nothing has nothing to check. */
export const flowStepsArbitrary: fc.Arbitrary<FlowStep[]> = fc
  .array(flowStepArbitrary, { minLength: 1, maxLength: 7 })
  .filter((steps) => steps.some((step) => step.kind === 'send'));

/** A flow's own cap in whole days (the oracle reads the days, the flow the text), or none. */
export interface PropertyFlowCap {
  max: number;
  days: number;
}

/**
 * None half the time; else 1 to 4 messages in 30 days, so either cap may be the stricter beside
 * the worker's 3 in 30 days: a window far longer than any run's skipped time, as the worker's.
 */
export const flowCapArbitrary: fc.Arbitrary<PropertyFlowCap | null> = fc.option(
  fc.record({ max: fc.integer({ min: 1, max: 4 }), days: fc.constant(30) }),
  { nil: null },
);

export const contactActionArbitrary: fc.Arbitrary<ContactAction> = fc.oneof(
  fc.record({
    kind: fc.constant('reply' as const),
    afterMs: fc.integer({ min: 0, max: 6 * 60 }).map((minutes) => minutes * MINUTE),
    channel,
    text: fc.constantFrom('yes', 'no', 'maybe later'),
  }),
  fc.record({ kind: fc.constant('stop' as const), afterMs: fc.integer({ min: 0, max: 6 * 60 }).map((minutes) => minutes * MINUTE), channel }),
  fc.record({ kind: fc.constant('start' as const), afterMs: fc.integer({ min: 0, max: 6 * 60 }).map((minutes) => minutes * MINUTE), channel }),
);

export const contactActionsArbitrary: fc.Arbitrary<ContactAction[]> = fc.array(contactActionArbitrary, { maxLength: 5 });

function stepNode(step: FlowStep, id: string): FlowNode {
  switch (step.kind) {
    case 'send':
      return {
        id,
        type: 'send',
        config: {
          channel: step.channel,
          template: `Step ${id} on ${step.channel}`,
          ...(step.channel === 'email' ? { subject: `Step ${id}` } : {}),
          mediaUrls: [],
          // As a business-initiated WhatsApp flow must: outside the contact's 24-hour window the
          // template goes, so WhatsApp sends keep meeting the compliance rules under test.
          ...(step.channel === 'whatsapp' ? { whatsappTemplate: 'property_step', whatsappTemplateVariables: [id] } : { whatsappTemplateVariables: [] }),
        },
      };
    case 'delay':
      return { id, type: 'delay', config: { duration: step.duration } };
    case 'waitForReply':
      return { id, type: 'waitForReply', config: { channels: [], timeout: step.timeout, maxReprompts: 0 } };
    case 'splitOnReply':
      return { id, type: 'split', config: { input: '{{ reply.text }}', conditions: [{ output: 'yes', operator: 'equals', values: ['yes'] }] } };
    default:
      return assertNever(step);
  }
}

/** trigger → steps in order (every output of a step leads to the next) → end. */
export function flowOfSteps(id: string, steps: readonly FlowStep[], cap: PropertyFlowCap | null = null): FlowDefinition {
  const trigger: FlowNode = { id: 'hello', type: 'trigger.inboundMessage', config: { channels: [] } };
  const end: FlowNode = { id: 'done', type: 'end', config: { outcome: 'done', returns: [] } };
  const nodes = [trigger, ...steps.map((step, index) => stepNode(step, `step_${index}`)), end];
  const edges = nodes.slice(0, -1).flatMap((node, index) => {
    const next = nodes[index + 1];
    return next === undefined ? [] : outputsOf(node).map((output) => ({ from: node.id, output, to: next.id }));
  });
  const settings: FlowSettings | undefined = cap === null ? undefined : { frequencyCap: { max: cap.max, window: `${cap.days}d` } };
  return { schemaVersion: CURRENT_SCHEMA_VERSION, id, name: id, ...(settings === undefined ? {} : { settings }), nodes, edges, layout: {} };
}

function assertNever(value: never): never {
  throw new Error(`unexpected flow step ${JSON.stringify(value)}`);
}
