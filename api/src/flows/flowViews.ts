import type { FlowDefinition } from '@threadline/flows/types';
import type { FlowDoc, FlowVersionDoc } from '@threadline/worker/store';
import { readStoredDraft } from './storedDefinition';

type StoredFlow = Pick<FlowDoc, 'name' | 'draftJson' | 'publishedVersion'> & { _id: string; updatedAt?: Date | null };

export interface FlowSummaryView {
  id: string;
  name: string;
  updatedAt: string | null;
  publishedVersion: number | null;
}

export interface FlowView extends FlowSummaryView {
  draft: FlowDefinition;
}

export function toFlowSummary(flow: Omit<StoredFlow, 'draftJson'>): FlowSummaryView {
  return {
    id: flow._id,
    name: flow.name,
    updatedAt: flow.updatedAt ? flow.updatedAt.toISOString() : null,
    publishedVersion: flow.publishedVersion ?? null,
  };
}

export function toFlowView(flow: StoredFlow): FlowView {
  return { ...toFlowSummary(flow), draft: readStoredDraft(flow.draftJson, `of flow ${flow._id}`) };
}

export function toVersionSummary(version: Pick<FlowVersionDoc, 'version' | 'publishedAt'>) {
  return { version: version.version, publishedAt: version.publishedAt.toISOString() };
}
