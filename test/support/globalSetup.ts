import type { TestProject } from 'vitest/node';
import { buildBuilderOnce } from './buildBuilderOnce';
import { startTestStack } from './startTestStack';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    temporalAddress: string;
    mongoUri: string;
  }
}

/** Starts the stack once for every integration and browser test file. */
export default async function setup(project: TestProject) {
  const builderDist = await buildBuilderOnce();
  const stack = await startTestStack({ builderDist });
  project.provide('apiUrl', stack.apiUrl);
  project.provide('temporalAddress', stack.temporalAddress);
  project.provide('mongoUri', stack.mongoUri);
  return () => stack.stop();
}
