/** The workflow bundle's entry point: every workflow type the journey worker registers. */
export { journeyWorkflow } from './journey';
