import fc from 'fast-check';
import { nodeCatalog, nodeTypes } from '../catalog';
import { canvasEdgeId } from '../compiler/canvasEdgeId';
import { canvasToDefinition, type FlowMeta } from '../compiler/canvasToDefinition';
import type { CanvasEdge, CanvasGraph, CanvasNode, FlowDefinition, FlowInterface, FlowSettings, NodeType } from '../types';
import { catalogConfigArbitrary } from './catalogConfigArbitrary';

/*
 * Random flows whose every part the schema accepts: node types drawn from the whole catalog,
 * configs from the catalog's defaults with valid variations, edges leaving declared outputs.
 * The graph itself is random (outputs left open, cycles, unreachable nodes), since the compiler
 * and the canonical printer must keep a draft exactly as it is; validateFlow judges the graph.
 */

export const nodeIdArbitrary = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,11}$/);

/** Canvas coordinates; never -0, which JSON cannot tell from 0. */
export const positionArbitrary = fc.record(
  {
    x: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map(withoutNegativeZero),
    y: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map(withoutNegativeZero),
  },
  { noNullPrototype: true },
);

function withoutNegativeZero(value: number): number {
  return value === 0 ? 0 : value;
}

const interfaceNameArbitrary = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,9}$/);

export const flowInterfaceArbitrary: fc.Arbitrary<FlowInterface> = fc.record(
  {
    inputs: fc.uniqueArray(
      fc.record(
        { name: interfaceNameArbitrary, required: fc.boolean(), description: fc.string({ maxLength: 20 }) },
        { requiredKeys: ['name', 'required'], noNullPrototype: true },
      ),
      { selector: (input) => input.name, maxLength: 3 },
    ),
    outputs: fc.uniqueArray(
      fc.record(
        { name: interfaceNameArbitrary, description: fc.string({ maxLength: 20 }) },
        { requiredKeys: ['name'], noNullPrototype: true },
      ),
      { selector: (output) => output.name, maxLength: 3 },
    ),
  },
  { noNullPrototype: true },
);

export const flowSettingsArbitrary: fc.Arbitrary<FlowSettings> = fc.record(
  {
    timezone: fc.constantFrom('UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata'),
    reentry: fc.constantFrom('ignore', 'restart', 'parallel'),
    defaultChannel: fc.constantFrom('sms', 'whatsapp', 'email', 'webchat'),
    frequencyCap: fc.record({ max: fc.integer({ min: 1, max: 20 }), window: fc.constantFrom('90m', '24h', '7d') }, { noNullPrototype: true }),
  },
  { requiredKeys: [], noNullPrototype: true },
);

export const flowMetaArbitrary: fc.Arbitrary<FlowMeta> = fc.record(
  {
    $schema: fc.constant('../schema/flow-definition.schema.json'),
    id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
    name: fc.string({ minLength: 1, maxLength: 30 }).filter((name) => /\S/.test(name)),
    description: fc.string({ maxLength: 40 }),
    interface: flowInterfaceArbitrary,
    settings: flowSettingsArbitrary,
  },
  { requiredKeys: ['id', 'name'], noNullPrototype: true },
);

/** A node of the catalog with a valid config, at a random place. */
function canvasNodeArbitrary(id: string): fc.Arbitrary<CanvasNode> {
  return fc
    .constantFrom(...nodeTypes)
    .chain((type) =>
      fc.record(
        {
          id: fc.constant(id),
          type: fc.constant(type),
          position: positionArbitrary,
          data: fc.record(
            { label: fc.string({ maxLength: 20 }), config: catalogConfigArbitrary(type) },
            { requiredKeys: ['config'], noNullPrototype: true },
          ),
        },
        { noNullPrototype: true },
      ),
    );
}

/** The outputs a node with this (valid) config has, as the catalog declares them. */
export function declaredOutputs(type: NodeType, config: unknown): readonly string[] {
  return outputsFor(type, config);
}

function outputsFor<T extends NodeType>(type: T, config: unknown): readonly string[] {
  const entry = nodeCatalog[type];
  const parsed = entry.configSchema.safeParse(config);
  return parsed.success ? entry.outputs(parsed.data) : [];
}

/**
 * A canvas of up to `maxNodes` catalog nodes. Each declared output is connected or left open at
 * random, to any node (itself included).
 */
export function validCanvasArbitrary(maxNodes = 10): fc.Arbitrary<CanvasGraph> {
  return fc
    .uniqueArray(nodeIdArbitrary, { maxLength: maxNodes })
    .chain((ids) => fc.tuple(...ids.map(canvasNodeArbitrary)))
    .chain((nodes) => {
      const ids = nodes.map((node) => node.id);
      const outputs = nodes.flatMap((node) =>
        declaredOutputs(node.type, node.data.config).map((output) => ({ source: node.id, sourceHandle: output })),
      );
      const edges =
        ids.length === 0
          ? fc.constant<CanvasEdge[]>([])
          : fc
              .tuple(...outputs.map(() => fc.option(fc.constantFrom(...ids), { nil: undefined })))
              .map((targets) =>
                outputs.flatMap((output, index): CanvasEdge[] => {
                  const target = targets[index];
                  if (target === undefined) return [];
                  const edge = { from: output.source, output: output.sourceHandle, to: target };
                  return [{ id: canvasEdgeId(edge), source: edge.from, sourceHandle: edge.output, target }];
                }),
              );
      return edges.map((canvasEdges): CanvasGraph => ({ nodes, edges: canvasEdges }));
    });
}

/** A definition the schema accepts, compiled from a valid canvas and random flow meta. */
export function validDefinitionArbitrary(maxNodes = 10): fc.Arbitrary<FlowDefinition> {
  return fc
    .tuple(validCanvasArbitrary(maxNodes), flowMetaArbitrary)
    .map(([canvas, meta]) => canvasToDefinition(canvas, meta));
}
