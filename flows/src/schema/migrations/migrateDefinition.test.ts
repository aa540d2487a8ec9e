import { describe, expect, it } from 'vitest';
import { parseFlowDefinition } from '../parseFlowDefinition';

/** The missed-call flow as issue 4's builder saved it: schemaVersion 1, split input a dotted path. */
const versionOneFlow = {
  schemaVersion: 1,
  id: 'missed-call-v1',
  name: 'Missed call (v1)',
  nodes: [
    { id: 'missed_call', type: 'trigger.missedCall', config: { numbers: [], outcomes: ['no-answer'] } },
    { id: 'text_back', type: 'send', config: { channel: 'sms', template: 'Sorry we missed you' } },
    { id: 'wait_reply', type: 'waitForReply', config: { channels: [], timeout: '24h' } },
    {
      id: 'mentions_pricing',
      type: 'split',
      config: { input: 'nodes.wait_reply.reply.text', conditions: [{ output: 'pricing', operator: 'contains', values: ['price'] }] },
    },
    { id: 'done', type: 'end', config: { outcome: 'engaged' } },
  ],
  edges: [
    { from: 'missed_call', output: 'next', to: 'text_back' },
    { from: 'text_back', output: 'sent', to: 'wait_reply' },
  ],
  layout: { missed_call: { x: 0, y: 0 } },
};

describe('migrating older definitions', () => {
  it('reads a version 1 definition as version 2 with the same meaning', () => {
    const result = parseFlowDefinition(structuredClone(versionOneFlow));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(1);
    expect(result.definition.schemaVersion).toBe(2);
    const byId = new Map(result.definition.nodes.map((node) => [node.id, node]));
    expect(byId.get('mentions_pricing')?.config).toEqual({
      input: '{{ nodes.wait_reply.reply.text }}',
      conditions: [{ output: 'pricing', operator: 'contains', values: ['price'] }],
    });
    expect(byId.get('text_back')?.config).toEqual({
      channel: 'sms',
      template: 'Sorry we missed you',
      mediaUrls: [],
      whatsappTemplateVariables: [],
    });
    expect(byId.get('wait_reply')?.config).toEqual({ channels: [], timeout: '24h', maxReprompts: 0 });
    expect(byId.get('done')?.config).toEqual({ outcome: 'engaged', returns: [] });
    expect(result.definition.edges).toEqual(versionOneFlow.edges);
  });

  it('leaves the input it was given untouched', () => {
    const input = structuredClone(versionOneFlow);
    parseFlowDefinition(input);
    expect(input).toEqual(versionOneFlow);
  });

  it('does not report a migration for a current definition', () => {
    const migrated = parseFlowDefinition(structuredClone(versionOneFlow));
    if (!migrated.ok) throw new Error('expected the v1 flow to parse');
    const again = parseFlowDefinition(migrated.definition);
    expect(again).toEqual({ ok: true, definition: migrated.definition });
  });
});
