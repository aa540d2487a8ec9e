#!/usr/bin/env node
// `npm run bench`: npm dependencies if needed, then the benchmarks in test/bench: the flow
// compile bench (seconds, no servers), speed to lead (minutes, on the embedded stack) and the
// journey engine (interpreter against a hand-written workflow, then 10,000 journeys waiting on
// timers: half an hour on two cores). `npm run bench -- flows|lead|engine [args]` runs one;
// without a name, other arguments go to the lead bench.
import { spawn } from 'node:child_process';
import { ensureNpmDependencies, repoRoot } from './npmDependencies.mjs';

const BENCHES = {
  flows: { entry: 'test/bench/flows/compileBench.ts', what: 'flow compile and validation' },
  lead: { entry: 'test/bench/run.ts', what: 'speed to lead' },
  engine: { entry: 'test/bench/engine/runEngine.ts', what: 'journey engine: interpreter against a hand-written workflow, 10,000 waiting timers' },
};

const [first, ...rest] = process.argv.slice(2);
const named = first !== undefined && Object.hasOwn(BENCHES, first);
if (first !== undefined && !named && !first.startsWith('-')) {
  console.error(`[bench] no bench called "${first}"; run \`npm run bench\` for all, or one of: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
const plan = named
  ? [{ ...BENCHES[first], args: rest }]
  : [
      { ...BENCHES.flows, args: [] },
      { ...BENCHES.lead, args: process.argv.slice(2) },
      { ...BENCHES.engine, args: [] },
    ];

ensureNpmDependencies();
for (const step of plan) {
  if (plan.length > 1) console.log(`[bench] ${step.what}: ${step.entry}`);
  const code = await runTypeScript(step.entry, step.args);
  if (code !== 0) process.exit(code);
}

/**
 * Runs a TypeScript entry point with tsx in one process (so a signal reaches the program itself),
 * forwarding SIGINT/SIGTERM, and resolves with its exit code so the next bench can follow.
 */
function runTypeScript(entry, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: repoRoot, stdio: 'inherit' });
    const forward = (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 1));
    });
  });
}
