import { describe, expect, it } from 'vitest';
import { flowLibrary } from '../../library';
import type { FlowDefinition } from '../types';
import { diffDefinitions, isSameDefinition } from './diffDefinitions';
import { differenceCount, formatDefinitionDiff } from './formatDefinitionDiff';

const published = flowLibrary.find((flow) => flow.id === 'missed-call-text-back')!.definition;

function edited(change: (definition: FlowDefinition) => void): FlowDefinition {
  const copy = structuredClone(published);
  change(copy);
  return copy;
}

function nodeOf(definition: FlowDefinition, id: string) {
  const node = definition.nodes.find((candidate) => candidate.id === id);
  if (node === undefined) throw new Error(`no node ${id}`);
  return node;
}

describe('diffDefinitions', () => {
  it('finds no difference between a definition and its copy with nodes, edges and keys reordered', () => {
    const shuffled = edited((definition) => {
      definition.nodes.reverse();
      definition.edges.reverse();
      const send = nodeOf(definition, 'text_back');
      send.config = Object.fromEntries(Object.entries(send.config).reverse()) as typeof send.config;
    });
    const diff = diffDefinitions(published, shuffled);
    expect(isSameDefinition(diff)).toBe(true);
    expect(formatDefinitionDiff(diff)).toEqual([]);
  });

  it('names the config fields that changed on a node, and a label change, keeping the node one node', () => {
    const after = edited((definition) => {
      const send = nodeOf(definition, 'text_back');
      if (send.type !== 'send') throw new Error('text_back is not a send');
      send.config.template = 'Sorry we missed you!';
      send.config.channel = 'whatsapp';
      send.label = 'Say sorry';
    });
    const diff = diffDefinitions(published, after);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toEqual([
      {
        id: 'text_back',
        type: 'send',
        label: 'Say sorry',
        labelChange: { before: 'Text back', after: 'Say sorry' },
        configFields: ['channel', 'template'],
      },
    ]);
    expect(formatDefinitionDiff(diff)).toEqual(['~ node text_back "Say sorry" (send): label "Text back" → "Say sorry"; config channel, template']);
  });

  it('reports added and removed nodes and the outputs whose edges were rewired, added or removed', () => {
    const after = edited((definition) => {
      definition.nodes = definition.nodes.filter((node) => node.id !== 'end_blocked');
      definition.nodes.push({ id: 'end_opted_out', type: 'end', label: 'Opted out', config: { outcome: 'optedOut', returns: [] } });
      definition.edges = definition.edges.map((edge) =>
        edge.to === 'end_blocked' ? { ...edge, to: 'end_opted_out' } : edge,
      );
      definition.edges.push({ from: 'end_opted_out', output: 'extra', to: 'end_engaged' });
    });
    const diff = diffDefinitions(published, after);
    expect(diff.added).toEqual([{ id: 'end_opted_out', type: 'end', label: 'Opted out' }]);
    const blocked = nodeOf(published, 'end_blocked');
    expect(diff.removed).toEqual([{ id: 'end_blocked', type: 'end', label: blocked.label }]);
    const rewired = published.edges.filter((edge) => edge.to === 'end_blocked');
    expect(rewired.length).toBeGreaterThan(0);
    expect(diff.edges).toEqual(
      expect.arrayContaining([
        ...rewired.map((edge) => ({ from: edge.from, output: edge.output, before: ['end_blocked'], after: ['end_opted_out'] })),
        { from: 'end_opted_out', output: 'extra', before: [], after: ['end_engaged'] },
      ]),
    );
    const lines = formatDefinitionDiff(diff);
    expect(lines).toContain('+ node end_opted_out "Opted out" (end)');
    expect(lines).toContain(`- node end_blocked ${JSON.stringify(blocked.label)} (end)`);
    expect(lines).toContain('+ edge end_opted_out.extra → end_engaged');
    expect(lines).toContain(`~ edge ${rewired[0]!.from}.${rewired[0]!.output}: → end_blocked becomes → end_opted_out`);
    expect(differenceCount(diff)).toBe(lines.length);
  });

  it('reports an output left unconnected as a removed edge', () => {
    const after = edited((definition) => {
      definition.edges = definition.edges.filter((edge) => !(edge.from === 'text_back' && edge.output === 'sent'));
    });
    const sent = published.edges.find((edge) => edge.from === 'text_back' && edge.output === 'sent')!;
    expect(formatDefinitionDiff(diffDefinitions(published, after))).toEqual([`- edge text_back.sent → ${sent.to}`]);
  });

  it('ignores canvas moves unless asked, then names the moved nodes', () => {
    const after = edited((definition) => {
      definition.layout.text_back = { x: 999, y: -5 };
    });
    expect(isSameDefinition(diffDefinitions(published, after))).toBe(true);
    const withLayout = diffDefinitions(published, after, { layout: true });
    expect(withLayout.moved).toEqual(['text_back']);
    expect(formatDefinitionDiff(withLayout)).toEqual(['~ layout: moved text_back']);
  });

  it('reports name, description, interface and settings changes by section', () => {
    const after = edited((definition) => {
      definition.name = 'Text-back v2';
      definition.description = undefined;
      definition.settings = { timezone: 'Europe/Paris' };
      definition.interface = { inputs: [{ name: 'orderId', required: true }], outputs: [] };
    });
    const lines = formatDefinitionDiff(diffDefinitions(published, after));
    expect(lines).toEqual([
      `~ name: ${JSON.stringify(published.name)} → "Text-back v2"`,
      `~ description: ${JSON.stringify(published.description)} → (none)`,
      '~ interface: inputs, outputs',
      '~ settings: timezone',
    ]);
  });

  it('reports a node whose type changed under the same id', () => {
    const after = edited((definition) => {
      const index = definition.nodes.findIndex((node) => node.id === 'end_engaged');
      definition.nodes[index] = { id: 'end_engaged', type: 'voice.hangup', config: {} };
    });
    const [change] = diffDefinitions(published, after).changed;
    expect(change).toMatchObject({ id: 'end_engaged', typeChange: { before: 'end', after: 'voice.hangup' }, configFields: ['outcome', 'returns'] });
  });
});
