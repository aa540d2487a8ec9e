import { z } from 'zod';
import type { FlowDefinition } from '@threadline/flows/types';
import { request, validationIssueSchema } from './apiRequest';

/** The admin API's flow endpoints, as the builder uses them. */

const flowSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  // Null for a flow stored before timestamps were kept.
  updatedAt: z.string().nullable(),
  publishedVersion: z.number().nullable(),
});
export type FlowSummary = z.infer<typeof flowSummarySchema>;

const listSchema = z.object({ flows: z.array(flowSummarySchema) });
const createdSchema = z.object({ flow: z.object({ id: z.string() }) });
// The draft is handed to the flow language's own parser by the caller (see loadFlow), so the
// envelope only checks that it is there.
const flowSchema = z.object({
  flow: z.object({
    id: z.string(),
    name: z.string(),
    draft: z.unknown(),
    publishedVersion: z.number().nullable(),
  }),
  issues: z.array(validationIssueSchema),
});
const savedSchema = z.object({ issues: z.array(validationIssueSchema) });
const publishedSchema = z.object({ version: z.number(), publishedAt: z.string() });

const base = '/api/flows';
const at = (flowId: string): string => `${base}/${encodeURIComponent(flowId)}`;

export const flowsApi = {
  list: async (): Promise<FlowSummary[]> => (await request('GET', base, listSchema)).flows,
  create: async (name: string): Promise<{ id: string }> => (await request('POST', base, createdSchema, { name })).flow,
  get: (flowId: string) => request('GET', at(flowId), flowSchema),
  saveDraft: (flowId: string, definition: FlowDefinition) =>
    request('PUT', `${at(flowId)}/draft`, savedSchema, { definition }),
  publish: (flowId: string) => request('POST', `${at(flowId)}/publish`, publishedSchema),
};
