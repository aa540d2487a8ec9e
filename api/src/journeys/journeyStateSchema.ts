import type { JourneyState } from '@threadline/worker/contract';
import { z } from 'zod';

const channel = z.enum(['sms', 'whatsapp', 'email', 'webchat', 'voice']);

/**
 * The `state` query's answer and the workflow's result, checked on the way in: the workflow is
 * another program (and another version of it may have written an old result).
 */
export const journeyStateSchema = z.object({
  status: z.enum(['running', 'waiting', 'completed', 'failed']),
  currentNodeId: z.string().nullable(),
  path: z.array(z.string()),
  vars: z.record(z.string(), z.unknown()),
  nodes: z.record(z.string(), z.unknown()).optional(),
  pendingWait: z
    .object({
      nodeId: z.string(),
      kind: z.enum(['reply', 'event', 'timer']),
      until: z.string(),
      channels: z.array(channel),
      event: z.string().optional(),
    })
    .nullable(),
  outcome: z.string().nullable(),
}) satisfies z.ZodType<JourneyState>;
