import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Builds builder-ui/dist when it is missing or older than the builder's or flows' sources. */
export async function buildBuilderOnce(): Promise<string> {
  const dist = join(repoRoot, 'builder-ui', 'dist');
  const built = await newestMtime(dist);
  const sources = Math.max(
    await newestMtime(join(repoRoot, 'builder-ui', 'src')),
    await newestMtime(join(repoRoot, 'flows', 'src')),
    await newestMtime(join(repoRoot, 'builder-ui', 'index.html')),
  );
  if (built >= sources && built > 0) return dist;
  process.stderr.write('[test-stack] building builder-ui …\n');
  await new Promise<void>((done, fail) => {
    const child = spawn('npm', ['run', 'build', '-w', '@threadline/builder-ui'], { cwd: repoRoot, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`builder-ui build failed with exit code ${code}`))));
    child.on('error', fail);
  });
  return dist;
}

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path)) newest = Math.max(newest, await newestMtime(join(path, entry)));
  return newest;
}
