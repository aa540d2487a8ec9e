/**
 * The API's configuration, read once from the environment and checked with zod. Every variable
 * the API reads is declared (and documented) here and nowhere else.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** `<repo>/builder-ui/dist`, where `npm run build:ui` puts the builder. */
export const DEFAULT_BUILDER_DIST = fileURLToPath(new URL('../../builder-ui/dist', import.meta.url));

const portSchema = z.coerce.number().int().min(0).max(65_535);

const envSchema = z.object({
  /** Port the API listens on. */
  PORT: portSchema.default(3000),
  /** Interface the API listens on; 0.0.0.0 so containers and other machines can reach it. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Temporal frontend gRPC address (host:port). */
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  /** Temporal namespace the journeys run in. */
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  /** MongoDB (or FerretDB) connection string, including the database name. */
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'expected a mongodb:// or mongodb+srv:// URI').default('mongodb://127.0.0.1:27017/threadline'),
  /** Directory of the built builder, served at `/`. */
  BUILDER_DIST: z.string().min(1).default(DEFAULT_BUILDER_DIST),
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * The Twilio account's auth token: voice webhooks must then carry a valid `X-Twilio-Signature`
   * (403 otherwise). Unset: not checked, as for the sandbox on one machine.
   */
  THREADLINE_TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
  /** The URL Twilio reaches this API by (`https://voice.example.com`), when a proxy hides it: signatures are over it. */
  THREADLINE_PUBLIC_URL: z.url({ message: 'expected an absolute URL such as https://voice.example.com' }).optional(),
});

export interface ApiConfig {
  port: number;
  host: string;
  temporalAddress: string;
  temporalNamespace: string;
  mongodbUri: string;
  builderDist: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  twilio: { twilioAuthToken?: string | undefined; publicUrl?: string | undefined };
}

/** The names of the variables, for the README's table and for error messages. */
export const CONFIG_VARIABLES = Object.keys(envSchema.shape);

/** Reads the configuration; throws one message listing every variable that is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  // An empty variable (`PORT=`) means "not set", as in most shells' intent.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration in the environment:\n${problems.join('\n')}`);
  }
  const parsed = result.data;
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    temporalAddress: parsed.TEMPORAL_ADDRESS,
    temporalNamespace: parsed.TEMPORAL_NAMESPACE,
    mongodbUri: parsed.MONGODB_URI,
    builderDist: parsed.BUILDER_DIST,
    logLevel: parsed.LOG_LEVEL,
    twilio: {
      ...(parsed.THREADLINE_TWILIO_AUTH_TOKEN === undefined ? {} : { twilioAuthToken: parsed.THREADLINE_TWILIO_AUTH_TOKEN }),
      ...(parsed.THREADLINE_PUBLIC_URL === undefined ? {} : { publicUrl: parsed.THREADLINE_PUBLIC_URL }),
    },
  };
}
