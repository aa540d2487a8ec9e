import type { ValidationIssue } from '@threadline/flows/types';

/** The one error body every route answers with. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    /** Where the client's input is at fault, e.g. `body.definition.nodes[n_send].config.template`. */
    path?: string;
    nodeId?: string;
    issues?: ValidationIssue[];
  };
}

/**
 * An error a route throws on purpose: it carries the HTTP status and the body's fields, and the
 * error handler answers with it as is. Anything else that escapes a route is our bug (a 500).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details: { path?: string; nodeId?: string; issues?: ValidationIssue[] } = {},
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...this.details } };
  }
}

export function notFound(what: string, id: string): ApiError {
  return new ApiError(404, 'not-found', `${what} "${id}" does not exist`);
}
