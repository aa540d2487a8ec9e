import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { InvalidAddressError } from '@threadline/worker/store';
import { ApiError, type ErrorBody } from './apiError';
import { dependencyUnavailable } from './dependencyUnavailable';

function isFastifyClientError(error: unknown): error is FastifyError & { statusCode: number } {
  return (
    error instanceof Error &&
    'statusCode' in error &&
    typeof error.statusCode === 'number' &&
    error.statusCode >= 400 &&
    error.statusCode < 500
  );
}

/** Fastify's own codes for a body it could not read, e.g. FST_ERR_CTP_INVALID_JSON_BODY. */
function pathOfFastifyError(error: FastifyError): string | undefined {
  return error.code?.startsWith('FST_ERR_CTP_') ? 'body' : undefined;
}

/**
 * One error shape across the API. Client mistakes (our ApiErrors, and Fastify's own 4xx such as
 * a malformed JSON body or an unsupported content type) keep their status; a database or
 * Temporal that is down or busy is a 503 to retry; anything else is our bug, logged with its
 * stack and answered as a bare 500 that leaks no internals.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof ApiError) {
      return reply.status(error.statusCode).send(error.toBody());
    }
    if (error instanceof InvalidAddressError) {
      const body: ErrorBody = { error: { code: 'invalid-address', message: error.message } };
      return reply.status(400).send(body);
    }
    if (isFastifyClientError(error)) {
      const path = pathOfFastifyError(error);
      const body: ErrorBody = {
        error: { code: error.code ?? 'bad-request', message: error.message, ...(path ? { path } : {}) },
      };
      return reply.status(error.statusCode).send(body);
    }
    const unavailable = dependencyUnavailable(error);
    if (unavailable) {
      request.log.warn({ err: error, dependency: unavailable }, 'a dependency is unavailable');
      const body: ErrorBody = { error: { code: 'unavailable', message: `the ${unavailable} is unavailable or busy; retry shortly` } };
      return reply.status(503).header('retry-after', '1').send(body);
    }
    request.log.error({ err: error }, 'unhandled error');
    const body: ErrorBody = { error: { code: 'internal', message: 'internal server error' } };
    return reply.status(500).send(body);
  });
}

/** The JSON 404 for a route nobody declared. */
export function routeNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const body: ErrorBody = {
    error: { code: 'not-found', message: `no route ${request.method} ${request.url.split('?')[0]}` },
  };
  return reply.status(404).send(body);
}
