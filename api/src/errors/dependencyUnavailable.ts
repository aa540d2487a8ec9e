import { isGrpcServiceError, ServiceError } from '@temporalio/client';

export type Dependency = 'database' | 'temporal';

/** The driver's names for "the server can't be reached right now" (mongodb and mongoose). */
const UNREACHABLE_DATABASE = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
]);

/** gRPC status codes that mean "try again": UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED. */
const RETRYABLE_GRPC_CODES = new Set([14, 4, 8]);

/**
 * Which dependency a failure says is down or busy, if any. Such a failure is not our bug and
 * not the caller's mistake: it is answered 503 with Retry-After, so a provider retries the
 * webhook later. The event is persisted before delivery and only marked delivered after, so
 * the retry completes the delivery instead of losing or doubling it.
 */
export function dependencyUnavailable(error: unknown): Dependency | null {
  if (!(error instanceof Error)) return null;
  if (UNREACHABLE_DATABASE.has(error.name)) return 'database';
  // FerretDB on SQLite answers a write it could not lock in time with SQLITE_BUSY.
  if (error.name === 'MongoServerError' && /SQLITE_BUSY|database is locked/.test(error.message)) return 'database';
  const grpc = error instanceof ServiceError ? error.cause : error;
  if (isGrpcServiceError(grpc) && RETRYABLE_GRPC_CODES.has(grpc.code)) return 'temporal';
  return null;
}
