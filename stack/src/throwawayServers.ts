import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFerretDB } from './ferretdb';
import { freePort, retryOnPortClash } from './freePort';
import type { LogLine } from './supervisedProcess';
import { startTemporalDevServer, type SearchAttributeType } from './temporalDevServer';
import { ensureTools } from './tools';

export interface ThrowawayServersOptions {
  /** Custom search attributes to register, e.g. the journey contract's. */
  searchAttributes: Readonly<Record<string, SearchAttributeType>>;
  /** The MongoDB database name in the URI (default `threadline`). */
  database?: string;
  /** Serve the Temporal Web UI too. */
  withTemporalUi?: boolean;
  /** Dynamic config for the Temporal server, e.g. a low `limit.historyCount.suggestContinueAsNew`. */
  dynamicConfig?: Readonly<Record<string, unknown>>;
  log: LogLine;
}

export interface ThrowawayServers {
  temporalAddress: string;
  temporalUiUrl: string | null;
  mongoUri: string;
  /** The temporary directory holding both servers' data; removed by `stop`. */
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * The real Temporal dev server and FerretDB on free ports with a throwaway data dir, for a
 * test suite or a benchmark: the same binaries and launchers as `npm start`.
 */
export async function startThrowawayServers(options: ThrowawayServersOptions): Promise<ThrowawayServers> {
  const { log } = options;
  const dataDir = await mkdtemp(join(tmpdir(), 'threadline-servers-'));
  const removeDataDir = () => rm(dataDir, { recursive: true, force: true });
  try {
    const tools = await ensureTools({ log });
    const [temporal, ferret] = await Promise.allSettled([
      retryOnPortClash(async () =>
        startTemporalDevServer({
          binary: tools.temporal,
          dataDir: join(dataDir, 'temporal'),
          port: await freePort(),
          uiPort: await freePort(),
          headless: !options.withTemporalUi,
          searchAttributes: options.searchAttributes,
          ...(options.dynamicConfig === undefined ? {} : { dynamicConfig: options.dynamicConfig }),
          log,
        }),
      ),
      retryOnPortClash(async () =>
        startFerretDB({
          binary: tools.ferretdb,
          dataDir: join(dataDir, 'ferretdb'),
          port: await freePort(),
          ...(options.database === undefined ? {} : { database: options.database }),
          log,
        }),
      ),
    ]);
    if (temporal.status === 'rejected') {
      if (ferret.status === 'fulfilled') await ferret.value.stop();
      throw temporal.reason;
    }
    if (ferret.status === 'rejected') {
      await temporal.value.stop();
      throw ferret.reason;
    }
    return {
      temporalAddress: temporal.value.address,
      temporalUiUrl: temporal.value.uiUrl,
      mongoUri: ferret.value.uri,
      dataDir,
      async stop() {
        await Promise.all([temporal.value.stop(), ferret.value.stop()]);
        await removeDataDir();
      },
    };
  } catch (error) {
    await removeDataDir();
    throw error;
  }
}
