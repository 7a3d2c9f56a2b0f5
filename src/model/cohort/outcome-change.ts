/**
 * Outcome scores over time: each woman's first and latest score per tool and domain ("distance
 * travelled"), and the median and interquartile range by months since her first score. Medians
 * over fewer than ten women are suppressed in share mode. The median change carries a 95%
 * interval by a seeded percentile bootstrap.
 */
import { rowsOfCase, type WorkingSet } from '../../data/working-set';
import { coarsenUntilShown, countCell, partitionHidden, shown, statisticAllowed, suppressed, type Cell, type CoarseningStep, type DisclosureRule } from '../disclosure';
import { withInterval } from '../interval-cells';
import { medianInterval } from '../stats/intervals';
import { humanize } from '../labels';
import { otherAreas, type CohortGroup, type Grouping } from './cohort-query';
import { UNKNOWN_DAY } from '../../data/columns';
import { perWorkingSet } from './woman-facts';

export interface DomainChange {
  key: string;
  label: string;
  women: number;
  /** Its women as published in share mode (suppressed with the other views' counts; see `coarsenedOutcomes`); absent without a rule. */
  womenShown?: Cell;
  firstMedian: number | null;
  latestMedian: number | null;
  changeMedian: number | null;
  /** The median change as published, with its 95% interval (seeded bootstrap, `medianInterval`); suppressed over fewer than ten women in share mode. */
  change: Cell;
  /**
   * Months since the first score (`month` to `to`, one month unless share mode pooled them) ->
   * the women with a score in them (each by her latest there), q1, median, q3; null statistics
   * when hidden.
   */
  byMonth: { month: number; to: number; women: number; womenShown?: Cell; q1: number | null; median: number | null; q3: number | null }[];
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

/**
 * Each group's outcome changes and scores by months since the first score, `pool` months to a
 * column (1, or 3 and 6 when share mode coarsens): a woman counts once in a column, by her latest
 * score in it.
 */
export function outcomeChange(ws: WorkingSet, groups: readonly CohortGroup[], shared: boolean, months = 12, pool: 1 | 3 | 6 = 1): GroupOutcomes[] {
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
        if (!k) perKey.set(e.key, (k = { first: [], latest: [], months: Array.from({ length: Math.floor(months / pool) + 1 }, () => []) }));
        k.first.push(e.first);
        k.latest.push(e.latest);
        if (pool === 1) for (let i = 0; i < e.byMonth.length; i += 2) k.months[e.byMonth[i]].push(e.byMonth[i + 1]);
        else {
          // Her latest score in each column: the months come in order, so the last one in a column wins.
          let column = -1;
          let score = 0;
          for (let i = 0; i < e.byMonth.length; i += 2) {
            const c = Math.floor(e.byMonth[i] / pool);
            if (c !== column && column >= 0) k.months[column].push(score);
            column = c;
            score = e.byMonth[i + 1];
          }
          if (column >= 0) k.months[column].push(score);
        }
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
          byMonth: k.months.map((xs, column) => {
            const s = sortedCopy(xs);
            const show = ok(s.length) && s.length > 0;
            const month = column * pool;
            return { month, to: Math.min(month + pool - 1, months), women: s.length, q1: show ? quantile(s, 0.25) : null, median: show ? quantile(s, 0.5) : null, q3: show ? quantile(s, 0.75) : null };
          }),
        };
      });
    return { label: g.label, domains };
  });
}

/** Outcome scores as a chart publishes them: the groups, and what share mode coarsened (empty: nothing). */
export interface CoarsenedOutcomes {
  groups: GroupOutcomes[];
  coarsened: CoarseningStep[];
}

