import { ApplicationFailure } from '@temporalio/common';
import { CURRENT_SCHEMA_VERSION, flowNodeSchema } from '@threadline/flows';
import type { FlowDefinition, FlowNodeOf, NodeConfigs, NodeType, Schedule } from '@threadline/flows/types';
import { describe, expect, it } from 'vitest';
import type { JourneyInput } from '../journeys/contract';
import { MALFORMED_DEFINITION } from './journeyFailures';
import type { JourneyContext } from './journeyRun';
import { runAbSplit } from './nodes/abSplit';
import { runBusinessHours } from './nodes/businessHours';
import { runDelay } from './nodes/delay';
import { runIntent } from './nodes/intent';
import { scheduleFallbackZone } from './nodes/scheduleZone';
import { runSetVariables } from './nodes/setVariables';
import { planWaitUntil, weekdayAndTime } from './nodes/waitUntil';
import type { JourneyRun } from './journeyRun';

/** A node read through the catalog's schema, as a published definition's nodes are. */
function nodeOf<T extends NodeType>(type: T, config: NodeConfigs[T], id = `n_${type}`): FlowNodeOf<T> {
  const node = flowNodeSchema.parse({ id, type, config });
  if (node.type !== type) throw new Error(`parsed a ${node.type}, not a ${type}`);
  return node as FlowNodeOf<T>;
}

/** Monday 6 January 2025, 10:02 UTC: 05:02 in New York, 11:02 in Paris. */
const MONDAY_10_02_UTC = '2025-01-06T10:02:00.000Z';

function journeyContext(overrides: Partial<JourneyContext> = {}): JourneyContext {
  return {
    contact: { id: 'c_1' },
    trigger: { channel: 'sms', text: 'hello', from: '+14155550100', at: '2025-01-06T10:00:00.000Z' },
    reply: null,
    nodes: {},
    vars: {},
    journey: { id: 'journey:f:c_1', flowId: 'f', flowVersion: 3, startedAt: '2025-01-06T10:00:00.000Z', now: MONDAY_10_02_UTC },
    ...overrides,
  };
}

function journeyInput(settings: FlowDefinition['settings'] = undefined): JourneyInput {
  const definition: FlowDefinition = { schemaVersion: CURRENT_SCHEMA_VERSION, id: 'f', name: 'F', settings, nodes: [], edges: [], layout: {} };
  return {
    flowId: 'f',
    flowVersion: 3,
    contactId: 'c_1',
    definition,
    triggerNodeId: 'hello',
    trigger: { eventId: 'e_1', kind: 'message', channel: 'sms', from: '+14155550100', at: '2025-01-06T10:00:00.000Z' },
  };
}

function scheduleRun(now = MONDAY_10_02_UTC, settings: FlowDefinition['settings'] = undefined): Pick<JourneyRun, 'context' | 'input'> {
  return { context: journeyContext({ journey: { ...journeyContext().journey, now } }), input: journeyInput(settings) };
}

const weekdays9to5 = (timezone?: string, holidays: string[] = []): Schedule => ({
  ...(timezone === undefined ? {} : { timezone }),
  hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }],
  holidays,
});

function failureOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

function expectDefinitionFault(failure: unknown, nodeId: string, message: RegExp): void {
  expect(failure).toBeInstanceOf(ApplicationFailure);
  expect(failure).toMatchObject({ type: MALFORMED_DEFINITION, nonRetryable: true });
  expect((failure as Error).message.startsWith(`flow definition, node "${nodeId}": `)).toBe(true);
  expect((failure as Error).message).toMatch(message);
}

