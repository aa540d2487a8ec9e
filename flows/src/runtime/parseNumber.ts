const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * The number a text holds, for split's lessThan / greaterThan: a plain decimal such as "42",
 * "-3.5" or "1e3", surrounding spaces allowed. Anything else ("", "twelve", "0x10", "1,5") is
 * undefined, so it matches neither comparison.
 */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}
