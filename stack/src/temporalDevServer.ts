import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runCommand } from './runCommand';
import { spawnSupervised, type LogLine, type SupervisedProcess } from './supervisedProcess';
import { acceptsConnections, waitUntil } from './waitFor';

export type SearchAttributeType = 'Text' | 'Keyword' | 'Int' | 'Double' | 'Bool' | 'Datetime' | 'KeywordList';

export interface TemporalDevServerOptions {
  /** The temporal CLI (see ensureTools). */
  binary: string;
  /** Holds temporal.db; the same dir on the next start finds the same workflows. */
  dataDir: string;
  port: number;
  /** Ignored when headless. */
  uiPort?: number;
  headless?: boolean;
  searchAttributes?: Readonly<Record<string, SearchAttributeType>>;
  /** Extra dynamic config, e.g. { 'limit.maxIDLength': 1000 }; values are JSON-encoded. */
  dynamicConfig?: Readonly<Record<string, unknown>>;
  log?: LogLine;
  readyTimeoutMs?: number;
}

export interface TemporalDevServer {
  /** gRPC address for clients and workers, e.g. "127.0.0.1:7233". */
  address: string;
  namespace: 'default';
  /** Null when headless. */
  uiUrl: string | null;
  process: SupervisedProcess;
  stop(): Promise<void>;
}

/** Optional flags this CLI build lists in `server start-dev --help`. */
export interface DevServerFeatures {
  sqlitePragma: boolean;
  uiDisableNewsFetch: boolean;
}

const HOST = '127.0.0.1';

/** The `temporal server start-dev` argument list; pure, so it is unit-tested. */
export function devServerArgs(options: TemporalDevServerOptions, features: DevServerFeatures): string[] {
  const args = ['server', 'start-dev', '--db-filename', join(options.dataDir, 'temporal.db')];
  args.push('--ip', HOST, '--port', String(options.port));
  if (options.headless) {
    args.push('--headless');
  } else {
    if (options.uiPort !== undefined) args.push('--ui-port', String(options.uiPort));
    // The UI otherwise fetches a newsfeed from the internet on every page load.
    if (features.uiDisableNewsFetch) args.push('--ui-disable-news-fetch');
  }
  // WAL lets the server's readers and its single writer proceed together on the SQLite file.
  if (features.sqlitePragma) args.push('--sqlite-pragma', 'journal_mode=wal');
  for (const [name, type] of Object.entries(options.searchAttributes ?? {})) {
    args.push('--search-attribute', `${name}=${type}`);
  }
  for (const [key, value] of Object.entries(options.dynamicConfig ?? {})) {
    args.push('--dynamic-config-value', `${key}=${JSON.stringify(value)}`);
  }
  args.push('--log-level', 'warn');
  return args;
}

export function parseDevServerFeatures(helpText: string): DevServerFeatures {
  return {
    sqlitePragma: helpText.includes('--sqlite-pragma'),
    uiDisableNewsFetch: helpText.includes('--ui-disable-news-fetch'),
  };
}

const featureCache = new Map<string, Promise<DevServerFeatures>>();
function devServerFeatures(binary: string): Promise<DevServerFeatures> {
  let features = featureCache.get(binary);
  if (!features) {
    features = runCommand(binary, ['server', 'start-dev', '--help']).then(({ stdout, stderr }) =>
      parseDevServerFeatures(stdout + stderr),
    );
    featureCache.set(binary, features);
  }
  return features;
}

/** Ready means the frontend answers a real RPC for the default namespace, not just that a port is open. */
async function answersForDefaultNamespace(binary: string, address: string): Promise<boolean> {
  try {
    await runCommand(binary, ['operator', 'namespace', 'describe', '--namespace', 'default', '--address', address]);
    return true;
  } catch {
    return false;
  }
}

/** Starts `temporal server start-dev` with its state in `dataDir` and waits until it serves. */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<TemporalDevServer> {
  await mkdir(options.dataDir, { recursive: true });
  const features = await devServerFeatures(options.binary);
  const address = `${HOST}:${options.port}`;
  const child = spawnSupervised({
    name: 'temporal',
    command: options.binary,
    args: devServerArgs(options, features),
    ...(options.log ? { log: options.log } : {}),
  });
  const stop = async (): Promise<void> => {
    await child.stop();
  };
  try {
    const timeoutMs = options.readyTimeoutMs ?? 60_000;
    await waitUntil(() => acceptsConnections(HOST, options.port), { what: `Temporal on ${address}`, timeoutMs, process: child });
    await waitUntil(() => answersForDefaultNamespace(options.binary, address), {
      what: `Temporal on ${address} to serve the default namespace`,
      timeoutMs,
      intervalMs: 200,
      process: child,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  const uiUrl = options.headless ? null : `http://localhost:${options.uiPort ?? options.port + 1000}`;
  return { address, namespace: 'default', uiUrl, process: child, stop };
}