describe('abSplit', () => {
  const node = nodeOf('abSplit', { branches: [{ output: 'short', weight: 1 }, { output: 'long', weight: 1 }] }, 'ab');
  const runOf = (journeyId: string) => ({ journeyId, context: journeyContext() });

  it('takes the same branch every time for the same journey, and records it', () => {
    const first = runOf('journey:f:c_1');
    const branch = runAbSplit(node, first);

    for (let attempt = 0; attempt < 5; attempt += 1) expect(runAbSplit(node, runOf('journey:f:c_1'))).toBe(branch);
    expect(['short', 'long']).toContain(branch);
    expect(first.context.nodes.ab).toEqual({ branch });
  });

  it('sends different journeys down both branches', () => {
    const taken = new Set(Array.from({ length: 100 }, (_, index) => runAbSplit(node, runOf(`journey:f:c_${index}`))));

    expect(taken).toEqual(new Set(['short', 'long']));
  });
});

describe('setVariables', () => {
  it('renders and converts each value, in order, so a later assignment reads an earlier one', () => {
    const node = nodeOf('setVariables', {
      assignments: [
        { name: 'first', value: '{{ trigger.text | upcase }}', type: 'text' },
        { name: 'count', value: '{% assign n = 40 %}{{ n | plus: 2 }}', type: 'number' },
        { name: 'greeting', value: '{{ vars.first }} x{{ vars.count }}', type: 'text' },
        { name: 'vip', value: 'true', type: 'boolean' },
        { name: 'order', value: '{"id": "o_{{ vars.count }}", "items": [1, 2]}', type: 'json' },
      ],
    }, 'set_vars');
    const run = { context: journeyContext() };

    expect(runSetVariables(node, run)).toBe('next');
    expect(run.context.vars).toEqual({ first: 'HELLO', count: 42, greeting: 'HELLO x42', vip: true, order: { id: 'o_42', items: [1, 2] } });
  });

  it('fails the journey naming the node and the variable when a value does not render', () => {
    const node = nodeOf('setVariables', { assignments: [{ name: 'broken', value: '{{ trigger.text | no_such_filter }}', type: 'text' }] }, 'set_vars');

    expectDefinitionFault(failureOf(() => runSetVariables(node, { context: journeyContext() })), 'set_vars', /variable "broken": .*no_such_filter/);
  });

  it('fails the journey naming the node and the variable when a value is not of its type', () => {
    // The trigger's text is "hello": it renders fine, and is not JSON.
    const node = nodeOf('setVariables', { assignments: [{ name: 'payload', value: '{{ trigger.text }}', type: 'json' }] }, 'set_vars');

    expectDefinitionFault(failureOf(() => runSetVariables(node, { context: journeyContext() })), 'set_vars', /variable "payload": expected JSON, got "hello"/);
  });
});

describe('intent', () => {
  const node = nodeOf('intent', {
    input: '{{ reply.text }}',
    intents: [
      { output: 'billing', examples: ['I was charged twice'], keywords: ['invoice', 'refund'] },
      { output: 'support', examples: ['the app does not work'], keywords: ['broken', 'error'] },
    ],
  }, 'classify');
  const replying = (text: string) => ({ context: journeyContext({ reply: { text, channel: 'sms', at: '2025-01-06T10:01:00.000Z' } }) });

  it('renders its input, takes the recognised intent and records it with its confidence', () => {
    const run = replying('Where is my REFUND?');

    expect(runIntent(node, run)).toBe('billing');
    expect(run.context.nodes.classify).toEqual({ intent: 'billing', confidence: expect.any(Number) });
    const { confidence } = run.context.nodes.classify as { confidence: number };
    expect(confidence).toBeGreaterThan(0);
    expect(confidence).toBeLessThanOrEqual(1);
  });

  it('takes unknown when nothing matches', () => {
    const run = replying('zzz qqq');

    expect(runIntent(node, run)).toBe('unknown');
    expect(run.context.nodes.classify).toMatchObject({ intent: 'unknown' });
  });
});

