import { classifyIntent, renderTemplate } from '@threadline/flows/runtime';
import type { FlowNodeOf } from '@threadline/flows/types';
import { guardDefinition } from '../journeyFailures';
import type { JourneyRun } from '../journeyRun';

/** Classifies the rendered input from the node's own examples and keywords; no model, no I/O. */
export function runIntent(node: FlowNodeOf<'intent'>, run: Pick<JourneyRun, 'context'>): string {
  const text = guardDefinition(node.id, () => renderTemplate(node.config.input, run.context));
  const { output, confidence } = classifyIntent(node.config, text);
  run.context.nodes[node.id] = { intent: output, confidence };
  return output;
}
