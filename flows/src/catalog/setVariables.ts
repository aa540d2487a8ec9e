import { z } from 'zod';
import { assertNever } from '../assertNever';
import { parseNumber } from '../runtime/parseNumber';
import type { NodeConfigs } from '../types';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';
import { addDuplicateNameIssues, variableNameSchema } from './schemaParts/assignmentSchema';
import { isLiteralTemplate } from './schemaParts/literalTemplate';
import { templateSchemaSaying } from './schemaParts/templateSchema';

type VariableType = NodeConfigs['setVariables']['assignments'][number]['type'];

/**
 * What is wrong with a value that holds no Liquid markup for its declared type; undefined when
 * it is fine. A templated value is converted when it runs.
 */
function literalValueProblem(type: VariableType, value: string): string | undefined {
  if (!isLiteralTemplate(value)) return undefined;
  switch (type) {
    case 'text':
      return undefined;
    case 'number':
      return parseNumber(value) !== undefined
        ? undefined
        : `"${value}" is not a number; write one such as 3 or 0.5, or make the type text`;
    case 'boolean':
      return value.trim() === 'true' || value.trim() === 'false'
        ? undefined
        : `write true or false, or make the type text`;
    case 'json':
      return parsesAsJson(value) ? undefined : `"${value}" is not JSON; write e.g. {"plan": "pro"} or ["a", "b"]`;
    default:
      return assertNever(type, 'variable type');
  }
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const variableAssignmentSchema = z
  .strictObject({
    name: variableNameSchema,
    value: templateSchemaSaying('write a value (Liquid), or remove the row'),
    type: z.enum(['text', 'number', 'boolean', 'json']),
  })
  .superRefine((assignment, ctx) => {
    const problem = literalValueProblem(assignment.type, assignment.value);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
  });

const configSchema = z
  .strictObject({
    assignments: z.array(variableAssignmentSchema).min(1, 'add at least one variable to set'),
  })
  .superRefine((config, ctx) => {
    addDuplicateNameIssues(
      config.assignments.map((assignment) => assignment.name),
      ctx,
      (index) => ['assignments', index, 'name'],
    );
  });

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['setVariables']>;

export const setVariables: NodeCatalogEntry<'setVariables'> = {
  type: 'setVariables',
  title: 'Set variables',
  group: 'data',
  icon: 'variable',
  description: 'Sets journey variables from Liquid expressions, for later nodes to read as vars.<name>.',
  configSchema,
  defaults: { assignments: [{ name: 'stage', value: 'contacted', type: 'text' }] },
  fields: [
    {
      name: 'assignments',
      label: 'Variables',
      help: 'Set in order, so a value can use a variable set above it. Values are Liquid, e.g. {{ vars.attempts | plus: 1 }} or {{ nodes.<id>.body.items[0].id }}; the type says how the rendered text is stored (number, true/false, JSON, or text).',
      kind: 'assignments',
      required: true,
      template: true,
    },
  ],
  waits: false,
  outputs: () => ['next'],
  results: [],
  call: { required: false },
  setsVariables: (config) => config.assignments.map((assignment) => assignment.name),
};
