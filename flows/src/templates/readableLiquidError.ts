/**
 * liquidjs ends its messages with ", line:2, col:6"; people read "(line 2, column 6)". Anything
 * that is not an Error is shown as text.
 */
export function readableLiquidError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/,\s*line:(\d+),\s*col:(\d+)\s*$/, ' (line $1, column $2)');
}
