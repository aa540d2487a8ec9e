import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flowLibrary } from '../../library';
import { nodeTypes } from '../catalog';
import { canvasToDefinition } from '../compiler/canvasToDefinition';
import type { FlowDefinition, FlowEdge, FlowNode, ValidationIssue } from '../types';
import { VALIDATION_CODES } from './issueCodes';
import { edge, flow, node } from './smallFlows.fixture';
import { isPublishable, validateFlow } from './validateFlow';

const missedCall = node('missed', 'trigger.missedCall', { numbers: [], outcomes: ['busy'] });
const inbound = node('inbound', 'trigger.inboundMessage', { channels: ['sms'] });
const textBack = node('text', 'send', { channel: 'sms', template: 'Hi' });
const wait = node('wait', 'waitForReply', { channels: [], timeout: '1h' });
const pricing = node('pricing', 'split', {
  input: '{{ reply.text }}',
  conditions: [{ output: 'yes', operator: 'contains', values: ['price'] }],
});
const done = node('done', 'end', { outcome: 'done' });

/** The send's failure outputs, which most small graphs here route straight to the end. */
const sendFailuresEnd = (from: string): FlowEdge[] => [edge(from, 'failed', 'done'), edge(from, 'blocked', 'done')];

/** missed → text → done: the smallest flow with nothing wrong. */
const sound = flow(
  [missedCall, textBack, done],
  [{ from: 'missed', output: 'next', to: 'text' }, { from: 'text', output: 'sent', to: 'done' }, ...sendFailuresEnd('text')],
);

const codes = (issues: ValidationIssue[]) => issues.map((issue) => issue.code);

