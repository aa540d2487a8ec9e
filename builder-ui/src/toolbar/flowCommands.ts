import { parseFlowDefinition } from '@threadline/flows';
import { ApiError } from '../api/apiRequest';
import { flowsApi } from '../api/flowsApi';
import { useFlowStore } from '../store/flowStore';
import { currentDefinition } from '../store/flowValidation';

/** The builder's conversations with the API: open, save, publish. Results land in the store. */

function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    const first = error.issues[0];
    if (error.code === 'flow-invalid') {
      return `Not published: ${error.issues.length} problem${error.issues.length === 1 ? '' : 's'}${first ? ` (${first.message})` : ''}`;
    }
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export async function openFlow(flowId: string): Promise<void> {
  const { setStatus, loadFlow } = useFlowStore.getState();
  try {
    const { flow } = await flowsApi.get(flowId);
    const parsed = parseFlowDefinition(flow.draft);
    if (!parsed.ok) {
      const first = parsed.issues[0];
      throw new Error(`the stored draft is not a flow definition${first ? `: ${first.path}: ${first.message}` : ''}`);
    }
    loadFlow(parsed.definition, flow.publishedVersion);
  } catch (error) {
    setStatus({ kind: 'error', message: `Could not open ${flowId}: ${messageOf(error)}` });
    throw error;
  }
}

/** Saves the canvas as the draft; resolves true when the server accepted it. */
export async function saveDraft(): Promise<boolean> {
  const before = useFlowStore.getState();
  if (before.meta === null) return false;
  before.setStatus({ kind: 'saving' });
  try {
    await flowsApi.saveDraft(before.meta.id, currentDefinition(before));
    const after = useFlowStore.getState();
    // An edit made while the request was in flight is not in what was saved.
    const changedMeanwhile = after.nodes !== before.nodes || after.edges !== before.edges || after.meta !== before.meta;
    after.setStatus(changedMeanwhile ? { kind: 'unsaved' } : { kind: 'saved' });
    return true;
  } catch (error) {
    useFlowStore.getState().setStatus({ kind: 'error', message: messageOf(error) });
    return false;
  }
}

/** Publishing publishes the server's draft, so the canvas is saved first. */
export async function publishFlow(): Promise<void> {
  const state = useFlowStore.getState();
  if (state.meta === null) return;
  const flowId = state.meta.id;
  if (state.status.kind !== 'clean' && state.status.kind !== 'saved' && state.status.kind !== 'published') {
    if (!(await saveDraft())) return;
  }
  useFlowStore.getState().setStatus({ kind: 'publishing' });
  try {
    const { version } = await flowsApi.publish(flowId);
    useFlowStore.getState().markPublished(version);
  } catch (error) {
    useFlowStore.getState().setStatus({ kind: 'error', message: messageOf(error) });
  }
}