/** The share of an outcome chart's medians (columns with anyone scored, and the median changes) that are hidden. */
export function outcomesHiddenShare(groups: readonly GroupOutcomes[]): number {
  let cells = 0;
  let hidden = 0;
  for (const g of groups)
    for (const d of g.domains) {
      cells++;
      if (d.change.suppressed) hidden++;
      for (const m of d.byMonth)
        if (m.women > 0) {
          cells++;
          if (m.median === null) hidden++;
        }
    }
  return cells ? hidden / cells : 0;
}

/** A group's women scored per tool and domain (numeric key of `womanOutcomes`): in all, and per column of `pool` months. */
type GroupCounts = Map<number, { women: number; columns: Int32Array }>;

/** What `outcomeChange` counts, without its medians: enough to tell which medians share mode hides. */
function outcomeCounts(ws: WorkingSet, groups: readonly CohortGroup[], months: number, pool: number): GroupCounts[] {
  const facts = womanOutcomes(ws, String(months));
  const columns = Math.floor(months / pool) + 1;
  return groups.map((g) => {
    const out: GroupCounts = new Map();
    for (const w of g.women) {
      const seen = facts[w.ix];
      if (!seen) continue;
      for (const e of seen) {
        let k = out.get(e.key);
        if (!k) out.set(e.key, (k = { women: 0, columns: new Int32Array(columns) }));
        k.women++;
        let last = -1;
        for (let i = 0; i < e.byMonth.length; i += 2) {
          const c = Math.floor(e.byMonth[i] / pool);
          if (c !== last) k.columns[c]++;
          last = c;
        }
      }
    }
    return out;
  });
}

/** `outcomesHiddenShare` from the counts alone (in share mode a median is shown over 10 women or more). */
function countsHiddenShare(groups: readonly GroupCounts[]): number {
  let cells = 0;
  let hidden = 0;
  for (const g of groups)
    for (const k of g.values()) {
      cells++;
      if (!statisticAllowed(k.women)) hidden++;
      for (const n of k.columns)
        if (n > 0) {
          cells++;
          if (!statisticAllowed(n)) hidden++;
        }
    }
  return cells ? hidden / cells : 0;
}

/** The counts of groups taken together (they hold different women). */
function sumCounts(groups: readonly GroupCounts[]): GroupCounts {
  const out: GroupCounts = new Map();
  for (const g of groups)
    for (const [key, k] of g) {
      const o = out.get(key);
      if (!o) out.set(key, { women: k.women, columns: Int32Array.from(k.columns) });
      else {
        o.women += k.women;
        k.columns.forEach((n, c) => (o.columns[c] += n));
      }
    }
  return out;
}

const POOLS = [1, 3, 6] as const;
const OUTCOME_STEPS: readonly CoarseningStep[] = [
  { id: 'quarters', label: 'months since the first score grouped into quarters', short: 'quarters' },
  { id: 'half-years', label: 'months since the first score grouped into half-years', short: 'half-years' },
];

/**
 * Outcome scores in share mode, coarsened before they hide (issue 14): months since the first
 * score pooled into quarters, then half-years, taking the first step that hides nothing (else
 * the one that hides least). Grouped by area, areas with every median still hidden are
 * candidates for "Other areas": with the user's leave (`mergeAreas`) they are shown together
 * when that hides less. A median is shown only over 10 women or more, so no step can show fewer.
 * The steps are chosen from the counts alone; the medians are worked out once, for the step taken.
 *
 * The women counted (per domain, and per column) are published as one system per domain and
 * column: the groups' counts sum to the ungrouped view's, by area and complex needs to each
 * area's, and the candidates to "Other areas" (in both views, so that they hide alike). Without
 * a rule, months and no merging.
 */
