/**
 * The worker's configuration, read once from the environment:
 * - TEMPORAL_ADDRESS   Temporal frontend gRPC address (default 127.0.0.1:7233)
 * - TEMPORAL_NAMESPACE Temporal namespace (default `default`)
 * - MONGODB_URI        MongoDB or FerretDB URI (default mongodb://127.0.0.1:27017/threadline)
 * - LOG_LEVEL          pino level: fatal, error, warn, info, debug, trace, silent (default info)
 * The HTTP request node reads its own two (activities/httpRequestSettings.ts):
 * - THREADLINE_SECRET_<NAME>  the value of {{ secrets.NAME }}, seen only by the activity
 * - THREADLINE_HTTP_ALLOW     private hosts or CIDRs it may call (comma-separated)
 * Compliance at send time, whatever the flow says (activities/compliance/complianceSettings.ts):
 * - THREADLINE_QUIET_HOURS           local hours no message goes out and no call is placed
 *                                    (default 21:00-08:00; "off")
 * - THREADLINE_QUIET_HOURS_CHANNELS  the channels they hold for (default sms,whatsapp,webchat,voice;
 *                                    voice: call.outbound)
 * - THREADLINE_FREQUENCY_CAP         messages per contact per rolling window (default 3/24h; 0 for none)
 * Throttles, so a campaign of thousands never floods a provider or a customer's API
 * (activities/throttleRates.ts). They are token buckets in memory, so each limit holds PER
 * WORKER PROCESS: run three workers and a provider may see three times its rate. A send or
 * request over its rate waits for its turn (before the provider is called, so waiting never
 * touches the send's idempotency) rather than failing:
 * - THREADLINE_SEND_RATE             sends per provider: one rate for all ("50/s", the default),
 *                                    or "sandbox=50/s,twilio=30/s" with an optional bare default
 *                                    for the others; "off" for none. Rates: <n>/s, <n>/min, <n>/h
 * - THREADLINE_HTTP_RATE_PER_HOST    HTTP request node calls per destination host (default 10/s;
 *                                    "off"); read again by activities/httpRequestSettings.ts
 * - THREADLINE_MAX_CACHED_WORKFLOWS  journeys kept in memory between tasks (default 200; see
 *                                    createJourneyWorker.ts)
 */
import { z } from 'zod';
import {
  DEFAULT_FREQUENCY_CAP,
  DEFAULT_QUIET_HOURS,
  DEFAULT_QUIET_HOURS_CHANNELS,
  parseFrequencyCap,
  parseQuietChannels,
  parseQuietWindow,
  type ComplianceSettings,
} from './activities/compliance/complianceSettings';
import {
  DEFAULT_HTTP_RATE_PER_HOST,
  DEFAULT_SEND_RATE,
  parseHttpRatePerHost,
  parseSendRates,
  type Rate,
  type SendRates,
} from './activities/throttleRates';

/** Runs a parser of ours inside zod, so its message lands next to the variable's name. */
function parsedBy<T>(parse: (text: string) => T) {
  return (text: string, context: z.RefinementCtx): T => {
    try {
      return parse(text);
    } catch (error) {
      context.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  };
}

const workerConfigSchema = z.object({
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// URI').default('mongodb://127.0.0.1:27017/threadline'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  THREADLINE_QUIET_HOURS: z.string().default(DEFAULT_QUIET_HOURS).transform(parsedBy(parseQuietWindow)),
  THREADLINE_QUIET_HOURS_CHANNELS: z.string().default(DEFAULT_QUIET_HOURS_CHANNELS).transform(parsedBy(parseQuietChannels)),
  THREADLINE_FREQUENCY_CAP: z.string().default(DEFAULT_FREQUENCY_CAP).transform(parsedBy(parseFrequencyCap)),
  THREADLINE_SEND_RATE: z.string().default(DEFAULT_SEND_RATE).transform(parsedBy(parseSendRates)),
  THREADLINE_HTTP_RATE_PER_HOST: z.string().default(DEFAULT_HTTP_RATE_PER_HOST).transform(parsedBy(parseHttpRatePerHost)),
  THREADLINE_MAX_CACHED_WORKFLOWS: z.coerce.number().int('write a whole number of journeys').min(1).optional(),
});

export interface WorkerConfig {
  temporalAddress: string;
  temporalNamespace: string;
  mongodbUri: string;
  logLevel: z.infer<typeof workerConfigSchema>['LOG_LEVEL'];
  compliance: ComplianceSettings;
  /** For `createActivities({ sendRates })`. */
  sendRates: SendRates;
  /** Also in the HTTP request settings the worker reads from the environment; here to fail fast. */
  httpRatePerHost: Rate | null;
  /** Unset: createJourneyWorker's DEFAULT_MAX_CACHED_WORKFLOWS. */
  maxCachedWorkflows: number | undefined;
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
    compliance: {
      quietHours: data.THREADLINE_QUIET_HOURS && { ...data.THREADLINE_QUIET_HOURS, channels: data.THREADLINE_QUIET_HOURS_CHANNELS },
      frequencyCap: data.THREADLINE_FREQUENCY_CAP,
    },
    sendRates: data.THREADLINE_SEND_RATE,
    httpRatePerHost: data.THREADLINE_HTTP_RATE_PER_HOST,
    maxCachedWorkflows: data.THREADLINE_MAX_CACHED_WORKFLOWS,
  };
}
