import type { Variable } from 'liquidjs';
import { liquidEngine } from './liquidEngine';
import { parseTemplate } from './parseTemplate';
import { readableLiquidError } from './readableLiquidError';
import { pathText, type TemplateReference } from './templatePath';

export type TemplateReferencesResult =
  | { ok: true; references: TemplateReference[] }
  | { ok: false; message: string };

/**
 * The references of any template by liquidjs's own parse and static analysis: the general
 * (and, at tens of microseconds a template, the slow) way, for templates the output scanner
 * does not take (tags, keyword arguments, …) and for every template that does not parse.
 * Names the template assigns, captures, increments or loops over are left out.
 */
export function liquidTemplateReferences(template: string): TemplateReferencesResult {
  let globals: Variable[];
  try {
    const analysis = liquidEngine.analyzeSync(parseTemplate(template), { partials: false });
    globals = Object.values(analysis.globals).flat();
  } catch (error) {
    return { ok: false, message: readableLiquidError(error) };
  }
  // The analysis groups by root name; reading order is what a person expects in a report.
  globals.sort((a, b) => a.location.row - b.location.row || a.location.col - b.location.col);
  const references = new Map<string, TemplateReference>();
  for (const variable of globals) {
    const segments = literalSegments(variable);
    const text = pathText(segments);
    if (segments.length > 0 && !references.has(text)) references.set(text, { segments, text });
  }
  return { ok: true, references: [...references.values()] };
}

function literalSegments(variable: Variable): Array<string | number> {
  const segments: Array<string | number> = [];
  for (const segment of variable.segments) {
    if (typeof segment !== 'string' && typeof segment !== 'number') break;
    segments.push(segment);
  }
  return segments;
}
