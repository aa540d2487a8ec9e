import { z } from 'zod';
import { zodIssuesToValidationIssues } from '../schema/zodIssuesToValidationIssues';
import type { ValidationIssue } from '../types';

/**
 * The least the graph checks rely on: lists of nodes (a string id and type each) and edges
 * (string ends and output), and, when there is one, an interface of named inputs and outputs.
 * Configs are left to each node type's schema. Loose on purpose: a draft from the canvas may
 * carry anything else, and this only keeps validateFlow from tripping over a broken shape.
 */
export const validatableShape = z.looseObject({
  nodes: z.array(z.looseObject({ id: z.string(), type: z.string() })),
  edges: z.array(z.looseObject({ from: z.string(), output: z.string(), to: z.string() })),
  interface: z
    .looseObject({
      inputs: z.array(z.looseObject({ name: z.string(), required: z.boolean() })),
      outputs: z.array(z.looseObject({ name: z.string() })),
    })
    .optional(),
});

export function checkDefinitionShape(definition: unknown): ValidationIssue[] {
  // Nearly every definition has the shape; saying so by hand is a fraction of zod's time over
  // thousands of nodes and edges. Anything else goes to zod, whose issues are the ones reported.
  if (hasValidatableShape(definition)) return [];
  const result = validatableShape.safeParse(definition);
  return result.success ? [] : zodIssuesToValidationIssues(result.error.issues, definition);
}

type Loose = Readonly<Record<string, unknown>>;

/** zod's test for an object: anything but null and arrays. */
function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function everyItem(value: unknown, check: (item: Loose) => boolean): boolean {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (!isObject(item) || !check(item)) return false;
  return true;
}

/** True only where validatableShape accepts `definition` (it may be false where it accepts it too). */
export function hasValidatableShape(definition: unknown): boolean {
  if (!isObject(definition)) return false;
  const flowInterface = definition.interface;
  return (
    everyItem(definition.nodes, (node) => typeof node.id === 'string' && typeof node.type === 'string') &&
    everyItem(definition.edges, (edge) => typeof edge.from === 'string' && typeof edge.output === 'string' && typeof edge.to === 'string') &&
    (flowInterface === undefined ||
      (isObject(flowInterface) &&
        everyItem(flowInterface.inputs, (input) => typeof input.name === 'string' && typeof input.required === 'boolean') &&
        everyItem(flowInterface.outputs, (output) => typeof output.name === 'string')))
  );
}
