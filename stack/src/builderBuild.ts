import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { runCommand } from './runCommand';
import type { LogLine } from './supervisedProcess';

async function newestMtime(path: string): Promise<number> {
  let info;
  try {
    info = await stat(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, await newestMtime(join(path, entry)));
  }
  return newest;
}

/** The builder's sources, including the flow language it bundles. */
function builderInputs(repoRoot: string): string[] {
  const ui = join(repoRoot, 'builder-ui');
  return [
    join(ui, 'src'),
    join(ui, 'index.html'),
    join(ui, 'vite.config.ts'),
    join(ui, 'package.json'),
    join(repoRoot, 'flows', 'src'),
    join(repoRoot, 'flows', 'library'),
  ];
}

export async function builderIsStale(repoRoot: string): Promise<boolean> {
  const built = await newestMtime(join(repoRoot, 'builder-ui', 'dist', 'index.html'));
  if (built === 0) return true;
  for (const input of builderInputs(repoRoot)) {
    if ((await newestMtime(input)) > built) return true;
  }
  return false;
}

/** Builds builder-ui/dist when it is missing or older than its sources; returns the dist dir. */
export async function ensureBuilderBuilt(repoRoot: string, log: LogLine): Promise<string> {
  const dist = join(repoRoot, 'builder-ui', 'dist');
  if (!(await builderIsStale(repoRoot))) return dist;
  const started = Date.now();
  log('building the builder (npm run build -w @threadline/builder-ui)');
  await runCommand('npm', ['run', 'build', '-w', '@threadline/builder-ui'], { cwd: repoRoot, log });
  log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return dist;
}
