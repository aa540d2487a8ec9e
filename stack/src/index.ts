/**
 * The embedded stack as a library: tests (global setup), the benchmark and `npm start` use the
 * same functions to install the pinned binaries and run the real servers.
 */
export { ensureTools, ensureTemporalCli, ensureFerretDB, ensureTestServer, ensureChromium, defaultToolsDir, printToolsProgress, CHROMIUM_PATH } from './tools';
export type { ToolPaths, ToolsOptions } from './tools';
export { startTemporalDevServer, devServerArgs, parseDevServerFeatures } from './temporalDevServer';
export type { TemporalDevServer, TemporalDevServerOptions, SearchAttributeType, DevServerFeatures } from './temporalDevServer';
export { startFerretDB, ferretdbArgs } from './ferretdb';
export type { FerretDB, FerretDBOptions } from './ferretdb';
export { freePort, isPortFree, isPortClash, retryOnPortClash } from './freePort';
export { spawnSupervised, describeExit } from './supervisedProcess';
export type { SupervisedProcess, LogLine, ExitInfo } from './supervisedProcess';
export { prefixedLog } from './prefixedLog';
export { ensureBuilderBuilt, builderIsStale } from './builderBuild';
export { TEMPORAL_CLI_VERSION, FERRETDB_VERSION, TEMPORAL_TEST_SERVER_VERSION } from './toolVersions';
export { startThrowawayServers, type ThrowawayServers, type ThrowawayServersOptions } from './throwawayServers';
