import { isNodeType, nodeCatalog, type NodeResult } from '../catalog';
import { formatPath, nodePath } from '../schema/issuePaths';
import { templateReferences, type TemplateReference } from '../templates';
import type { FlowNode, FlowNodeOf, NodeType, ValidationIssue } from '../types';
import type { IndexedNode } from './indexNodes';
import type { ResultAvailability } from './resultAvailability';
import { templateLocations, type TemplateLocation } from './templateLocations';

/** The roots of the journey context every template sees (`secrets` is special: HTTP only). */
const CONTEXT_ROOTS: ReadonlySet<string> = new Set(['contact', 'vars', 'trigger', 'reply', 'nodes', 'journey']);

/**
 * Every template must parse and read only what the journey will have when the node runs:
 * known roots, variables some node sets, and results of nodes that ran before it on every path
 * (see ResultAvailability). Nodes whose config failed its schema are skipped: their
 * invalid-config issue comes first.
 */
export function checkTemplates(
  byId: ReadonlyMap<string, IndexedNode>,
  availability: ResultAvailability,
): ValidationIssue[] {
  const variables = new Set<string>();
  for (const { valid } of byId.values()) {
    if (valid !== undefined) for (const name of variablesSetBy(valid)) variables.add(name);
  }
  const issues: ValidationIssue[] = [];
  const facts: FlowFacts = { byId, availability, variables };
  for (const { valid: reader } of byId.values()) {
    if (reader === undefined) continue;
    for (const location of templateLocations(reader)) issues.push(...checkTemplate(reader, location, facts));
  }
  return issues;
}

function checkTemplate(reader: FlowNode, location: TemplateLocation, facts: FlowFacts): ValidationIssue[] {
  const result = templateReferences(location.template);
  const findings: Array<{ code: string; message: string }> = [];
  if (!result.ok) {
    findings.push({ code: 'template-syntax', message: `The template does not parse: ${result.message}. Fix the Liquid syntax.` });
  } else {
    for (const reference of result.references) {
      const finding = judgeReference(reference, reader, location, facts);
      if (finding !== undefined) findings.push(finding);
    }
  }
  if (findings.length === 0) return [];
  // The path is only worth building for a template with something to report.
  const path = `${nodePath(reader.id)}.${formatPath(['config', ...location.segments], () => undefined)}`;
  return findings.map(({ code, message }) => ({ code, severity: 'error', nodeId: reader.id, path, message }));
}

interface FlowFacts {
  byId: ReadonlyMap<string, IndexedNode>;
  availability: ResultAvailability;
  variables: ReadonlySet<string>;
}

function judgeReference(
  reference: TemplateReference,
  reader: FlowNode,
  location: TemplateLocation,
  facts: FlowFacts,
): { code: string; message: string } | undefined {
  const [root, name, key] = reference.segments;
  const shown = `"{{ ${reference.text} }}"`;
  if (root === 'secrets') {
    return location.allowsSecrets
      ? undefined
      : {
          code: 'template-secret-outside-http',
          message: `${shown} reads a secret outside an HTTP request; secrets may be used only in an HTTP request's URL, headers and body, so they never end up in a message, a call or a log.`,
        };
  }
  if (typeof root !== 'string' || !CONTEXT_ROOTS.has(root)) {
    return {
      code: 'template-unknown-root',
      message: `${shown} reads "${String(root)}", which the journey does not have; start the path with contact, vars, trigger, reply, nodes.<node id> or journey.`,
    };
  }
  if (root === 'vars' && name !== undefined && !facts.variables.has(String(name))) {
    return {
      code: 'template-unknown-variable',
      message: `${shown} reads variable "${String(name)}", which no node of this flow sets; set it first (Set variables, or "Save as" on a wait or gather) or fix the name.`,
    };
  }
  if (root !== 'nodes' || name === undefined) return undefined;
  return judgeNodeReference(String(name), key, shown, reader, facts);
}

function judgeNodeReference(
  producerId: string,
  key: string | number | undefined,
  shown: string,
  reader: FlowNode,
  { byId, availability }: FlowFacts,
): { code: string; message: string } | undefined {
  const producer = byId.get(producerId);
  if (producer === undefined) {
    return {
      code: 'template-unknown-node',
      message: `${shown} reads node "${producerId}", which is not in this flow; templates name nodes by id (not label), so use the id of one of its nodes.`,
    };
  }
  const type: string = producer.node.type;
  // An unknown type is reported on its own node; what it leaves cannot be known.
  if (!isNodeType(type)) return undefined;
  const results: readonly NodeResult[] = nodeCatalog[type].results;
  const result = key === undefined ? { key: '', on: '*' as const } : results.find((candidate) => candidate.key === key);
  if (result === undefined) {
    const offered = results.length === 0 ? 'it leaves nothing for later nodes' : `it leaves ${results.map((r) => r.key).join(', ')}`;
    return {
      code: 'template-unknown-result',
      message: `${shown} reads "${String(key)}" of node "${producerId}" (${type}), which it does not leave: ${offered}.`,
    };
  }
  if (producerId === reader.id) {
    return {
      code: 'template-result-not-on-every-path',
      message: `${shown} reads a result of "${reader.id}" itself, which exists only once the node has finished; read reply.* for the latest reply, or move the template to a later node.`,
    };
  }
  if (!availability.isReachable(reader.id) || availability.isProducedOnEveryPath(producerId, result.on, reader.id)) {
    return undefined;
  }
  const how = result.on === '*' ? `pass through "${producerId}"` : `leave "${producerId}" by ${result.on.join(' or ')}`;
  return {
    code: 'template-result-not-on-every-path',
    message: `${shown} may be missing: some paths into "${reader.id}" do not ${how}, where it is set; read it only on nodes that come after it on every path.`,
  };
}

function variablesSetBy<T extends NodeType>(node: FlowNodeOf<T>): readonly string[] {
  return nodeCatalog[node.type].setsVariables(node.config);
}
