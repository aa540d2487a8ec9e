import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client, type WorkflowExecutionInfo } from '@temporalio/client';
import {
  decideMigration,
  journeySearchAttributeKeys,
  MIGRATE_TO_VERSION_UPDATE,
  movedDetail,
  STATE_QUERY,
  type MigrateToVersionRequest,
  type MigrateToVersionResult,
} from '@threadline/worker/contract';
import { appendTimelineEvent, type Store } from '@threadline/worker/store';
import type { FlowDefinition } from '@threadline/flows/types';
import { notFound } from '../errors/apiError';
import { readStoredDefinition } from '../flows/storedDefinition';
import { journeyStateSchema } from './journeyStateSchema';

/** Journeys are asked this many at a time: a big flow moves quickly without flooding Temporal. */
const MIGRATE_CONCURRENCY = 16;
/** A query needs a worker to answer; without one it would wait for the RPC's long default. */
const STATE_QUERY_TIMEOUT_MS = 2_000;

export interface MigrationRequest {
  flowId: string;
  toVersion: number;
  dryRun: boolean;
  /** Only journeys on these versions (all older ones when absent). */
  fromVersions?: number[] | undefined;
}

/** One journey as the dry run lists it, and as the real run answers it (moved or skipped). */
export interface MigrationEntry {
  journeyId: string;
  contactId: string | null;
  fromVersion: number | null;
  atNode: string | null;
  moves: boolean;
  reason: string;
}

export type MigrationAnswer =
  | { flowId: string; toVersion: number; dryRun: true; journeys: MigrationEntry[] }
  | { flowId: string; toVersion: number; dryRun: false; moved: MigrationEntry[]; skipped: MigrationEntry[] };

/**
 * Moves a flow's waiting journeys to a newer published version at wait nodes whose id is in
 * both (issue 6, "Lifecycle"), or with `dryRun` only says who would move where. The running
 * journeys on older versions come from visibility; each one's live state comes from its `state`
 * query, and the rule is the workflow's own (`decideMigration`), which the workflow applies
 * again when the update lands: a journey that moved on meanwhile is refused there, and listed
 * as skipped with that reason. Nothing is ever moved mid-node.
 */
export async function migrateJourneys(deps: { store: Store; temporal: Client }, request: MigrationRequest): Promise<MigrationAnswer> {
  const { store, temporal } = deps;
  const { flowId, toVersion } = request;
  const target = await store.flowVersions.findById(`${flowId}@${toVersion}`).lean();
  if (!target) throw notFound('version', `${flowId}@${toVersion}`);
  const definition = readStoredDefinition(target.definitionJson, target._id);
  const definitions = new VersionDefinitions(store, flowId);

  const query = `FlowId = "${flowId}" AND ExecutionStatus = "Running" AND FlowVersion < ${toVersion}`;
  const running: WorkflowExecutionInfo[] = [];
  for await (const info of temporal.workflow.list({ query, pageSize: 500 })) {
    const version = info.typedSearchAttributes.get(journeySearchAttributeKeys.FlowVersion) ?? null;
    if (request.fromVersions === undefined || (version !== null && request.fromVersions.includes(version))) running.push(info);
  }

  const entries: MigrationEntry[] = [];
  for (let start = 0; start < running.length; start += MIGRATE_CONCURRENCY) {
    const batch = running.slice(start, start + MIGRATE_CONCURRENCY);
    entries.push(
      ...(await Promise.all(
        batch.map(async (info) => {
          const planned = await planOne(temporal, info, definitions, { definition, version: toVersion });
          return request.dryRun || !planned.moves ? planned : moveOne(deps, info, planned, { definition, version: toVersion });
        }),
      )),
    );
  }
  entries.sort((a, b) => a.journeyId.localeCompare(b.journeyId));
  if (request.dryRun) return { flowId, toVersion, dryRun: true, journeys: entries };
  return { flowId, toVersion, dryRun: false, moved: entries.filter((entry) => entry.moves), skipped: entries.filter((entry) => !entry.moves) };
}

