/**
 * The worker's configuration, read once from the environment:
 * - TEMPORAL_ADDRESS   Temporal frontend gRPC address (default 127.0.0.1:7233)
 * - TEMPORAL_NAMESPACE Temporal namespace (default `default`)
 * - MONGODB_URI        MongoDB or FerretDB URI (default mongodb://127.0.0.1:27017/threadline)
 * - LOG_LEVEL          pino level: fatal, error, warn, info, debug, trace, silent (default info)
 * The HTTP request node reads its own two (activities/httpRequestSettings.ts):
 * - THREADLINE_SECRET_<NAME>  the value of {{ secrets.NAME }}, seen only by the activity
 * - THREADLINE_HTTP_ALLOW     private hosts or CIDRs it may call (comma-separated)
 */
import { z } from 'zod';

const workerConfigSchema = z.object({
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// URI').default('mongodb://127.0.0.1:27017/threadline'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface WorkerConfig {
  temporalAddress: string;
  temporalNamespace: string;
  mongodbUri: string;
  logLevel: z.infer<typeof workerConfigSchema>['LOG_LEVEL'];
}

/** Throws with every bad variable named, e.g. `MONGODB_URI: must be a mongodb:// URI`. */
export function readWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const parsed = workerConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid worker configuration:\n  ${problems.join('\n  ')}`);
  }
  const { data } = parsed;
  return {
    temporalAddress: data.TEMPORAL_ADDRESS,
    temporalNamespace: data.TEMPORAL_NAMESPACE,
    mongodbUri: data.MONGODB_URI,
    logLevel: data.LOG_LEVEL,
  };
}
