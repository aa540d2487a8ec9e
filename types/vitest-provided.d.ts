/**
 * What test/support/globalSetup.ts provides to the integration tests of every workspace
 * (`inject('apiUrl')` and friends): the addresses of the one stack started for the run.
 */
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    temporalAddress: string;
    mongoUri: string;
  }
}
