/** `npm start -w @threadline/worker`: runs the journey worker until SIGINT or SIGTERM. */
import { NativeConnection, Runtime } from '@temporalio/worker';
import pino from 'pino';
import { readWorkerConfig } from './config';
import { createJourneyWorker } from './createJourneyWorker';
import { JOURNEY_TASK_QUEUE } from './journeys/contract';
import { connectStore } from './store';
import { pinoTemporalLogger } from './temporalLogger';

const config = readWorkerConfig();
const logger = pino({ name: 'worker', level: config.logLevel });
// Once per process, before any connection: the SDK's runtime is global.
Runtime.install({ logger: pinoTemporalLogger(logger) });

const store = await connectStore(config.mongodbUri);
const connection = await NativeConnection.connect({ address: config.temporalAddress });
const worker = await createJourneyWorker({
  connection,
  namespace: config.temporalNamespace,
  taskQueue: JOURNEY_TASK_QUEUE,
  store,
  logger,
  compliance: config.compliance,
  sendRates: config.sendRates,
  ...(config.maxCachedWorkflows === undefined ? {} : { maxCachedWorkflows: config.maxCachedWorkflows }),
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down: finishing the tasks in hand');
    worker.shutdown();
  });
}

try {
  const running = worker.run();
  logger.info({ taskQueue: JOURNEY_TASK_QUEUE, namespace: config.temporalNamespace, temporal: config.temporalAddress }, 'worker ready');
  await running;
} finally {
  await connection.close();
  await store.connection.close();
  logger.info('worker stopped');
}