/** What the dry run says of one journey, from its live state. */
async function planOne(
  temporal: Client,
  info: WorkflowExecutionInfo,
  definitions: VersionDefinitions,
  target: { definition: FlowDefinition; version: number },
): Promise<MigrationEntry> {
  const fromVersion = info.typedSearchAttributes.get(journeySearchAttributeKeys.FlowVersion) ?? null;
  const base = {
    journeyId: info.workflowId,
    contactId: info.typedSearchAttributes.get(journeySearchAttributeKeys.ContactId) ?? null,
    fromVersion,
    atNode: info.typedSearchAttributes.get(journeySearchAttributeKeys.CurrentNode) ?? null,
  };
  const skip = (reason: string): MigrationEntry => ({ ...base, moves: false, reason });
  if (fromVersion === null) return skip('it does not say which version it runs');
  const old = await definitions.get(fromVersion);
  if (!old) return skip(`its version v${fromVersion} is not stored`);

  let state;
  try {
    const answer = await temporal.withDeadline(Date.now() + STATE_QUERY_TIMEOUT_MS, () => temporal.workflow.getHandle(info.workflowId, info.runId).query<unknown>(STATE_QUERY));
    state = journeyStateSchema.parse(answer);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return skip('it ended meanwhile');
    return skip(`its state could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const waitNodeId = state.pendingWait?.nodeId ?? null;
  const waitNodeType = waitNodeId === null ? null : (old.nodes.find((node) => node.id === waitNodeId)?.type ?? null);
  const decision = decideMigration(
    {
      status: state.status,
      currentNodeId: state.currentNodeId,
      pendingWait: state.pendingWait,
      waitNodeType,
      fromVersion,
      triggerNodeId: triggerNodeIdOf(old, target.definition),
    },
    target,
  );
  const atNode = state.currentNodeId ?? base.atNode;
  if (!decision.moves) return { ...base, atNode, moves: false, reason: decision.reason };
  return { ...base, atNode, moves: true, reason: `waits at ${decision.nodeId} (${waitNodeType ?? 'wait'}), which v${target.version} has too` };
}

/** Sends the move; a refusal (the journey moved on meanwhile) is a skip with the workflow's reason. */
async function moveOne(
  deps: { store: Store; temporal: Client },
  info: WorkflowExecutionInfo,
  planned: MigrationEntry,
  target: { definition: FlowDefinition; version: number },
): Promise<MigrationEntry> {
  const handle = deps.temporal.workflow.getHandle(info.workflowId, info.runId);
  const request: MigrateToVersionRequest = { definition: target.definition, version: target.version };
  let result: MigrateToVersionResult;
  try {
    result = await handle.executeUpdate<MigrateToVersionResult, [MigrateToVersionRequest]>(MIGRATE_TO_VERSION_UPDATE, { args: [request] });
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) return { ...planned, moves: false, reason: error.cause?.message ?? error.message };
    if (error instanceof WorkflowNotFoundError) return { ...planned, moves: false, reason: 'it ended meanwhile' };
    // One journey's trouble (it closed mid-update, Temporal timed out) must not hide what the others did.
    return { ...planned, moves: false, reason: `the move failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  const detail = movedDetail(result.fromVersion, result.toVersion, result.nodeId);
  if (planned.contactId !== null) {
    await appendTimelineEvent(deps.store, {
      // One entry per move: the run that moved ends with it.
      _id: `moved:${info.workflowId}:${info.runId}`,
      contactId: planned.contactId,
      at: new Date(),
      channel: 'internal',
      direction: 'internal',
      kind: 'journey',
      body: detail,
      journeyId: info.workflowId,
      nodeId: result.nodeId,
      status: 'moved',
    });
  }
  return { ...planned, atNode: result.nodeId, moves: true, reason: detail };
}

/**
 * The trigger the journey started at, as far as the API can tell without reading its history:
 * a flow's triggers rarely change, so one missing from the new version is the one that matters
 * (conservative for a flow with several triggers, one of them removed).
 */
function triggerNodeIdOf(old: FlowDefinition, target: FlowDefinition): string {
  const triggers = old.nodes.filter((node) => node.type.startsWith('trigger.')).map((node) => node.id);
  const missing = triggers.find((id) => !target.nodes.some((node) => node.id === id && node.type.startsWith('trigger.')));
  return missing ?? triggers[0] ?? '';
}

/** The published definitions of a flow's older versions, each read once. */
class VersionDefinitions {
  private readonly cache = new Map<number, Promise<FlowDefinition | null>>();
  constructor(
    private readonly store: Store,
    private readonly flowId: string,
  ) {}

  get(version: number): Promise<FlowDefinition | null> {
    let found = this.cache.get(version);
    if (!found) {
      const id = `${this.flowId}@${version}`;
      found = this.store.flowVersions
        .findById(id)
        .lean()
        .then((doc) => (doc ? readStoredDefinition(doc.definitionJson, id) : null));
      this.cache.set(version, found);
    }
    return found;
  }
}
