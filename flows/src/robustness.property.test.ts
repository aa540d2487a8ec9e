import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeTypes } from './catalog';
import { canonicalFlowJson } from './compiler/canonicalFlowJson';
import { canvasEdgeId } from './compiler/canvasEdgeId';
import { canvasToDefinition } from './compiler/canvasToDefinition';
import { parseFlowDefinition, parseFlowDraft, type ParseFlowDefinitionResult } from './schema/parseFlowDefinition';
import { flowMetaArbitrary, nodeIdArbitrary, positionArbitrary, validCanvasArbitrary, validDefinitionArbitrary } from './testSupport/flowArbitraries';
import { liquidishTextArbitrary, withLiquidishTemplates } from './testSupport/liquidishText';
import { mutatedJsonArbitrary } from './testSupport/mutatedJson';
import type { CanvasGraph, FlowDefinition, ValidationIssue } from './types';
import { validateFlow } from './validation/validateFlow';

/*
 * Flows arrive from people and other tools: a half-edited canvas, a file edited by hand, a
 * Studio import, an API client's guess. Whatever comes in, parsing and validation answer with
 * issues that name what is wrong; they never throw (a throw is a 500 in the API and a dead
 * builder panel).
 */
const RUNS = { numRuns: 200 };

function expectIssues(issues: readonly ValidationIssue[]): void {
  expect(Array.isArray(issues)).toBe(true);
  for (const issue of issues) {
    expect(typeof issue.code).toBe('string');
    expect(['error', 'warning']).toContain(issue.severity);
    expect(typeof issue.path).toBe('string');
    expect(issue.message).not.toBe('');
  }
}

function expectAnswer(result: ParseFlowDefinitionResult): void {
  if (result.ok) return;
  expect(result.issues.length).toBeGreaterThan(0);
  expectIssues(result.issues);
}

/** Any JSON-ish value: what JSON.parse, a form or a database could hand over. */
const anyInput = fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withBoxedValues: true, withSparseArray: true });

/** A node of a catalog type (or a made-up one) with whatever config. */
const looseNodeArbitrary = fc.record(
  {
    id: fc.oneof(nodeIdArbitrary, fc.string()),
    type: fc.oneof(fc.constantFrom(...nodeTypes), fc.string()),
    label: fc.string(),
    config: fc.dictionary(fc.string(), fc.oneof(fc.jsonValue({ maxDepth: 3 }), liquidishTextArbitrary), { maxKeys: 6 }),
  },
  { requiredKeys: ['id', 'type', 'config'] },
);

/** Shaped like a draft: JSON the draft schema may well accept, configs unchecked. */
const looseDraftArbitrary = fc
  .record({
    schemaVersion: fc.constantFrom(1, 2),
    id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}$/),
    name: fc.constant('Loose'),
    nodes: fc.array(looseNodeArbitrary, { maxLength: 8 }),
  })
  .chain((draft) => {
    const ids = draft.nodes.map((node) => node.id);
    const nodeRef = ids.length > 0 ? fc.oneof(fc.constantFrom(...ids), nodeIdArbitrary) : nodeIdArbitrary;
    return fc.record({
      ...Object.fromEntries(Object.entries(draft).map(([key, value]) => [key, fc.constant(value)])),
      edges: fc.array(fc.record({ from: nodeRef, output: fc.oneof(fc.constantFrom('next', 'sent', 'replied', 'timeout', 'else'), fc.string({ minLength: 1 })), to: nodeRef }), { maxLength: 12 }),
      layout: fc.dictionary(nodeRef, positionArbitrary, { maxKeys: 4 }),
    });
  });

