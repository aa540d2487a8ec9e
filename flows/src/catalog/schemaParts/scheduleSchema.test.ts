import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../types';
import { officeHoursSchedule, scheduleSchema } from './scheduleSchema';

const issuesOf = (schedule: unknown) =>
  scheduleSchema.safeParse(schedule).error?.issues.map((issue) => ({ path: issue.path, message: issue.message })) ?? [];

const withWindow = (window: Schedule['hours'][number], extra: Partial<Schedule> = {}): Schedule => ({
  hours: [window],
  holidays: [],
  ...extra,
});

describe('the schedule of waitUntil and businessHours', () => {
  it('accepts office hours with a zone and holidays, leap days included', () => {
    const schedule: Schedule = { ...officeHoursSchedule(), timezone: 'Europe/Paris', holidays: ['2024-02-29', '2025-12-25'] };
    expect(issuesOf(schedule)).toEqual([]);
  });

  it('accepts zone aliases and UTC, which the zone database knows', () => {
    for (const timezone of ['UTC', 'Asia/Calcutta', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5']) {
      expect(issuesOf({ ...officeHoursSchedule(), timezone }), timezone).toEqual([]);
    }
  });

  it('refuses a zone it does not know, and an offset, which ignores daylight saving time', () => {
    for (const timezone of ['Mars/Olympus_Mons', '+01:00', 'CET+1', '']) {
      expect(issuesOf({ ...officeHoursSchedule(), timezone })[0]?.path, timezone).toEqual(['timezone']);
    }
    expect(issuesOf({ ...officeHoursSchedule(), timezone: 'Mars/Olympus_Mons' })[0]?.message).toMatch(
      /"Mars\/Olympus_Mons" is not a time zone we know; write an IANA zone/,
    );
  });

  it('asks for the zone database spelling of a zone written in another case', () => {
    expect(issuesOf({ ...officeHoursSchedule(), timezone: 'america/new_york' })).toEqual([
      { path: ['timezone'], message: 'write the zone as "America/New_York"' },
    ]);
  });

  it('refuses a window that does not end after it starts', () => {
    for (const to of ['09:00', '08:59']) {
      expect(issuesOf(withWindow({ days: ['mon'], from: '09:00', to }))).toEqual([
        {
          path: ['hours', 0, 'to'],
          message: 'the window must end after it starts (09:00); for hours past midnight add a second window on the next day',
        },
      ]);
    }
  });

  it('reads times as 24-hour HH:MM only', () => {
    for (const time of ['9:00', '24:00', '12:60', '5pm', '09:00:00']) {
      expect(issuesOf(withWindow({ days: ['mon'], from: time, to: '23:59' })).map((issue) => issue.path), time).toEqual([
        ['hours', 0, 'from'],
      ]);
    }
  });

  it('needs at least one window, and days in each window, each day once', () => {
    expect(issuesOf({ hours: [], holidays: [] }).map((issue) => issue.path)).toEqual([['hours']]);
    expect(issuesOf(withWindow({ days: [], from: '09:00', to: '17:00' })).map((issue) => issue.path)).toEqual([
      ['hours', 0, 'days'],
    ]);
    expect(issuesOf(withWindow({ days: ['mon', 'mon'], from: '09:00', to: '17:00' })).map((issue) => issue.message)).toEqual([
      'each day may appear once',
    ]);
  });

  it('refuses holidays that are not real calendar dates', () => {
    const issues = issuesOf({ ...officeHoursSchedule(), holidays: ['2025-02-29', '2025-13-01', '25-12-2025', '2025-12-25'] });
    expect(issues.map((issue) => issue.path)).toEqual([
      ['holidays', 0],
      ['holidays', 1],
      ['holidays', 2],
    ]);
  });

  it('refuses fields it does not know, such as a misspelt holidays', () => {
    expect(issuesOf({ hours: officeHoursSchedule().hours, holiday: [] }).map((issue) => issue.path)).toEqual([
      ['holidays'],
      [],
    ]);
  });
});
