/**
 * Liquid templates: the one render function (worker, API, builder), their static references
 * (for validation) and the builder's preview against a sample journey. `renderTemplate` is also
 * exported from `runtime/`, which the workflow bundle imports: this index pulls in the catalog
 * (zod) through `sampleJourneyContext`.
 */
export { renderTemplate } from './renderTemplate';
export { templateReferences, pathText, type TemplateReference, type TemplateReferencesResult } from './templateReferences';
export { previewTemplate, type TemplatePreview } from './previewTemplate';
export { sampleJourneyContext } from './sampleJourneyContext';
