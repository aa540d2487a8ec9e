#!/usr/bin/env node
// `npm start`: npm dependencies if needed, then the embedded stack (stack/src/start.ts).
import { ensureNpmDependencies, runTypeScript } from './npmDependencies.mjs';

ensureNpmDependencies();
runTypeScript('stack/src/start.ts', process.argv.slice(2));
