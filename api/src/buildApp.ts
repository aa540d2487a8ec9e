import type { Client } from '@temporalio/client';
import type { Store } from '@threadline/worker/store';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import './appDependencies';
import { DEFAULT_BUILDER_DIST } from './config';
import { installErrorHandler } from './errors/errorHandler';
import { journeyRouting, type JourneyRouting } from './inbound/journeyRouting';
import { TriggerIndex } from './inbound/triggerIndex';
import { apiRoutes } from './routes/api';
import { builderRoutes } from './routes/builder';
import { voiceWebhookRoutes, type VoiceWebhookOptions } from './routes/voice';

/** What the app itself needs to know; where to listen is main's business. */
export interface AppConfig {
  /** The built builder, served at `/`; default `<repo>/builder-ui/dist`. */
  builderDist?: string | undefined;
  /** How stale the published-trigger index may get before it reloads (default 5 s). */
  triggerIndexMaxAgeMs?: number | undefined;
  /**
   * The workflow type and task queue new journeys start as; default the contract's
   * JOURNEY_WORKFLOW_TYPE on JOURNEY_TASK_QUEUE. Lets the benchmark route journeys to a
   * hand-written baseline workflow; the product never sets it.
   */
  journeys?: Partial<JourneyRouting> | undefined;
  /** Twilio Voice webhooks: the auth token their signatures are checked with, and our public URL. */
  twilio?: VoiceWebhookOptions | undefined;
}

export interface AppDeps {
  config?: AppConfig;
  store: Store;
  temporal: Client;
  /** A pino logger; without one the app logs at `warn` to stdout. */
  logger?: FastifyBaseLogger;
}

/**
 * Builds the API, ready to `listen()` or to `inject()` in a test. Its dependencies come in as
 * arguments and are decorated onto the instance; the published flows' triggers are loaded
 * before this resolves, so the first webhook already finds them.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const config = deps.config ?? {};
  const app: FastifyInstance = deps.logger
    ? Fastify({ loggerInstance: deps.logger })
    : Fastify({ logger: { level: 'warn' } });

  const triggerIndex = new TriggerIndex(deps.store, {
    maxAgeMs: config.triggerIndexMaxAgeMs,
    logger: app.log,
  });
  app.decorate('store', deps.store);
  app.decorate('temporal', deps.temporal);
  app.decorate('triggerIndex', triggerIndex);
  app.decorate('journeyRouting', journeyRouting(config.journeys));

  installErrorHandler(app);
  await app.register(apiRoutes, { prefix: '/api' });
  await app.register(voiceWebhookRoutes, { ...config.twilio, prefix: '/webhooks/twilio/voice' });
  await app.register(builderRoutes, { builderDist: config.builderDist ?? DEFAULT_BUILDER_DIST });
  await triggerIndex.refresh();
  return app;
}

export type { ApiConfig } from './config';
export { loadConfig } from './config';
export type { DeliveryResult, InboundDelivery } from './inbound/deliverInboundEvent';
export type { JourneyRouting } from './inbound/journeyRouting';
