import { BoundedCache } from './boundedCache';
import { liquidTemplateReferences, type TemplateReferencesResult } from './liquidTemplateReferences';
import { scanOutputReferences } from './outputReferenceScanner';
import { isPlainText } from './parseTemplate';

export { pathText, type TemplateReference } from './templatePath';
export type { TemplateReferencesResult } from './liquidTemplateReferences';

/**
 * The context paths a template reads, by liquidjs's static analysis: names the template itself
 * assigns, captures, increments or loops over are left out (a name read before its `assign` is
 * still a reference). Each distinct path once, in the order it first appears.
 *
 * An index that is itself a variable (`vars.items[vars.i]`) ends the path there
 * (`vars.items`), and the index variable is a reference of its own. A template that does not
 * parse gives `ok: false` with liquidjs's message and its line and column. The result is
 * shared and frozen: copy it before changing it.
 *
 * Text with plain output tags (most templates) is read by a small scanner that gives the same
 * answer as liquidjs far faster; everything else goes through liquidjs.
 */
export function templateReferences(template: string): TemplateReferencesResult {
  if (isPlainText(template)) return { ok: true, references: [] };
  const cached = analysed.get(template);
  if (cached !== undefined) return cached;
  const scanned = scanOutputReferences(template);
  const result = deepFreeze(scanned === undefined ? liquidTemplateReferences(template) : { ok: true as const, references: scanned });
  analysed.set(template, result);
  return result;
}

/**
 * Validation asks about the same templates on every edit. Sized so that every template of a
 * 5,000-node flow (a few thousand distinct ones) stays cached across validations, with room for
 * other flows: 20,000 results, and at most 4 million characters of templates in all (a few MB),
 * whatever their length. Results are shared between callers, hence frozen.
 */
const analysed = new BoundedCache<TemplateReferencesResult>(20_000, 4_000_000);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
