import type { Variable } from 'liquidjs';
import { liquidEngine } from './liquidEngine';
import { BoundedCache } from './boundedCache';
import { isPlainText, parseTemplate } from './parseTemplate';
import { readableLiquidError } from './readableLiquidError';

/** A path a template reads from the journey context, e.g. ['nodes', 'wait_reply', 'reply', 'text']. */
export interface TemplateReference {
  segments: Array<string | number>;
  /** The path as Liquid writes it, e.g. `nodes["wait-1"].reply.text`, for messages. */
  text: string;
}

export type TemplateReferencesResult =
  | { ok: true; references: TemplateReference[] }
  | { ok: false; message: string };

/**
 * The context paths a template reads, by liquidjs's static analysis: names the template itself
 * assigns, captures, increments or loops over are left out (a name read before its `assign` is
 * still a reference). Each distinct path once, in the order it first appears.
 *
 * An index that is itself a variable (`vars.items[vars.i]`) ends the path there
 * (`vars.items`), and the index variable is a reference of its own. A template that does not
 * parse gives `ok: false` with liquidjs's message and its line and column. The result is
 * shared and frozen: copy it before changing it.
 */
export function templateReferences(template: string): TemplateReferencesResult {
  if (isPlainText(template)) return { ok: true, references: [] };
  const cached = analysed.get(template);
  if (cached !== undefined) return cached;
  const result = deepFreeze(analyse(template));
  analysed.set(template, result);
  return result;
}

/**
 * Validation asks about the same templates on every edit; the analysis costs as much as the
 * parse. Results are shared between callers, hence frozen.
 */
const analysed = new BoundedCache<TemplateReferencesResult>(2_000);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function analyse(template: string): TemplateReferencesResult {
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

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `contact.firstName`, `vars.items[0]`, `nodes["wait-1"].reply`. */
export function pathText(segments: ReadonlyArray<string | number>): string {
  return segments
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      if (IDENTIFIER.test(segment)) return index === 0 ? segment : `.${segment}`;
      return `[${JSON.stringify(segment)}]`;
    })
    .join('');
}
