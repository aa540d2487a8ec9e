import { record, strings, text } from '../../catalog/rawConfig';
import { rowTestId, type FieldControlProps } from './fieldProps';
import { rowsOf, withoutRow, withRow } from './rowEditing';

const WEEK = [
  { day: 'mon', label: 'M' },
  { day: 'tue', label: 'T' },
  { day: 'wed', label: 'W' },
  { day: 'thu', label: 'T' },
  { day: 'fri', label: 'F' },
  { day: 'sat', label: 'S' },
  { day: 'sun', label: 'S' },
] as const;

/** waitUntil / businessHours: weekly open windows, closed dates, and the zone they are read in. */
export function ScheduleFieldControl({ name, value, onChange }: FieldControlProps) {
  const schedule = record(value);
  const hours = rowsOf(schedule['hours']);
  const holidays = strings(schedule['holidays']);
  // Keeps every other key; an emptied zone is left out (the contact's zone, else the flow's).
  const edit = (patch: Record<string, unknown>) =>
    onChange(Object.fromEntries(Object.entries({ ...schedule, ...patch }).filter(([, v]) => v !== undefined)));

  return (
    <div className="schedule" id={`field-${name}`} data-testid={`inspector-field-${name}`}>
      <input
        type="text"
        aria-label="Time zone"
        placeholder="Time zone, e.g. Europe/London (default: the contact's)"
        value={text(schedule['timezone'])}
        data-testid={`inspector-field-${name}-timezone`}
        onChange={(event) => edit({ timezone: event.target.value === '' ? undefined : event.target.value })}
      />
      <div className="schedule-label">Open</div>
      {hours.map((row, index) => {
        const days = strings(row['days']);
        const toggle = (day: string, on: boolean) =>
          edit({ hours: withRow(hours, index, { days: WEEK.map((d) => d.day).filter((d) => (d === day ? on : days.includes(d))) }) });
        return (
          <div key={index} className="row-card schedule-row">
            <div className="weekdays" role="group" aria-label="Days">
              {WEEK.map(({ day, label }) => (
                <label key={day} className={`weekday${days.includes(day) ? ' is-on' : ''}`} title={day}>
                  <input
                    type="checkbox"
                    checked={days.includes(day)}
                    data-testid={rowTestId(name, index, day)}
                    onChange={(event) => toggle(day, event.target.checked)}
                  />
                  {label}
                </label>
              ))}
            </div>
            <input
              type="time"
              aria-label="From"
              value={text(row['from'])}
              data-testid={rowTestId(name, index, 'from')}
              onChange={(event) => edit({ hours: withRow(hours, index, { from: event.target.value }) })}
            />
            <span className="schedule-dash">–</span>
            <input
              type="time"
              aria-label="To"
              value={text(row['to'])}
              data-testid={rowTestId(name, index, 'to')}
              onChange={(event) => edit({ hours: withRow(hours, index, { to: event.target.value }) })}
            />
            <button type="button" className="row-remove" aria-label="Remove hours" onClick={() => edit({ hours: withoutRow(hours, index) })}>
              ×
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="row-add"
        data-testid={`inspector-field-${name}-add-hours`}
        onClick={() => edit({ hours: [...hours, { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }] })}
      >
        + Add hours
      </button>
      <div className="schedule-label">Closed on</div>
      {holidays.map((holiday, index) => (
        <div key={index} className="list-row">
          <input
            type="date"
            aria-label="Closed date"
            value={holiday}
            data-testid={rowTestId(name, index, 'holiday')}
            onChange={(event) => edit({ holidays: holidays.map((old, i) => (i === index ? event.target.value : old)) })}
          />
          <button type="button" className="row-remove" aria-label="Remove date" onClick={() => edit({ holidays: withoutRow(holidays, index) })}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="row-add" data-testid={`inspector-field-${name}-add-holiday`} onClick={() => edit({ holidays: [...holidays, todayIso()] })}>
        + Add closed date
      </button>
    </div>
  );
}

// A new closed date starts as today (local), a real date the admin then moves, never an empty one.
function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
