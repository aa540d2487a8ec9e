import { condition } from '@temporalio/workflow';
import type { VoiceTurnRequest } from '../../journeys/contract';
import { twimlDocument } from './twiml';
import { VoiceCall } from './voiceCall';

type AnswerRequest = Extract<VoiceTurnRequest, { kind: 'answer' }>;

/**
 * A call the journey placed (`call.outbound`). It is attached to the run before the call is
 * placed, so an answer that beats the activity's result still finds its node: until the
 * provider's CallSid is known (`callSid` is '') the node and visit in the answer URL identify it.
 * Once answered it is an ordinary call: the voice nodes that follow build its turns, the
 * answer's update returning the first.
 */
export class OutboundCall extends VoiceCall {
  readonly nodeId: string;
  readonly visit: number;
  /** Twilio's AnsweredBy once answered ('' when it sent none); null while it rings. */
  answeredBy: string | null = null;
  /** The final CallStatus of a call that ended, as the status callback said it. */
  endStatus: string | null = null;

  constructor(nodeId: string, visit: number) {
    super('');
    this.nodeId = nodeId;
    this.visit = visit;
  }
}

/** Whether a request about `callSid` is about this call (an outbound call whose CallSid is not known yet matches any). */
export function isSameCall(call: VoiceCall, callSid: string): boolean {
  return call.callSid === callSid || (call instanceof OutboundCall && call.callSid === '');
}

/** The validator's part for an answer: the ringing outbound call of the node and visit the answer URL names. */
export function validateAnswer(call: VoiceCall, request: AnswerRequest): void {
  if (!(call instanceof OutboundCall)) throw new Error('this journey placed no call');
  if (call.over) throw new Error('the call is over');
  if (call.answeredBy !== null) throw new Error('the call was already answered');
  if (call.nodeId !== request.nodeId || call.visit !== request.visit) {
    throw new Error(`the call of ${call.nodeId} (visit ${call.visit}) rings, not one of ${request.nodeId} (visit ${request.visit})`);
  }
}

/** The handler's part: the node takes the answer; the first turn is what the nodes after it gather. */
export async function answerOutboundCall(call: VoiceCall, request: AnswerRequest): Promise<string> {
  if (!(call instanceof OutboundCall)) throw new Error('this journey placed no call');
  if (call.callSid === '') call.callSid = request.callSid;
  call.answeredBy = request.answeredBy ?? '';
  await condition(() => call.documentOf(0) !== undefined);
  return call.documentOf(0) ?? twimlDocument([]);
}

/** A status callback's final CallStatus, kept for the node that waits for the answer. */
export function noteEndStatus(call: VoiceCall, status: string | undefined): void {
  if (call instanceof OutboundCall && status !== undefined && call.endStatus === null) call.endStatus = status;
}
