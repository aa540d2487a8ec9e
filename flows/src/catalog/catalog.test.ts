import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { outputsOf } from '../runtime/outputsOf';
import type { FlowNode, NodeConfigs, NodeType } from '../types';
import { NODE_GROUPS, defaultConfigOf, flowNodeSchema, isNodeType, nodeCatalog, nodeTypes } from './index';

/**
 * Configs beyond the defaults that switch on outputs the defaults lack (waitForReply's
 * "invalid" exists only with a check), so results and call states can be checked against them.
 */
const OTHER_SAMPLE_CONFIGS: { [T in NodeType]?: NodeConfigs[T][] } = {
  waitForReply: [
    {
      channels: [],
      timeout: '24h',
      saveAs: 'email',
      validation: { kind: 'email' },
      repromptTemplate: 'That does not look like an email address; please try again.',
      maxReprompts: 1,
    },
  ],
};

function sampleConfigsOf<T extends NodeType>(type: T): NodeConfigs[T][] {
  const others: NodeConfigs[T][] = OTHER_SAMPLE_CONFIGS[type] ?? [];
  return [defaultConfigOf(type), ...others];
}

/** The outputs of each sample config of the type. */
function sampleOutputListsOf<T extends NodeType>(type: T): (readonly string[])[] {
  const entry = nodeCatalog[type];
  return sampleConfigsOf(type).map((config) => entry.outputs(config));
}

/** Every output some sample config of the type has. */
function knownOutputsOf(type: NodeType): Set<string> {
  return new Set(sampleOutputListsOf(type).flat());
}

/** The keys of a config schema's object shape, looking through a pipe if an entry uses one. */
function shapeKeysOf(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodPipe && schema.in instanceof z.ZodType) return shapeKeysOf(schema.in);
  throw new Error('a config schema should be an object schema');
}

/** What the design (design-issue5.md) says later nodes may read, by type. */
const RESULT_KEYS: Record<NodeType, string[]> = {
  'trigger.inboundMessage': [],
  'trigger.inboundCall': [],
  'trigger.missedCall': [],
  'trigger.event': [],
  'trigger.schedule': [],
  'trigger.subflow': [],
  send: ['status', 'channel', 'messageId'],
  waitForReply: ['reply', 'value'],
  waitForEvent: ['event'],
  'voice.say': [],
  'voice.play': [],
  'voice.menu': ['digits', 'speech', 'choice'],
  'voice.gather': ['digits', 'speech', 'value'],
  'voice.record': ['recordingUrl', 'durationSeconds', 'transcript', 'transcriptStatus'],
  'voice.connect': ['status', 'durationSeconds'],
  'voice.hangup': [],
  'call.outbound': ['status', 'answeredBy'],
  split: ['value'],
  intent: ['intent', 'confidence'],
  abSplit: ['branch'],
  delay: [],
  waitUntil: [],
  businessHours: [],
  setVariables: [],
  updateContact: [],
  httpRequest: ['status', 'body', 'headers'],
  subflow: ['outputs', 'outcome', 'error'],
  route: ['agentId', 'queue'],
  handoff: ['agentId'],
  end: [],
  placeholder: [],
};

const WAITING_TYPES: NodeType[] = [
  'waitForReply',
  'waitForEvent',
  'voice.menu',
  'voice.gather',
  'voice.record',
  'voice.connect',
  'call.outbound',
  'delay',
  'waitUntil',
  'route',
  'handoff',
  'subflow',
];

