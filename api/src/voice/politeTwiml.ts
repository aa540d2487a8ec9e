/**
 * What a caller hears when no journey can take the call (no published flow for the number, a
 * withheld caller id, the engine unreachable). Twilio gets a document every time, never a 5xx:
 * without one it plays its own "application error" and hangs up.
 */
export const SORRY_TWIML =
  '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Sorry, we cannot take your call right now. Please try again later. Goodbye.</Say><Hangup/></Response>';

/** The empty answer, for a status callback or a turn of a call that has ended. */
export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';
