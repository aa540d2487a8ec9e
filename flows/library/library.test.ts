import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalFlowJson } from '../src/compiler/canonicalFlowJson';
import { parseFlowDefinition } from '../src/schema/parseFlowDefinition';
import { validateFlow } from '../src/validation/validateFlow';
import { flowLibrary } from '.';

const flows = flowLibrary.map((flow) => [flow.id, flow] as const);

/** Node cards are at most 260 px wide and about 100 px tall on the canvas. */
const CARD_SPACING = { x: 280, y: 120 };

describe('the flow library', () => {
  it.each(flows)('%s parses as a current definition and validates with no issues at all', (_, flow) => {
    const parsed = parseFlowDefinition(JSON.parse(canonicalFlowJson(flow.definition)));
    expect(parsed).toEqual({ ok: true, definition: expect.objectContaining({ id: flow.id }) });
    expect(validateFlow(flow.definition)).toEqual([]);
  });

  it.each(flows)('%s on disk is the canonical JSON of its module (npm run write-library)', (_, flow) => {
    const onDisk = readFileSync(new URL(flow.file, import.meta.url), 'utf8');
    expect(onDisk).toBe(canonicalFlowJson(flow.definition));
  });

  it.each(flows)('%s points editors at the published JSON Schema', (_, flow) => {
    expect(flow.definition.$schema).toBe('../schema/flow-definition.schema.json');
    expect(existsSync(new URL(flow.definition.$schema ?? '', new URL(flow.file, import.meta.url)))).toBe(true);
  });

  it('gives every flow its own id, its own file and the name and description of its definition', () => {
    const ids = flowLibrary.map((flow) => flow.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const flow of flowLibrary) {
      expect(flow.file).toBe(`${flow.id}.json`);
      expect(flow.definition.id).toBe(flow.id);
      expect(flow.definition.name).toBe(flow.name);
      expect(flow.definition.description).toBe(flow.description);
    }
  });

  it.each(flows)('%s is described in one line', (_, flow) => {
    expect(flow.description).toMatch(/^\S[^\n]*[.!]$/);
    expect(flow.description.length).toBeLessThanOrEqual(200);
  });

  it.each(flows)('%s has readable snake_case node ids and a label on every node', (_, flow) => {
    for (const node of flow.definition.nodes) {
      expect(node.id).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      expect(node.label?.trim()).toBeTruthy();
    }
  });

  it.each(flows)('%s places every node on the canvas without two cards overlapping', (_, flow) => {
    const { nodes, layout } = flow.definition;
    expect(Object.keys(layout).sort()).toEqual(nodes.map((node) => node.id).sort());
    const placed = nodes.map((node) => ({ id: node.id, ...layout[node.id] }));
    const overlapping = placed.flatMap((a, i) =>
      placed
        .slice(i + 1)
        .filter((b) => Math.abs((a.x ?? 0) - (b.x ?? 0)) < CARD_SPACING.x && Math.abs((a.y ?? 0) - (b.y ?? 0)) < CARD_SPACING.y)
        .map((b) => `${a.id} / ${b.id}`),
    );
    expect(overlapping).toEqual([]);
  });

  // The worker's recorded histories and tests name these nodes and outputs.
  it('keeps the missed-call text-back node ids and edges the recorded journeys rely on', () => {
    const missedCall = flowLibrary.find((flow) => flow.id === 'missed-call-text-back')?.definition;
    expect(missedCall?.nodes.map((node) => node.id)).toEqual([
      'missed_call',
      'text_back',
      'wait_reply',
      'mentions_pricing',
      'send_pricing',
      'send_general',
      'end_engaged',
      'end_unresponsive',
      'end_blocked',
      'end_send_failed',
    ]);
    expect(missedCall?.edges.map(({ from, output, to }) => `${from}.${output}->${to}`).sort()).toEqual(
      [
        'missed_call.next->text_back',
        'text_back.sent->wait_reply',
        'text_back.failed->end_send_failed',
        'text_back.blocked->end_blocked',
        'wait_reply.replied->mentions_pricing',
        'wait_reply.timeout->end_unresponsive',
        'mentions_pricing.pricing->send_pricing',
        'mentions_pricing.else->send_general',
        'send_pricing.sent->end_engaged',
        'send_pricing.failed->end_send_failed',
        'send_pricing.blocked->end_blocked',
        'send_general.sent->end_engaged',
        'send_general.failed->end_send_failed',
        'send_general.blocked->end_blocked',
      ].sort(),
    );
  });
});
