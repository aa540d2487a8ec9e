/**
 * Moving a waiting journey to a newer published version of its flow: the `migrateToVersion`
 * update. The validator refuses, with the reason, anything but a journey waiting at a wait node
 * whose id is in the new definition with the same type (migrateDecision.ts). Accepted, it wakes
 * the interpreter, which is awaiting that wait: the visit ends "moved from v1 to v2 at
 * wait_reply", and the journey continues as new on the new definition from the same node with
 * all its state (journeyResume.ts), the first run's id (send idempotency) and FlowVersion updated.
 * A journey that never gets the update runs exactly the commands it always did: racing a
 * promise against the wait issues none.
 */
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  defineUpdate,
  log,
  makeContinueAsNewFunc,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { FlowNode } from '@threadline/flows/types';
import {
  journeySearchAttributeKeys,
  MIGRATE_TO_VERSION_UPDATE,
  type JourneyInput,
  type JourneyState,
  type MigrateToVersionRequest,
  type MigrateToVersionResult,
} from '../journeys/contract';
import type { JourneyRun } from './journeyRun';
import { decideMigration, movedDetail, MOVABLE_WAIT_TYPES, type MigrationDecision } from './migrateDecision';

export const migrateToVersionUpdate = defineUpdate<MigrateToVersionResult, [MigrateToVersionRequest]>(MIGRATE_TO_VERSION_UPDATE);

/** What `race` answers when the journey is to move instead of finishing its wait. */
export const MOVING = Symbol('moving to another version');

interface PendingMove {
  request: MigrateToVersionRequest;
  resolve: (result: MigrateToVersionResult) => void;
  reject: (error: Error) => void;
}

export class Migration {
  private pending: PendingMove | null = null;
  /** Set while the interpreter awaits a wait node: the update handler wakes it. */
  private wake: (() => void) | null = null;

  constructor(private readonly run: JourneyRun) {}

  /** Registers the update; call once, next to the other handlers. */
  register(): this {
    setHandler(
      migrateToVersionUpdate,
      (request) =>
        new Promise<MigrateToVersionResult>((resolve, reject) => {
          this.pending = { request, resolve, reject };
          this.wake?.();
        }),
      { validator: (request) => this.validate(request) },
    );
    return this;
  }

  /** Whether the interpreter should race this node's step against a move: only the movable waits. */
  static awaitsAt(node: FlowNode): boolean {
    return MOVABLE_WAIT_TYPES.some((type) => type === node.type);
  }

  /**
   * The node's output, or MOVING when an accepted move finds the journey still waiting at the
   * node (checked again here: a reply may have ended the wait in the same task, and then the
   * move is refused and the journey goes on).
   */
  async race(node: FlowNode, step: Promise<string | null>): Promise<string | null | typeof MOVING> {
    for (;;) {
      const woken = await new Promise<{ output: string | null } | typeof MOVING>((resolve, reject) => {
        if (this.pending) resolve(MOVING);
        this.wake = () => resolve(MOVING);
        step.then((output) => resolve({ output }), reject);
      });
      this.wake = null;
      if (woken !== MOVING) {
        // The wait ended first (in the same task as the move's arrival): the move is refused.
        this.refuse(`the journey left ${node.id} before it could move`);
        return woken.output;
      }
      const pending = this.pending;
      if (!pending) continue;
      const decision = this.decide(pending.request);
      if (decision.moves && decision.nodeId === node.id) return MOVING;
      this.refuse(decision.moves ? `the journey left ${node.id} before it could move` : decision.reason);
    }
  }

  private refuse(reason: string): void {
    const pending = this.pending;
    this.pending = null;
    pending?.reject(ApplicationFailure.nonRetryable(reason, 'JourneyNotMovable'));
  }

  /**
   * Ends this run at the wait `node` and continues as new on the requested version from the same
   * node. The state is taken at once, before anything else can run: the wait's own continuation
   * may still take a reply in this task, and that reply must go with the journey.
   */
  async moveAt(node: FlowNode): Promise<never> {
    const pending = this.pending;
    if (!pending) throw new Error('moveAt without an accepted move');
    const { run } = this;
    const { definition, version } = pending.request;
    const fromVersion = run.input.flowVersion;
    const until = run.pendingWait?.until ?? new Date().toISOString();
    run.trace.leave(null, movedDetail(fromVersion, version, node.id), new Date().toISOString());
    run.nodeStats.exit(node.id);
    const resume = { ...run.resumeAt(node.id), movedWait: { nodeId: node.id, until, fromVersion } };
    const input: JourneyInput = { ...run.input, flowVersion: version, definition, resume };
    log.info('journey moves to another version', { nodeId: node.id, fromVersion, toVersion: version });

    pending.resolve({ fromVersion, toVersion: version, nodeId: node.id });
    this.pending = null;
    // The update's answer must be written before the run closes, or its caller gets an error.
    await condition(allHandlersFinished);
    const info = workflowInfo();
    const next = makeContinueAsNewFunc<(input: JourneyInput) => Promise<JourneyState>>({
      ...(info.memo === undefined ? {} : { memo: info.memo }),
      typedSearchAttributes: info.typedSearchAttributes.updateCopy([{ key: journeySearchAttributeKeys.FlowVersion, value: version }]),
    });
    return next(input);
  }

  private validate(request: MigrateToVersionRequest): void {
    if (!isMigrateRequest(request)) throw new Error('a move needs { definition, version }: a published definition with its nodes, and a whole version number');
    if (this.pending) throw new Error('the journey is already moving');
    const decision = this.decide(request);
    if (!decision.moves) throw new Error(decision.reason);
  }

  private decide(request: MigrateToVersionRequest): MigrationDecision {
    const { run } = this;
    const waitNodeId = run.pendingWait?.nodeId ?? null;
    return decideMigration(
      {
        status: run.status,
        currentNodeId: run.currentNodeId,
        pendingWait: run.pendingWait,
        waitNodeType: waitNodeId === null ? null : (run.index.nodes.get(waitNodeId)?.type ?? null),
        fromVersion: run.input.flowVersion,
        triggerNodeId: run.input.triggerNodeId,
      },
      request,
    );
  }
}

/** The workflow bundle carries no zod: a plain check that the update is what the API sends. */
function isMigrateRequest(value: unknown): value is MigrateToVersionRequest {
  if (typeof value !== 'object' || value === null) return false;
  const { definition, version } = value as Partial<Record<keyof MigrateToVersionRequest, unknown>>;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return false;
  return typeof definition === 'object' && definition !== null && Array.isArray((definition as { nodes?: unknown }).nodes);
}
