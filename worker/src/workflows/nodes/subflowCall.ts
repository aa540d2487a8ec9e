import type { Assignment, FlowDefinition } from '@threadline/flows/types';

/** What the child journey starts with, or why the subflow node takes `failed` instead. */
export type SubflowCall = { ok: true; triggerNodeId: string; inputs: Record<string, string> } | { ok: false; reason: string };

/**
 * Prepares a subflow node's call against the called flow's interface: its `trigger.subflow`
 * entry and the node's inputs rendered in the parent's context. Pure (the workflow passes the
 * render function); a call that cannot be made says why in a few words for the trace.
 */
export function prepareSubflowCall(definition: FlowDefinition, assignments: readonly Assignment[], render: (template: string) => string): SubflowCall {
  const trigger = definition.nodes.find((node) => node.type === 'trigger.subflow');
  if (!trigger) return { ok: false, reason: `flow "${definition.id}" has no "Run as subflow" trigger` };

  const inputs: Record<string, string> = {};
  for (const { name, value } of assignments) {
    try {
      inputs[name] = render(value);
    } catch (error) {
      return { ok: false, reason: `input "${name}" did not render: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  // Whitespace only is empty too: "{{ contact.firstName }}" for a contact without one renders "".
  const missing = (definition.interface?.inputs ?? []).filter(({ name, required }) => required && (inputs[name] ?? '').trim() === '');
  if (missing.length > 0) {
    const names = missing.map(({ name }) => `"${name}"`).join(', ');
    return { ok: false, reason: `required input${missing.length > 1 ? 's' : ''} ${names} ${missing.length > 1 ? 'are' : 'is'} empty` };
  }
  return { ok: true, triggerNodeId: trigger.id, inputs };
}
