import { renderTemplate } from '@threadline/flows/runtime';
import { definitionFault } from '../journeyFailures';
import type { JourneyRun } from '../journeyRun';

/** Renders a prompt, URL or target of a voice node; a template that cannot render is the definition's fault. */
export function renderSpoken(run: JourneyRun, nodeId: string, field: string, template: string): string {
  try {
    return renderTemplate(template, run.context);
  } catch (error) {
    throw definitionFault(nodeId, `${field}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
