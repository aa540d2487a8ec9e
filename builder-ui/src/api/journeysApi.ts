import { z } from 'zod';
import { request } from './apiRequest';

/** The admin API's journey and timeline endpoints, as the builder follows a journey. */

const journeySummarySchema = z.object({
  workflowId: z.string(),
  runId: z.string(),
  flowId: z.string().nullable(),
  contactId: z.string().nullable(),
  flowVersion: z.number().nullable(),
  /** Temporal's execution status: RUNNING, COMPLETED, FAILED, … */
  status: z.string(),
  journeyStatus: z.string().nullable(),
  currentNode: z.string().nullable(),
  startTime: z.string(),
  closeTime: z.string().nullable(),
});
export type JourneySummary = z.infer<typeof journeySummarySchema>;

const journeyDetailSchema = journeySummarySchema.extend({
  path: z.array(z.string()),
  pendingWait: z.object({ nodeId: z.string(), until: z.string(), channels: z.array(z.string()) }).nullable(),
  outcome: z.string().nullable(),
  vars: z.record(z.string(), z.unknown()),
  stateError: z.string().nullable(),
});
export type JourneyDetail = z.infer<typeof journeyDetailSchema>;

const timelineEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  channel: z.string(),
  direction: z.enum(['inbound', 'outbound', 'internal']),
  kind: z.string(),
  body: z.string().nullable(),
  status: z.string().nullable(),
  journeyId: z.string().nullable(),
  nodeId: z.string().nullable(),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

const listSchema = z.object({ journeys: z.array(journeySummarySchema) });
const detailSchema = z.object({ journey: journeyDetailSchema });
const timelineSchema = z.object({ events: z.array(timelineEventSchema) });

export const journeysApi = {
  listOfFlow: async (flowId: string, limit = 50): Promise<JourneySummary[]> =>
    (await request('GET', `/api/flows/${encodeURIComponent(flowId)}/journeys?limit=${limit}`, listSchema)).journeys,
  get: async (workflowId: string): Promise<JourneyDetail> =>
    (await request('GET', `/api/journeys/${encodeURIComponent(workflowId)}`, detailSchema)).journey,
  timelineOf: async (contactId: string): Promise<TimelineEvent[]> =>
    (await request('GET', `/api/contacts/${encodeURIComponent(contactId)}/timeline`, timelineSchema)).events,
};
