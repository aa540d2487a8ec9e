import { assertNever } from '@threadline/flows';
import type { FlowNodeOf } from '@threadline/flows/types';

type PayloadField = FlowNodeOf<'trigger.event'>['config']['payload'][number];

/** Why an event's data does not satisfy an event trigger: the JSON path and what is wrong. */
export interface PayloadProblem {
  /** `body.data.<field>`. */
  path: string;
  message: string;
}

/**
 * Checks an event's data against the payload fields one event trigger declares: each required
 * field present (null counts as absent), and each present field of its declared type, so a
 * template reading `trigger.data.<name>` never meets a surprise. The first problem, or null.
 */
export function payloadProblem(fields: readonly PayloadField[], data: Readonly<Record<string, unknown>>): PayloadProblem | null {
  for (const field of fields) {
    const value = data[field.name];
    const path = `body.data.${field.name}`;
    if (value === undefined || value === null) {
      if (field.required) return { path, message: `the required field "${field.name}" is missing` };
      continue;
    }
    if (!hasType(value, field.type)) {
      return { path, message: `"${field.name}" must be ${article(field.type)} ${field.type}, not ${describeType(value)}` };
    }
  }
  return null;
}

function hasType(value: unknown, type: PayloadField['type']): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return assertNever(type, 'payload field type');
  }
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return `${article(type)} ${type}`;
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}
