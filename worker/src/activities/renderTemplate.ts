import { Liquid } from 'liquidjs';

export type TemplateRenderer = (template: string, context: Record<string, unknown>) => Promise<string>;

/**
 * One Liquid engine per activities factory (its parse cache is per engine). Unknown filters
 * are errors, since they are typos; unknown variables render empty for this slice, until the
 * compiler checks every reference against the paths into a node.
 */
export function createTemplateRenderer(): TemplateRenderer {
  const liquid = new Liquid({ strictFilters: true, strictVariables: false, cache: 500 });
  return (template, context) => liquid.parseAndRender(template, context);
}
