import type { FlowNodeOf } from '@threadline/flows/types';
import type { JourneyRun } from '../journeyRun';
import { askCaller } from '../voice/askCaller';
import { CALLER_HUNG_UP, skipVoiceNode } from '../voice/callOver';
import { renderSpoken } from '../voice/renderSpoken';
import { dial, enqueue } from '../voice/twiml';
import { callInProgress } from '../voice/voiceCall';
import { TURN_GRACE_SECONDS } from './voiceMenu';

/** `<Dial>`'s default timeLimit: the action comes only once the connected call ends. */
const LONGEST_CONNECTED_CALL_SECONDS = 4 * 60 * 60;

type ConnectOutput = 'completed' | 'noAnswer' | 'busy' | 'failed';

/**
 * Connects the caller: a number with `<Dial><Number>`, an agent with `<Dial><Client>`, a queue
 * with `<Enqueue>`. The action's DialCallStatus (or QueueResult) picks the output; the caller
 * is still on the line afterwards. A caller who hangs up first takes `completed`.
 */
export async function runVoiceConnect(node: FlowNodeOf<'voice.connect'>, run: JourneyRun, visit: number): Promise<string | null> {
  const call = callInProgress(run);
  if (!call) return skipVoiceNode(run, node, { status: 'completed', durationSeconds: 0 });
  const { config } = node;
  const target = renderSpoken(run, node.id, 'target', config.target).trim();
  const answer = await askCaller(run, call, {
    nodeId: node.id,
    visit,
    verbs: (action) => {
      const options = { action, timeoutSeconds: config.timeoutSeconds, callerId: config.callerId, record: config.record };
      switch (config.connectTo) {
        case 'number':
          return [dial(options, { number: target })];
        case 'agent':
          return [dial(options, { client: target })];
        case 'queue':
          return [enqueue(target, action)];
        default:
          return assertNever(config.connectTo);
      }
    },
    deadlineSeconds: config.timeoutSeconds + LONGEST_CONNECTED_CALL_SECONDS + TURN_GRACE_SECONDS,
  });
  if ('hungUp' in answer) {
    run.context.nodes[node.id] = { status: 'completed', durationSeconds: 0, reason: CALLER_HUNG_UP };
    return 'completed';
  }
  const reported = answer.input.dialStatus ?? '';
  const status = connectOutputOf(reported);
  // Enqueue's `hangup`: the caller left the queue by hanging up.
  if (reported === 'hangup') call.end();
  run.context.nodes[node.id] = { status, durationSeconds: answer.input.dialDuration ?? 0, reason: `${config.connectTo} ${target}: ${reported || 'no status'}` };
  return status;
}

/**
 * DialCallStatus (completed, answered, busy, no-answer, failed, canceled) or Enqueue's
 * QueueResult (bridged, hangup, queue-full, error, system-error, leave, redirected…).
 */
export function connectOutputOf(reported: string): ConnectOutput {
  switch (reported) {
    case 'completed':
    case 'answered':
    case 'bridged':
    // The caller hung up while waiting in the queue: the call is over, nothing failed.
    case 'hangup':
      return 'completed';
    case 'busy':
      return 'busy';
    case 'no-answer':
    case 'leave':
    case 'redirected':
    case 'redirected-from-bridged':
      return 'noAnswer';
    default:
      return 'failed';
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled connect target: ${String(value)}`);
}
