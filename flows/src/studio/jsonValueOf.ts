import type { JsonValue } from '../types';

/**
 * The JSON a value would serialise to, as a value: what a placeholder keeps as `original`.
 * Input parsed from a file is JSON already; anything else (undefined members, NaN, functions,
 * cycles) is dropped or nulled the way JSON.stringify would, without serialising twice.
 */
export function jsonValueOf(value: unknown, seen: ReadonlySet<object> = new Set()): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'object' || seen.has(value)) return null;
  const inner = new Set(seen).add(value);
  if (Array.isArray(value)) return value.map((item: unknown) => jsonValueOf(item, inner));
  const result: { [key: string]: JsonValue } = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    result[key] = jsonValueOf(item, inner);
  }
  return result;
}
