import { assignedValue, renderTemplate } from '@threadline/flows/runtime';
import type { FlowNodeOf } from '@threadline/flows/types';
import { definitionFault } from '../journeyFailures';
import type { JourneyRun } from '../journeyRun';

/**
 * Renders and converts each assignment in order, so a later one reads an earlier one through
 * `vars`. A value that does not render or convert fails the journey naming the variable.
 */
export function runSetVariables(node: FlowNodeOf<'setVariables'>, run: Pick<JourneyRun, 'context'>): string {
  for (const { name, value, type } of node.config.assignments) {
    try {
      run.context.vars[name] = assignedValue(type, renderTemplate(value, run.context));
    } catch (error) {
      throw definitionFault(node.id, `variable "${name}": ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return 'next';
}