describe('validateFlow', () => {
  it.each(flowLibrary.map((entry) => [entry.id, entry] as const))('finds nothing wrong with library flow %s', (_, entry) => {
    expect(validateFlow(entry.definition)).toEqual([]);
  });

  it('finds nothing wrong with a trigger, a send and an end all wired up', () => {
    expect(validateFlow(sound)).toEqual([]);
  });

  it('reports a flow without a trigger, since no journey could start', () => {
    const issues = validateFlow(flow([textBack, done], [{ from: 'text', output: 'sent', to: 'done' }, ...sendFailuresEnd('text')]));
    expect(issues).toEqual([expect.objectContaining({ code: 'no-trigger', severity: 'error', path: 'nodes' })]);
  });

  it('reports a second node with an id already taken', () => {
    const issues = validateFlow({ ...sound, nodes: [...sound.nodes, node('done', 'end', { outcome: 'other' })] });
    expect(issues).toEqual([
      expect.objectContaining({ code: 'duplicate-node-id', severity: 'error', nodeId: 'done', path: 'nodes[done]' }),
    ]);
  });

  it('reports a node type the catalog does not know, by node id', () => {
    const canvas = {
      nodes: [{ id: 'hello', type: 'voice.whisper' as never, position: { x: 0, y: 0 }, data: { config: {} } }],
      edges: [],
    };
    const definition = canvasToDefinition(canvas, { id: 'test', name: 'Test' });
    const issues = validateFlow({ ...definition, nodes: [...sound.nodes, ...definition.nodes], edges: sound.edges });
    expect(issues).toEqual([
      expect.objectContaining({ code: 'unknown-node-type', nodeId: 'hello', path: 'nodes[hello].type' }),
      expect.objectContaining({ code: 'unreachable-node', nodeId: 'hello' }),
    ]);
  });

  it('reports a config its node type refuses, with the path to the field', () => {
    const broken: FlowNode = { ...textBack, config: { ...textBack.config, template: '' } };
    const issues = validateFlow({ ...sound, nodes: [missedCall, broken, done] });
    expect(issues).toEqual([
      {
        code: 'invalid-config',
        severity: 'error',
        nodeId: 'text',
        path: 'nodes[text].config.template',
        message: 'Message: write the message to send',
      },
    ]);
  });

  it('reports edges from or to a node that does not exist', () => {
    const issues = validateFlow({
      ...sound,
      edges: [...sound.edges, { from: 'ghost', output: 'next', to: 'done' }],
    });
    expect(issues).toEqual([expect.objectContaining({ code: 'dangling-edge', path: 'edges[4].from' })]);

    const toGhost = validateFlow({
      ...sound,
      edges: sound.edges.map((edge) => (edge.output === 'sent' ? { ...edge, to: 'ghost' } : edge)),
    });
    expect(toGhost).toEqual([expect.objectContaining({ code: 'dangling-edge', nodeId: 'text', path: 'edges[1].to' })]);
  });

  it('reports an edge from an output the node does not have', () => {
    const issues = validateFlow({ ...sound, edges: [...sound.edges, { from: 'text', output: 'replied', to: 'done' }] });
    expect(issues).toEqual([
      expect.objectContaining({ code: 'dangling-edge', nodeId: 'text', path: 'edges[4].output' }),
    ]);
    expect(issues[0]?.message).toContain('it has sent, failed, blocked');
  });

  it('reports every output that leads nowhere, except on end nodes', () => {
    const issues = validateFlow(flow([missedCall, textBack, done], [{ from: 'missed', output: 'next', to: 'text' }]));
    expect(issues.map((issue) => [issue.code, issue.nodeId, issue.path])).toEqual([
      ['output-not-connected', 'text', 'nodes[text].outputs.sent'],
      ['output-not-connected', 'text', 'nodes[text].outputs.failed'],
      ['output-not-connected', 'text', 'nodes[text].outputs.blocked'],
      ['unreachable-node', 'done', 'nodes[done]'],
    ]);
  });

  it('reports an output that leads to two nodes', () => {
    const issues = validateFlow({
      ...flow([missedCall, textBack, done], sound.edges),
      nodes: [missedCall, textBack, done, { ...done, id: 'done2' }],
      edges: [...sound.edges, { from: 'text', output: 'sent', to: 'done2' }],
    });
    expect(issues).toEqual([
      expect.objectContaining({ code: 'output-connected-twice', nodeId: 'text', path: 'nodes[text].outputs.sent' }),
    ]);
  });

  it('reports an edge into a trigger', () => {
    const issues = validateFlow(
      flow(
        [missedCall, inbound, textBack, done],
        [
          { from: 'missed', output: 'next', to: 'text' },
          { from: 'inbound', output: 'next', to: 'text' },
          { from: 'text', output: 'sent', to: 'inbound' },
          ...sendFailuresEnd('text'),
        ],
      ),
    );
    expect(issues).toEqual([
      expect.objectContaining({ code: 'trigger-has-incoming-edge', nodeId: 'inbound', path: 'edges[2].to' }),
    ]);
  });

  it('warns about a node no trigger leads to, without blocking publishing', () => {
    const island = { ...done, id: 'island' };
    const issues = validateFlow({ ...sound, nodes: [...sound.nodes, island] });
    expect(issues).toEqual([
      expect.objectContaining({ code: 'unreachable-node', severity: 'warning', nodeId: 'island', path: 'nodes[island]' }),
    ]);
    expect(isPublishable(issues)).toBe(true);
  });

  it('reports a loop with no wait in it, once, on its first node', () => {
    const issues = validateFlow(
      flow(
        [missedCall, textBack, pricing, done],
        [
          { from: 'missed', output: 'next', to: 'text' },
          { from: 'text', output: 'sent', to: 'pricing' },
          { from: 'pricing', output: 'yes', to: 'text' },
          { from: 'pricing', output: 'else', to: 'done' },
          ...sendFailuresEnd('text'),
        ],
      ),
    );
    expect(issues).toEqual([expect.objectContaining({ code: 'cycle-without-wait', nodeId: 'text', path: 'nodes[text]' })]);
    expect(issues[0]?.message).toContain('text, pricing');
  });

  it('accepts a loop that waits for a reply on the way round', () => {
    const issues = validateFlow(
      flow(
        [missedCall, textBack, wait, pricing, done],
        [
          { from: 'missed', output: 'next', to: 'text' },
          { from: 'text', output: 'sent', to: 'wait' },
          { from: 'wait', output: 'replied', to: 'pricing' },
          { from: 'wait', output: 'timeout', to: 'done' },
          { from: 'pricing', output: 'yes', to: 'text' },
          { from: 'pricing', output: 'else', to: 'done' },
          ...sendFailuresEnd('text'),
        ],
      ),
    );
    expect(issues).toEqual([]);
  });

  it('reports a node whose output leads back to itself', () => {
    const loop = { ...pricing, config: { ...pricing.config } };
    const issues = validateFlow(
      flow(
        [missedCall, loop, done],
        [
          { from: 'missed', output: 'next', to: 'pricing' },
          { from: 'pricing', output: 'yes', to: 'pricing' },
          { from: 'pricing', output: 'else', to: 'done' },
        ],
      ),
    );
    expect(codes(issues)).toEqual(['cycle-without-wait']);
  });

  it('blocks publishing while any error remains', () => {
    expect(isPublishable(validateFlow(flow([], [])))).toBe(false);
    expect(isPublishable(validateFlow(sound))).toBe(true);
  });

  it('reports a placeholder left by an importer, naming where it came from and why', () => {
    const stub = node('pay', 'placeholder', {
      note: 'Studio "capture-payments" has no Threadline equivalent.',
      source: 'twilio-studio:capture-payments',
      original: { type: 'capture-payments' },
      outputs: ['success', 'failed'],
    });
    const issues = validateFlow(
      flow([missedCall, stub, done], [edge('missed', 'next', 'pay'), edge('pay', 'success', 'done'), edge('pay', 'failed', 'done')]),
    );
    expect(issues.map(({ code, nodeId, path }) => ({ code, nodeId, path }))).toEqual([
      { code: 'placeholder-node', nodeId: 'pay', path: 'nodes[pay]' },
    ]);
    expect(issues[0]?.message).toContain('twilio-studio:capture-payments');
    expect(issues[0]?.message).toContain('has no Threadline equivalent');
  });

  it('reports a definition whose node or edge lists are broken instead of throwing', () => {
    const broken = { ...sound, nodes: 'nope', edges: [{ from: 1 }] } as unknown as FlowDefinition;
    const issues = validateFlow(broken);
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['invalid-definition', 'nodes'],
      ['invalid-definition', 'edges[0].from'],
      ['invalid-definition', 'edges[0].output'],
      ['invalid-definition', 'edges[0].to'],
    ]);
  });

  it('returns issues, never throws, for anything at all passed off as a definition', () => {
    const nodeLike = fc.record({
      id: fc.oneof(fc.constantFrom('a', 'b', 'c'), fc.anything()),
      type: fc.oneof(fc.constantFrom(...nodeTypes), fc.anything()),
      config: fc.oneof(fc.anything(), fc.dictionary(fc.string(), fc.anything())),
    });
    const anyDefinition = fc.oneof(
      fc.anything(),
      fc.record({
        schemaVersion: fc.constant(2),
        nodes: fc.oneof(fc.array(nodeLike, { maxLength: 5 }), fc.anything()),
        edges: fc.oneof(fc.array(fc.record({ from: fc.anything(), output: fc.anything(), to: fc.anything() })), fc.anything()),
        interface: fc.anything(),
      }),
    );
    fc.assert(
      fc.property(anyDefinition, (input) => {
        const issues = validateFlow(input as FlowDefinition, { resolveFlow: () => undefined });
        for (const issue of issues) expect(VALIDATION_CODES).toContain(issue.code);
      }),
      { numRuns: 300 },
    );
  });

  it('judges any graph the canvas can hold without throwing, using only its documented codes', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const graph = fc.record({
      nodes: fc.array(
        fc.record({
          id: fc.constantFrom(...ids),
          type: fc.constantFrom(...nodeTypes, 'voice.whisper' as never),
          position: fc.constant({ x: 0, y: 0 }),
          data: fc.record({ config: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })) }),
        }),
        { maxLength: 6 },
      ),
      edges: fc.array(
        fc.record({
          id: fc.string(),
          source: fc.constantFrom(...ids, 'ghost'),
          sourceHandle: fc.constantFrom('next', 'sent', 'failed', 'replied', 'timeout', 'else', 'nope'),
          target: fc.constantFrom(...ids, 'ghost'),
        }),
        { maxLength: 10 },
      ),
    });
    fc.assert(
      fc.property(graph, (canvas) => {
        const issues = validateFlow(canvasToDefinition(canvas, { id: 'any', name: 'Any' }));
        for (const issue of issues) {
          expect(VALIDATION_CODES).toContain(issue.code);
          expect(issue.message).not.toBe('');
          if (issue.nodeId !== undefined) expect(issue.path).toMatch(/^(nodes\[|edges\[)/);
        }
      }),
    );
  });
});
