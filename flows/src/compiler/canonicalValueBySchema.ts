import type { z } from 'zod';

type Schema = z.core.$ZodType;

/*
 * Canonical JSON orders an object's keys the way its zod schema declares them, so the schemas
 * stay the one statement of a config's shape: a new nested field needs no list kept here.
 * Keys the schema does not know (a draft mid-edit, a field from a newer release) follow the
 * known ones, sorted. A value typed `unknown`, `any` or `z.json()` is foreign JSON (the
 * placeholder's imported Studio widget) and is printed exactly as it was written.
 */

/**
 * `value` with every object's keys in canonical order, as checked by any of `schemas`
 * (none: keys sorted, all the way down). `leadingKeys` come first, before the schemas' own order.
 */
export function canonicalValueBySchema(
  value: unknown,
  schemas: readonly Schema[],
  leadingKeys: readonly string[] = NO_KEYS,
): unknown {
  return canonicalValueByPlan(value, canonicalPlanOf(schemas, leadingKeys));
}

/**
 * `value` in the canonical order of `plan` (from canonicalPlanOf): the walk itself, with every
 * decision about the schemas already taken in the plan, so a flow of thousands of nodes costs
 * little more than a copy.
 */
export function canonicalValueByPlan(value: unknown, plan: CanonicalPlan): unknown {
  if (typeof value !== 'object' || value === null || plan.freeForm) return value;
  if (Array.isArray(value)) {
    const items: unknown[] = new Array<unknown>(value.length);
    for (let index = 0; index < value.length; index += 1) items[index] = canonicalValueByPlan(value[index], plan.element(index));
    return items;
  }
  const record = value as Record<string, unknown>;
  const present = Object.keys(record);
  const keys: string[] = [];
  for (const key of plan.knownKeys) if (Object.hasOwn(record, key)) keys.push(key);
  if (keys.length < present.length) keys.push(...present.filter((key) => !plan.knows(key)).sort(compareText));
  const canonical: Record<string, unknown> = {};
  for (const key of keys) {
    const child = canonicalValueByPlan(record[key], plan.child(key));
    // A key named "__proto__" (it is valid JSON) must stay a key, not set the prototype.
    if (key === '__proto__') Object.defineProperty(canonical, key, { value: child, enumerable: true, writable: true, configurable: true });
    else canonical[key] = child;
  }
  return canonical;
}

const NO_KEYS: readonly string[] = [];

/**
 * What the schemas say about a value, worked out once: whether it is free-form JSON, its keys'
 * order, and the plans of its children, each built the first time a value needs it and then
 * kept (recursive schemas such as z.json() unfold only as deep as some value goes).
 */
export class CanonicalPlan {
  readonly freeForm: boolean;
  /** Object keys in canonical order: leading keys, then each object schema's shape order. */
  readonly knownKeys: readonly string[];
  private readonly childSchemas: ReadonlyMap<string, readonly Schema[]>;
  /** For keys no shape names: record values and catchalls. */
  private readonly otherKeySchemas: readonly Schema[];
  private readonly leaves: readonly Schema[];
  /** Arrays share one element plan; only tuples differ by position. */
  private readonly byPosition: boolean;
  private readonly childPlans = new Map<string, CanonicalPlan>();
  private readonly elementPlans = new Map<number, CanonicalPlan>();
  private otherKeyPlan: CanonicalPlan | undefined;

  constructor(schemas: readonly Schema[], leadingKeys: readonly string[]) {
    this.leaves = [...new Set(schemas.flatMap(leavesOf))];
    const childSchemas = new Map<string, Schema[]>(leadingKeys.map((key) => [key, []]));
    const otherKeySchemas: Schema[] = [];
    for (const leaf of this.leaves) {
      const def = defOf(leaf);
      if (def.type === 'object') {
        for (const [key, child] of Object.entries(def.shape)) {
          const list = childSchemas.get(key);
          if (list === undefined) childSchemas.set(key, [child]);
          else list.push(child);
        }
        if (def.catchall !== undefined) otherKeySchemas.push(def.catchall);
      } else if (def.type === 'record') {
        otherKeySchemas.push(def.valueType);
      }
    }
    this.freeForm = isFreeForm(this.leaves);
    this.knownKeys = [...childSchemas.keys()];
    this.childSchemas = childSchemas;
    this.otherKeySchemas = otherKeySchemas;
    this.byPosition = this.leaves.some((leaf) => defOf(leaf).type === 'tuple');
  }

  /** True when some schema (or the leading keys) names `key`; other keys follow, sorted. */
  knows(key: string): boolean {
    return this.childSchemas.has(key);
  }

