/**
 * `npx tsx stack/src/ensureAll.ts`: installs every pinned tool the tests need (Temporal CLI,
 * FerretDB, the time-skipping test server, Chromium) ahead of the test run, printing where each
 * comes from and how long it took. CI runs it to warm the tools dir; the tests would otherwise
 * do the same from their global setup.
 */
import { ensureChromium, ensureFerretDB, ensureTemporalCli, ensureTestServer, printToolsProgress } from './tools';

async function timed(label: string, install: () => Promise<string>): Promise<void> {
  const started = Date.now();
  const path = await install();
  printToolsProgress(`${label}: ${path} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

try {
  await timed('Temporal CLI', () => ensureTemporalCli());
  await timed('FerretDB', () => ensureFerretDB());
  await timed('Temporal test server', () => ensureTestServer());
  await timed('Chromium', () => ensureChromium(printToolsProgress));
} catch (error) {
  printToolsProgress(`failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
