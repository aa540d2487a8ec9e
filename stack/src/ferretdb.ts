import { mkdir } from 'node:fs/promises';
import { spawnSupervised, type LogLine, type SupervisedProcess } from './supervisedProcess';
import { acceptsConnections, waitUntil } from './waitFor';

export interface FerretDBOptions {
  /** The ferretdb binary (see ensureTools). */
  binary: string;
  /** One SQLite file per MongoDB database, plus FerretDB's state.json. */
  dataDir: string;
  port: number;
  /** Database name in the returned URI. */
  database?: string;
  log?: LogLine;
  /**
   * Default 'error': at 'warn' FerretDB dumps every error reply it sends (an index or collection
   * that already exists, a duplicate key the app expects) and every probe connection we close.
   */
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  readyTimeoutMs?: number;
}

export interface FerretDB {
  /** e.g. "mongodb://127.0.0.1:27017/threadline" */
  uri: string;
  process: SupervisedProcess;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

export function ferretdbArgs(options: FerretDBOptions): string[] {
  return [
    '--handler=sqlite',
    // A directory URI: the trailing slash matters, FerretDB keeps one .sqlite file per database in it.
    `--sqlite-url=file:${options.dataDir.endsWith('/') ? options.dataDir : `${options.dataDir}/`}`,
    `--listen-addr=${HOST}:${options.port}`,
    `--state-dir=${options.dataDir}`,
    // Otherwise it calls a telemetry beacon on the internet.
    '--telemetry=disable',
    // The debug/metrics listener defaults to 127.0.0.1:8088, so two instances would collide.
    '--debug-addr=-',
    `--log-level=${options.logLevel ?? 'error'}`,
  ];
}

/**
 * Starts FerretDB on SQLite and waits until it accepts connections. The SQLite backend opens
 * database files lazily on first use, so once the listener accepts, it serves; a TCP accept
 * is enough and keeps a MongoDB driver out of this workspace.
 */
export async function startFerretDB(options: FerretDBOptions): Promise<FerretDB> {
  await mkdir(options.dataDir, { recursive: true });
  const child = spawnSupervised({
    name: 'ferretdb',
    command: options.binary,
    args: ferretdbArgs(options),
    ...(options.log ? { log: options.log } : {}),
  });
  const stop = async (): Promise<void> => {
    await child.stop();
  };
  try {
    await waitUntil(() => acceptsConnections(HOST, options.port), {
      what: `FerretDB on ${HOST}:${options.port}`,
      timeoutMs: options.readyTimeoutMs ?? 30_000,
      process: child,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { uri: `mongodb://${HOST}:${options.port}/${options.database ?? 'threadline'}`, process: child, stop };
}
