import { liquidEngine } from './liquidEngine';
import { isPlainText, parseTemplate } from './parseTemplate';

/**
 * Renders a Liquid template against the journey context (`contact`, `vars`, `trigger`, `reply`,
 * `nodes`, `journey`; `secrets` inside HTTP requests). Synchronous and pure, so the worker's
 * workflow code, the API and the builder's preview all render the same way. A value the
 * context lacks renders empty; a template that does not parse, or a filter that fails, throws
 * liquidjs's error (its message names the line and column).
 *
 * The context is an `object` rather than `Record<string, unknown>` so that a typed interface
 * (the worker's JourneyContext) can be passed as it is.
 */
export function renderTemplate(template: string, context: object): string {
  if (isPlainText(template)) return template;
  const output: unknown = liquidEngine.renderSync(parseTemplate(template), context);
  return typeof output === 'string' ? output : String(output);
}
