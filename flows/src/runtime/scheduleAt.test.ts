import { describe, expect, it } from 'vitest';
import type { Schedule } from '../types';
import { scheduleAt } from './scheduleAt';

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const officeHours = (extra: Partial<Schedule> = {}): Schedule => ({
  hours: [{ days: [...weekdays], from: '09:00', to: '17:00' }],
  holidays: [],
  ...extra,
});

const iso = (date: Date | null) => date?.toISOString() ?? null;

function read(schedule: Schedule, at: string, fallbackZone = 'America/New_York') {
  const state = scheduleAt(schedule, new Date(at), fallbackZone);
  return { open: state.open, zone: state.zone, nextOpen: iso(state.nextOpen), closesAt: iso(state.closesAt) };
}

describe('scheduleAt', () => {
  it('is open inside a window and says when it closes and opens again', () => {
    // Wednesday 2026-06-10, 10:00 in New York (EDT, UTC-4).
    expect(read(officeHours(), '2026-06-10T14:00:00Z')).toEqual({
      open: true,
      zone: 'America/New_York',
      closesAt: '2026-06-10T21:00:00.000Z',
      nextOpen: '2026-06-11T13:00:00.000Z',
    });
  });

  it('is closed at the closing minute and opens on Monday after a weekend', () => {
    expect(read(officeHours(), '2026-06-12T21:00:00Z')).toEqual({
      open: false,
      zone: 'America/New_York',
      closesAt: null,
      nextOpen: '2026-06-15T13:00:00.000Z',
    });
  });

  it('reads the schedule in its own zone before the fallback', () => {
    const state = read(officeHours({ timezone: 'Europe/Paris' }), '2026-06-10T14:00:00Z');
    expect(state.zone).toBe('Europe/Paris');
    expect(state.closesAt).toBe('2026-06-10T15:00:00.000Z');
  });

  it('falls back to UTC when neither zone is one Intl knows', () => {
    expect(read(officeHours(), '2026-06-10T10:00:00Z', 'Mars/Olympus_Mons').zone).toBe('UTC');
    expect(read(officeHours(), '2026-06-10T10:00:00Z', 'Mars/Olympus_Mons').open).toBe(true);
  });

  it('stays closed on a holiday, read as a local date, and opens the next working day', () => {
    const schedule = officeHours({ holidays: ['2026-12-25'] });
    // Friday 2026-12-25 10:00 EST; Christmas, then the weekend.
    expect(read(schedule, '2026-12-25T15:00:00Z')).toMatchObject({ open: false, nextOpen: '2026-12-28T14:00:00.000Z' });
    // Around the clock but Christmas: 22:00 on the 24th in New York is already the 25th in UTC, and still open.
    const allWeek: Schedule = { hours: [{ days: ['thu', 'fri'], from: '00:00', to: '23:59' }], holidays: ['2026-12-25'] };
    expect(read(allWeek, '2026-12-25T03:00:00Z')).toMatchObject({ open: true, closesAt: '2026-12-25T05:00:00.000Z' });
  });

  it('opens on the Monday after the spring-forward weekend at 09:00 local, an hour earlier in UTC', () => {
    // Friday 2026-03-06 18:00 EST; clocks go forward on Sunday 2026-03-08.
    expect(read(officeHours(), '2026-03-06T23:00:00Z').nextOpen).toBe('2026-03-09T13:00:00.000Z');
  });

  it('opens a window that the spring-forward gap skips into when the clocks jump', () => {
    const schedule: Schedule = { hours: [{ days: ['sun'], from: '02:30', to: '04:00' }], holidays: [] };
    // 01:00 EST on 2026-03-08; at 07:00Z the clock jumps from 02:00 EST to 03:00 EDT.
    expect(read(schedule, '2026-03-08T06:00:00Z')).toMatchObject({ open: false, nextOpen: '2026-03-08T07:00:00.000Z' });
    expect(read(schedule, '2026-03-08T07:00:00Z')).toMatchObject({ open: true, closesAt: '2026-03-08T08:00:00.000Z' });
  });

  it('skips a window that lies wholly in the spring-forward gap to the next week', () => {
    const schedule: Schedule = { hours: [{ days: ['sun'], from: '02:00', to: '02:45' }], holidays: [] };
    expect(read(schedule, '2026-03-08T06:00:00Z')).toMatchObject({ open: false, nextOpen: '2026-03-15T06:00:00.000Z' });
  });

  it('closes a window the spring-forward gap cuts short when the clocks jump past its end', () => {
    const schedule: Schedule = { hours: [{ days: ['sun'], from: '01:00', to: '02:30' }], holidays: [] };
    expect(read(schedule, '2026-03-08T06:30:00Z')).toMatchObject({ open: true, closesAt: '2026-03-08T07:00:00.000Z' });
  });

  it('opens the repeated hour of the fall-back night twice', () => {
    const schedule: Schedule = { hours: [{ days: ['sun'], from: '01:00', to: '01:30' }], holidays: [] };
    // 2026-11-01: 01:00-01:30 EDT is 05:00-05:30Z, and 01:00-01:30 EST is 06:00-06:30Z.
    expect(read(schedule, '2026-11-01T05:10:00Z')).toEqual({
      open: true,
      zone: 'America/New_York',
      closesAt: '2026-11-01T05:30:00.000Z',
      nextOpen: '2026-11-01T06:00:00.000Z',
    });
    expect(read(schedule, '2026-11-01T06:10:00Z')).toMatchObject({ open: true, closesAt: '2026-11-01T06:30:00.000Z' });
  });

  it('opens at 09:00 local on the Monday after the fall-back weekend, an hour later in UTC', () => {
    expect(read(officeHours(), '2026-10-30T22:00:00Z').nextOpen).toBe('2026-11-02T14:00:00.000Z');
  });

  it('follows British Summer Time starting and ending in London', () => {
    const london = officeHours({ timezone: 'Europe/London' });
    // Friday 2026-03-27 17:30 GMT; BST starts on Sunday 2026-03-29.
    expect(read(london, '2026-03-27T17:30:00Z').nextOpen).toBe('2026-03-30T08:00:00.000Z');
    // Friday 2026-10-23 17:30 BST; GMT returns on Sunday 2026-10-25.
    expect(read(london, '2026-10-23T16:30:00Z').nextOpen).toBe('2026-10-26T09:00:00.000Z');
    const night: Schedule = { timezone: 'Europe/London', hours: [{ days: ['sun'], from: '01:15', to: '01:45' }], holidays: [] };
    // 2026-03-29: 01:00 GMT jumps to 02:00 BST, so 01:15-01:45 never happens that night.
    expect(read(night, '2026-03-29T00:30:00Z').nextOpen).toBe('2026-04-05T00:15:00.000Z');
  });

  it('joins a window ending at 23:59 with one starting at 00:00 the next day', () => {
    const schedule: Schedule = {
      hours: [
        { days: ['fri'], from: '20:00', to: '23:59' },
        { days: ['sat'], from: '00:00', to: '02:00' },
      ],
      holidays: [],
      timezone: 'UTC',
    };
    expect(read(schedule, '2026-06-12T22:00:00Z')).toMatchObject({ open: true, closesAt: '2026-06-13T02:00:00.000Z' });
    expect(read(schedule, '2026-06-12T23:59:30Z').open).toBe(true);
  });

  it('joins adjoining windows on the same day', () => {
    const schedule: Schedule = {
      hours: [
        { days: ['mon'], from: '09:00', to: '12:00' },
        { days: ['mon'], from: '12:00', to: '17:00' },
      ],
      holidays: [],
      timezone: 'UTC',
    };
    expect(read(schedule, '2026-06-15T10:00:00Z').closesAt).toBe('2026-06-15T17:00:00.000Z');
  });

  it('never closes when open around the clock, and never opens when every open day is a holiday', () => {
    const always: Schedule = { hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '00:00', to: '23:59' }], holidays: [] };
    expect(read(always, '2026-06-15T10:00:00Z')).toMatchObject({ open: true, closesAt: null, nextOpen: null });
    const once: Schedule = { hours: [{ days: ['mon'], from: '09:00', to: '17:00' }], holidays: [], timezone: 'UTC' };
    const everyMonday = Array.from({ length: 60 }, (_, week) => new Date(Date.UTC(2026, 5, 15 + 7 * week)).toISOString().slice(0, 10));
    expect(read({ ...once, holidays: everyMonday }, '2026-06-14T10:00:00Z')).toMatchObject({ open: false, nextOpen: null });
  });

  it('keeps the milliseconds of the instant it is asked about', () => {
    expect(read(officeHours({ timezone: 'UTC' }), '2026-06-13T10:00:00.123Z').nextOpen).toBe('2026-06-15T09:00:00.000Z');
  });
});
