/**
 * Whether a send falls in quiet hours, and until when: pure (the instant is given, offsets come
 * from Intl), so it is tested across daylight-saving changes without a clock.
 */
import { scheduleAt } from '@threadline/flows/runtime';
import type { Channel, Schedule } from '@threadline/flows/types';
import type { QuietHours } from './complianceSettings';

export interface QuietHoursDeferral {
  /** The first instant sending is allowed again, in `zone`. */
  until: Date;
  /** `until` on the local wall clock, "08:00": what the Temporal UI and the timeline say. */
  localTime: string;
  /** The IANA zone the quiet hours were read in. */
  zone: string;
  reason: string;
}

const EVERY_DAY: Schedule['hours'][number]['days'] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * Null when a message on `channel` (or a call, on `voice`) may go out at `at`; else when it may. The zone is the
 * contact's, else the flow's, else UTC (a zone Intl does not know is skipped). Quiet hours are
 * read on the local wall clock, so "21:00-08:00" holds across daylight-saving changes: on the
 * night the clocks go forward, 08:00 comes an hour sooner.
 */
export function quietHoursDeferral(
  quietHours: QuietHours,
  channel: Channel,
  at: Date,
  zones: { contact?: string | undefined; flow?: string | undefined },
): QuietHoursDeferral | null {
  if (!quietHours.channels.includes(channel)) return null;
  // scheduleAt reads the schedule's own zone, else the fallback, else UTC: the order we want.
  const schedule: Schedule = { timezone: nonEmpty(zones.contact), hours: allowedHours(quietHours), holidays: [] };
  const state = scheduleAt(schedule, at, nonEmpty(zones.flow) ?? 'UTC');
  if (state.open || state.nextOpen === null) return null;
  const localTime = wallClockTime(state.nextOpen, state.zone);
  return {
    until: state.nextOpen,
    localTime,
    zone: state.zone,
    reason: `quiet hours ${quietHours.start}–${quietHours.end} in ${state.zone}, until ${localTime}`,
  };
}

/**
 * The hours sending is allowed, as a schedule: the complement of the quiet. "21:00-08:00" is
 * one window 08:00–21:00; "01:00-06:00" is 00:00–01:00 and 06:00–midnight ("23:59" runs to
 * midnight in a schedule, so the two join up across it).
 */
function allowedHours(quietHours: QuietHours): Schedule['hours'] {
  if (quietHours.start > quietHours.end) return [{ days: EVERY_DAY, from: quietHours.end, to: quietHours.start }];
  return [
    { days: EVERY_DAY, from: '00:00', to: quietHours.start },
    { days: EVERY_DAY, from: quietHours.end, to: '23:59' },
  ].filter((window) => window.from < window.to);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "HH:MM" of an instant in a zone. */
export function wallClockTime(at: Date, zone: string): string {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(zone, formatter);
  }
  return formatter.format(at);
}

function nonEmpty(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text;
}
