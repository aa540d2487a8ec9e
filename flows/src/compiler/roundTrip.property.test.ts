import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFlowDefinition } from '../schema/parseFlowDefinition';
import { flowMetaArbitrary, validCanvasArbitrary, validDefinitionArbitrary } from '../testSupport/flowArbitraries';
import { canonicalFlowJson } from './canonicalFlowJson';
import { canvasEdgeId } from './canvasEdgeId';
import { canvasToDefinition } from './canvasToDefinition';
import { definitionToCanvas, flowMetaOf } from './definitionToCanvas';

/*
 * The builder saves what the canvas holds and opens what it saved; git holds the canonical
 * text. Over random flows of every node type in the catalog, none of those steps may lose or
 * change anything.
 */
const RUNS = { numRuns: 200 };

describe('round trips over random valid flows of the whole catalog', () => {
  it('compiles a canvas to a definition and opens it as the same canvas', () => {
    fc.assert(
      fc.property(validCanvasArbitrary(), flowMetaArbitrary, (canvas, meta) => {
        const definition = canvasToDefinition(canvas, meta);
        expect(definitionToCanvas(definition)).toStrictEqual(canvas);
        expect(flowMetaOf(definition)).toStrictEqual(meta);
      }),
      RUNS,
    );
  });

  it('opens a definition on the canvas and compiles it back to the same definition', () => {
    fc.assert(
      fc.property(validDefinitionArbitrary(), (definition) => {
        expect(canvasToDefinition(definitionToCanvas(definition), flowMetaOf(definition))).toStrictEqual(definition);
      }),
      RUNS,
    );
  });

  it('parses its canonical JSON back to the same definition, which prints the same bytes', () => {
    fc.assert(
      fc.property(validDefinitionArbitrary(), (definition) => {
        const text = canonicalFlowJson(definition);
        const parsed = parseFlowDefinition(JSON.parse(text));
        if (!parsed.ok) throw new Error(`the schema refused a generated flow: ${JSON.stringify(parsed.issues, null, 2)}`);
        // The same definition, edges aside: canonical JSON sorts them.
        expect({ ...parsed.definition, edges: [] }).toStrictEqual({ ...definition, edges: [] });
        expect(new Set(parsed.definition.edges.map(canvasEdgeId))).toStrictEqual(new Set(definition.edges.map(canvasEdgeId)));
        expect(canonicalFlowJson(parsed.definition)).toBe(text);
      }),
      RUNS,
    );
  });
});