  child(key: string): CanonicalPlan {
    let plan = this.childPlans.get(key);
    if (plan === undefined) {
      const schemas = this.childSchemas.get(key);
      if (schemas === undefined) {
        this.otherKeyPlan ??= canonicalPlanOf(this.otherKeySchemas, NO_KEYS);
        plan = this.otherKeyPlan;
      } else {
        plan = canonicalPlanOf(schemas, NO_KEYS);
      }
      this.childPlans.set(key, plan);
    }
    return plan;
  }

  element(index: number): CanonicalPlan {
    const key = this.byPosition ? index : -1;
    let plan = this.elementPlans.get(key);
    if (plan === undefined) {
      plan = canonicalPlanOf(elementSchemas(this.leaves, index), NO_KEYS);
      this.elementPlans.set(key, plan);
    }
    return plan;
  }
}

/** Schemas are immutable, and a big flow walks the same few thousands of times. */
const planCache = new WeakMap<Schema, WeakMap<readonly string[], CanonicalPlan>>();

/** Keys sorted all the way down: a draft's unknown node type. */
let unschematicPlan: CanonicalPlan | undefined;

/** The plan of values checked by any of `schemas`, shared when it is one schema (the usual case). */
export function canonicalPlanOf(schemas: readonly Schema[], leadingKeys: readonly string[] = NO_KEYS): CanonicalPlan {
  if (schemas.length === 0 && leadingKeys.length === 0) {
    unschematicPlan ??= new CanonicalPlan([], NO_KEYS);
    return unschematicPlan;
  }
  const only = schemas.length === 1 ? schemas[0] : undefined;
  if (only === undefined) return new CanonicalPlan(schemas, leadingKeys);
  let byKeys = planCache.get(only);
  if (byKeys === undefined) {
    byKeys = new WeakMap();
    planCache.set(only, byKeys);
  }
  let plan = byKeys.get(leadingKeys);
  if (plan === undefined) {
    plan = new CanonicalPlan(schemas, leadingKeys);
    byKeys.set(leadingKeys, plan);
  }
  return plan;
}

function elementSchemas(leaves: readonly Schema[], index: number): Schema[] {
  return leaves.flatMap((leaf) => {
    const def = defOf(leaf);
    if (def.type === 'array') return [def.element];
    if (def.type === 'tuple') {
      const item = def.items[index] ?? def.rest;
      return item === null || item === undefined ? [] : [item];
    }
    return [];
  });
}

const ANY_JSON_TYPES = ['string', 'number', 'boolean', 'null', 'array', 'record'] as const;

/** Unknown, any, or any JSON at all (z.json(): every JSON type, objects as records). */
function isFreeForm(leaves: readonly Schema[]): boolean {
  const types = new Set<string>(leaves.map((leaf) => defOf(leaf).type));
  return types.has('unknown') || types.has('any') || ANY_JSON_TYPES.every((type) => types.has(type));
}

const leafCache = new WeakMap<Schema, Schema[]>();

/**
 * The schemas a value is checked against once the wrappers are peeled off: optional, nullable,
 * defaults, readonly, catch, a pipe's input side (the JSON is what goes in), lazy, and every
 * member of a union or intersection.
 */
function leavesOf(schema: Schema): Schema[] {
  const cached = leafCache.get(schema);
  if (cached !== undefined) return cached;
  const leaves: Schema[] = [];
  collectLeaves(schema, leaves, new Set());
  leafCache.set(schema, leaves);
  return leaves;
}

function collectLeaves(schema: Schema, leaves: Schema[], seen: Set<Schema>): void {
  // A lazy schema may refer to itself (z.json()); each schema is expanded once.
  if (seen.has(schema)) return;
  seen.add(schema);
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
    case 'success':
    case 'promise':
      collectLeaves(def.innerType, leaves, seen);
      return;
    case 'pipe':
      collectLeaves(def.in, leaves, seen);
      return;
    case 'lazy':
      collectLeaves(def.getter(), leaves, seen);
      return;
    case 'union':
      for (const option of def.options) collectLeaves(option, leaves, seen);
      return;
    case 'intersection':
      collectLeaves(def.left, leaves, seen);
      collectLeaves(def.right, leaves, seen);
      return;
    default:
      leaves.push(schema);
  }
}

/** Every first-party zod schema is one of $ZodTypes, so its def can be told apart by `type`. */
function defOf(schema: Schema) {
  return (schema as z.core.$ZodTypes)._zod.def;
}

/** Code-unit order, not locale order: the bytes must not depend on the machine's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
