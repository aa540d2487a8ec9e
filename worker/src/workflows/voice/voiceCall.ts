import type { JourneyRun } from '../journeyRun';
import type { TwimlVerb } from './twiml';
import { hangup, twimlDocument } from './twiml';

/** What a caller did at the node that asked, as the turn's update carried it. */
export interface CallerInput {
  digits?: string | undefined;
  speech?: string | undefined;
  recordingUrl?: string | undefined;
  recordingDuration?: number | undefined;
  dialStatus?: string | undefined;
  dialDuration?: number | undefined;
}

/** The node waiting for the caller: the action URL of its turn names it. */
export interface AwaitedInput {
  nodeId: string;
  visit: number;
  turn: number;
}

/**
 * The phone call a journey is on, if any. Turns are numbered from 0 (the answer to the
 * incoming-call webhook); voice nodes append verbs to the open turn, and a node that needs the
 * caller (menu, gather, record, connect) or a hangup closes it: the document is stored under
 * the turn's number, where the update waiting for it picks it up.
 */
export class VoiceCall {
  callSid: string;
  /** The call is over: the caller hung up, Twilio gave up on a turn, or the journey hung up. */
  over = false;
  /** The turn being built. */
  turn = 0;
  awaiting: AwaitedInput | null = null;
  input: CallerInput | null = null;
  private verbs: TwimlVerb[] = [];
  /** Closed turns' documents by number; only the last two are kept (a retried webhook may ask again). */
  private readonly documents = new Map<number, string>();

  constructor(callSid: string) {
    this.callSid = callSid;
  }

  append(...verbs: TwimlVerb[]): void {
    this.verbs.push(...verbs);
  }

  /** Closes the open turn with `verbs` last; the next turn starts empty. Returns the new turn's number. */
  closeTurn(...verbs: TwimlVerb[]): number {
    this.documents.set(this.turn, twimlDocument([...this.verbs, ...verbs]));
    this.documents.delete(this.turn - 2);
    this.verbs = [];
    this.turn += 1;
    return this.turn;
  }

  /** Hangs up after whatever the open turn gathered; the call is over from here on. */
  end(): void {
    if (this.over) return;
    this.closeTurn(hangup());
    this.over = true;
    this.awaiting = null;
  }

  /** The document answering turn `turn`, once it is closed (after the call ended: a plain hangup). */
  documentOf(turn: number): string | undefined {
    const document = this.documents.get(turn);
    if (document !== undefined) return document;
    return this.over ? twimlDocument([hangup()]) : undefined;
  }
}

/**
 * The call of each journey run. A WeakMap beside the run rather than a field on it: the call
 * is the voice nodes' business, and module state is per workflow in Temporal's sandbox.
 */
const calls = new WeakMap<JourneyRun, VoiceCall>();

export function callOf(run: JourneyRun): VoiceCall | undefined {
  return calls.get(run);
}

export function attachCall(run: JourneyRun, call: VoiceCall): void {
  calls.set(run, call);
}

/** The call in progress, or null when there is none (never was, or over). */
export function callInProgress(run: JourneyRun): VoiceCall | null {
  const call = calls.get(run);
  return call && !call.over ? call : null;
}
