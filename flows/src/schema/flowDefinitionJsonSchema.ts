import { z } from 'zod';
import { isNodeType, nodeCatalog } from '../catalog';
import { flowDefinitionSchema } from './flowDefinitionSchema';

/** Where the published schema file lives inside the package, beside the library flows. */
export const FLOW_DEFINITION_SCHEMA_FILE = 'schema/flow-definition.schema.json';

/**
 * The definition's JSON Schema, derived from the zod schema, for editors and other tooling.
 * Each node variant carries its catalog title and description and each config field its help
 * text, so an editor's hover says what the builder's inspector says. Graph rules are not
 * expressible here; validateFlow remains the judge of a flow.
 */
export function flowDefinitionJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(flowDefinitionSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  describeNodeVariants(schema);
  return {
    ...schema,
    title: 'Threadline flow definition',
    description:
      'A flow of the Threadline flow language (schemaVersion 2). Validate it with `flows validate <file>`, which also checks the graph rules a JSON Schema cannot express.',
  };
}

/** Walks the schema and annotates every object that is a node of a known type. */
function describeNodeVariants(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) describeNodeVariants(item);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  const properties = record.properties as Record<string, Record<string, unknown>> | undefined;
  const type = properties?.type?.const;
  if (typeof type === 'string' && isNodeType(type) && properties?.config !== undefined) {
    const entry = nodeCatalog[type];
    record.title = entry.title;
    record.description = entry.description;
    const configProperties = properties.config.properties as Record<string, Record<string, unknown>> | undefined;
    for (const field of entry.fields as readonly { name: string; label: string; help: string }[]) {
      const property = configProperties?.[field.name];
      if (property !== undefined) {
        property.title = field.label;
        property.description = field.help;
      }
    }
  }
  for (const child of Object.values(record)) describeNodeVariants(child);
}
