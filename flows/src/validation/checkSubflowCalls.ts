import { nodePath } from '../schema/issuePaths';
import type { FlowInterface, FlowNodeOf, ValidationIssue } from '../types';
import type { IndexedNode } from './indexNodes';

/** What validation needs to know about another flow a `subflow` node runs. */
export interface ResolvedSubflow {
  /** What it takes and gives back; absent when the flow declares no interface. */
  interface?: FlowInterface | undefined;
  /** Its published version numbers; empty when it was never published. */
  publishedVersions: readonly number[];
}

/** Looks a flow up by id (the API passes one backed by its store); undefined when there is none. */
export type ResolveFlow = (flowId: string) => ResolvedSubflow | undefined;

/**
 * A `subflow` node must point at a flow that exists, at a version that was published (or at
 * "latest" of a flow published at least once), and pass exactly the inputs that flow declares,
 * every required one included. Only the API can look flows up, so offline validation (the CLI)
 * passes no resolver and skips this.
 */
export function checkSubflowCalls(byId: ReadonlyMap<string, IndexedNode>, resolveFlow: ResolveFlow): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const { valid } of byId.values()) {
    if (valid?.type === 'subflow') issues.push(...checkSubflowCall(valid, resolveFlow));
  }
  return issues;
}

function checkSubflowCall(node: FlowNodeOf<'subflow'>, resolveFlow: ResolveFlow): ValidationIssue[] {
  const { flowId, version, inputs } = node.config;
  const at = (code: string, field: string, message: string): ValidationIssue => ({
    code,
    severity: 'error',
    nodeId: node.id,
    path: `${nodePath(node.id)}.config.${field}`,
    message,
  });

  const flow = resolveFlow(flowId);
  if (flow === undefined) {
    return [at('subflow-unknown-flow', 'flowId', `There is no flow "${flowId}" to run as a subflow; pick an existing flow.`)];
  }

  const issues: ValidationIssue[] = [];
  const published = Array.isArray(flow.publishedVersions) ? flow.publishedVersions : [];
  if (version === 'latest' && published.length === 0) {
    issues.push(
      at('subflow-unknown-version', 'version', `Flow "${flowId}" has never been published, so it has no latest version to run; publish it first.`),
    );
  } else if (version !== 'latest' && !published.includes(version)) {
    const known = published.length === 0 ? 'none is published yet' : `published: ${published.join(', ')}`;
    issues.push(
      at('subflow-unknown-version', 'version', `Flow "${flowId}" has no published version ${version} (${known}); pick a published version or "latest".`),
    );
  }

  const declared = Array.isArray(flow.interface?.inputs) ? flow.interface.inputs : [];
  const declaredNames = new Set(declared.map((input) => input.name));
  inputs.forEach((input, index) => {
    if (declaredNames.has(input.name)) return;
    const offered = declared.length === 0 ? 'it declares no inputs' : `it declares ${[...declaredNames].join(', ')}`;
    issues.push(
      at('subflow-undeclared-input', `inputs[${index}].name`, `Flow "${flowId}" takes no input "${input.name}" (${offered}); remove it or fix the name.`),
    );
  });
  const passed = new Set(inputs.map((input) => input.name));
  for (const input of declared) {
    if (!input.required || passed.has(input.name)) continue;
    issues.push(at('subflow-missing-input', 'inputs', `Flow "${flowId}" requires the input "${input.name}"; add a value for it.`));
  }
  return issues;
}
