#!/usr/bin/env node
// `npm run bench`: npm dependencies if needed, then the benchmarks in test/bench.
import { ensureNpmDependencies, runTypeScript } from './npmDependencies.mjs';

ensureNpmDependencies();
runTypeScript('test/bench/run.ts', process.argv.slice(2));
