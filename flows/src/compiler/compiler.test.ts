import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flowLibrary } from '../../library';
import { missedCallTextBack } from '../../library/missedCallTextBack';
import { nodeTypes } from '../catalog';
import type { CanvasGraph, FlowDefinition } from '../types';
import { canonicalFlowJson } from './canonicalFlowJson';
import { canvasEdgeId } from './canvasEdgeId';
import { canvasToDefinition } from './canvasToDefinition';
import { definitionToCanvas, flowMetaOf } from './definitionToCanvas';
import { flowInterfaceArbitrary, flowSettingsArbitrary } from '../testSupport/flowArbitraries';

const nodeIdArbitrary = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,11}$/);
const positionArbitrary = fc.record(
  { x: fc.double({ noNaN: true, noDefaultInfinity: true }), y: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { noNullPrototype: true },
);

/*
 * Any graph the canvas can hold, valid or not: the compiler is structural, so configs are
 * arbitrary JSON objects and edges may point anywhere, to show nothing is lost on the way.
 */
const canvasArbitrary: fc.Arbitrary<CanvasGraph> = fc
  .uniqueArray(nodeIdArbitrary, { maxLength: 8 })
  .chain((ids) =>
    fc.record({
      nodes: fc.tuple(
        ...ids.map((id) =>
          fc.record(
            {
              id: fc.constant(id),
              type: fc.constantFrom(...nodeTypes),
              position: positionArbitrary,
              data: fc.record(
                {
                  label: fc.string(),
                  config: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), {
                    maxKeys: 4,
                    noNullPrototype: true,
                  }),
                },
                { requiredKeys: ['config'], noNullPrototype: true },
              ),
            },
            { noNullPrototype: true },
          ),
        ),
      ),
      edges: fc.uniqueArray(
        fc
          .record({
            source: ids.length > 0 ? fc.constantFrom(...ids) : nodeIdArbitrary,
            sourceHandle: fc.stringMatching(/^[a-z]{1,8}$/),
            target: ids.length > 0 ? fc.constantFrom(...ids) : nodeIdArbitrary,
          })
          .map((edge) => ({
            id: canvasEdgeId({ from: edge.source, output: edge.sourceHandle, to: edge.target }),
            ...edge,
          })),
        { selector: (edge) => edge.id, maxLength: 12 },
      ),
    }, { noNullPrototype: true }),
  );

const metaArbitrary = fc.record(
  {
    $schema: fc.webUrl(),
    id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
    name: fc.string(),
    description: fc.string(),
    interface: flowInterfaceArbitrary,
    settings: flowSettingsArbitrary,
  },
  { requiredKeys: ['id', 'name'], noNullPrototype: true },
);

const definitionArbitrary: fc.Arbitrary<FlowDefinition> = fc
  .tuple(canvasArbitrary, metaArbitrary)
  .map(([canvas, meta]) => canvasToDefinition(canvas, meta));

describe('the canvas compiler', () => {
  it('turns a canvas into a definition and back without losing anything', () => {
    fc.assert(
      fc.property(canvasArbitrary, metaArbitrary, (canvas, meta) => {
        expect(definitionToCanvas(canvasToDefinition(canvas, meta))).toStrictEqual(canvas);
      }),
    );
  });

  it('turns a definition into a canvas and back without losing anything', () => {
    fc.assert(
      fc.property(definitionArbitrary, (definition) => {
        expect(canvasToDefinition(definitionToCanvas(definition), flowMetaOf(definition))).toStrictEqual(definition);
      }),
    );
  });

  it('uses output names as source handles and puts positions into the layout', () => {
    const canvas = definitionToCanvas(missedCallTextBack);
    expect(canvas.edges).toContainEqual({
      id: 'wait_reply.timeout->end_unresponsive',
      source: 'wait_reply',
      sourceHandle: 'timeout',
      target: 'end_unresponsive',
    });
    expect(canvas.nodes.find((node) => node.id === 'text_back')?.position).toEqual({ x: 300, y: 150 });
  });

  it('does not share config objects between the canvas and the definition', () => {
    const canvas = definitionToCanvas(missedCallTextBack);
    const split = canvas.nodes.find((node) => node.id === 'mentions_pricing');
    (split?.data.config.conditions as unknown[]).push('edited');
    expect(missedCallTextBack.nodes[3].config.conditions).toHaveLength(1);
  });
});

describe('canonicalFlowJson', () => {
  it('prints the same bytes whatever order keys and edges were built in', () => {
    fc.assert(
      fc.property(definitionArbitrary, fc.nat(), (definition, seed) => {
        const shuffledEdges = [...definition.edges].sort(
          (a, b) => hash(`${seed}${canvasEdgeId(a)}`) - hash(`${seed}${canvasEdgeId(b)}`),
        );
        const reordered: FlowDefinition = reverseKeys({ ...definition, edges: shuffledEdges });
        expect(canonicalFlowJson(reordered)).toBe(canonicalFlowJson(definition));
      }),
    );
  });

  it('is stable: printing what it printed gives the same text', () => {
    fc.assert(
      fc.property(definitionArbitrary, (definition) => {
        const once = canonicalFlowJson(definition);
        expect(canonicalFlowJson(JSON.parse(once))).toBe(once);
      }),
    );
  });

  it('leads with $schema and the schema version, indents by two spaces and ends with a newline', () => {
    const text = canonicalFlowJson(missedCallTextBack);
    expect(text.startsWith('{\n  "$schema": "../schema/flow-definition.schema.json",\n  "schemaVersion": 2,\n  "id": "missed-call-text-back",\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n      "config": {\n        "channel": "sms",\n        "template": ');
  });

  it('keeps nodes in their order, sorts edges by from/output/to and layout by node id', () => {
    const parsed = JSON.parse(canonicalFlowJson(missedCallTextBack));
    expect(parsed.nodes.map((node: { id: string }) => node.id)).toEqual(missedCallTextBack.nodes.map((node) => node.id));
    const edgeKeys = parsed.edges.map((edge: { from: string; output: string; to: string }) => [edge.from, edge.output, edge.to].join(' '));
    expect(edgeKeys).toEqual([...edgeKeys].sort());
    expect(Object.keys(parsed.layout)).toEqual(Object.keys(parsed.layout).sort());
  });

  it.each(flowLibrary.map((flow) => [flow.file, flow] as const))(
    'matches library/%s, so the file in git is the flow the code exports (npm run write-library)',
    (file, flow) => {
      const onDisk = readFileSync(new URL(`../../library/${file}`, import.meta.url), 'utf8');
      expect(onDisk).toBe(canonicalFlowJson(flow.definition));
    },
  );
});

function hash(text: string): number {
  let value = 0;
  for (const char of text) value = (value * 31 + char.charCodeAt(0)) | 0;
  return value;
}

/** A deep copy with every object's keys in reverse order. */
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, inner]) => [key, reverseKeys(inner)]),
  ) as T;
}
