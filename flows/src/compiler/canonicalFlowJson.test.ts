import { describe, expect, it } from 'vitest';
import type { FlowDefinition, FlowNode } from '../types';
import { canonicalFlowJson } from './canonicalFlowJson';

/** A definition built back to front: every object's keys in an order canonical JSON does not use. */
function definitionWith(nodes: FlowNode[], extra: Partial<FlowDefinition> = {}): FlowDefinition {
  return {
    layout: { b_node: { y: 2, x: 1 }, a_node: { y: 4, x: 3 } },
    edges: [],
    nodes,
    ...extra,
    name: 'Key order',
    id: 'key-order',
    schemaVersion: 2,
  };
}

/** The keys of every object along `path`, in printed order. */
function keysAt(text: string, ...path: Array<string | number>): string[] {
  const value = path.reduce<unknown>(
    (current, segment) => (current as Record<string | number, unknown>)[segment],
    JSON.parse(text),
  );
  return Object.keys(value as object);
}

describe('canonical key order', () => {
  it('prints the definition keys in the documented order, interface and settings included', () => {
    const text = canonicalFlowJson(
      definitionWith([], {
        settings: { defaultChannel: 'sms', reentry: 'ignore', timezone: 'UTC' },
        interface: {
          outputs: [{ description: 'the order status', name: 'status' }],
          inputs: [{ description: 'which order', required: true, name: 'orderId' }],
        },
        description: 'Keys out of order',
        $schema: '../schema/flow-definition.schema.json',
      }),
    );
    expect(keysAt(text)).toEqual([
      '$schema',
      'schemaVersion',
      'id',
      'name',
      'description',
      'interface',
      'settings',
      'nodes',
      'edges',
      'layout',
    ]);
    expect(keysAt(text, 'interface')).toEqual(['inputs', 'outputs']);
    expect(keysAt(text, 'interface', 'inputs', 0)).toEqual(['name', 'required', 'description']);
    expect(keysAt(text, 'interface', 'outputs', 0)).toEqual(['name', 'description']);
    expect(keysAt(text, 'settings')).toEqual(['timezone', 'reentry', 'defaultChannel']);
    expect(keysAt(text, 'layout')).toEqual(['a_node', 'b_node']);
    expect(keysAt(text, 'layout', 'a_node')).toEqual(['x', 'y']);
  });

  it('orders nested config objects as their zod schema declares them', () => {
    const split: FlowNode = {
      config: {
        conditions: [{ values: ['price', 'cost'], operator: 'matchesAnyOf', output: 'pricing' }],
        input: '{{ reply.text }}',
      },
      type: 'split',
      id: 'a_node',
    };
    const wait: FlowNode = {
      config: {
        maxReprompts: 1,
        validation: { options: ['yes', 'no'], kind: 'oneOf' },
        timeout: '1h',
        channels: [],
      },
      type: 'waitForReply',
      id: 'b_node',
    };
    const text = canonicalFlowJson(definitionWith([split, wait]));
    expect(keysAt(text, 'nodes', 0)).toEqual(['id', 'type', 'config']);
    expect(keysAt(text, 'nodes', 0, 'config')).toEqual(['input', 'conditions']);
    expect(keysAt(text, 'nodes', 0, 'config', 'conditions', 0)).toEqual(['output', 'operator', 'values']);
    expect(keysAt(text, 'nodes', 1, 'config', 'validation')).toEqual(['kind', 'options']);
  });

  it('puts keys the catalog does not know after the known ones, sorted, all the way down', () => {
    const send = {
      id: 'a_node',
      type: 'send',
      config: {
        zeta: { y: 1, b: 2 },
        whatsappTemplateVariables: [],
        template: 'Hi',
        alpha: true,
        mediaUrls: [],
        channel: 'sms',
      },
    } as unknown as FlowNode;
    const text = canonicalFlowJson(definitionWith([send]));
    expect(keysAt(text, 'nodes', 0, 'config')).toEqual([
      'channel',
      'template',
      'mediaUrls',
      'whatsappTemplateVariables',
      'alpha',
      'zeta',
    ]);
    expect(keysAt(text, 'nodes', 0, 'config', 'zeta')).toEqual(['b', 'y']);
  });

  it('sorts the config keys of a node type the catalog does not have', () => {
    const unknown = { id: 'a_node', type: 'sendFax', config: { to: '+1', body: { z: 1, a: 2 } } } as unknown as FlowNode;
    const text = canonicalFlowJson(definitionWith([unknown]));
    expect(keysAt(text, 'nodes', 0, 'config')).toEqual(['body', 'to']);
    expect(keysAt(text, 'nodes', 0, 'config', 'body')).toEqual(['a', 'z']);
  });

  it("keeps a placeholder's original JSON exactly as it was written", () => {
    const original = { type: 'capture-payments', name: 'pay', properties: { timeout: 5, currency: 'usd' }, transitions: [{ next: 'x', event: 'success' }] };
    const placeholder: FlowNode = {
      config: { outputs: ['success'], original, source: 'twilio-studio:capture-payments', note: 'Payments are not supported' },
      type: 'placeholder',
      id: 'a_node',
    };
    const text = canonicalFlowJson(definitionWith([placeholder]));
    expect(keysAt(text, 'nodes', 0, 'config')).toEqual(['note', 'source', 'original', 'outputs']);
    expect(text).toContain(JSON.stringify(original, null, 2).replaceAll('\n', '\n        '));
  });

  it('prints what it printed byte for byte', () => {
    const placeholder: FlowNode = {
      id: 'a_node',
      type: 'placeholder',
      config: { note: 'n', source: 's', original: { b: [{ d: 1, c: 2 }], a: null }, outputs: [] },
    };
    const once = canonicalFlowJson(definitionWith([placeholder], { settings: { reentry: 'restart' } }));
    expect(canonicalFlowJson(JSON.parse(once))).toBe(once);
  });
});
