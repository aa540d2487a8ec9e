import { z } from 'zod';
import type { FlowDefinition, ValidationIssue } from '@threadline/flows/types';

/**
 * The admin API's flow endpoints, as the builder uses them. Every response is parsed with zod:
 * the server is another program, so its answers are input like any other.
 */

const validationIssueSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  nodeId: z.string().optional(),
  path: z.string(),
  message: z.string(),
}) satisfies z.ZodType<ValidationIssue>;

const flowSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  // Null for a flow stored before timestamps were kept.
  updatedAt: z.string().nullable(),
  publishedVersion: z.number().nullable(),
});
export type FlowSummary = z.infer<typeof flowSummarySchema>;

const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    path: z.string().optional(),
    nodeId: z.string().optional(),
    issues: z.array(validationIssueSchema).optional(),
  }),
});

/** An error the API answered with, in its one error shape. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ValidationIssue[] = [],
  ) {
    super(message);
  }
}

async function request<T>(method: string, url: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: { accept: 'application/json' } };
  if (body !== undefined) {
    init.headers = { ...init.headers, 'content-type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  const response = await fetch(url, init);
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(json);
    if (parsed.success) {
      const { code, message, path, issues } = parsed.data.error;
      // Name the place at fault unless the message already does.
      const located = path === undefined || message.includes(path) ? message : `${message} (at ${path})`;
      throw new ApiError(response.status, code, located, issues);
    }
    throw new ApiError(response.status, 'http-error', `${method} ${url} failed with ${response.status}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(response.status, 'bad-response', `${method} ${url}: unexpected response: ${parsed.error.message}`);
  }
  return parsed.data;
}

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
