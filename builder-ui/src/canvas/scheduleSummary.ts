import { record, records, strings, text } from '../catalog/rawConfig';

const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const DAY_NAMES: Readonly<Record<(typeof WEEK)[number], string>> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

/** "Mon–Fri", "Sat, Sun", "Mon–Wed, Fri": runs of three or more consecutive days collapse. */
export function daysSummary(days: readonly string[]): string {
  const chosen = WEEK.filter((day) => days.includes(day));
  if (chosen.length === 7) return 'every day';
  const runs: Array<Array<(typeof WEEK)[number]>> = [];
  for (const day of chosen) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run !== undefined && last !== undefined && WEEK.indexOf(last) + 1 === WEEK.indexOf(day)) run.push(day);
    else runs.push([day]);
  }
  return runs
    .map((run) => {
      const first = run[0];
      const last = run.at(-1);
      if (first === undefined || last === undefined) return '';
      if (run.length >= 3) return `${DAY_NAMES[first]}–${DAY_NAMES[last]}`;
      return run.map((day) => DAY_NAMES[day]).join(', ');
    })
    .join(', ');
}

/** "Mon–Fri 09:00–17:00, Sat 10:00–14:00 (Europe/London)" for a raw schedule. */
export function scheduleSummary(value: unknown): string {
  const schedule = record(value);
  const hours = records(schedule['hours']).map((row) => `${daysSummary(strings(row['days'])) || '?'} ${text(row['from']) || '?'}–${text(row['to']) || '?'}`);
  const zone = text(schedule['timezone']);
  const holidays = strings(schedule['holidays']).length;
  return [
    hours.length === 0 ? 'never open' : hours.join(', '),
    zone ? `(${zone})` : '',
    holidays > 0 ? `+${holidays} holiday${holidays === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
