import { isCalendarDate, wallClockOfTimestamp } from './zonedDateTime';

const TIME_OF_DAY = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([ap]\.?m\.?)?$/i;

/**
 * Seconds since midnight of a split operand for beforeTime / afterTime: a time of day ("09:30",
 * "17:00:15", "9am", "5:30 pm") or an ISO timestamp, read in `timeZone`. Undefined for anything
 * else, so the comparison does not match.
 */
export function secondsOfDay(text: string, timeZone: string): number | undefined {
  const match = TIME_OF_DAY.exec(text.trim());
  if (match === null) return wallClockOfTimestamp(text, timeZone)?.secondsOfDay;
  const [, hourText = '', minuteText, secondText, meridiem] = match;
  // "9" alone is a number, not a time; "9am" and "09:00" are times.
  if (minuteText === undefined && meridiem === undefined) return undefined;
  let hours = Number(hourText);
  const minutes = Number(minuteText ?? '0');
  const seconds = Number(secondText ?? '0');
  if (meridiem !== undefined) {
    if (hours < 1 || hours > 12) return undefined;
    const pm = meridiem.toLowerCase().startsWith('p');
    hours = (hours % 12) + (pm ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return hours * 3600 + minutes * 60 + seconds;
}

/**
 * The "YYYY-MM-DD" day of a split operand for beforeDate / afterDate: a date as written, or the
 * day of an ISO timestamp in `timeZone`. Undefined for anything else. Such days compare in
 * order as plain text.
 */
export function calendarDay(text: string, timeZone: string): string | undefined {
  const trimmed = text.trim();
  if (isCalendarDate(trimmed)) return trimmed;
  return wallClockOfTimestamp(trimmed, timeZone)?.date;
}
