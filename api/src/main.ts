/**
 * Runs the API: connects the store and Temporal from the environment (see config.ts), builds
 * the app and listens. SIGINT/SIGTERM close the server first (in-flight requests finish), then
 * the connections.
 */
import { Client, Connection } from '@temporalio/client';
import { connectStore } from '@threadline/worker/store';
import pino from 'pino';
import { buildApp } from './buildApp';
import { loadConfig } from './config';

const config = loadConfig();
const logger = pino({ level: config.logLevel, base: { service: 'api' } });

const store = await connectStore(config.mongodbUri);
const connection = await Connection.connect({ address: config.temporalAddress });
const temporal = new Client({ connection, namespace: config.temporalNamespace });
const app = await buildApp({ config: { builderDist: config.builderDist, twilio: config.twilio }, store, temporal, logger });

let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  try {
    await app.close();
    await Promise.all([connection.close(), store.connection.close()]);
    process.exit(0);
  } catch (error) {
    logger.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
}
process.once('SIGINT', (signal) => void shutdown(signal));
process.once('SIGTERM', (signal) => void shutdown(signal));

await app.listen({ port: config.port, host: config.host });
logger.info({ builderDist: config.builderDist }, `API listening on http://${config.host}:${config.port}`);
