import { runCommand } from './runCommand';
import { isExecutable } from './installOnce';
import type { LogLine } from './supervisedProcess';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const INSTALL_COMMAND = 'apt-get update && apt-get install -y chromium';

/**
 * Debian's Chromium for the browser tests (playwright-core drives it; Playwright's own browser
 * download is not reachable here). Installed with apt when we are root, otherwise we say how.
 */
export async function ensureChromium(log: LogLine): Promise<string> {
  if (await isExecutable(CHROMIUM_PATH)) return CHROMIUM_PATH;
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium is missing at ${CHROMIUM_PATH}. Install it with: sudo sh -c '${INSTALL_COMMAND}'`);
  }
  const started = Date.now();
  log(`Chromium: installing Debian's chromium with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await runCommand('apt-get', ['update'], { env, log, missingHint: `This is not a Debian-like system; install Chromium at ${CHROMIUM_PATH}.` });
  await runCommand('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env, log });
  if (!(await isExecutable(CHROMIUM_PATH))) throw new Error(`apt-get installed chromium but ${CHROMIUM_PATH} is still missing`);
  log(`Chromium: installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return CHROMIUM_PATH;
}
