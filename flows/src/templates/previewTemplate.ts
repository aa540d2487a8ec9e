import { readableLiquidError } from './readableLiquidError';
import { renderTemplate } from './renderTemplate';

export type TemplatePreview = { ok: true; text: string } | { ok: false; message: string };

/**
 * What the builder shows under a template field: the rendered text, or why it cannot render
 * (a syntax error or a failing filter, with line and column). Never throws. Pass
 * `sampleJourneyContext(definition)` for a plausible journey; with no context, every value
 * renders empty.
 */
export function previewTemplate(template: string, context: object = {}): TemplatePreview {
  try {
    return { ok: true, text: renderTemplate(template, context) };
  } catch (error) {
    return { ok: false, message: readableLiquidError(error) };
  }
}
