import type { FlowDefinition, FlowNodeOf } from '@threadline/flows/types';
import type { Store } from '@threadline/worker/store';
import type { FastifyBaseLogger } from 'fastify';
import { readStoredDefinition } from '../flows/storedDefinition';

/** A published flow an inbound call can start, with the trigger it starts from. */
export interface CallFlowMatch {
  flowId: string;
  flowVersion: number;
  definition: FlowDefinition;
  triggerNode: FlowNodeOf<'trigger.inboundCall'>;
}

interface CallFlow {
  flowId: string;
  flowVersion: number;
  definition: FlowDefinition;
  triggers: FlowNodeOf<'trigger.inboundCall'>[];
}

/**
 * The published flows with an inbound-call trigger, in memory, so answering a call scans no
 * collection. The message triggers' index (inbound/triggerIndex.ts) leaves these out; this one
 * loads the same way: at most every `maxAgeMs`, and again when a call finds no flow (a flow
 * published a moment ago), because a missed call is worth one read.
 */
export class CallTriggerIndex {
  private flows: CallFlow[] = [];
  private loadedAt = 0;
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    private readonly logger: FastifyBaseLogger,
    private readonly maxAgeMs = 5_000,
  ) {}

  /** The first published flow whose inbound-call trigger takes a call to `to` (any of ours when the trigger lists none). */
  async match(to: string | undefined): Promise<CallFlowMatch | null> {
    if (this.loadedAt === 0) await this.refresh();
    else if (Date.now() - this.loadedAt > this.maxAgeMs) void this.refresh().catch((error: unknown) => this.logger.error({ err: error }, 'call trigger index refresh failed'));
    const found = this.find(to);
    if (found) return found;
    await this.refresh();
    return this.find(to);
  }

  private find(to: string | undefined): CallFlowMatch | null {
    for (const flow of this.flows) {
      const triggerNode = flow.triggers.find(({ config }) => config.numbers.length === 0 || (to !== undefined && config.numbers.includes(to)));
      if (triggerNode) return { flowId: flow.flowId, flowVersion: flow.flowVersion, definition: flow.definition, triggerNode };
    }
    return null;
  }

  refresh(): Promise<void> {
    this.inFlight ??= this.load().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async load(): Promise<void> {
    const started = Date.now();
    const published = await this.store.flows.find({ publishedVersion: { $ne: null } }, { _id: 1, publishedVersion: 1 }).lean();
    const versionIds = published.map((flow) => `${flow._id}@${flow.publishedVersion}`);
    const versions = versionIds.length === 0 ? [] : await this.store.flowVersions.find({ _id: { $in: versionIds } }).lean();
    const next: CallFlow[] = [];
    for (const version of versions) {
      try {
        const definition = readStoredDefinition(version.definitionJson, version._id);
        const triggers = definition.nodes.filter((node): node is FlowNodeOf<'trigger.inboundCall'> => node.type === 'trigger.inboundCall');
        if (triggers.length > 0) next.push({ flowId: version.flowId, flowVersion: version.version, definition, triggers });
      } catch (error) {
        // One broken flow must not stop calls reaching the others.
        this.logger.error({ err: error, flowVersion: version._id }, 'skipping a published flow that does not parse');
      }
    }
    // Stable order, so the same call always reaches the same flow.
    next.sort((a, b) => a.flowId.localeCompare(b.flowId));
    this.flows = next;
    this.loadedAt = started;
  }
}
