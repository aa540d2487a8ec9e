import { GO_HINT } from './goToolchain';
import { runCommand } from './runCommand';
import type { LogLine } from './supervisedProcess';

/**
 * Reads `Dir` from `go mod download -json` output. The stack workspace stays dependency-free
 * (it must run right after `npm ci` on a fresh clone, before anything else), so this one
 * edge is checked by hand instead of with zod.
 */
export function parseModuleDir(json: string): string {
  const value: unknown = JSON.parse(json);
  if (typeof value === 'object' && value !== null) {
    if ('Error' in value && typeof value.Error === 'string') throw new Error(`go mod download: ${value.Error}`);
    if ('Dir' in value && typeof value.Dir === 'string' && value.Dir !== '') return value.Dir;
  }
  throw new Error(`go mod download printed no module directory: ${json.slice(0, 200)}`);
}

/** Downloads a module version into the Go module cache and returns its source directory. */
export async function goModDownloadDir(moduleAtVersion: string, log: LogLine): Promise<string> {
  log(`go mod download ${moduleAtVersion}`);
  const { stdout } = await runCommand('go', ['mod', 'download', '-json', moduleAtVersion], {
    // Run outside any module so that no go.mod around the clone can interfere.
    cwd: '/',
    env: { ...process.env, GO111MODULE: 'on' },
    missingHint: `${GO_HINT}.`,
  });
  return parseModuleDir(stdout);
}
