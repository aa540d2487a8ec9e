import { z } from 'zod';
import type { ValidationIssue } from '@threadline/flows/types';

/**
 * One request to the admin API. Every response is parsed with zod: the server is another
 * program, so its answers are input like any other. Failures come back as ApiError, read from
 * the API's one error shape.
 */

/** A validation finding as the API reports it, in flows' bodies and in 422 errors. */
export const validationIssueSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  nodeId: z.string().optional(),
  path: z.string(),
  message: z.string(),
}) satisfies z.ZodType<ValidationIssue>;

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

export async function request<T>(method: string, url: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
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

