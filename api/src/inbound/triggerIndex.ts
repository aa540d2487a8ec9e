import type { FlowDefinition } from '@threadline/flows/types';
import type { InboundEvent } from '@threadline/worker/contract';
import type { Store } from '@threadline/worker/store';
import type { FastifyBaseLogger } from 'fastify';
import { readStoredDefinition } from '../flows/storedDefinition';
import { isInboundTriggerNode, triggerMatches, type InboundTriggerNode, type MissedCallOutcome } from './matchTrigger';

/** A published flow that an inbound event can start, with the definition a journey pins. */
export interface PublishedFlowTriggers {
  flowId: string;
  flowName: string;
  flowVersion: number;
  definition: FlowDefinition;
  triggers: InboundTriggerNode[];
}

export interface TriggerMatch {
  flow: PublishedFlowTriggers;
  triggerNode: InboundTriggerNode;
}

export interface TriggerIndexOptions {
  /** How old the index may get before a lookup refreshes it in the background. */
  maxAgeMs?: number;
  logger?: FastifyBaseLogger;
}

/**
 * The published flows' trigger nodes, in memory, so the inbound hot path never scans a
 * collection (on FerretDB only `_id` lookups are cheap). Loaded at startup, refreshed right
 * after a publish through this API, and otherwise at most every `maxAgeMs` so that publishes
 * made by another API instance are picked up too. A refresh never blocks a lookup: it answers
 * from the current entries while the new ones load.
 */
export class TriggerIndex {
  private flows: PublishedFlowTriggers[] = [];
  private loadedAt = 0;
  private inFlight: Promise<void> | null = null;
  private readonly maxAgeMs: number;

  constructor(
    private readonly store: Store,
    private readonly options: TriggerIndexOptions = {},
  ) {
    this.maxAgeMs = options.maxAgeMs ?? 5_000;
  }

  /** Reloads every published flow; concurrent callers share one reload. */
  refresh(): Promise<void> {
    this.inFlight ??= this.load().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** Every published flow with a trigger this event satisfies (the first such trigger of each). */
  match(event: InboundEvent, outcome: MissedCallOutcome | undefined): TriggerMatch[] {
    if (Date.now() - this.loadedAt > this.maxAgeMs && this.inFlight === null) {
      this.refresh().catch((error: unknown) => this.options.logger?.error({ err: error }, 'trigger index refresh failed'));
    }
    const matches: TriggerMatch[] = [];
    for (const flow of this.flows) {
      const triggerNode = flow.triggers.find((node) => triggerMatches(node, event, outcome));
      if (triggerNode) matches.push({ flow, triggerNode });
    }
    return matches;
  }

  private async load(): Promise<void> {
    const started = Date.now();
    const published = await this.store.flows
      .find({ publishedVersion: { $ne: null } }, { _id: 1, name: 1, publishedVersion: 1 })
      .lean();
    const versionIds = published.map((flow) => `${flow._id}@${flow.publishedVersion}`);
    const versions = versionIds.length === 0 ? [] : await this.store.flowVersions.find({ _id: { $in: versionIds } }).lean();
    const byId = new Map(versions.map((version) => [version._id, version]));

    const next: PublishedFlowTriggers[] = [];
    for (const flow of published) {
      const version = byId.get(`${flow._id}@${flow.publishedVersion}`);
      if (!version) continue;
      try {
        const definition = readStoredDefinition(version.definitionJson, version._id);
        const triggers = definition.nodes.filter(isInboundTriggerNode);
        if (triggers.length === 0) continue;
        next.push({ flowId: flow._id, flowName: definition.name, flowVersion: version.version, definition, triggers });
      } catch (error) {
        // One broken flow must not stop the others from starting journeys.
        this.options.logger?.error({ err: error, flowId: flow._id }, 'skipping a published flow that does not parse');
      }
    }
    this.flows = next;
    this.loadedAt = started;
  }
}
