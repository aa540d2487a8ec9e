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
 * - THREADLINE_QUIET_HOURS           local hours no message goes out (default 21:00-08:00; "off")
 * - THREADLINE_QUIET_HOURS_CHANNELS  the channels they hold for (default sms,whatsapp,webchat)
 * - THREADLINE_FREQUENCY_CAP         messages per contact per rolling window (default 3/24h; 0 for none)
 */
import { z } from 'zod';
import {
  DEFAULT_FREQUENCY_CAP,
  DEFAULT_QUIET_HOURS,
  DEFAULT_QUIET_HOURS_CHANNELS,
  parseFrequencyCap,
  parseMessageChannels,
  parseQuietWindow,
  type ComplianceSettings,
} from './activities/compliance/complianceSettings';

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
  THREADLINE_QUIET_HOURS_CHANNELS: z.string().default(DEFAULT_QUIET_HOURS_CHANNELS).transform(parsedBy(parseMessageChannels)),
  THREADLINE_FREQUENCY_CAP: z.string().default(DEFAULT_FREQUENCY_CAP).transform(parsedBy(parseFrequencyCap)),
});

export interface WorkerConfig {
  temporalAddress: string;
  temporalNamespace: string;
  mongodbUri: string;
  logLevel: z.infer<typeof workerConfigSchema>['LOG_LEVEL'];
  compliance: ComplianceSettings;
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
  };
}
