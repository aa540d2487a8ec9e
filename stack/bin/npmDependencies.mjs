// Plain JavaScript with no dependencies: this runs on a fresh clone, before `npm ci`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Why node_modules needs (re)installing, or undefined when it matches package-lock.json.
 * Compares contents with npm's own record of what it installed (node_modules/.package-lock.json)
 * rather than mtimes, so touching the lockfile does not trigger a reinstall under other users of
 * the tree. Optional packages are skipped: those for other platforms are never installed.
 */
export function whyInstall(root = repoRoot) {
  const installedPath = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(join(root, 'node_modules'))) return 'node_modules is missing';
  if (!existsSync(installedPath)) return 'node_modules was not installed by npm ci/install';
  const wanted = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')).packages ?? {};
  const installed = JSON.parse(readFileSync(installedPath, 'utf8')).packages ?? {};
  for (const [path, entry] of Object.entries(wanted)) {
    if (!path.startsWith('node_modules/') && !path.includes('/node_modules/')) continue;
    if (entry.optional) continue;
    const have = installed[path];
    if (!have) return `${path} is not installed`;
    if (have.version !== entry.version) return `${path} is ${have.version}, package-lock.json wants ${entry.version}`;
  }
  return undefined;
}

/** Runs `npm ci` with its output visible when node_modules is missing or stale. */
export function ensureNpmDependencies(root = repoRoot) {
  const reason = whyInstall(root);
  if (reason === undefined) return;
  console.log(`[setup] installing npm dependencies with \`npm ci\` (${reason})`);
  const started = Date.now();
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.error) {
    console.error(`[setup] could not run npm: ${result.error.message}. Install Node.js 20.19+ with npm.`);
    process.exit(1);
  }
  if (result.status !== 0) {
    console.error(`[setup] \`npm ci\` failed (exit ${result.status}); fix the error above and run the command again.`);
    process.exit(result.status ?? 1);
  }
  console.log(`[setup] npm dependencies installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Runs a TypeScript entry point with tsx, forwarding SIGINT/SIGTERM, and exits with its code.
 * `node --import tsx` keeps it one process, so the signal reaches the program itself.
 */
export function runTypeScript(entry, args = [], root = repoRoot) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 1));
  });
}

/** Runs a binary from node_modules/.bin, forwarding signals and the exit code. */
export function runBin(name, args = [], root = repoRoot) {
  const child = spawn(join(root, 'node_modules', '.bin', name), args, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    console.error(`[setup] could not run ${name}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 1));
  });
}
