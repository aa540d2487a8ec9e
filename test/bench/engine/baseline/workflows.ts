/** The engine baseline worker's workflow bundle entry point: the hand-written journey only. */
export { handWrittenEngineJourney } from './handWrittenEngineJourney';
