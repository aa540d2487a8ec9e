import type { NodeConfigs } from '@threadline/flows/types';

type MachineDetection = NodeConfigs['call.outbound']['machineDetection'];

/** How an answered call goes on: the output, `answeredBy` as the catalog's results name it, and why. */
export interface AnswerReading {
  output: 'human' | 'machine';
  answeredBy: 'human' | 'machine' | 'unknown';
  reason: string;
}

/**
 * Reads Twilio's AnsweredBy (providers-reference §3.4): `human`; `machine_start`,
 * `machine_end_beep`, `machine_end_silence`, `machine_end_other` and `fax` are machines.
 * With detection off every answer is a person's (`unknown`: nobody asked). With detection on,
 * `unknown` (or nothing) is taken as a person too: Twilio says `unknown` when the greeting was
 * too short or silent to judge, which is most often a person saying "hello?"; a person who hears
 * a voicemail meant for a machine is a worse outcome than a machine that hears the menu.
 */
export function readAnswer(machineDetection: MachineDetection, answeredBy: string): AnswerReading {
  if (machineDetection === 'off') return { output: 'human', answeredBy: 'unknown', reason: 'answered (detection off)' };
  if (answeredBy === 'human') return { output: 'human', answeredBy: 'human', reason: 'a person answered' };
  if (answeredBy.startsWith('machine') || answeredBy === 'fax') {
    return { output: 'machine', answeredBy: 'machine', reason: `a machine answered (${answeredBy})` };
  }
  return {
    output: 'human',
    answeredBy: 'unknown',
    reason: `detection could not tell (${answeredBy === '' ? 'no result' : answeredBy}): taken as a person`,
  };
}

/** The output of a call that ended unanswered, from its final CallStatus (§3.3). */
export function unansweredOutput(status: string): 'noAnswer' | 'busy' | 'failed' {
  switch (status) {
    case 'busy':
      return 'busy';
    case 'failed':
      return 'failed';
    // no-answer; canceled (withdrawn while it rang); completed without an answer we saw.
    default:
      return 'noAnswer';
  }
}

/** The trace's words for an unanswered call. */
export function unansweredReason(status: string): string {
  switch (status) {
    case 'busy':
      return 'the line was busy';
    case 'failed':
      return 'the call could not be placed (failed)';
    case 'canceled':
      return 'the call was canceled while it rang';
    default:
      return 'nobody answered';
  }
}