describe('the node catalog', () => {
  it('lists every node type once, in palette group order', () => {
    expect([...nodeTypes].sort()).toEqual(Object.keys(RESULT_KEYS).sort());
    expect(new Set(nodeTypes).size).toBe(nodeTypes.length);
    for (const type of nodeTypes) expect(NODE_GROUPS, type).toContain(nodeCatalog[type].group);
    const groupRanks = nodeTypes.map((type) => NODE_GROUPS.indexOf(nodeCatalog[type].group));
    expect(groupRanks).toEqual([...groupRanks].sort((a, b) => a - b));
    const triggers = nodeTypes.filter((type) => nodeCatalog[type].group === 'trigger');
    expect(triggers.every((type) => type.startsWith('trigger.'))).toBe(true);
  });

  it.each(nodeTypes)('gives a freshly dropped %s node a config its own schema accepts', (type) => {
    for (const config of sampleConfigsOf(type)) {
      const result = nodeCatalog[type].configSchema.safeParse(config);
      expect(result.error?.issues ?? [], JSON.stringify(config)).toEqual([]);
    }
    const node = flowNodeSchema.safeParse({ id: 'n_1', type, config: defaultConfigOf(type) });
    expect(node.success).toBe(true);
  });

  it.each(nodeTypes)('rejects a %s config field it does not know, so typos do not pass silently', (type) => {
    const result = nodeCatalog[type].configSchema.safeParse({ ...defaultConfigOf(type), colour: 'blue' });
    expect(result.success).toBe(false);
  });

  it.each(nodeTypes)('describes %s and every one of its fields with a label and help text', (type) => {
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

  it.each(nodeTypes)('has exactly one form field for every config key of %s, in the schema\'s order', (type) => {
    const entry = nodeCatalog[type];
    const fieldNames: string[] = entry.fields.map((field) => field.name);
    expect(fieldNames).toEqual(shapeKeysOf(entry.configSchema));
  });

  it.each(nodeTypes)('marks a %s field required exactly when its config key must be present', (type) => {
    const entry = nodeCatalog[type];
    const keysInDefaults = Object.keys(entry.defaults);
    for (const field of entry.fields.filter((candidate) => candidate.required)) {
      expect(keysInDefaults, `${type}.${field.name} is required, so the defaults carry it`).toContain(field.name);
    }
  });

  it.each(nodeTypes)('gives %s unique outputs, and results and call states only on outputs it has', (type) => {
    const entry = nodeCatalog[type];
    for (const outputs of sampleOutputListsOf(type)) {
      expect(new Set(outputs).size, JSON.stringify(outputs)).toBe(outputs.length);
    }
    const known = knownOutputsOf(type);
    for (const result of entry.results) {
      if (result.on !== '*') {
        expect(result.on.length, `${type} ${result.key}`).toBeGreaterThan(0);
        for (const output of result.on) expect(known, `${type} ${result.key} on ${output}`).toContain(output);
      }
    }
    for (const output of Object.keys(entry.call.after ?? {})) {
      expect(known, `${type} call state after ${output}`).toContain(output);
    }
  });

  it.each(nodeTypes)('leaves the results the design promises for %s', (type) => {
    expect(nodeCatalog[type].results.map((result) => result.key)).toEqual(RESULT_KEYS[type]);
  });

  it('needs a call in progress for the voice nodes, and only for them', () => {
    const needingCall = nodeTypes.filter((type) => nodeCatalog[type].call.required);
    expect(needingCall).toEqual(nodeTypes.filter((type) => type.startsWith('voice.')));
  });

  it('starts a call on an inbound call and on an answered outbound call, and ends it on a hang-up while recording', () => {
    expect(nodeCatalog['trigger.inboundCall'].call.after).toEqual({ next: 'inCall' });
    expect(nodeCatalog['call.outbound'].call).toEqual({
      required: false,
      after: { human: 'inCall', machine: 'inCall', noAnswer: 'noCall', busy: 'noCall', failed: 'noCall', blocked: 'noCall' },
    });
    expect(nodeCatalog['voice.record'].call.after).toEqual({ hangup: 'noCall' });
    expect(nodeCatalog['voice.hangup'].outputs({})).toEqual([]);
  });

  it('counts exactly the nodes that pause the journey as waiting', () => {
    expect(nodeTypes.filter((type) => nodeCatalog[type].waits).sort()).toEqual([...WAITING_TYPES].sort());
  });

  it.each(nodeTypes)('agrees with the zod-free engine on the outputs of %s', (type) => {
    for (const config of sampleConfigsOf(type)) {
      const node = { id: 'n', type, config } as FlowNode;
      const fromCatalog: readonly string[] = nodeCatalog[type].outputs(config as never);
      expect(fromCatalog, type).toEqual(outputsOf(node));
    }
  });

  it('hands out defaults that can be edited without changing the catalog', () => {
    const config = defaultConfigOf('voice.menu');
    config.options.push({ output: 'billing', digit: '3', phrases: [] });
    expect(nodeCatalog['voice.menu'].defaults.options).toHaveLength(2);
  });

  it('tells a catalog type from anything else', () => {
    expect(isNodeType('send')).toBe(true);
    expect(isNodeType('voice.say')).toBe(true);
    expect(isNodeType('voice.shout')).toBe(false);
    expect(isNodeType('toString')).toBe(false);
  });
});
