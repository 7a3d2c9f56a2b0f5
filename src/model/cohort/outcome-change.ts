/**
 * Outcome scores over time: each woman's first and latest score per tool and domain ("distance
 * travelled"), and the median and interquartile range by months since her first score. Medians
 * over fewer than ten women are suppressed in share mode. The median change carries a 95%
 * interval by a seeded percentile bootstrap.
 */
import { rowsOfCase, type WorkingSet } from '../../data/working-set';
import { shown, statisticAllowed, suppressed, type Cell } from '../disclosure';
import { withInterval } from '../interval-cells';
import { medianInterval } from '../stats/intervals';
import { humanize } from '../labels';
import type { CohortGroup } from './cohort-query';
import { UNKNOWN_DAY } from '../../data/columns';
import { perWorkingSet } from './woman-facts';

export interface DomainChange {
  key: string;
  label: string;
  women: number;
  firstMedian: number | null;
  latestMedian: number | null;
  changeMedian: number | null;
  /** The median change as published, with its 95% interval (seeded bootstrap, `medianInterval`); suppressed over fewer than ten women in share mode. */
  change: Cell;
  /** Month since first score -> [women, q1, median, q3]; null statistics when hidden. */
  byMonth: { month: number; women: number; q1: number | null; median: number | null; q3: number | null }[];
}

export interface GroupOutcomes {
  label: string;
  domains: DomainChange[];
}

export function quantile(sorted: ArrayLike<number>, p: number): number | null {
  if (!sorted.length) return null;
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}

const sortNum = (xs: number[]) => xs.sort((a, b) => a - b);

/**
 * The values in ascending order, as `sortNum` orders them: by a typed-array sort (faster) when
 * every value is finite and none is -0 (there the two orders are the same), else by `sortNum`.
 */
function sortedCopy(xs: readonly number[]): ArrayLike<number> {
  for (const v of xs) if (!Number.isFinite(v) || Object.is(v, -0)) return sortNum([...xs]);
  return Float64Array.from(xs).sort();
}

/** One woman's scores on one tool and domain: the first, the latest, and [month, latest score in it, ...]. */
interface WomanOutcome {
  key: number;
  first: number;
  latest: number;
  byMonth: number[];
}

/** Per case index, her scores by tool and domain (null without any), once per working set and number of months. */
export const womanOutcomes = perWorkingSet((ws, monthsKey): (WomanOutcome[] | null)[] => {
  const months = Number(monthsKey);
  const t = ws.tables.outcomes;
  const day = t.days('date');
  const score = t.nums('score');
  const tool = t.col('tool').values;
  const dom = t.col('domain').values;
  const keyOf = (r: number) => dom[r] * 65536 + tool[r];
  const out: (WomanOutcome[] | null)[] = [];
  for (let ix = 0; ix < ws.caseIds.length; ix++) {
    const seen = new Map<number, { firstDay: number; first: number; latest: number; byMonth: Map<number, number> }>();
    for (const r of rowsOfCase(ws, 'outcomes', ix)) {
      const d = day[r];
      const s = score[r];
      const key = keyOf(r);
      if (d === UNKNOWN_DAY || Number.isNaN(s) || key < 65536) continue;
      let e = seen.get(key);
      if (!e) seen.set(key, (e = { firstDay: d, first: s, latest: s, byMonth: new Map() }));
      e.latest = s;
      const m = Math.floor((d - e.firstDay) / 30.4375);
      if (m <= months) e.byMonth.set(m, s);
    }
    out.push(seen.size ? [...seen].map(([key, e]) => ({ key, first: e.first, latest: e.latest, byMonth: [...e.byMonth].flat() })) : null);
  }
  return out;
});

/**
 * The bootstrap interval of a median depends only on the values (and the fixed seed), so it is
 * kept by their content: going back to a view seen before costs no resampling. The key is the
 * sorted values run-length encoded (scores are few distinct numbers, so keys stay short).
 */
const medianIntervals = new Map<string, ReturnType<typeof medianInterval>>();
function cachedMedianInterval(sorted: ArrayLike<number>): ReturnType<typeof medianInterval> {
  let key = String(sorted.length);
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    key += `,${sorted[i]}x${j - i}`;
    i = j;
  }
  let interval = medianIntervals.get(key);
  if (interval === undefined) {
    if (medianIntervals.size >= 2000) medianIntervals.clear();
    medianIntervals.set(key, (interval = medianInterval(sorted)));
  }
  return interval;
}

