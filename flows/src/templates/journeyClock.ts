import { filters, type Context, type FilterImplOptions, type Liquid } from 'liquidjs';

// liquidjs exports the option union but not the handler and its `this` on their own.
type FilterHandler = Extract<FilterImplOptions, (...args: never[]) => unknown>;
type FilterThis = ThisParameterType<FilterHandler>;

/** The date filters that accept "now"/"today" and a time zone. */
const DATE_FILTERS = ['date', 'date_to_xmlschema', 'date_to_rfc822', 'date_to_string', 'date_to_long_string'] as const;

/**
 * Makes the date filters read time from the journey instead of the machine, so rendering is pure:
 *
 * - `"now"` and `"today"` mean `journey.now` from the render context (an ISO timestamp, a Date
 *   or epoch milliseconds; the worker sets it to the workflow's clock). Without it they are an
 *   error rather than a silent read of the machine's clock.
 * - `date` without a zone argument formats in `journey.timezone` when the context has one,
 *   else UTC (`{{ trigger.at | date: "%H:%M", "Europe/Paris" }}` still picks its own zone).
 */
export function installJourneyClock(engine: Liquid): void {
  for (const name of DATE_FILTERS) {
    const builtIn = builtInFilter(name);
    engine.registerFilter(name, function journeyDateFilter(this: FilterThis, value: unknown, ...args: unknown[]) {
      const input = value === 'now' || value === 'today' ? journeyNow(this.context, name) : value;
      if (name === 'date' && args[1] === undefined) {
        const zone = journeyTimezone(this.context);
        if (zone !== undefined) return builtIn.call(this, input, args[0], zone);
      }
      return builtIn.call(this, input, ...args);
    });
  }
}

function builtInFilter(name: string): FilterHandler {
  const filter = filters[name];
  if (filter === undefined) throw new Error(`liquidjs has no built-in "${name}" filter`);
  return typeof filter === 'function' ? filter : filter.handler;
}

function journeyNow(context: Context, filter: string): string | number {
  const now: unknown = context.getSync(['journey', 'now']);
  if (now instanceof Date) return now.toISOString();
  // liquidjs reads numbers as epoch seconds.
  if (typeof now === 'number' && Number.isFinite(now)) return now / 1000;
  if (typeof now === 'string' && now !== '') return now;
  throw new Error(`"now" in the ${filter} filter needs journey.now in the render context`);
}

function journeyTimezone(context: Context): string | undefined {
  const zone: unknown = context.getSync(['journey', 'timezone']);
  return typeof zone === 'string' && zone !== '' ? zone : undefined;
}
