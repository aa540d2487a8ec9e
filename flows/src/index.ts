/**
 * The flow language: node catalog, definition schema, compiler and validation.
 * Pure code (no I/O, no clocks, no Node built-ins): it runs in the browser, the API and the CLI.
 * The workflow bundle imports `@threadline/flows/runtime` and `/types` instead, which carry no zod.
 */
export type * from './types';
export { CURRENT_SCHEMA_VERSION, MESSAGE_CHANNELS } from './types';
export { assertNever } from './assertNever';

export {
  catalogEntryOf,
  defaultConfigOf,
  flowNodeSchema,
  isNodeType,
  nodeCatalog,
  nodeTypes,
  NODE_GROUPS,
  type CallState,
  type NodeResult,
  type FieldKind,
  type FieldOption,
  type NodeCatalog,
  type NodeCatalogEntry,
  type NodeField,
  type NodeGroup,
} from './catalog';
export { ELSE_OUTPUT } from './runtime/evaluateSplit';

export { flowDefinitionSchema, flowEdgeSchema } from './schema/flowDefinitionSchema';
export { FLOW_ID_PATTERN, NODE_ID_PATTERN, flowIdSchema, nodeIdSchema } from './schema/identifiers';
export { EVENT_NAME_PATTERN, eventNameSchema } from './catalog/schemaParts/eventNameSchema';
export { canonicalTimeZone, timeZoneSchema } from './catalog/schemaParts/timeZoneSchema';
export { parseFlowDefinition, parseFlowDraft, type ParseFlowDefinitionResult } from './schema/parseFlowDefinition';
export { FLOW_DEFINITION_SCHEMA_FILE, flowDefinitionJsonSchema } from './schema/flowDefinitionJsonSchema';
export { flowFrequencyCapSchema, flowInterfaceSchema, flowSettingsSchema } from './schema/flowInterfaceSchema';
export { migrateDefinition, type MigrationResult } from './schema/migrations/migrateDefinition';

export { canvasToDefinition, type FlowMeta } from './compiler/canvasToDefinition';
export { definitionToCanvas, flowMetaOf } from './compiler/definitionToCanvas';
export { canvasEdgeId } from './compiler/canvasEdgeId';
export { canonicalFlowJson } from './compiler/canonicalFlowJson';

export {
  validateFlow,
  isPublishable,
  type ResolveFlow,
  type ResolvedSubflow,
  type ValidateFlowOptions,
} from './validation/validateFlow';
export { VALIDATION_CODES, type ValidationCode } from './validation/issueCodes';

export {
  renderTemplate,
  templateReferences,
  pathText,
  previewTemplate,
  sampleJourneyContext,
  type TemplatePreview,
  type TemplateReference,
  type TemplateReferencesResult,
} from './templates';
export { evaluateSplit, type SplitDecision } from './runtime/evaluateSplit';

export {
  importStudioFlow,
  formatStudioImportReport,
  type StudioImportOptions,
  type StudioImportReport,
  type StudioImportResult,
} from './studio';

export { catalogMarkdown } from './catalog/catalogMarkdown';

export { flowLibrary, type LibraryFlow } from '../library';
