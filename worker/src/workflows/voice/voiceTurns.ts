import { allHandlersFinished, condition, defineUpdate, setHandler } from '@temporalio/workflow';
import { VOICE_TURN_UPDATE, type VoiceTurnRequest, type VoiceTurnResponse } from '../../journeys/contract';
import type { JourneyRun } from '../journeyRun';
import { twimlDocument } from './twiml';
import { answerOutboundCall, isSameCall, noteEndStatus, validateAnswer } from './outboundCall';
import { attachCall, callOf, VoiceCall } from './voiceCall';

export const voiceTurnUpdate = defineUpdate<VoiceTurnResponse, [VoiceTurnRequest]>(VOICE_TURN_UPDATE);

/**
 * Registers the `voiceTurn` update. A journey started by an inbound call is on that call from
 * its first node. The validator turns away what does not belong to the turn in hand (another
 * call, a node or turn that is not waiting, a call already over), so nothing lands in history;
 * the handler hands the caller's input to the waiting node and returns the document the
 * interpreter closes next.
 */
export function registerVoiceTurns(run: JourneyRun): void {
  const { trigger, resume } = run.input;
  if (trigger.kind === 'call') {
    const call = new VoiceCall(callSidOfEvent(trigger.eventId));
    // A run that continued as new (or was moved or re-run) is past its call: the turns it
    // answered are in the old run, and Twilio has long stopped asking.
    if (resume !== undefined) call.over = true;
    attachCall(run, call);
  }

  setHandler(
    voiceTurnUpdate,
    async (request) => {
      const call = callOf(run);
      if (!call) throw new Error('this journey is not on a call');
      switch (request.kind) {
        case 'start':
          await condition(() => call.documentOf(0) !== undefined);
          return call.documentOf(0) ?? twimlDocument([]);
        case 'input': {
          const { kind: _kind, callSid: _callSid, nodeId: _nodeId, visit: _visit, turn, ...input } = request;
          call.input = input;
          await condition(() => call.documentOf(turn) !== undefined);
          return call.documentOf(turn) ?? twimlDocument([]);
        }
        // An outbound call was answered (call.outbound, outboundCall.ts).
        case 'answer':
          return answerOutboundCall(call, request);
        case 'hangup':
          // Whatever turn was open is answered with a hangup; the caller is gone anyway.
          noteEndStatus(call, request.status);
          call.end();
          return twimlDocument([]);
        default:
          return assertNever(request);
      }
    },
    { validator: (request) => validateTurn(run, request), description: 'one turn of the phone call: the caller\'s input in, the next TwiML out' },
  );
}

function validateTurn(run: JourneyRun, request: VoiceTurnRequest): void {
  const call = callOf(run);
  if (!call) throw new Error('this journey is not on a call');
  if (!isSameCall(call, request.callSid)) throw new Error(`this journey is on call ${call.callSid}, not ${request.callSid}`);
  switch (request.kind) {
    case 'start':
      return;
    case 'answer':
      return validateAnswer(call, request);
    case 'input': {
      if (call.over) throw new Error('the call is over');
      const awaiting = call.awaiting;
      if (awaiting === null) throw new Error('no node is waiting for the caller');
      if (awaiting.nodeId !== request.nodeId || awaiting.visit !== request.visit || awaiting.turn !== request.turn) {
        throw new Error(`node ${awaiting.nodeId} (visit ${awaiting.visit}, turn ${awaiting.turn}) is waiting, not ${request.nodeId} (visit ${request.visit}, turn ${request.turn})`);
      }
      if (call.input !== null) throw new Error('this turn already has its input');
      return;
    }
    case 'hangup':
      if (call.over) throw new Error('the call is already over');
      return;
    default:
      assertNever(request);
  }
}

/** The provider's call id: the event id is `<provider>:<CallSid>`. */
export function callSidOfEvent(eventId: string): string {
  const colon = eventId.indexOf(':');
  return colon < 0 ? eventId : eventId.slice(colon + 1);
}

/**
 * Before the workflow returns: a turn still waiting for its document gets one (the call ends
 * after what was gathered), and the update handlers finish, so the caller hears the last turn
 * rather than Twilio's "application error".
 */
export async function finishCall(run: JourneyRun): Promise<void> {
  callOf(run)?.end();
  if (!allHandlersFinished()) await condition(allHandlersFinished);
}

function assertNever(value: never): never {
  throw new Error(`unhandled voice turn: ${JSON.stringify(value)}`);
}
