import type { Schedule, Weekday } from '../types';
import { isKnownTimeZone } from './zonedDateTime';

export interface ScheduleState {
  /** Whether the schedule is open at the instant asked about. */
  open: boolean;
  /** The IANA zone the schedule was read in. */
  zone: string;
  /**
   * When closed, the first instant it opens; when open, the first instant it opens again after
   * it closes. Null when that is not within a year (366 days) of the instant asked about.
   */
  nextOpen: Date | null;
  /** When open, the first instant it is closed; null when closed, or open for the next 366 days. */
  closesAt: Date | null;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;
const HORIZON = 366 * DAY;
// Offsets are sampled this far apart; zones change offset at most a few times a year.
const SEGMENT = 7 * DAY;

/**
 * Reads a weekly schedule with holidays at an instant, in the schedule's zone, else
 * `fallbackZone` (the contact's, else the flow's; UTC when neither is a zone Intl knows).
 * "Open" means the local wall clock is inside a window on an open day, so it holds across
 * daylight saving changes: a window the spring-forward gap skips into opens when the clocks
 * jump, and the repeated hour of the autumn change is open twice. A window ending at 23:59 runs
 * to midnight, since 24:00 cannot be written, so an evening and an early-morning window on the
 * next day join up. Pure: offsets come from Intl, not from the machine's zone.
 */
export function scheduleAt(schedule: Schedule, at: Date, fallbackZone: string): ScheduleState {
  const zone = [schedule.timezone, fallbackZone].find((candidate) => candidate !== undefined && isKnownTimeZone(candidate)) ?? 'UTC';
  const instant = at.getTime();
  const reader = new ScheduleReader(schedule, zone);
  const open = reader.isOpenAt(instant);
  if (!open) {
    const nextOpen = reader.firstInstant(instant, instant + HORIZON, true);
    return { open, zone, nextOpen: toDate(nextOpen), closesAt: null };
  }
  const closesAt = reader.firstInstant(instant, instant + HORIZON, false);
  const nextOpen = closesAt === undefined ? undefined : reader.firstInstant(closesAt, instant + HORIZON, true);
  return { open, zone, nextOpen: toDate(nextOpen), closesAt: toDate(closesAt) };
}

function toDate(instant: number | undefined): Date | null {
  return instant === undefined ? null : new Date(instant);
}

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** A span of local wall-clock time, as milliseconds of that wall time read as if it were UTC. */
interface WallSpan {
  from: number;
  to: number;
}

class ScheduleReader {
  private readonly holidays: ReadonlySet<string>;
  private readonly windowsByDay: ReadonlyMap<Weekday, readonly WallSpan[]>;
  private readonly formatter: Intl.DateTimeFormat;

  constructor(schedule: Schedule, zone: string) {
    this.holidays = new Set(schedule.holidays);
    const byDay = new Map<Weekday, WallSpan[]>();
    for (const window of schedule.hours) {
      const from = millisOfTime(window.from);
      const to = window.to === '23:59' ? DAY : millisOfTime(window.to);
      if (from === undefined || to === undefined || to <= from) continue;
      for (const day of window.days) byDay.set(day, [...(byDay.get(day) ?? []), { from, to }]);
    }
    this.windowsByDay = byDay;
    this.formatter = formatterFor(zone);
  }

  isOpenAt(instant: number): boolean {
    const wall = instant + this.offsetAt(instant);
    return this.openSpansOfDay(Math.floor(wall / DAY)).some((span) => span.from <= wall && wall < span.to);
  }

  /**
   * The first instant in [start, end) at which the schedule is open (`open` true) or closed
   * (`open` false); undefined when there is none. Walks the range in stretches of one UTC
   * offset, where wall time is the instant plus the offset, and looks for the change in the
   * wall-clock spans of each stretch.
   */
  firstInstant(start: number, end: number, open: boolean): number | undefined {
    let cursor = start;
    while (cursor < end) {
      const offset = this.offsetAt(cursor);
      const stretchEnd = Math.min(this.offsetChangeAfter(cursor, offset), end);
      const found = this.firstWallChange(cursor + offset, stretchEnd + offset, open);
      if (found !== undefined) return found - offset;
      cursor = stretchEnd;
    }
    return undefined;
  }

  /** The first wall time in [from, to) that is open (or closed), from the merged open spans. */
  private firstWallChange(from: number, to: number, open: boolean): number | undefined {
    for (const span of this.mergedSpans(from, to)) {
      if (open) {
        const opens = Math.max(span.from, from);
        return opens < to ? opens : undefined;
      } else if (span.from > from) {
        return from;
      } else if (span.to > from) {
        return span.to < to ? span.to : undefined;
      }
    }
    return open ? undefined : from;
  }

  /** The open spans that touch [from, to], adjoining ones joined, in order. */
  private mergedSpans(from: number, to: number): WallSpan[] {
    const merged: WallSpan[] = [];
    for (let day = Math.floor(from / DAY); day * DAY <= to; day += 1) {
      for (const span of this.openSpansOfDay(day)) {
        const last = merged[merged.length - 1];
        if (last !== undefined && span.from <= last.to) last.to = Math.max(last.to, span.to);
        else merged.push({ ...span });
      }
    }
    return merged.filter((span) => span.to > from);
  }

  /** The open spans of a local day (days since 1970-01-01), sorted; none on a holiday. */
  private openSpansOfDay(day: number): WallSpan[] {
    const midnight = day * DAY;
    if (this.holidays.has(new Date(midnight).toISOString().slice(0, 10))) return [];
    // 1970-01-01 was a Thursday.
    const weekday = WEEKDAYS[(((day + 4) % 7) + 7) % 7] ?? 'sun';
    const windows = this.windowsByDay.get(weekday) ?? [];
    return windows
      .map((window) => ({ from: midnight + window.from, to: midnight + window.to }))
      .sort((a, b) => a.from - b.from);
  }

  /**
   * The first instant after `start` whose offset differs from `offset`, found to the second;
   * or start + SEGMENT when the offset is the same at each day up to there.
   */
  private offsetChangeAfter(start: number, offset: number): number {
    for (let probe = start + DAY; probe <= start + SEGMENT; probe += DAY) {
      if (this.offsetAt(probe) !== offset) {
        // Offsets change on whole seconds, so search the seconds.
        let same = Math.floor((probe - DAY) / SECOND);
        let changed = Math.floor(probe / SECOND);
        while (changed - same > 1) {
          const middle = Math.floor((same + changed) / 2);
          if (this.offsetAt(middle * SECOND) === offset) same = middle;
          else changed = middle;
        }
        return Math.max(changed * SECOND, start);
      }
    }
    return start + SEGMENT;
  }

  /** The zone's UTC offset at an instant, in milliseconds (wall time minus UTC). */
  private offsetAt(instant: number): number {
    const whole = Math.floor(instant / SECOND) * SECOND;
    const parts: Record<string, number> = {};
    for (const part of this.formatter.formatToParts(whole)) parts[part.type] = Number(part.value);
    const wall = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
    return wall - whole;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: they are costly to build, and a workflow reads schedules often. */
function formatterFor(zone: string): Intl.DateTimeFormat {
  const cached = formatters.get(zone);
  if (cached !== undefined) return cached;
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  formatters.set(zone, formatter);
  return formatter;
}

function millisOfTime(text: string): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (match === null) return undefined;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  return hours <= 23 && minutes <= 59 ? (hours * 60 + minutes) * MINUTE : undefined;
}
