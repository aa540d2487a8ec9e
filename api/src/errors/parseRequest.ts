import type { z } from 'zod';
import { ApiError } from './apiError';
import { describeZodError } from './zodIssuePath';

/** Which part of the request a schema describes; it starts the path of a 400. */
export type RequestPart = 'body' | 'params' | 'query';

/**
 * Parses one part of a request with its route's zod schema, or throws a 400 naming the path at
 * fault (`body.from`, `params.version`). Each route declares its schemas once, beside the
 * handler, and handlers only ever see the parsed, typed values.
 */
export function parseRequest<S extends z.ZodType>(schema: S, value: unknown, part: RequestPart): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { path, nodeId, message } = describeZodError(result.error, value, part);
  throw new ApiError(400, 'invalid-request', message, nodeId === undefined ? { path } : { path, nodeId });
}
