/**
 * When the waiting journeys' timers should fire: the first whole UTC minute after the starts
 * are expected to be done plus a margin, so every journey is waiting when it comes. Skips
 * 23:59 UTC, whose one-minute window would cross midnight.
 */
export function chooseFireTime(now: Date, journeys: number, startsPerSecond: number, marginMs: number): Date {
  if (startsPerSecond <= 0) throw new Error('startsPerSecond must be positive');
  const earliest = now.getTime() + (journeys / startsPerSecond) * 1000 + marginMs;
  let fireAt = new Date(Math.ceil(earliest / 60_000) * 60_000);
  if (fireAt.getUTCHours() === 23 && fireAt.getUTCMinutes() === 59) fireAt = new Date(fireAt.getTime() + 60_000);
  return fireAt;
}
