/**
 * The action URL a TwiML document sends the caller's next input to (its Gather, Record, Dial or
 * Enqueue), or null when the document ends the call. The sandbox plays the caller with it.
 */
export function nextActionUrl(twiml: string): string | null {
  return attributeUrl(twiml, /\baction="([^"]*)"/);
}

/** Where the document's recording asks the provider to post its transcript, or null. */
export function transcribeCallbackUrl(twiml: string): string | null {
  return attributeUrl(twiml, /\btranscribeCallback="([^"]*)"/);
}

function attributeUrl(twiml: string, attribute: RegExp): string | null {
  const match = attribute.exec(twiml);
  if (!match?.[1]) return null;
  return match[1].replace(/&(amp|lt|gt|quot|apos);/g, (_entity, name: string) => XML_CHARACTERS[name] ?? '');
}

const XML_CHARACTERS: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
