import { z } from 'zod';
import type { Schedule, Weekday } from '../../types';
import type { FieldOption, MutuallyAssignable } from '../nodeCatalogEntry';
import { isCalendarDate } from '../../runtime/zonedDateTime';
import { minutesOfTimeOfDay } from './timeOfDay';
import { timeZoneSchema } from './timeZoneSchema';

const weekdaySchema = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

true satisfies MutuallyAssignable<z.infer<typeof weekdaySchema>, Weekday>;

/** For the builder's schedule control: the days in the order it shows them. */
export const weekdayOptions: readonly FieldOption[] = [
  { value: 'mon', label: 'Monday' },
  { value: 'tue', label: 'Tuesday' },
  { value: 'wed', label: 'Wednesday' },
  { value: 'thu', label: 'Thursday' },
  { value: 'fri', label: 'Friday' },
  { value: 'sat', label: 'Saturday' },
  { value: 'sun', label: 'Sunday' },
];

const timeOfDaySchema = z
  .string()
  .refine((text) => minutesOfTimeOfDay(text) !== undefined, {
    message: 'write a 24-hour time as HH:MM, e.g. 09:00 or 17:30',
  });

/*
 * A window lies inside one day: `to` after `from`. A window over midnight is written as two,
 * one on each day, so "which day is it open on" never depends on the reader's convention.
 */
const openWindowSchema = z
  .strictObject({
    days: z
      .array(weekdaySchema)
      .min(1, 'pick at least one day for this window')
      .refine((days) => new Set(days).size === days.length, { message: 'each day may appear once' }),
    from: timeOfDaySchema,
    to: timeOfDaySchema,
  })
  .superRefine((window, ctx) => {
    const from = minutesOfTimeOfDay(window.from);
    const to = minutesOfTimeOfDay(window.to);
    if (from !== undefined && to !== undefined && to <= from) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `the window must end after it starts (${window.from}); for hours past midnight add a second window on the next day`,
      });
    }
  });

const holidaySchema = z
  .string()
  .refine(isCalendarDate, { message: 'write the closed date as YYYY-MM-DD, e.g. 2025-12-25' });

/** Weekly opening hours plus closed dates, in one time zone (waitUntil, businessHours). */
export const scheduleSchema = z.strictObject({
  timezone: timeZoneSchema.optional(),
  hours: z.array(openWindowSchema).min(1, 'add at least one opening window, e.g. mon-fri 09:00-17:00'),
  holidays: z.array(holidaySchema),
});

true satisfies MutuallyAssignable<z.infer<typeof scheduleSchema>, Schedule>;

/** Monday to Friday, 09:00 to 17:00, in the contact's zone: a valid starting point. */
export function officeHoursSchedule(): Schedule {
  return { hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }], holidays: [] };
}
