/**
 * The flow language: node catalog, definition schema, compiler and validation.
 * Pure code (no I/O, no clocks, no Node built-ins): it runs in the browser, the API and the CLI.
 * The workflow bundle imports `@threadline/flows/runtime` and `/types` instead, which carry no zod.
 */
export type * from './types';
export { MESSAGE_CHANNELS } from './types';
export { assertNever } from './assertNever';

export {
  catalogEntryOf,
  defaultConfigOf,
  flowNodeSchema,
  isNodeType,
  nodeCatalog,
  nodeTypes,
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
export { parseFlowDefinition, parseFlowDraft, type ParseFlowDefinitionResult } from './schema/parseFlowDefinition';
export { flowDefinitionJsonSchema } from './schema/flowDefinitionJsonSchema';

export { canvasToDefinition, type FlowMeta } from './compiler/canvasToDefinition';
export { definitionToCanvas, flowMetaOf } from './compiler/definitionToCanvas';
export { canvasEdgeId } from './compiler/canvasEdgeId';
export { canonicalFlowJson } from './compiler/canonicalFlowJson';

export { validateFlow, isPublishable } from './validation/validateFlow';
export { VALIDATION_CODES, type ValidationCode } from './validation/issueCodes';

export { flowLibrary, type LibraryFlow } from '../library';
