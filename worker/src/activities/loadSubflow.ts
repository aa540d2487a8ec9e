import { parseFlowDefinition } from '@threadline/flows';
import { z } from 'zod';
import type { Store } from '../store';
import type { LoadSubflowInput, LoadSubflowResult } from './activityTypes';

const loadSubflowInputSchema = z.object({
  flowId: z.string().min(1),
  version: z.union([z.number().int().positive(), z.literal('latest')]),
}) satisfies z.ZodType<LoadSubflowInput>;

/**
 * The published version a subflow node runs, read by `_id` only (FerretDB pushes nothing else
 * down): `latest` is the flow's `publishedVersion`, then `<flowId>@<version>`. A flow or
 * version that is not there, or a stored definition that no longer parses, is an answer with
 * the reason; only the store being unreachable throws (and is retried).
 */
export async function loadSubflow(store: Store, rawInput: LoadSubflowInput): Promise<LoadSubflowResult> {
  const { flowId, version } = loadSubflowInputSchema.parse(rawInput);
  let number: number;
  if (version === 'latest') {
    const flow = await store.flows.findById(flowId, { publishedVersion: 1 }).lean();
    if (!flow) return { found: false, reason: `flow "${flowId}" does not exist` };
    if (flow.publishedVersion === null || flow.publishedVersion === undefined) {
      return { found: false, reason: `flow "${flowId}" has no published version` };
    }
    number = flow.publishedVersion;
  } else {
    number = version;
  }

  const stored = await store.flowVersions.findById(`${flowId}@${number}`, { definitionJson: 1 }).lean();
  if (!stored) {
    const exists = version !== 'latest' && (await store.flows.exists({ _id: flowId })) !== null;
    return { found: false, reason: exists ? `flow "${flowId}" has no published version ${number}` : `flow "${flowId}" does not exist` };
  }
  const parsed = parseFlowDefinition(JSON.parse(stored.definitionJson));
  if (!parsed.ok) {
    const first = parsed.issues[0];
    return { found: false, reason: `flow "${flowId}" v${number} is stored invalid${first ? ` at ${first.path}: ${first.message}` : ''}` };
  }
  return { found: true, version: number, definition: parsed.definition };
}
