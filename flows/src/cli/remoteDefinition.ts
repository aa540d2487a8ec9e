import { parseFlowDraft } from '../schema/parseFlowDefinition';
import type { FlowDefinition } from '../types';
import { CliError } from './cliError';
import { ApiRefusal, type FlowsApiClient } from './flowsApiClient';

export interface RemoteDefinition {
  definition: FlowDefinition;
  /** The published version read, or "draft". */
  version: number | 'draft';
}

/**
 * A flow's definition as the API holds it: a published version, the newest one, or the draft.
 * What is missing (the flow, any published version, that version) is a CliError (exit 2)
 * saying what to do instead.
 */
export async function remoteDefinition(
  client: FlowsApiClient,
  flowId: string,
  wanted: number | 'latest' | 'draft',
): Promise<RemoteDefinition> {
  const flow = await client.findFlow(flowId);
  if (flow === undefined) throw new CliError(`there is no flow "${flowId}" at ${client.baseUrl}; \`flows push\` it first`);
  if (wanted === 'draft') return { definition: readDefinition(flow.draft, `the draft of ${flowId}`), version: 'draft' };

  const version = wanted === 'latest' ? flow.publishedVersion : wanted;
  if (version === null) {
    throw new CliError(`flow "${flowId}" has never been published; publish it (\`flows push --publish\`) or use --version draft`);
  }
  try {
    const json = await client.publishedDefinition(flowId, version);
    return { definition: readDefinition(json, `${flowId} version ${version}`), version };
  } catch (error) {
    if (!(error instanceof ApiRefusal)) throw error;
    const newest = flow.publishedVersion === null ? 'none is published' : `the newest is ${flow.publishedVersion}`;
    throw new CliError(`flow "${flowId}" has no version ${version} (${newest}): ${error.message}`);
  }
}

function readDefinition(json: unknown, what: string): FlowDefinition {
  const parsed = parseFlowDraft(json);
  if (parsed.ok) return parsed.definition;
  const first = parsed.issues[0];
  throw new CliError(`the API sent ${what} in a shape this CLI cannot read${first ? ` (${first.path}: ${first.message})` : ''}`);
}
