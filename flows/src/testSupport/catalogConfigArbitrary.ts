import fc from 'fast-check';
import { nodeCatalog } from '../catalog';
import type { NodeField } from '../catalog';
import type { NodeType } from '../types';
import { sameJson } from './sameJson';

/** A field of any node type: its name is just a config key. */
type AnyField = Omit<NodeField, 'name'> & { name: string };

/** Marks a variation that leaves an optional field out. */
const REMOVE = Symbol('remove the field');

type Variation = { field: string; value: unknown };

/**
 * A valid config of `type`: the catalog's defaults with random edits where they are easy to
 * keep valid (template text, numbers, booleans, select choices, optional fields left out). Each
 * edit is kept only when the config schema accepts the result and reads it back unchanged, so
 * every generated config is one a saved definition can hold; the defaults themselves are not
 * filtered, so a default the schema refuses or rewrites shows up as a failing property.
 */
export function catalogConfigArbitrary(type: NodeType): fc.Arbitrary<Record<string, unknown>> {
  const entry = nodeCatalog[type];
  const defaults = structuredClone(entry.defaults) as Record<string, unknown>;
  const fields: readonly AnyField[] = entry.fields;
  const variations = fields.flatMap((field) => {
    const values = variationOf(field, defaults[field.name]);
    if (values === undefined) return [];
    return [fc.option(values.map((value): Variation => ({ field: field.name, value })), { nil: undefined, freq: 2 })];
  });
  return fc.tuple(...variations).map((chosen) => {
    let config = structuredClone(defaults);
    for (const variation of chosen) {
      if (variation === undefined) continue;
      const candidate = structuredClone(config);
      if (variation.value === REMOVE) delete candidate[variation.field];
      else candidate[variation.field] = variation.value;
      const parsed = entry.configSchema.safeParse(candidate);
      if (parsed.success && sameJson(parsed.data, candidate)) config = candidate;
    }
    return config;
  });
}

/** The edits worth trying on a field, or undefined when there is none. */
function variationOf(field: AnyField, current: unknown): fc.Arbitrary<unknown> | undefined {
  const choices: fc.Arbitrary<unknown>[] = [];
  if (!field.required && current !== undefined) choices.push(fc.constant(REMOVE));
  if (field.template === true && typeof current === 'string') choices.push(templateTextArbitrary);
  switch (field.kind) {
    case 'number':
      choices.push(fc.integer({ min: 0, max: 600 }));
      break;
    case 'boolean':
      choices.push(fc.boolean());
      break;
    case 'select':
      if (field.options !== undefined && field.options.length > 0) {
        choices.push(fc.constantFrom(...field.options.map((option) => option.value)));
      }
      break;
    case 'multiselect':
      if (field.options !== undefined) choices.push(fc.subarray(field.options.map((option) => option.value)));
      break;
    case 'duration':
      choices.push(durationArbitrary);
      break;
    case 'list':
      choices.push(fc.array(wordArbitrary, { maxLength: 3 }));
      break;
    case 'text':
    case 'textarea':
      if (field.template !== true && typeof current === 'string') choices.push(plainTextArbitrary);
      break;
    case 'assignments':
    case 'conditions':
    case 'menuOptions':
    case 'intents':
    case 'branches':
      if (Array.isArray(current) && isRecord(current[0])) choices.push(rowsLike(current[0]));
      break;
    default:
      break;
  }
  return choices.length === 0 ? undefined : fc.oneof(...choices);
}

/**
 * One to three rows shaped like `row` (a condition, a menu option, an assignment…) under new,
 * distinct names, so nodes get other outputs and variables than their defaults.
 */
function rowsLike(row: Record<string, unknown>): fc.Arbitrary<unknown> {
  return fc
    .uniqueArray(fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,7}$/), { minLength: 1, maxLength: 3 })
    .chain((names) =>
      fc.tuple(...names.map(() => templateTextArbitrary)).map((values) =>
        names.map((name, index) => {
          const copy = structuredClone(row);
          if (typeof copy.output === 'string') copy.output = name;
          if (typeof copy.name === 'string') copy.name = name;
          if (typeof copy.value === 'string') copy.value = values[index];
          return copy;
        }),
      ),
    );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const durationArbitrary = fc
  .tuple(fc.integer({ min: 1, max: 90 }), fc.constantFrom('s', 'm', 'h', 'd'))
  .map(([amount, unit]) => `${amount}${unit}`);

const wordArbitrary = fc.stringMatching(/^[a-z]{1,8}$/);

/** Text with some Liquid in it, as an admin writes a message. */
const templateTextArbitrary = fc
  .tuple(
    fc.string({ minLength: 1, maxLength: 24 }),
    fc.constantFrom('', ' {{ contact.firstName }}', ' {{ contact.firstName | default: "there" }}', ' {{ journey.id }}'),
  )
  .map(([text, liquid]) => `${text}${liquid}`);

const plainTextArbitrary = fc.string({ minLength: 1, maxLength: 24 });
