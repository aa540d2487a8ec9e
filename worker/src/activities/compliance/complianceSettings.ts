/**
 * What the worker enforces at send time, whatever the flow says (issue 6, §6):
 * - THREADLINE_QUIET_HOURS           local hours no message goes out and no call is placed,
 *                                    "21:00-08:00" (the default); "off" for none
 * - THREADLINE_QUIET_HOURS_CHANNELS  the channels quiet hours hold for, "sms,whatsapp,webchat,voice"
 *                                    (the default: `voice` is a journey's outbound calls, which
 *                                    TCPA-style rules cover as they cover texts; email is exempt
 *                                    unless listed)
 * - THREADLINE_FREQUENCY_CAP         at most N messages to one contact per rolling window,
 *                                    "3/24h" (the default); "0" for no cap
 */
import { parseDuration } from '@threadline/flows/runtime';
import type { Channel } from '@threadline/flows/types';

export interface QuietHours {
  /** "HH:MM" local time the quiet starts, e.g. "21:00". */
  start: string;
  /** "HH:MM" local time sending may resume, e.g. "08:00"; before `start` when the quiet spans midnight. */
  end: string;
  /** The channels held: message channels, and `voice` for the calls a journey places. */
  channels: readonly Channel[];
}

export interface FrequencyCap {
  /** Messages allowed per window; always at least 1 (a cap of 0 is no cap). */
  max: number;
  windowMs: number;
  /** The window as written ("24h"), for the reasons on the timeline. */
  window: string;
}

export interface ComplianceSettings {
  /** Null when there are no quiet hours. */
  quietHours: QuietHours | null;
  /** Null when there is no cap. */
  frequencyCap: FrequencyCap | null;
}

export const DEFAULT_QUIET_HOURS = '21:00-08:00';
export const DEFAULT_QUIET_HOURS_CHANNELS = 'sms,whatsapp,webchat,voice';
export const DEFAULT_FREQUENCY_CAP = '3/24h';

/** No quiet hours and no cap: what a worker enforces when it is given no settings. */
export const noCompliance: ComplianceSettings = { quietHours: null, frequencyCap: null };

const QUIET_CHANNELS: readonly Channel[] = ['sms', 'whatsapp', 'email', 'webchat', 'voice'];
const WINDOW = /^\s*(\d{2}):(\d{2})\s*[-–]\s*(\d{2}):(\d{2})\s*$/;
const OFF = /^\s*(off|none)?\s*$/i;

/**
 * "21:00-08:00" and a channel list to quiet hours; null for "off", "none" or an empty window,
 * or when a start equals its end (a quiet of no length). Throws saying what to write.
 */
export function parseQuietHours(window: string, channels: string = DEFAULT_QUIET_HOURS_CHANNELS): QuietHours | null {
  const hours = parseQuietWindow(window);
  return hours === null ? null : { ...hours, channels: parseQuietChannels(channels) };
}

/** The window of THREADLINE_QUIET_HOURS alone; null when there are no quiet hours. */
export function parseQuietWindow(window: string): Omit<QuietHours, 'channels'> | null {
  if (OFF.test(window)) return null;
  const match = WINDOW.exec(window);
  const [startHours, startMinutes, endHours, endMinutes] = (match?.slice(1) ?? []).map(Number);
  if (
    startHours === undefined || startMinutes === undefined || endHours === undefined || endMinutes === undefined ||
    startHours > 23 || endHours > 23 || startMinutes > 59 || endMinutes > 59
  ) {
    throw new Error(`"${window}" is not a quiet-hours window: write local start and end times, e.g. 21:00-08:00, or "off"`);
  }
  const start = `${pad(startHours)}:${pad(startMinutes)}`;
  const end = `${pad(endHours)}:${pad(endMinutes)}`;
  return start === end ? null : { start, end };
}

/** "sms, voice" to channels, each once; throws naming one that is not a channel. */
export function parseQuietChannels(text: string): Channel[] {
  const channels: Channel[] = [];
  for (const name of text.split(',').map((part) => part.trim().toLowerCase()).filter((part) => part !== '')) {
    const channel = QUIET_CHANNELS.find((known) => known === name);
    if (channel === undefined) throw new Error(`"${name}" is not a channel: use ${QUIET_CHANNELS.join(', ')} (voice: the calls journeys place)`);
    if (!channels.includes(channel)) channels.push(channel);
  }
  return channels;
}

/** "3/24h" to a cap; null for "0" (or "0/…"). Throws saying what to write. */
export function parseFrequencyCap(text: string): FrequencyCap | null {
  const match = /^\s*(\d+)\s*(?:\/\s*(\S+)\s*)?$/.exec(text);
  const max = Number(match?.[1]);
  if (match === null || !Number.isSafeInteger(max)) {
    throw new Error(`"${text}" is not a frequency cap: write messages per window, e.g. 3/24h, or 0 for no cap`);
  }
  if (max === 0) return null;
  const window = match[2];
  if (window === undefined) throw new Error(`"${text}" is not a frequency cap: give the window too, e.g. ${max}/24h`);
  try {
    return { max, windowMs: parseDuration(window), window: window.trim() };
  } catch (error) {
    throw new Error(`"${text}" is not a frequency cap: ${(error as Error).message}`);
  }
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
