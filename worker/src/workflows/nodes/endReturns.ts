import { renderTemplate } from '@threadline/flows/runtime';
import type { Assignment } from '@threadline/flows/types';
import type { JourneyContext } from '../journeyRun';

/**
 * Renders an end node's `returns` in the journey's context, in order, by output name: what a
 * parent's `subflow` node reads as `nodes.<id>.outputs.<name>`. Throws naming the output whose
 * template does not render; null when the node returns nothing.
 */
export function renderReturns(returns: readonly Assignment[], context: JourneyContext): Record<string, string> | null {
  if (returns.length === 0) return null;
  const rendered: Record<string, string> = {};
  for (const { name, value } of returns) {
    try {
      rendered[name] = renderTemplate(value, context);
    } catch (error) {
      throw new Error(`return value "${name}": ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return rendered;
}