describe('businessHours', () => {
  it('is open or closed at the journey clock in the schedule\'s zone', () => {
    const node = nodeOf('businessHours', { schedule: weekdays9to5('Europe/Paris') });
    expect(runBusinessHours(node, scheduleRun())).toBe('open');

    const newYork = nodeOf('businessHours', { schedule: weekdays9to5('America/New_York') });
    expect(runBusinessHours(newYork, scheduleRun())).toBe('closed');
  });

  it('is closed on a holiday whatever the weekly hours say', () => {
    const node = nodeOf('businessHours', { schedule: weekdays9to5('Europe/Paris', ['2025-01-06']) });

    expect(runBusinessHours(node, scheduleRun())).toBe('closed');
  });

  it('reads a schedule without a zone in the flow\'s default zone', () => {
    const node = nodeOf('businessHours', { schedule: weekdays9to5() });

    expect(runBusinessHours(node, scheduleRun(MONDAY_10_02_UTC, { timezone: 'Europe/Paris' }))).toBe('open');
    expect(runBusinessHours(node, scheduleRun(MONDAY_10_02_UTC, { timezone: 'America/New_York' }))).toBe('closed');
  });
});

describe('scheduleFallbackZone', () => {
  it('prefers the contact\'s zone, then the flow\'s, then UTC', () => {
    const contactWithZone = { ...scheduleRun(MONDAY_10_02_UTC, { timezone: 'Europe/Paris' }) };
    contactWithZone.context.contact = Object.assign({ id: 'c_1' }, { timezone: 'Asia/Tokyo' });

    expect(scheduleFallbackZone(contactWithZone)).toBe('Asia/Tokyo');
    expect(scheduleFallbackZone(scheduleRun(MONDAY_10_02_UTC, { timezone: 'Europe/Paris' }))).toBe('Europe/Paris');
    expect(scheduleFallbackZone(scheduleRun())).toBe('UTC');
  });
});

describe('waitUntil', () => {
  it('goes on at once when the schedule is open', () => {
    const node = nodeOf('waitUntil', { schedule: weekdays9to5('Europe/Paris') });

    expect(planWaitUntil(node, scheduleRun())).toEqual({ wait: false });
  });

  it('waits until the next opening, with a summary that reads like the flow', () => {
    const node = nodeOf('waitUntil', { schedule: weekdays9to5('America/New_York') });

    // 05:02 in New York; it opens at 09:00 the same Monday, 3 h 58 min later.
    expect(planWaitUntil(node, scheduleRun())).toEqual({
      wait: true,
      ms: (3 * 60 + 58) * 60_000,
      summary: 'wait until open: Mon 09:00 America/New_York',
    });
  });

  it('fails the journey naming the node when the schedule never opens', () => {
    // Built by hand: the catalog's schema already refuses a schedule without hours at publish time.
    const node: FlowNodeOf<'waitUntil'> = { id: 'wait_open', type: 'waitUntil', config: { schedule: { timezone: 'UTC', hours: [], holidays: [] } } };

    expectDefinitionFault(failureOf(() => planWaitUntil(node, scheduleRun())), 'wait_open', /the schedule never opens/);
  });

  it('formats an instant as the weekday and time someone in the zone reads', () => {
    expect(weekdayAndTime(new Date('2025-01-06T14:00:00.000Z'), 'America/New_York')).toBe('Mon 09:00');
    expect(weekdayAndTime(new Date('2025-01-05T23:30:00.000Z'), 'Asia/Tokyo')).toBe('Mon 08:30');
  });
});

describe('delay', () => {
  it('fails the journey naming the node when its duration does not parse, before any timer starts', async () => {
    const node: FlowNodeOf<'delay'> = { id: 'pause', type: 'delay', config: { duration: 'soon' } };
    const run: Pick<JourneyRun, 'status' | 'pendingWait'> = { status: 'running', pendingWait: null };

    const failure = await runDelay(node, run).catch((error: unknown) => error);

    expect(run.status).toBe('running');

    expectDefinitionFault(failure, 'pause', /"soon" is not a duration/);
  });
});