/** The name (`tool\u001fdomain`) of each tool-and-domain key of `womanOutcomes` (one small integer per row). */
function keyNames(ws: WorkingSet): (key: number) => string {
  const t = ws.tables.outcomes;
  const toolWords = t.col('tool').dict;
  const domWords = t.col('domain').dict;
  return (k) => `${toolWords[k % 65536] || 'other'}\u001f${domWords[Math.floor(k / 65536)] ?? ''}`;
}

/** A domain's label from its name: "Confidence (Batteries)". */
function domainLabel(name: string): string {
  const [toolName, dom] = name.split('\u001f');
  return `${humanize(dom)} (${humanize(toolName)})`;
}

/**
 * Per tool and domain, the women's changes (latest score minus first, in ascending order), in the
 * order and with the keys and labels of `outcomeChange`: the values whose median is its distance
 * travelled, for an interval around it. Cheaper than `outcomeChange` (no months).
 */
export function domainChanges(ws: WorkingSet, women: readonly { ix: number }[], months = 12): { key: string; label: string; changes: ArrayLike<number> }[] {
  const nameOf = keyNames(ws);
  const facts = womanOutcomes(ws, String(months));
  const perKey = new Map<number, number[]>();
  for (const w of women) {
    const seen = facts[w.ix];
    if (!seen) continue;
    for (const e of seen) {
      let xs = perKey.get(e.key);
      if (!xs) perKey.set(e.key, (xs = []));
      xs.push(e.latest - e.first);
    }
  }
  return [...perKey]
    .map(([code, xs]) => [nameOf(code), xs] as const)
    .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
    .map(([key, xs]) => ({ key, label: domainLabel(key), changes: sortedCopy(xs) }));
}

export function outcomeChange(ws: WorkingSet, groups: readonly CohortGroup[], shared: boolean, months = 12): GroupOutcomes[] {
  const nameOf = keyNames(ws);
  const ok = (n: number) => !shared || statisticAllowed(n);
  const facts = womanOutcomes(ws, String(months));
  return groups.map((g) => {
    // key -> per woman: [first, latest] and month -> latest score in that month
    const perKey = new Map<number, { first: number[]; latest: number[]; months: number[][] }>();
    for (const w of g.women) {
      const seen = facts[w.ix];
      if (!seen) continue;
      for (const e of seen) {
        let k = perKey.get(e.key);
        if (!k) perKey.set(e.key, (k = { first: [], latest: [], months: Array.from({ length: months + 1 }, () => []) }));
        k.first.push(e.first);
        k.latest.push(e.latest);
        for (let i = 0; i < e.byMonth.length; i += 2) k.months[e.byMonth[i]].push(e.byMonth[i + 1]);
      }
    }
    const domains: DomainChange[] = [...perKey]
      .map(([code, k]) => [nameOf(code), k] as const)
      .sort((a, b) => b[1].first.length - a[1].first.length || (a[0] < b[0] ? -1 : 1))
      .map(([key, k]) => {
        const n = k.first.length;
        const change = sortedCopy(k.latest.map((v, i) => v - k.first[i]));
        return {
          key,
          label: domainLabel(key),
          women: n,
          firstMedian: ok(n) ? quantile(sortedCopy(k.first), 0.5) : null,
          latestMedian: ok(n) ? quantile(sortedCopy(k.latest), 0.5) : null,
          changeMedian: ok(n) ? quantile(change, 0.5) : null,
          change: ok(n) ? withInterval(shown(quantile(change, 0.5)), cachedMedianInterval(change)) : suppressed('few_women'),
          byMonth: k.months.map((xs, month) => {
            const s = sortedCopy(xs);
            const show = ok(s.length) && s.length > 0;
            return { month, women: s.length, q1: show ? quantile(s, 0.25) : null, median: show ? quantile(s, 0.5) : null, q3: show ? quantile(s, 0.75) : null };
          }),
        };
      });
    return { label: g.label, domains };
  });
}
