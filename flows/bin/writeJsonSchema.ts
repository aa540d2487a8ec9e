/**
 * Rewrites schema/flow-definition.schema.json from the zod schemas. Run after changing the
 * catalog or the definition schema: `npm run write-schema -w @threadline/flows`. A test fails
 * while the file on disk differs from what this would write.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FLOW_DEFINITION_SCHEMA_FILE, flowDefinitionJsonSchema } from '../src/schema/flowDefinitionJsonSchema';

const path = fileURLToPath(new URL(`../${FLOW_DEFINITION_SCHEMA_FILE}`, import.meta.url));
mkdirSync(dirname(path), { recursive: true });
writeFileSync(path, `${JSON.stringify(flowDefinitionJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path}`);