/** fc.anything() in every slot of the definition's shape, as an unchecked cast would let in. */
const castDefinitionArbitrary = fc.record({
  schemaVersion: fc.constant(2),
  id: anyInput,
  name: anyInput,
  interface: anyInput,
  settings: anyInput,
  nodes: fc.array(
    fc.oneof(
      fc.record({ id: fc.oneof(nodeIdArbitrary, anyInput), type: fc.oneof(fc.constantFrom(...nodeTypes), anyInput), label: anyInput, config: anyInput }),
      anyInput,
    ),
    { maxLength: 6 },
  ),
  edges: fc.array(fc.oneof(fc.record({ from: anyInput, output: anyInput, to: anyInput }), anyInput), { maxLength: 6 }),
  layout: anyInput,
});

/** Canvases with loose configs: what the builder holds while an admin is mid-edit. */
const looseCanvasArbitrary: fc.Arbitrary<CanvasGraph> = fc.uniqueArray(nodeIdArbitrary, { maxLength: 8 }).chain((ids) =>
  fc.record({
    nodes: fc.tuple(
      ...ids.map((id) =>
        fc.record({
          id: fc.constant(id),
          type: fc.constantFrom(...nodeTypes),
          position: positionArbitrary,
          data: fc.record({ config: looseNodeArbitrary.map((node) => node.config) }),
        }),
      ),
    ),
    edges: fc
      .array(
        fc.record({
          source: ids.length > 0 ? fc.constantFrom(...ids) : nodeIdArbitrary,
          sourceHandle: fc.constantFrom('next', 'sent', 'failed', 'replied', 'timeout', 'else', 'yes'),
          target: ids.length > 0 ? fc.constantFrom(...ids) : nodeIdArbitrary,
        }),
        { maxLength: 12 },
      )
      .map((edges) =>
        edges.map((edge) => ({ id: canvasEdgeId({ from: edge.source, output: edge.sourceHandle, to: edge.target }), ...edge })),
      ),
  }),
);

describe('malformed input never throws', () => {
  it('parseFlowDefinition and parseFlowDraft answer anything with a definition or issues', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        expectAnswer(parseFlowDefinition(input));
        expectAnswer(parseFlowDraft(input));
      }),
      RUNS,
    );
  });

  it('parsing a valid flow with one part broken or removed answers with issues, and validation of what parses does not throw', () => {
    fc.assert(
      fc.property(mutatedJsonArbitrary(validDefinitionArbitrary(6), anyInput), (input) => {
        const strict = parseFlowDefinition(input);
        expectAnswer(strict);
        if (strict.ok) expectIssues(validateFlow(strict.definition));
        const draft = parseFlowDraft(input);
        expectAnswer(draft);
        if (draft.ok) expectIssues(validateFlow(draft.definition));
      }),
      RUNS,
    );
  });

  it('validateFlow judges loosely parsed drafts with any configs', () => {
    fc.assert(
      fc.property(looseDraftArbitrary, (input) => {
        const draft = parseFlowDraft(input);
        expectAnswer(draft);
        if (draft.ok) expectIssues(validateFlow(draft.definition));
      }),
      RUNS,
    );
  });

  it('validateFlow judges valid configs holding broken or odd Liquid on random graphs', () => {
    fc.assert(
      fc.property(withLiquidishTemplates(validDefinitionArbitrary(8)), (definition) => {
        expectIssues(validateFlow(definition));
      }),
      RUNS,
    );
  });

  it('validateFlow judges anything cast into the shape of a definition', () => {
    fc.assert(
      fc.property(castDefinitionArbitrary, (input) => {
        expectIssues(validateFlow(input as unknown as FlowDefinition));
      }),
      RUNS,
    );
  });

  it('a half-edited canvas compiles and prints stably, and validation reports its problems', () => {
    fc.assert(
      fc.property(fc.oneof(looseCanvasArbitrary, validCanvasArbitrary(8)), flowMetaArbitrary, (canvas, meta) => {
        const definition = canvasToDefinition(canvas, meta);
        expectIssues(validateFlow(definition));
        const text = canonicalFlowJson(definition);
        expect(canonicalFlowJson(JSON.parse(text))).toBe(text);
      }),
      RUNS,
    );
  });
});
