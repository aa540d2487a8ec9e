/**
 * A `+` in a query string is form-encoded space unless the caller wrote `%2B`, so
 * `?address=+14155550100` arrives as " 14155550100". Give a bare run of digits its `+` back.
 */
export function addressFromQuery(value: string): string {
  const trimmed = value.trim();
  return /^[0-9]{8,15}$/.test(trimmed) && value.startsWith(' ') ? `+${trimmed}` : trimmed;
}
