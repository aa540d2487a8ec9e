import { ensureChromium } from '@threadline/stack';
import type { TestProject } from 'vitest/node';
import { buildBuilderOnce } from './buildBuilderOnce';
import { startTestStack } from './startTestStack';

/** Starts the stack once for every integration and browser test file. */
export default async function setup(project: TestProject) {
  // The browser tests need Debian's chromium: installed here (as root) so `npm test` alone
  // sets up everything it needs, like the server binaries ensureTools installs below.
  await ensureChromium((line) => process.stderr.write(`[test-stack] ${line}\n`));
  const builderDist = await buildBuilderOnce();
  const stack = await startTestStack({ builderDist });
  project.provide('apiUrl', stack.apiUrl);
  project.provide('temporalAddress', stack.temporalAddress);
  project.provide('mongoUri', stack.mongoUri);
  return () => stack.stop();
}
