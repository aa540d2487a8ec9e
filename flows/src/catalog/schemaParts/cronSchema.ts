import { z } from 'zod';

/** The five cron fields in order, each with its range and, for month and weekday, its names. */
const CRON_FIELDS = [
  { name: 'minute', min: 0, max: 59, names: [] },
  { name: 'hour', min: 0, max: 23, names: [] },
  { name: 'day of month', min: 1, max: 31, names: [] },
  { name: 'month', min: 1, max: 12, names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] },
  // 0 and 7 are both Sunday, as in Vixie cron.
  { name: 'day of week', min: 0, max: 7, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
] as const;

type CronField = (typeof CRON_FIELDS)[number];

const ITEM = /^(\*|([0-9a-z]+)(-([0-9a-z]+))?)(\/([0-9]+))?$/;

/**
 * What is wrong with a five-field cron expression ("minute hour day-of-month month
 * day-of-week"), or undefined when it is well formed. Covers lists, ranges, steps and the month
 * and weekday names; leaves out the non-standard extras (@daily, L, W, #, seconds) so every
 * scheduler we might hand it to reads it the same way.
 */
export function cronProblem(cron: string): string | undefined {
  const parts = cron.trim().split(/\s+/);
  if (parts.length !== CRON_FIELDS.length) {
    return `write five fields: minute hour day-of-month month day-of-week, e.g. "0 9 * * mon-fri" (this has ${parts.length})`;
  }
  for (const [index, field] of CRON_FIELDS.entries()) {
    const problem = fieldProblem(parts[index] ?? '', field);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function fieldProblem(text: string, field: CronField): string | undefined {
  for (const item of text.toLowerCase().split(',')) {
    const match = ITEM.exec(item);
    if (match === null) {
      return `the ${field.name} field "${text}" is not cron: use *, a number, a range a-b, a list a,b or a step */n`;
    }
    const [, , from, , to, , step] = match;
    for (const value of [from, to]) {
      if (value !== undefined && valueOf(value, field) === undefined) {
        return `the ${field.name} field "${text}": ${value} is out of range; use ${field.min}-${field.max}${field.names.length > 0 ? ` or a name such as ${field.names[1]}` : ''}`;
      }
    }
    if (from !== undefined && to !== undefined && (valueOf(from, field) ?? 0) > (valueOf(to, field) ?? 0)) {
      return `the ${field.name} field "${text}": the range ${from}-${to} runs backwards`;
    }
    if (step !== undefined && Number(step) === 0) {
      return `the ${field.name} field "${text}": a step must be 1 or more`;
    }
  }
  return undefined;
}

function valueOf(text: string, field: CronField): number | undefined {
  const named: readonly string[] = field.names;
  const nameIndex = named.indexOf(text);
  if (nameIndex >= 0) return field.name === 'month' ? nameIndex + 1 : nameIndex;
  if (!/^[0-9]+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= field.min && value <= field.max ? value : undefined;
}

/** A five-field cron expression; see cronProblem. */
export const cronSchema = z.string().superRefine((cron, ctx) => {
  const problem = cronProblem(cron);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
});
