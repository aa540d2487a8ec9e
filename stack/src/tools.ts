import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureFerretDB as ensureFerretDBIn } from './ferretdbBinary';
import type { LogLine } from './supervisedProcess';
import { ensureTemporalCli as ensureTemporalCliIn } from './temporalCli';
import { ensureTestServer as ensureTestServerIn } from './testServer';

export { ensureChromium, CHROMIUM_PATH } from './chromium';

export interface ToolsOptions {
  /** Where binaries are installed once and reused; default THREADLINE_TOOLS_DIR or ~/.cache/threadline. */
  toolsDir?: string;
  /** Progress lines; default stderr with a "[tools]" prefix. */
  log?: LogLine;
}

export interface ToolPaths {
  temporal: string;
  ferretdb: string;
}

export const printToolsProgress: LogLine = (line) => {
  process.stderr.write(`[tools] ${line}\n`);
};

/** Outside any clone, so later runs, other clones and CI on the same machine share it. */
export function defaultToolsDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.THREADLINE_TOOLS_DIR;
  return fromEnv !== undefined && fromEnv !== '' ? resolve(fromEnv) : join(homedir(), '.cache', 'threadline');
}

/** The Temporal CLI and FerretDB, from the user's env/PATH or installed once into the tools dir. */
export async function ensureTools(options: ToolsOptions = {}): Promise<ToolPaths> {
  const toolsDir = options.toolsDir ?? defaultToolsDir();
  const log = options.log ?? printToolsProgress;
  // One after the other: both installs are CPU-heavy and the machine may have two cores.
  const temporal = await ensureTemporalCliIn(toolsDir, log);
  const ferretdb = await ensureFerretDBIn(toolsDir, log);
  return { temporal, ferretdb };
}

/** Only the Temporal CLI, e.g. when MONGODB_URI names a real MongoDB and FerretDB is not needed. */
export function ensureTemporalCli(options: ToolsOptions = {}): Promise<string> {
  return ensureTemporalCliIn(options.toolsDir ?? defaultToolsDir(), options.log ?? printToolsProgress);
}

/** Only FerretDB. */
export function ensureFerretDB(options: ToolsOptions = {}): Promise<string> {
  return ensureFerretDBIn(options.toolsDir ?? defaultToolsDir(), options.log ?? printToolsProgress);
}

/** Path of the native time-skipping test server, installed once into the tools dir. */
export function ensureTestServer(options: ToolsOptions = {}): Promise<string> {
  return ensureTestServerIn(options.toolsDir ?? defaultToolsDir(), options.log ?? printToolsProgress);
}
