import { z } from 'zod';
import { zodIssuesToValidationIssues } from '../schema/zodIssuesToValidationIssues';
import type { ValidationIssue } from '../types';

/**
 * The least the graph checks rely on: lists of nodes (a string id and type each) and edges
 * (string ends and output), and, when there is one, an interface of named inputs and outputs.
 * Configs are left to each node type's schema. Loose on purpose: a draft from the canvas may
 * carry anything else, and this only keeps validateFlow from tripping over a broken shape.
 */
const validatableShape = z.looseObject({
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
  const result = validatableShape.safeParse(definition);
  return result.success ? [] : zodIssuesToValidationIssues(result.error.issues, definition);
}
