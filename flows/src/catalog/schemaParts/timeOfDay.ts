const TIME_OF_DAY = /^(\d{2}):(\d{2})$/;

/**
 * Minutes since midnight of a 24-hour "HH:MM" ("00:00" to "23:59"), or undefined. Schedules and
 * literal split comparands are written this one way, so a flow reads the same to everybody.
 */
export function minutesOfTimeOfDay(text: string): number | undefined {
  const match = TIME_OF_DAY.exec(text);
  if (match === null) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours <= 23 && minutes <= 59 ? hours * 60 + minutes : undefined;
}