export function coarsenedOutcomes(
  ws: WorkingSet,
  groups: readonly CohortGroup[],
  rule: DisclosureRule | null,
  grouping: Grouping = 'none',
  mergeAreas = false,
  months = 12,
): CoarsenedOutcomes {
  if (!rule) return { groups: outcomeChange(ws, groups, false, months), coarsened: [] };
  const best = coarsenUntilShown(POOLS.length - 1, (step) => outcomeCounts(ws, groups, months, POOLS[step]), countsHiddenShare);
  const pool = POOLS[best.step];
  // The step taken says what was pooled (half-years, not quarters and then half-years).
  const coarsened = best.step ? [OUTCOME_STEPS[best.step - 1]] : [];
  const smallIx = grouping === 'area' ? best.table.flatMap((g, i) => (countsHiddenShare([g]) === 1 ? [i] : [])) : [];
  const other = otherAreas(groups, new Set(smallIx.map((i) => groups[i].key)), 'each of their medians would be hidden');
  const keptIx = groups.flatMap((_, i) => (smallIx.includes(i) ? [] : [i]));
  const merge =
    other !== null && mergeAreas && countsHiddenShare([...keptIx.map((i) => best.table[i]), sumCounts(smallIx.map((i) => best.table[i]))]) < countsHiddenShare(best.table);
  const shown = outcomeChange(ws, merge ? other!.groups : groups, true, months, pool);
  // By area and complex needs, each area's groups sum to what the view by area shows.
  const byArea = new Map<string, number[]>();
  if (grouping === 'area_complex') groups.forEach((g, i) => byArea.set(g.women[0]?.area ?? '', [...(byArea.get(g.women[0]?.area ?? '') ?? []), i]));
  const cells = publishWomen(best.table, other ? smallIx : undefined, [...byArea.values()], rule, keyNames(ws));
  // Each group shown takes its cells: a group by its index, "Other areas" by the merged sums.
  shown.forEach((g, j) => {
    const mine = merge && j === shown.length - 1 ? cells.merged : cells.groups[merge ? keptIx[j] : j];
    for (const d of g.domains) {
      const c = mine.get(d.key);
      if (!c) continue;
      d.womenShown = c.women;
      d.byMonth.forEach((m, i) => (m.womenShown = c.columns[i]));
    }
  });
  return { groups: shown, coarsened: merge ? [...coarsened, other!.step] : coarsened };
}

/**
 * The women counted per group, domain and column as published: per domain and column the
 * groups' counts are one system (`partitionHidden`) with the ungrouped view's, the areas' (for
 * groups by area and complex needs) and "Other areas" (the sum of `mergedIx`).
 */
function publishWomen(
  groups: readonly GroupCounts[],
  mergedIx: readonly number[] | undefined,
  subtotals: number[][],
  rule: DisclosureRule,
  nameOf: (key: number) => string,
): { groups: Map<string, { women: Cell; columns: Cell[] }>[]; merged: Map<string, { women: Cell; columns: Cell[] }> } {
  const out = groups.map(() => new Map<string, { women: Cell; columns: Cell[] }>());
  const merged = new Map<string, { women: Cell; columns: Cell[] }>();
  const keys = new Set(groups.flatMap((g) => [...g.keys()]));
  const columns = groups.find((g) => g.size)?.values().next().value?.columns.length ?? 0;
  for (const key of keys) {
    const name = nameOf(key);
    const at = groups.map((g) => g.get(key));
    const publish = (counts: number[]) => {
      const { hidden, mergedHidden } = partitionHidden(counts, rule, { subtotals, merged: mergedIx });
      return { cells: counts.map((c, i) => countCell(c, hidden[i], rule)), merged: countCell(mergedIx?.reduce((a, i) => a + counts[i], 0) ?? 0, mergedHidden, rule) };
    };
    const women = publish(at.map((k) => k?.women ?? 0));
    const cols = Array.from({ length: columns }, (_, c) => publish(at.map((k) => k?.columns[c] ?? 0)));
    at.forEach((k, i) => k && out[i].set(name, { women: women.cells[i], columns: cols.map((x) => x.cells[i]) }));
    if (mergedIx) merged.set(name, { women: women.merged, columns: cols.map((x) => x.merged) });
  }
  return { groups: out, merged };
}
