import { parseFlowDraft } from '@threadline/flows';
import type { FlowDefinition } from '@threadline/flows/types';
import { ApiError } from '../errors/apiError';

/**
 * Parses a draft definition sent by a client, or throws a 400 that names the first path at
 * fault (`body.definition.nodes[n_send].type`) and lists every issue found, so the builder can
 * mark all the nodes at once. `where` is the definition's place in the request. A node's
 * config may be mid-edit: that is a validation issue returned with the saved draft, not a 400.
 */
export function parseDefinitionInput(input: unknown, where: string): FlowDefinition {
  const result = parseFlowDraft(input);
  if (result.ok) return result.definition;
  const issues = result.issues.map((issue) => ({ ...issue, path: issue.path === '' ? where : `${where}.${issue.path}` }));
  const first = issues[0];
  throw new ApiError(400, 'invalid-definition', first ? `${first.path}: ${first.message}` : `${where} is not a flow definition`, {
    path: first?.path ?? where,
    ...(first?.nodeId === undefined ? {} : { nodeId: first.nodeId }),
    issues,
  });
}
