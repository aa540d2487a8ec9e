/** The baseline worker's workflow bundle entry point: the hand-written missed-call journey only. */
export { handWrittenMissedCall } from './handWrittenMissedCall';
