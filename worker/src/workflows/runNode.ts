import type { FlowNode } from '@threadline/flows/types';
import { definitionFault } from './journeyFailures';
import type { JourneyRun } from './journeyRun';
import { runAbSplit } from './nodes/abSplit';
import { runBusinessHours } from './nodes/businessHours';
import { runCallOutbound } from './nodes/callOutbound';
import { runDelay } from './nodes/delay';
import { runEnd } from './nodes/end';
import { runHttpRequest } from './nodes/httpRequest';
import { runIntent } from './nodes/intent';
import { runSend } from './nodes/send';
import { runSetVariables } from './nodes/setVariables';
import { runSplit } from './nodes/split';
import { runSubflow } from './nodes/subflow';
import { runTrigger } from './nodes/trigger';
import { runUpdateContact } from './nodes/updateContact';
import { runVoiceConnect } from './nodes/voiceConnect';
import { runVoiceGather } from './nodes/voiceGather';
import { runVoiceHangup } from './nodes/voiceHangup';
import { runVoiceMenu } from './nodes/voiceMenu';
import { runVoicePlay } from './nodes/voicePlay';
import { runVoiceRecord } from './nodes/voiceRecord';
import { runVoiceSay } from './nodes/voiceSay';
import { runWaitForEvent } from './nodes/waitForEvent';
import { runWaitForReply } from './nodes/waitForReply';
import { runWaitUntil } from './nodes/waitUntil';

/**
 * What running a node yields: the output to follow, or null when the journey ends. Nodes that
 * need no Temporal command answer synchronously, so the interpreter steps through them
 * without yielding to the event loop.
 */
export type NodeStep = string | null | Promise<string | null>;

export function runNode(node: FlowNode, run: JourneyRun, visit: number): NodeStep {
  switch (node.type) {
    case 'trigger.inboundMessage':
    case 'trigger.inboundCall':
    case 'trigger.missedCall':
    case 'trigger.event':
    case 'trigger.schedule':
    case 'trigger.subflow':
      return runTrigger(node, run);
    case 'send':
      return runSend(node, run, visit);
    case 'waitForReply':
      return runWaitForReply(node, run);
    case 'waitForEvent':
      return runWaitForEvent(node, run);
    case 'split':
      return runSplit(node, run);
    case 'end':
      return runEnd(node, run);
    case 'httpRequest':
      return runHttpRequest(node, run, visit);
    case 'intent':
      return runIntent(node, run);
    case 'abSplit':
      return runAbSplit(node, run);
    case 'delay':
      return runDelay(node, run);
    case 'waitUntil':
      return runWaitUntil(node, run);
    case 'businessHours':
      return runBusinessHours(node, run);
    case 'setVariables':
      return runSetVariables(node, run);
    case 'updateContact':
      return runUpdateContact(node, run, visit);
    case 'subflow':
      return runSubflow(node, run, visit);
    // An inbound call's turns (voice/voiceTurns.ts): say and play add verbs at once; the others ask the caller.
    case 'voice.say':
      return runVoiceSay(node, run);
    case 'voice.play':
      return runVoicePlay(node, run);
    case 'voice.menu':
      return runVoiceMenu(node, run, visit);
    case 'voice.gather':
      return runVoiceGather(node, run, visit);
    case 'voice.record':
      return runVoiceRecord(node, run, visit);
    case 'voice.connect':
      return runVoiceConnect(node, run, visit);
    case 'voice.hangup':
      return runVoiceHangup(node, run);
    // Places a call and waits for the answer; an answered call goes on to the voice nodes.
    case 'call.outbound':
      return runCallOutbound(node, run, visit);
    // The rest of the catalog runs from issue 6 on. Until then a journey reaching one fails
    // naming it (non-retryable), rather than retrying a workflow task that can never succeed.
    case 'route':
    case 'handoff':
    case 'placeholder':
      throw notRunYet(node);
    default:
      return unknownNodeType(node);
  }
}

export function notRunYet(node: FlowNode): Error {
  return definitionFault(node.id, `node type "${node.type}" is not run by this worker yet`);
}

/**
 * The exhaustive end of the switch. At run time a definition from a newer catalog can still
 * carry a type this worker does not know: fail the journey naming the node, not the task.
 */
function unknownNodeType(node: never): never {
  const { id, type } = node as { id: string; type: string };
  throw definitionFault(id, `this worker does not know node type "${type}"`);
}
