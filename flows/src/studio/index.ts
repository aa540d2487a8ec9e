/**
 * The Twilio Studio importer: a Studio flow definition (kebab-case or older CamelCase widget
 * types) becomes a Threadline definition plus a report of what was mapped, approximated and
 * left as placeholders. Pure code: the CLI reads the file and prints the report.
 */
export { importStudioFlow, type StudioImportOptions, type StudioImportResult } from './importStudioFlow';
export { formatStudioImportReport, type StudioImportReport } from './studioImportReport';
export { rewriteStudioTemplate, type RewrittenTemplate, type WidgetTarget } from './rewriteStudioTemplate';
export { STUDIO_REST_EVENT } from './mapTriggerWidget';
export { STUDIO_WIDGET_TYPES, studioWidgetTypeOf, type StudioWidgetType } from './studioWidgetType';
export { studioFlowSchema, type StudioFlow, type StudioState, type StudioTransition } from './studioFlowSchema';
