import { z } from 'zod';
import { flowDefinitionSchema } from './flowDefinitionSchema';

/**
 * The definition's JSON Schema, derived from the zod schema, for editors and other tooling.
 * Graph rules are not expressible there; validateFlow remains the judge of a flow.
 */
export function flowDefinitionJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(flowDefinitionSchema, { io: 'input', unrepresentable: 'any' });
}
