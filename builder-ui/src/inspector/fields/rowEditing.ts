import { records, type RawRecord } from '../../catalog/rawConfig';

/**
 * The row editors (assignments, menu options, intents, branches, schedule hours) edit arrays of
 * objects. These keep every key of a row they do not show (a setVariables assignment's `type`,
 * say), so editing one part never drops another.
 */
export function rowsOf(value: unknown): RawRecord[] {
  return records(value);
}

export function withRow(rows: readonly RawRecord[], index: number, patch: RawRecord): RawRecord[] {
  return rows.map((row, i) => (i === index ? withoutUndefined({ ...row, ...patch }) : row));
}

export function withoutRow<T>(rows: readonly T[], index: number): T[] {
  return rows.filter((_, i) => i !== index);
}

/** `prefix1`, `prefix2`, … : the first name no row uses yet, for a new output. */
export function freshName(prefix: string, taken: readonly string[]): string {
  for (let n = taken.length + 1; ; n += 1) {
    if (!taken.includes(`${prefix}${n}`)) return `${prefix}${n}`;
  }
}

// An optional part cleared in a row is left out, as the schema expects, not saved as undefined.
function withoutUndefined(row: RawRecord): RawRecord {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined));
}
