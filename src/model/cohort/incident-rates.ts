/**
 * Police incidents per woman per 30 days in the 12 months before referral and after it, split
 * into domestic incidents and crimes. Rates are pooled over person-time (incidents divided by the
 * days each woman was followed), so a woman referred last month does not count as a year of
 * quiet: unequal follow-up does not bias the "after" rate.
 */
import { rowsOfCase, type Table, type WorkingSet } from '../../data/working-set';
import { KIND_CODES, type CohortWoman } from './cohort-women';
import { UNKNOWN_DAY } from '../../data/columns';
import { perWorkingSet } from './woman-facts';
import { countCell, shown, statisticAllowed, statisticCell, suppressed, suppressEntries, type Cell, type DisclosureRule } from '../disclosure';
import { withInterval } from '../interval-cells';
import { rateInterval } from '../stats/intervals';

export const PRE_DAYS = 365;

export interface RatePeriod {
  domestic: number;
  crimes: number;
  /** Days of follow-up summed over the women. */
  days: number;
  /** Per woman per 30 days; null without follow-up. */
  domesticRate: number | null;
  crimeRate: number | null;
}

export interface GroupIncidentRates {
  key: string;
  label: string;
  /** Women with a known referral date (the rate's denominator). */
  women: number;
  before: RatePeriod;
  after: RatePeriod;
  /** Median days followed after referral, per woman. */
  medianFollowUpDays: number | null;
}

/** The last day the data covers: the latest date in any loaded table. */
export function dataEndDay(ws: WorkingSet): number | null {
  let end = -Infinity;
  for (const table of Object.values<Table>(ws.tables)) {
    const v = table.days(table.dateColumn);
    for (let i = 0; i < v.length; i++) if (v[i] > end && v[i] !== UNKNOWN_DAY) end = v[i];
  }
  return Number.isFinite(end) ? end : null;
}

function period(domestic: number, crimes: number, days: number): RatePeriod {
  return {
    domestic,
    crimes,
    days,
    domesticRate: days > 0 ? (30 * domestic) / days : null,
    crimeRate: days > 0 ? (30 * crimes) / days : null,
  };
}

/**
 * Per case index ix, at 4 * ix: domestic incidents and crimes before, then after, the referral day
 * in `referral` (NaN: not yet counted); filled as women are met, once per working set and end day.
 */
const perWomanCounts = perWorkingSet((ws) => ({
  referral: new Float64Array(ws.caseIds.length).fill(NaN),
  counts: new Int32Array(ws.caseIds.length * 4),
}));

export function incidentRates(ws: WorkingSet, groups: readonly { key: string; label: string; women: readonly CohortWoman[] }[], end: number | null): GroupIncidentRates[] {
  const inc = ws.tables.incidents;
  const day = inc.days('date');
  const kind = inc.codes('kind', KIND_CODES, 0);
  const memo = perWomanCounts(ws, String(end));
  return groups.map((g) => {
    let women = 0;
    const b = { d: 0, c: 0, days: 0 };
    const a = { d: 0, c: 0, days: 0 };
    // Days followed per woman, sorted as typed numbers (no comparator calls) for the median.
    const followed = new Float64Array(g.women.length);
    for (const w of g.women) {
      if (w.referral === null || end === null || w.referral > end) continue;
      women++;
      b.days += PRE_DAYS;
      const after = end - w.referral + 1;
      a.days += after;
      followed[women - 1] = after;
      const at = w.ix * 4;
      if (memo.referral[w.ix] !== w.referral) {
        // Her counts before and after referral, kept for the next call (same working set and end).
        const c = { b: { d: 0, c: 0 }, a: { d: 0, c: 0 } };
        for (const r of rowsOfCase(ws, 'incidents', w.ix)) {
          const d = day[r];
          if (d === UNKNOWN_DAY || d > end) continue;
          const k = kind(r);
          const side = d < w.referral ? (d >= w.referral - PRE_DAYS ? c.b : null) : c.a;
          if (!side) continue;
          if (k === 1) side.d++;
          else if (k === 2) side.c++;
        }
        memo.counts.set([c.b.d, c.b.c, c.a.d, c.a.c], at);
        memo.referral[w.ix] = w.referral;
      }
      b.d += memo.counts[at];
      b.c += memo.counts[at + 1];
      a.d += memo.counts[at + 2];
      a.c += memo.counts[at + 3];
    }
    const follow = followed.subarray(0, women).sort();
    const median = follow.length === 0 ? null : follow.length % 2 ? follow[(follow.length - 1) / 2] : (follow[follow.length / 2 - 1] + follow[follow.length / 2]) / 2;
    return { key: g.key, label: g.label, women, before: period(b.d, b.c, b.days), after: period(a.d, a.c, a.days), medianFollowUpDays: median };
  });
}

/** One period's rates as published: domestic incidents, crimes and both, each with its 95% interval. */
export interface PublishedPeriod {
  domestic: Cell;
  crimes: Cell;
  all: Cell;
}

export interface PublishedRates {
  key: string;
  label: string;
  /** False when share mode hides every rate of the group (fewer than ten women). */
  allowed: boolean;
  before: PublishedPeriod;
  after: PublishedPeriod;
  medianFollowUpDays: Cell;
}

/**
 * The rates as published, each with its 95% interval (`rateInterval`: exact Poisson limits under
 * 10 events, Byar's method otherwise, on the pooled person-time). In share mode (`rule`):
 * - a group of fewer than ten women shows no rate;
 * - a group whose n is hidden (`groupCounts`) shows no rate: the interval pins the person-time
 *   (365 days per woman before referral), so the n;
 * - a rate over 1 to `threshold` events is hidden, since its interval (or its value with the n)
 *   gives the count of incidents back, and so is a second rate of the period when one is hidden
 *   (domestic incidents plus crimes make all incidents).
 */
export function publishRates(rates: readonly GroupIncidentRates[], groupCounts: readonly Cell[], rule: DisclosureRule | null): PublishedRates[] {
  return rates.map((r, i) => {
    const few = !!rule && !statisticAllowed(r.women);
    const nHidden = !!rule && groupCounts[i]?.suppressed === true;
    const period = (p: RatePeriod): PublishedPeriod => {
      if (few || nHidden) {
        const cell = suppressed(few ? 'few_women' : 'count_hidden');
        return { domestic: cell, crimes: cell, all: cell };
      }
      const counts = [p.domestic, p.crimes, p.domestic + p.crimes];
      const hidden = rule ? suppressEntries(counts, [{ parts: [0, 1], total: 2 }], rule) : [false, false, false];
      const [domestic, crimes, all] = counts.map((x, k) => {
        if (hidden[k]) return countCell(x, true, rule);
        return p.days > 0 ? withInterval(shown((30 * x) / p.days), rateInterval(x, p.days, 30)) : shown(null);
      });
      return { domestic, crimes, all };
    };
    return {
      key: r.key,
      label: r.label,
      allowed: !few && !nHidden,
      before: period(r.before),
      after: period(r.after),
      medianFollowUpDays: statisticCell(r.medianFollowUpDays, r.women, !!rule),
    };
  });
}
