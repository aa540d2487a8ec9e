/**
 * Pure helpers the journey workflow runs: no zod, no Node built-ins, no clocks, so they are
 * safe (and cheap) inside Temporal's workflow sandbox.
 */
export { parseDuration } from './parseDuration';
export { resolvePath } from './resolvePath';
export { evaluateSplit, ELSE_OUTPUT, type RenderTemplate, type SplitDecision } from './evaluateSplit';
export { fallbackOutputOf, outputsOf } from './outputsOf';
export { indexDefinition, nextNodeId, type DefinitionIndex } from './definitionIndex';
export { asMessageChannel, resolveSendChannel, type BestChannelHints } from './resolveSendChannel';
// The one render function, here too so the workflow bundle can import it without the catalog.
export { renderTemplate } from '../templates/renderTemplate';
// Journeys started before a format change carry the older definition in their input.
export { migrateDefinition, type MigrationResult } from '../schema/migrations/migrateDefinition';
export { classifyIntent, UNKNOWN_INTENT_OUTPUT, type IntentMatch } from './classifyIntent';
export { pickBranch } from './pickBranch';
export { scheduleAt, type ScheduleState } from './scheduleAt';
export { checkAnswer, type AnswerCheck } from './checkAnswer';
export { normalizeSpokenInput } from './normalizeSpokenInput';
export { assignedValue } from './assignedValue';
