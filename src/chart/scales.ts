/**
 * The time scale of a journey: linear on day numbers (never Date objects), with tick
 * generators for calendar months and for months since referral.
 */
import { scaleLinear, type ScaleLinear } from 'd3';
import { addMonths, dayFromYmd, MONTH_NAMES, monthsSince, ymdOf } from '../data/days';

export type DayScale = ScaleLinear<number, number>;
export type AxisMode = 'calendar' | 'referral';

export interface Tick {
  day: number;
  label: string;
  /** Year starts (calendar) or referral (months since referral): drawn stronger. */
  major: boolean;
}

export function dayScale(domain: readonly [number, number], range: readonly [number, number]): DayScale {
  return scaleLinear().domain(domain).range(range);
}

/** Months between ticks so that labels stay at least `minPx` apart. */
export function monthStep(x: DayScale, minPx = 56): number {
  const [d0, d1] = x.domain();
  const [r0, r1] = x.range();
  const pxPerMonth = (Math.abs(r1 - r0) / Math.max(1, d1 - d0)) * 30.44;
  for (const step of [1, 2, 3, 6, 12, 24, 60]) if (step * pxPerMonth >= minPx) return step;
  return 120;
}

/** Month starts in the visible domain, every `step` months, labelled "Mar" or "2014" in January. */
export function calendarTicks(x: DayScale, minPx = 56): Tick[] {
  const step = monthStep(x, minPx);
  const [d0, d1] = x.domain();
  const first = ymdOf(Math.floor(d0));
  let index = first.year * 12 + first.month - 1;
  index = Math.ceil(index / step) * step;
  const ticks: Tick[] = [];
  for (;;) {
    const year = Math.floor(index / 12);
    const month = index - year * 12 + 1;
    const day = dayFromYmd(year, month, 1);
    if (day > d1) break;
    if (day >= d0) {
      const major = month === 1;
      const name = MONTH_NAMES[month - 1].slice(0, 3);
      // The first tick names its year too, so a zoomed-in axis is never without one.
      const label = major || step >= 12 ? String(year) : ticks.length === 0 ? `${name} ${year}` : name;
      ticks.push({ day, label, major });
    }
    index += step;
  }
  return ticks;
}

/** Ticks every `step` months before and after referral, labelled -12, -6, 0, 6 … */
export function referralTicks(x: DayScale, referral: number, minPx = 40): Tick[] {
  const step = monthStep(x, minPx);
  const [d0, d1] = x.domain();
  let k = Math.ceil(monthsSince(referral, Math.floor(d0)) / step) * step;
  const ticks: Tick[] = [];
  for (;;) {
    const day = addMonths(referral, k);
    if (day > d1) break;
    if (day >= d0) ticks.push({ day, label: k > 0 ? `+${k}` : String(k), major: k === 0 });
    k += step;
  }
  return ticks;
}
