import { z } from 'zod';

/**
 * A journey's workflow id as the contract writes it, `journey:<flowId>:<contactId>`, with room
 * for the suffix parallel entries will add (`…:<contactId>:<entry>`). Anything else is not a
 * journey, and the API says so with a 400 rather than asking Temporal about it.
 */
export const JOURNEY_WORKFLOW_ID_PATTERN = /^journey:[a-z0-9][a-z0-9-]{0,62}:[A-Za-z0-9_-]{1,64}(?::[A-Za-z0-9_-]{1,64})?$/;

export const journeyWorkflowIdParam = z.object({
  workflowId: z.string().regex(JOURNEY_WORKFLOW_ID_PATTERN, 'not a journey id (journey:<flowId>:<contactId>)'),
});
