/** A wall-clock date and time, as someone in a given zone reads it. */
export interface WallClock {
  /** "YYYY-MM-DD" */
  date: string;
  /** Seconds since midnight. */
  secondsOfDay: number;
}

/** An ISO 8601 timestamp: a date, "T" or a space, a time, and optionally "Z" or an offset. */
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Reads an ISO timestamp as a wall clock in `timeZone` (an IANA name). A timestamp with "Z" or
 * an offset is an instant and is converted; one without is already a wall-clock time and is
 * taken as written (reading it as the machine's local time would make the result depend on the
 * machine). Undefined for anything else, or a date that does not exist.
 */
export function wallClockOfTimestamp(text: string, timeZone: string): WallClock | undefined {
  const match = TIMESTAMP.exec(text.trim());
  if (match === null) return undefined;
  const [, date = '', hours = '', minutes = '', seconds = '0', offset] = match;
  if (offset === undefined) {
    if (!isCalendarDate(date)) return undefined;
    return { date, secondsOfDay: Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds) };
  }
  const instant = Date.parse(text.trim().replace(' ', 'T'));
  if (Number.isNaN(instant)) return undefined;
  return wallClockAt(instant, timeZone);
}

/** True for a "YYYY-MM-DD" that names a real day (no 2025-02-30). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** True for an IANA zone name the platform's Intl knows, e.g. "Europe/Paris". */
export function isKnownTimeZone(timeZone: string): boolean {
  return formatterFor(timeZone) !== undefined;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockAt(instant: number, timeZone: string): WallClock | undefined {
  const formatter = formatterFor(timeZone);
  if (formatter === undefined) return undefined;
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(instant)) parts[part.type] = part.value;
  const { year, month, day, hour, minute, second } = parts;
  if (year === undefined || month === undefined || day === undefined) return undefined;
  return {
    date: `${year}-${month}-${day}`,
    secondsOfDay: Number(hour) * 3600 + Number(minute) * 60 + Number(second),
  };
}

/** One formatter per zone (they are costly to build); undefined for a zone Intl does not know. */
function formatterFor(timeZone: string): Intl.DateTimeFormat | undefined {
  const cached = formatters.get(timeZone);
  if (cached !== undefined) return cached;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  } catch {
    return undefined;
  }
  formatters.set(timeZone, formatter);
  return formatter;
}
