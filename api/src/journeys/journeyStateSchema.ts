import { PENDING_WAIT_KINDS, type JourneyState, type NodeVisit } from '@threadline/worker/contract';
import { z } from 'zod';

const channel = z.enum(['sms', 'whatsapp', 'email', 'webchat', 'voice']);

/** One node visit of the journey's trace (absent in the state of journeys older than the trace). */
const nodeVisitSchema = z.object({
  nodeId: z.string(),
  type: z.string(),
  visit: z.number().int().positive(),
  enteredAt: z.string(),
  leftAt: z.string().nullable(),
  output: z.string().nullable(),
  detail: z.string().nullable(),
}) satisfies z.ZodType<NodeVisit>;

/**
 * The `state` query's answer and the workflow's result, checked on the way in: the workflow is
 * another program (and another version of it may have written an old result).
 */
export const journeyStateSchema = z.object({
  status: z.enum(['running', 'waiting', 'completed', 'failed', 'cancelled']),
  currentNodeId: z.string().nullable(),
  path: z.array(z.string()),
  vars: z.record(z.string(), z.unknown()),
  nodes: z.record(z.string(), z.unknown()).optional(),
  pendingWait: z
    .object({
      nodeId: z.string(),
      kind: z.enum(PENDING_WAIT_KINDS),
      until: z.string(),
      since: z.string().optional(),
      channels: z.array(channel),
      event: z.string().optional(),
    })
    .nullable(),
  outcome: z.string().nullable(),
  visits: z.array(nodeVisitSchema).optional(),
  droppedVisits: z.number().int().nonnegative().optional(),
}) satisfies z.ZodType<JourneyState>;
