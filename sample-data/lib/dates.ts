/** Dates are whole day numbers (days since 1970-01-01 UTC), written as ISO YYYY-MM-DD. */

const DAY_MS = 86_400_000;
export function dayOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}
const isoCache = new Map<number, string>();
export function isoOf(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, s);
  }
  return s;
}

/** The end of the reporting period. */
export const REPORT_END = dayOf('2015-07-31');
export const END = REPORT_END;

export const clamp = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v);
