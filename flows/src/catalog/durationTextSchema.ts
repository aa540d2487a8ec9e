import { z } from 'zod';
import { parseDuration } from '../runtime/parseDuration';

/**
 * A duration as admins write it ("90s", "15m", "24h", "2d"). Valid exactly when the worker's
 * parseDuration reads it, so the builder never accepts a timeout the journey cannot run.
 */
export const durationTextSchema = z.string().superRefine((text, ctx) => {
  try {
    parseDuration(text);
  } catch (error) {
    ctx.addIssue({
      code: 'custom',
      message: error instanceof Error ? error.message : 'write a duration such as 90s, 15m, 24h or 2d',
    });
  }
});
