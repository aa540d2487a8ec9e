/** Milliseconds per unit of the duration text admins write: "90s", "15m", "24h", "2d". */
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

const DURATION = /^\s*(\d+)\s*([smhd])\s*$/i;

/**
 * Parses a duration such as "90s", "15m", "24h" or "2d" to milliseconds. Throws an Error that
 * quotes the text and shows the expected form, so a caller can put it next to the node id.
 */
export function parseDuration(text: string): number {
  const match = DURATION.exec(text);
  const amount = match?.[1];
  const unit = match?.[2]?.toLowerCase();
  if (amount === undefined || (unit !== 's' && unit !== 'm' && unit !== 'h' && unit !== 'd')) {
    throw new Error(`"${text}" is not a duration: write a whole number and a unit, e.g. 90s, 15m, 24h or 2d`);
  }
  const ms = Number(amount) * UNIT_MS[unit];
  if (ms <= 0 || !Number.isSafeInteger(ms)) {
    throw new Error(`"${text}" is not a usable duration: it must be more than zero and less than ${Number.MAX_SAFE_INTEGER} ms`);
  }
  return ms;
}
