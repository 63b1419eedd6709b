import { isIsoDate, weekday } from '../src/domain/dates.js';
import type { InputIssue } from '../src/domain/errors.js';
import type { IsoDate } from '../src/domain/types.js';

/** The span the seeded calendar covers. */
export const CALENDAR_FIRST: IsoDate = '2015-01-01';
export const CALENDAR_LAST: IsoDate = '2027-12-31';

/** One calendar day as the seed writes it. */
export interface CalendarDay {
  readonly date: IsoDate;
  readonly isTradingDay: boolean;
  /** The holiday's name, `weekend`, or null on an ordinary trading day. */
  readonly note: string | null;
}

/**
 * Parses the holiday file (`date,name`, one weekday exchange holiday a line). Pure: text in,
 * `{ holidays, issues }` out. A holiday on a weekend is an issue: the file lists weekday closures
 * only, so a typo that lands on a Saturday is caught rather than silently ignored.
 */
export function parseHolidayCsv(text: string, file: string): { holidays: Map<IsoDate, string>; issues: InputIssue[] } {
  const holidays = new Map<IsoDate, string>();
  const issues: InputIssue[] = [];
  const lines = text.split(/\r?\n/);
  if ((lines[0] ?? '').trim() !== 'date,name') issues.push({ file, line: 1, reason: 'the header must be "date,name"' });
  lines.slice(1).forEach((raw, i) => {
    const line = i + 2;
    if (raw.trim() === '') return;
    const comma = raw.indexOf(',');
    const date = (comma < 0 ? raw : raw.slice(0, comma)).trim();
    const name = comma < 0 ? '' : raw.slice(comma + 1).trim();
    if (!isIsoDate(date)) issues.push({ file, line, field: 'date', reason: `"${date}" is not a YYYY-MM-DD date` });
    else if (weekday(date) > 5) issues.push({ file, line, field: 'date', reason: `${date} is a weekend day; list weekday closures only` });
    else if (holidays.has(date)) issues.push({ file, line, field: 'date', reason: `${date} is listed twice` });
    else if (name === '') issues.push({ file, line, field: 'name', reason: 'the holiday needs a name' });
    else holidays.set(date, name);
  });
  return { holidays, issues };
}

/** Every calendar day from `first` to `last` inclusive: weekends and listed holidays closed, half-days open. */
export function buildCalendarDays(holidays: ReadonlyMap<IsoDate, string>, first = CALENDAR_FIRST, last = CALENDAR_LAST): CalendarDay[] {
  const days: CalendarDay[] = [];
  // Plain UTC day arithmetic: a calendar date has no zone, and this loop runs ~4,700 times per seed.
  const end = Date.parse(`${last}T00:00:00Z`);
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= end; t += 86_400_000) {
    const d = new Date(t).toISOString().slice(0, 10);
    const holiday = holidays.get(d);
    const dayOfWeek = new Date(t).getUTCDay();
    if (holiday !== undefined) days.push({ date: d, isTradingDay: false, note: holiday });
    else if (dayOfWeek === 0 || dayOfWeek === 6) days.push({ date: d, isTradingDay: false, note: 'weekend' });
    else days.push({ date: d, isTradingDay: true, note: null });
  }
  return days;
}
