/**
 * The action URL a TwiML document sends the caller's next input to (its Gather, Record, Dial or
 * Enqueue), or null when the document ends the call. The sandbox plays the caller with it.
 */
export function nextActionUrl(twiml: string): string | null {
  const match = /\baction="([^"]*)"/.exec(twiml);
  if (!match?.[1]) return null;
  return match[1].replace(/&(amp|lt|gt|quot|apos);/g, (_entity, name: string) => XML_CHARACTERS[name] ?? '');
}

const XML_CHARACTERS: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
