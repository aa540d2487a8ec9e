#!/usr/bin/env node
// `npm test [-- vitest args]`: npm dependencies if needed, then `vitest run`. The test suite's
// global setup installs the server binaries itself (stack's ensureTools), with visible progress.
import { ensureNpmDependencies, runBin } from './npmDependencies.mjs';

ensureNpmDependencies();
runBin('vitest', ['run', ...process.argv.slice(2)]);
