import { describe, expect, it } from 'vitest';
import { outputsOf } from '../runtime/outputsOf';
import type { FlowNode, NodeType } from '../types';
import { defaultConfigOf, isNodeType, nodeCatalog, nodeTypes } from './index';

const TYPES_OF_THIS_SLICE: NodeType[] = [
  'trigger.missedCall',
  'trigger.inboundMessage',
  'send',
  'waitForReply',
  'split',
  'end',
];

describe('the node catalog', () => {
  it('lists every node type of this slice, triggers first', () => {
    expect(nodeTypes).toEqual(TYPES_OF_THIS_SLICE);
  });

  it.each(TYPES_OF_THIS_SLICE)('gives a freshly dropped %s node a config its own schema accepts', (type) => {
    const entry = nodeCatalog[type];
    expect(entry.configSchema.safeParse(entry.defaults).success).toBe(true);
  });

  it.each(TYPES_OF_THIS_SLICE)('describes every field of %s with a label and help text', (type) => {
    const entry = nodeCatalog[type];
    expect(entry.title).not.toBe('');
    expect(entry.description).not.toBe('');
    expect(entry.icon).toMatch(/^[a-z][a-z0-9-]*$/);
    for (const field of entry.fields) {
      expect(field.label, `${type}.${field.name}`).not.toBe('');
      expect(field.help, `${type}.${field.name}`).not.toBe('');
      if (field.kind === 'select' || field.kind === 'multiselect' || field.kind === 'conditions') {
        expect(field.options?.length, `${type}.${field.name} options`).toBeGreaterThan(0);
      }
    }
  });

  it.each(TYPES_OF_THIS_SLICE)('has a form field for every config key of a default %s node', (type) => {
    const entry = nodeCatalog[type];
    const fieldNames: string[] = entry.fields.map((field) => field.name);
    expect(fieldNames).toEqual(expect.arrayContaining(Object.keys(entry.defaults)));
  });

  it('agrees with the engine on the outputs of every default node', () => {
    for (const type of TYPES_OF_THIS_SLICE) {
      const node = { id: 'n', type, config: defaultConfigOf(type) } as FlowNode;
      const fromCatalog: readonly string[] = nodeCatalog[type].outputs(defaultConfigOf(type) as never);
      expect(fromCatalog, type).toEqual(outputsOf(node));
    }
  });

  it('gives a split one output per condition, in order, and then else', () => {
    const outputs = nodeCatalog.split.outputs({
      input: 'reply.text',
      conditions: [
        { output: 'pricing', operator: 'contains', values: ['price'] },
        { output: 'support', operator: 'contains', values: ['help'] },
      ],
    });
    expect(outputs).toEqual(['pricing', 'support', 'else']);
  });

  it('hands out defaults that can be edited without changing the catalog', () => {
    const config = defaultConfigOf('split');
    config.conditions.push({ output: 'no', operator: 'equals', values: ['no'] });
    expect(nodeCatalog.split.defaults.conditions).toHaveLength(1);
  });

  it('rejects config fields it does not know, so typos do not pass silently', () => {
    const result = nodeCatalog.end.configSchema.safeParse({ outcome: 'converted', outcom: 'x' });
    expect(result.success).toBe(false);
  });

  it('asks for a subject when a send goes out by email', () => {
    const result = nodeCatalog.send.configSchema.safeParse({ channel: 'email', template: 'Hello' });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['subject']]);
  });

  it('accepts exactly the durations the engine can parse', () => {
    const accepts = (timeout: string) =>
      nodeCatalog.waitForReply.configSchema.safeParse({ channels: [], timeout }).success;
    expect(['90s', '15m', '24h', '2d'].map(accepts)).toEqual([true, true, true, true]);
    expect(['', '24', 'soon', '0h', '1.5h', '3w'].map(accepts)).toEqual([false, false, false, false, false, false]);
  });

  it('refuses a split condition named else or used twice', () => {
    const result = nodeCatalog.split.configSchema.safeParse({
      input: 'reply.text',
      conditions: [
        { output: 'else', operator: 'contains', values: ['a'] },
        { output: 'yes', operator: 'contains', values: ['y'] },
        { output: 'yes', operator: 'contains', values: ['yes'] },
      ],
    });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([
      ['conditions', 0, 'output'],
      ['conditions', 2, 'output'],
    ]);
  });

  it('tells a catalog type from anything else', () => {
    expect(isNodeType('send')).toBe(true);
    expect(isNodeType('voice.say')).toBe(false);
    expect(isNodeType('toString')).toBe(false);
  });
});
