/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, UTC). Every computation goes
 * through UTC fields, so the local time zone can never shift a date.
 */

const MS_PER_DAY = 86_400_000;

export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export interface Ymd {
  year: number;
  /** 1 to 12. */
  month: number;
  day: number;
}

export function dayFromYmd(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** "2014-03-17" as a day number; throws on anything else (for tests and generated data). */
export function dayFromIso(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A date input's value as a day: null when empty or not a date (the input then sets no bound). */
export function dayFromInput(value: string): number | null {
  try {
    return value ? dayFromIso(value) : null;
  } catch {
    return null;
  }
}

export function ymdOf(day: number): Ymd {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same day of the month n months later (or earlier), clamped to the month's length. */
export function addMonths(day: number, n: number): number {
  const { year, month, day: dom } = ymdOf(day);
  const total = year * 12 + (month - 1) + n;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return dayFromYmd(y, m, Math.min(dom, daysInMonth(y, m)));
}

/** The first day of the day's month. */
export function monthStart(day: number): number {
  const { year, month } = ymdOf(day);
  return dayFromYmd(year, month, 1);
}

/** The Monday on or before the day (1970-01-01 was a Thursday). */
export function weekStart(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

/** Whole months from `from` to `day`: the largest k with addMonths(from, k) <= day (may be negative). */
export function monthsSince(from: number, day: number): number {
  const a = ymdOf(from);
  const b = ymdOf(day);
  let k = (b.year - a.year) * 12 + (b.month - a.month);
  if (addMonths(from, k) > day) k -= 1;
  else if (addMonths(from, k + 1) <= day) k += 1;
  return k;
}

/** "17 March 2014". */
export function formatDayLong(day: number): string {
  const { year, month, day: dom } = ymdOf(day);
  return `${dom} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** "17 Mar 2014". */
export function formatDayShort(day: number): string {
  const { year, month, day: dom } = ymdOf(day);
  return `${dom} ${MONTH_NAMES[month - 1].slice(0, 3)} ${year}`;
}

/** "March 2014". */
export function formatMonthYear(day: number): string {
  const { year, month } = ymdOf(day);
  return `${MONTH_NAMES[month - 1]} ${year}`;
}

/** "2014-03-17". */
export function dayToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
