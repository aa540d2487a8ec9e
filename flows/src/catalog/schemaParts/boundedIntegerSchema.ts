import { z } from 'zod';

/**
 * A whole number from `min` to `max`, with one message that states the range, e.g.
 * boundedIntegerSchema(1, 600, 'seconds') → "write a whole number of seconds from 1 to 600".
 */
export function boundedIntegerSchema(min: number, max: number, unit: string) {
  const message = `write a whole number of ${unit} from ${min} to ${max}`;
  return z.number(message).int(message).min(min, message).max(max, message);
}
