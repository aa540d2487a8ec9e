import { ApplicationFailure } from '@temporalio/common';
import { defaultConfigOf, flowNodeSchema, nodeTypes } from '@threadline/flows';
import type { FlowNode, NodeType } from '@threadline/flows/types';
import { describe, expect, it } from 'vitest';
import { MALFORMED_DEFINITION } from './journeyFailures';
import type { JourneyContext, JourneyRun } from './journeyRun';
import { runSplit } from './nodes/split';
import { runTrigger, type TriggerType } from './nodes/trigger';
import { runNode } from './runNode';

/** The node types this worker runs besides triggers; issue 6 adds the rest of the catalog. */
const RUN_TYPES: readonly NodeType[] = [
  'send',
  'waitForReply',
  'waitForEvent',
  'split',
  'end',
  // logic and data nodes (issue 6)
  'intent',
  'abSplit',
  'delay',
  'waitUntil',
  'businessHours',
  'setVariables',
  'httpRequest',
  'updateContact',
  // an inbound call's voice nodes (issue 6)
  'voice.say',
  'voice.play',
  'voice.menu',
  'voice.gather',
  'voice.record',
  'voice.connect',
  'voice.hangup',
  // a child journey (issue 6)
  'subflow',
  // an outbound call (issue 6)
  'call.outbound',
];
const isTrigger = (type: NodeType): type is TriggerType => type.startsWith('trigger.');
const isTriggerNode = (node: FlowNode): node is Extract<FlowNode, { type: TriggerType }> => isTrigger(node.type);

/** A node of each type with its catalog defaults, read through the schema as a definition is. */
function nodeOf(type: NodeType, id = `n_${type.replace('.', '_')}`): FlowNode {
  return flowNodeSchema.parse({ id, type, config: defaultConfigOf(type) });
}

/** The types that fail a journey need nothing from the run: this one throws if they read it. */
const unreadRun = new Proxy({}, {
  get(_target, property) {
    throw new Error(`runNode read run.${String(property)}`);
  },
}) as JourneyRun;

function journeyContext(overrides: Partial<JourneyContext> = {}): JourneyContext {
  return {
    contact: { id: 'c_1' },
    trigger: { channel: 'sms', text: 'hello', from: '+14155550100', at: '2025-01-06T10:00:00.000Z' },
    reply: null,
    nodes: {},
    vars: {},
    journey: { id: 'journey:f:c_1', flowId: 'f', flowVersion: 3, startedAt: '2025-01-06T10:00:00.000Z', now: '2025-01-06T10:02:00.000Z' },
    ...overrides,
  };
}

function failureOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('runNode on the node types this worker does not run yet', () => {
  const notRun = nodeTypes.filter((type) => !isTrigger(type) && !RUN_TYPES.includes(type));

  it('leaves exactly the rest of the catalog for later', () => {
    expect(notRun).toHaveLength(nodeTypes.length - 6 - RUN_TYPES.length);
    expect(notRun).toContain('route');
    expect(notRun).not.toContain('delay');
  });

  it.each(notRun)('fails the journey at a %s node, naming it, with a failure that is not retried', (type) => {
    const node = nodeOf(type);

    const failure = failureOf(() => runNode(node, unreadRun, 1));

    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({
      type: MALFORMED_DEFINITION,
      nonRetryable: true,
      message: `flow definition, node "${node.id}": node type "${type}" is not run by this worker yet`,
    });
  });
});

describe('triggers', () => {
  const triggers = nodeTypes.filter(isTrigger);

  it('cover every kind of entry a flow may have', () => {
    expect(triggers).toEqual(expect.arrayContaining(['trigger.inboundMessage', 'trigger.missedCall', 'trigger.event', 'trigger.subflow']));
  });

  it.each(triggers)('a %s trigger has already happened: it records the event and goes on by next', (type) => {
    const context = journeyContext();
    const node = nodeOf(type, 'entry');
    if (!isTriggerNode(node)) throw new Error('not a trigger');

    const output = runTrigger(node, { context });

    expect(output).toBe('next');
    expect(context.nodes.entry).toEqual(context.trigger);
  });
});

describe('runSplit', () => {
  const split = (input: string, values: string[]) =>
    flowNodeSchema.parse({
      id: 'asks_price',
      type: 'split',
      config: { input, conditions: [{ output: 'pricing', operator: 'contains', values }] },
    });

  it('renders its Liquid input and comparands and records the value and the output taken', () => {
    const context = journeyContext({
      nodes: { wait_reply: { reply: { text: 'How MUCH is an install?', channel: 'whatsapp', at: '2025-01-06T10:01:00.000Z' } } },
      vars: { word: 'much' },
    });
    const node = split('{{ nodes.wait_reply.reply.text }}', ['price', '{{ vars.word }}']);
    if (node.type !== 'split') throw new Error('not a split');

    const output = runSplit(node, { context });

    expect(output).toBe('pricing');
    expect(context.nodes.asks_price).toEqual({ value: 'How MUCH is an install?', output: 'pricing' });
  });

  it('takes else, and records it, when no condition matches', () => {
    const context = journeyContext({ reply: { text: 'Do you open on Sundays?', channel: 'sms', at: '2025-01-06T10:01:00.000Z' } });
    const node = split('{{ reply.text }}', ['price']);
    if (node.type !== 'split') throw new Error('not a split');

    expect(runSplit(node, { context })).toBe('else');
    expect(context.nodes.asks_price).toEqual({ value: 'Do you open on Sundays?', output: 'else' });
  });

  it('reads "now" from the journey clock in the context, not from the machine', () => {
    const node = flowNodeSchema.parse({
      id: 'after_ten',
      type: 'split',
      config: { input: '{{ "now" | date: "%H:%M" }}', conditions: [{ output: 'late', operator: 'afterTime', values: ['10:00'] }] },
    });
    if (node.type !== 'split') throw new Error('not a split');
    const context = journeyContext();

    expect(runSplit(node, { context })).toBe('late');
    expect(context.nodes.after_ten).toEqual({ value: '10:02', output: 'late' });
  });

  it('fails the journey naming the split when its template does not render', () => {
    const node = split('{{ reply.text | no_such_filter }}', ['price']);
    if (node.type !== 'split') throw new Error('not a split');

    const failure = failureOf(() => runSplit(node, { context: journeyContext() }));

    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: MALFORMED_DEFINITION, nonRetryable: true });
    expect((failure as Error).message).toMatch(/^flow definition, node "asks_price": .*no_such_filter/);
  });
});
