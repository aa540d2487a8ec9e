import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FLOW_DEFINITION_SCHEMA_FILE, flowDefinitionJsonSchema } from '../src/schema/flowDefinitionJsonSchema';

describe('the published JSON Schema file', () => {
  it('is what the zod schemas generate today (run `npm run write-schema -w @threadline/flows` after a change)', () => {
    const onDisk = readFileSync(new URL(`../${FLOW_DEFINITION_SCHEMA_FILE}`, import.meta.url), 'utf8');
    expect(onDisk).toBe(`${JSON.stringify(flowDefinitionJsonSchema(), null, 2)}\n`);
  });
});
