/**
 * Pure helpers the journey workflow runs: no zod, no Node built-ins, no clocks, so they are
 * safe (and cheap) inside Temporal's workflow sandbox.
 */
export { parseDuration } from './parseDuration';
export { resolvePath } from './resolvePath';
export { evaluateSplit, ELSE_OUTPUT } from './evaluateSplit';
export { outputsOf } from './outputsOf';
export { indexDefinition, nextNodeId, type DefinitionIndex } from './definitionIndex';
export { resolveSendChannel, type BestChannelHints } from './resolveSendChannel';
