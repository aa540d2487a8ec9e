/** The workflow bundle's entry point: every workflow type the journey worker registers. */
export { journeyWorkflow } from './journey';
// TEMP-J: test-only polyfill, removed before hand-off
if (typeof globalThis.structuredClone !== 'function') {
  globalThis.structuredClone = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
}
