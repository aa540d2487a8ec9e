/**
 * TwiML, the document a voice turn answers Twilio with (providers-reference §3.5). Verbs are
 * built as strings, escaped here and only here: prompts come from Liquid templates that may
 * read what a caller said or a contact's name, and a stray "&" or "<" would make Twilio drop
 * the call with a parse error (12100). Pure, so the workflow bundle and unit tests share it.
 */

/** A rendered verb, ready to go inside `<Response>`. */
export type TwimlVerb = string & { readonly twimlVerb: unique symbol };

/** Escapes text and attribute values for XML (quotes too: the same function serves both). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? char);
}

const XML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

type Attributes = Readonly<Record<string, string | number | boolean | undefined>>;

function element(name: string, attributes: Attributes, body?: string): TwimlVerb {
  const rendered = Object.entries(attributes)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
  return (body === undefined ? `<${name}${rendered}/>` : `<${name}${rendered}>${body}</${name}>`) as TwimlVerb;
}

export interface SpeechOptions {
  voice?: string | undefined;
  language?: string | undefined;
}

export function say(text: string, options: SpeechOptions & { loop?: number | undefined } = {}): TwimlVerb {
  return element('Say', { voice: options.voice, language: options.language, loop: loopAttribute(options.loop) }, escapeXml(text));
}

export function play(url: string, loop?: number): TwimlVerb {
  return element('Play', { loop: loopAttribute(loop) }, escapeXml(url));
}

/** TwiML's default is one; writing it out would only lengthen every document. */
function loopAttribute(loop: number | undefined): number | undefined {
  return loop === undefined || loop === 1 ? undefined : loop;
}

export interface GatherOptions {
  action: string;
  input: 'dtmf' | 'speech' | 'dtmfAndSpeech';
  timeoutSeconds: number;
  numDigits?: number | undefined;
  /** Absent: TwiML's default "#"; the empty string turns the finish key off. */
  finishOnKey?: string | undefined;
  language?: string | undefined;
  hints?: readonly string[] | undefined;
}

/**
 * `<Gather>` with its prompt inside (so a key press interrupts it), then a `<Redirect>` to the
 * same action: with no input Twilio falls through to the next verb, and the redirect, which
 * carries no Digits or SpeechResult, tells the node "no input" at once instead of hanging up.
 */
export function gather(options: GatherOptions, prompt: readonly TwimlVerb[]): TwimlVerb[] {
  const speech = options.input !== 'dtmf';
  return [
    element(
      'Gather',
      {
        input: options.input === 'dtmfAndSpeech' ? 'dtmf speech' : options.input,
        action: options.action,
        method: 'POST',
        timeout: options.timeoutSeconds,
        numDigits: options.numDigits,
        finishOnKey: options.finishOnKey,
        speechTimeout: speech ? 'auto' : undefined,
        language: speech ? options.language : undefined,
        hints: speech && options.hints !== undefined && options.hints.length > 0 ? options.hints.join(', ') : undefined,
      },
      prompt.join(''),
    ),
    redirect(options.action),
  ];
}

export function redirect(url: string): TwimlVerb {
  return element('Redirect', { method: 'POST' }, escapeXml(url));
}

export interface RecordOptions {
  action: string;
  maxLengthSeconds: number;
  playBeep: boolean;
  /** Where the provider posts the transcript (transcripts.ts); none: no transcript asked for. */
  transcribeCallback?: string | undefined;
  finishOnKey?: string | undefined;
}

export function record(options: RecordOptions): TwimlVerb {
  return element('Record', {
    action: options.action,
    method: 'POST',
    maxLength: options.maxLengthSeconds,
    playBeep: options.playBeep,
    // Without a finish key only silence, the time limit or a hang-up end the recording.
    finishOnKey: options.finishOnKey ?? '',
    transcribe: options.transcribeCallback === undefined ? undefined : true,
    transcribeCallback: options.transcribeCallback,
    trim: 'trim-silence',
  });
}

export interface DialOptions {
  action: string;
  timeoutSeconds: number;
  callerId?: string | undefined;
  record: boolean;
}

/** `<Dial>` to a phone number or a client (an agent's app); its action says how the leg ended. */
export function dial(options: DialOptions, to: { number: string } | { client: string }): TwimlVerb {
  const noun = 'number' in to ? element('Number', {}, escapeXml(to.number)) : element('Client', {}, escapeXml(to.client));
  return element(
    'Dial',
    {
      action: options.action,
      method: 'POST',
      timeout: options.timeoutSeconds,
      callerId: options.callerId,
      record: options.record ? 'record-from-answer' : undefined,
    },
    noun,
  );
}

/**
 * A caller waits in a queue with `<Enqueue>` (`<Dial><Queue>` is the agent's side, taking the
 * caller at the front); its action reports the QueueResult once the caller leaves the queue.
 */
export function enqueue(queue: string, action: string): TwimlVerb {
  return element('Enqueue', { action, method: 'POST' }, escapeXml(queue));
}

export function hangup(): TwimlVerb {
  return element('Hangup', {});
}

export function pause(seconds: number): TwimlVerb {
  return element('Pause', { length: seconds });
}

export function twimlDocument(verbs: readonly TwimlVerb[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${verbs.join('')}</Response>`;
}
