/**
 * `npm start`: the whole product on one machine. Installs the server binaries once, starts the
 * Temporal dev server and FerretDB with their data under THREADLINE_DATA_DIR (default
 * <repo>/.data, so a second start finds the first's journeys), builds the builder if needed,
 * then runs the worker and the API as child processes until Ctrl-C.
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JOURNEY_TASK_QUEUE, journeySearchAttributes } from '@threadline/worker/contract';
import { workerProcessEnv } from '@threadline/worker/process-env';
import { ensureBuilderBuilt } from './builderBuild';
import { startFerretDB } from './ferretdb';
import { isPortFree } from './freePort';
import { prefixedLog } from './prefixedLog';
import { describeExit, spawnSupervised, type SupervisedProcess } from './supervisedProcess';
import { startTemporalDevServer } from './temporalDevServer';
import { ensureFerretDB, ensureTemporalCli } from './tools';
import { sleep } from './waitFor';
import { waitForHealth } from './waitForHealth';
import { waitForWorkerPolling } from './waitForWorker';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = process.env.THREADLINE_DATA_DIR || join(repoRoot, '.data');
const TEMPORAL_PORT = 7233;
const TEMPORAL_UI_PORT = 8233;
const FERRETDB_PORT = 27017;
const apiPort = Number(process.env.PORT || 3000);
const say = prefixedLog('start');

interface Stoppable {
  name: string;
  stop(): Promise<void>;
}
/** Stopped in reverse order of start: the app before the servers it talks to. */
const running: Stoppable[] = [];
let shuttingDown = false;

async function stopAll(): Promise<void> {
  for (const item of [...running].reverse()) {
    try {
      await item.stop();
    } catch (error) {
      say(`stopping ${item.name} failed: ${(error as Error).message}`);
    }
  }
  running.length = 0;
}

async function shutdown(reason: string, exitCode: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    say(`${reason}; stopping everything`);
    await stopAll();
    say('stopped');
  }
  process.exit(exitCode);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (shuttingDown) return; // a second Ctrl-C while stopping; the stops are already bounded
    void shutdown(`received ${signal}`, 0);
  });
}

async function requireFreePorts(ports: Array<[number, string]>): Promise<void> {
  for (const [port, what] of ports) {
    if (!(await isPortFree(port))) {
      throw new Error(
        `Port ${port} (${what}) is already in use. Is another \`npm start\` running? Stop it, or free the port.`,
      );
    }
  }
}

async function requireFile(path: string, owner: string): Promise<void> {
  try {
    await access(path);
  } catch {
    throw new Error(`${path} is missing (${owner}); nothing to start.`);
  }
}

/** A child whose death while we are not shutting down takes the whole stack down with it. */
function watchForUnexpectedExit(child: SupervisedProcess): void {
  void child.exited.then(async (info) => {
    // On Ctrl-C the terminal signals every process in our group at once, so a child may die
    // a moment before our own SIGINT handler runs; give that handler the chance to claim it.
    await sleep(300);
    if (shuttingDown) return;
    await shutdown(`${child.name} ${describeExit(info)}`, 1);
  });
}

async function main(): Promise<void> {
  const externalMongo = process.env.MONGODB_URI;
  say(`data dir: ${dataDir}`);
  await requireFile(join(repoRoot, 'worker', 'src', 'main.ts'), 'the worker');
  await requireFile(join(repoRoot, 'api', 'src', 'main.ts'), 'the API');
  await requireFreePorts([
    [TEMPORAL_PORT, 'Temporal gRPC'],
    [TEMPORAL_UI_PORT, 'Temporal Web UI'],
    [apiPort, 'API'],
    ...(externalMongo ? [] : ([[FERRETDB_PORT, 'FerretDB']] as Array<[number, string]>)),
  ]);

  const temporalCli = await ensureTemporalCli();
  const ferretdbBinary = externalMongo === undefined ? await ensureFerretDB() : undefined;
  say('starting Temporal dev server' + (externalMongo ? '' : ' and FerretDB') + ', building the builder if needed');

  const temporalStarting = startTemporalDevServer({
    binary: temporalCli,
    dataDir: join(dataDir, 'temporal'),
    port: TEMPORAL_PORT,
    uiPort: TEMPORAL_UI_PORT,
    searchAttributes: journeySearchAttributes,
    log: prefixedLog('temporal'),
  }).then((server) => {
    running.push({ name: 'temporal', stop: server.stop });
    watchForUnexpectedExit(server.process);
    return server;
  });
  const mongoStarting: Promise<string> =
    externalMongo !== undefined || ferretdbBinary === undefined
      ? Promise.resolve(externalMongo ?? '')
      : startFerretDB({
          binary: ferretdbBinary,
          dataDir: join(dataDir, 'ferretdb'),
          port: FERRETDB_PORT,
          log: prefixedLog('ferretdb'),
        }).then((db) => {
          running.push({ name: 'ferretdb', stop: db.stop });
          watchForUnexpectedExit(db.process);
          return db.uri;
        });
  const builderBuilding = ensureBuilderBuilt(repoRoot, prefixedLog('builder'));

  const [temporal, mongoUri, builderDist] = await Promise.all([temporalStarting, mongoStarting, builderBuilding]);
  say(`Temporal on ${temporal.address}; MongoDB at ${mongoUri}${externalMongo ? ' (MONGODB_URI)' : ' (FerretDB)'}`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: temporal.namespace,
    MONGODB_URI: mongoUri,
    PORT: String(apiPort),
    BUILDER_DIST: builderDist,
  };
  const spawnService = (name: 'worker' | 'api'): SupervisedProcess => {
    const child = spawnSupervised({
      name,
      command: process.execPath,
      // `node --import tsx` rather than the tsx CLI: one process per service, so signals and
      // exit codes are the service's own.
      args: ['--import', 'tsx', join(name, 'src', 'main.ts')],
      cwd: repoRoot,
      env: name === 'worker' ? workerProcessEnv(env) : env,
      log: prefixedLog(name),
    });
    running.push({ name, stop: async () => void (await child.stop()) });
    watchForUnexpectedExit(child);
    return child;
  };
  const worker = spawnService('worker');
  const api = spawnService('api');

  const healthUrl = `http://127.0.0.1:${apiPort}/api/health`;
  await Promise.all([
    waitForHealth(healthUrl, [worker, api], 120_000),
    waitForWorkerPolling({
      temporalCli,
      address: temporal.address,
      namespace: temporal.namespace,
      taskQueue: JOURNEY_TASK_QUEUE,
      worker,
      timeoutMs: 120_000,
    }),
  ]);
  say('');
  say('Threadline is up:');
  say(`  builder      http://localhost:${apiPort}`);
  say(`  API health   http://localhost:${apiPort}/api/health`);
  say(`  Temporal UI  ${temporal.uiUrl ?? '(headless)'}`);
  say(`  Temporal     ${temporal.address} (namespace ${temporal.namespace})`);
  say(`  MongoDB      ${mongoUri}`);
  say('Press Ctrl-C to stop.');
}

main().catch(async (error: unknown) => {
  if (shuttingDown) return;
  say(`failed: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown('start failed', 1);
});
