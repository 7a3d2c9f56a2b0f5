/**
 * Needs that occur together, as an UpSet chart reads them: one set per need (women with that
 * need at all) and one exclusive intersection per combination (women whose recorded needs are
 * exactly that combination). The intersections sum to all women; a set's size is the sum of the
 * intersections that contain it; women with two or more needs are the sum of the intersections
 * of two or more. Published as one system of sums so that no hidden count can be worked back
 * from the totals. Pure.
 */
import { NEED_FIELDS } from '../../domain/contract';
import { rowsOfCase, type WorkingSet } from '../../data/working-set';
import { countCell, hiddenIn, suppressEntries, valueOf, type Cell, type DisclosureRule, type SumConstraint } from '../disclosure';
import { type CohortWoman } from './cohort-women';
import { perWorkingSet } from './woman-facts';

export interface NeedCombinationCount {
  /** Indices into NeedSets.needs, ascending; empty for women with no need recorded. */
  needs: number[];
  women: number;
}

export interface NeedSets {
  /** Labels of every need, in the data contract's order. */
  needs: string[];
  /** Exclusive intersections with at least one woman. */
  combinations: NeedCombinationCount[];
}

/** Counts women under their exact set of needs; `profiles` gives each woman's need indices. */
export function countNeedSets(needs: readonly string[], profiles: readonly (readonly number[])[]): NeedSets {
  const counts = new Map<string, NeedCombinationCount>();
  for (const p of profiles) {
    const members = [...new Set(p)].sort((a, b) => a - b);
    const key = members.join(',');
    const c = counts.get(key);
    if (c) c.women++;
    else counts.set(key, { needs: members, women: 1 });
  }
  return { needs: [...needs], combinations: [...counts.values()].sort(bySize) };
}

/** The needs of the given women, read from their case rows (a woman without one has none). */
export function needSets(ws: WorkingSet, women: readonly CohortWoman[]): NeedSets {
  const profiles = needProfiles(ws);
  // Women with the same needs share one profile array: count those, then each combination once.
  const counts = new Map<readonly number[], number>();
  for (const w of women) {
    const p = profiles[w.ix];
    counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  return { needs: NEED_FIELDS.map((f) => f.label), combinations: [...counts].map(([p, n]) => ({ needs: [...p], women: n })).sort(bySize) };
}

/**
 * Per case index, the needs read from her first case row (none without one), ascending; the same
 * array for every woman with the same needs. Worked out once per working set.
 */
const needProfiles = perWorkingSet((ws): (readonly number[])[] => {
  const cases = ws.tables.cases;
  const flags = NEED_FIELDS.map((f) => cases.yn(f.name));
  const interned = new Map<string, readonly number[]>();
  const out: (readonly number[])[] = [];
  for (let ix = 0; ix < ws.caseIds.length; ix++) {
    const row = rowsOfCase(ws, 'cases', ix)[0];
    const p = row === undefined ? [] : NEED_FIELDS.flatMap((_, i) => (flags[i](row) === true ? [i] : []));
    const key = p.join(',');
    let shared = interned.get(key);
    if (!shared) interned.set(key, (shared = p));
    out.push(shared);
  }
  return out;
});

function bySize(a: NeedCombinationCount, b: NeedCombinationCount): number {
  return b.women - a.women || a.needs.length - b.needs.length || compareIndices(a.needs, b.needs);
}

function compareIndices(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

export interface PublishedNeed {
  label: string;
  /** Her set's size as published (a suppressed cell has no value, so nothing can draw it). */
  count: Cell;
}

export interface PublishedCombination {
  count: Cell;
  /** Indices into PublishedNeedSets.sets; empty for "No needs recorded" and for the merged column. */
  sets: number[];
  label: string;
  /** The merged column of all combinations not shown on their own. */
  other: boolean;
}

export interface PublishedNeedSets {
  /** The needs at least one woman has, in the contract's order (a fixed order: ranking rows by size would bound hidden sizes). */
  sets: PublishedNeed[];
  /** Needs no woman in the cohort has (zero is not disclosive). */
  absent: string[];
  /** Exclusive intersections, largest first; hidden ones after those shown; the merged column last. */
  combinations: PublishedCombination[];
  total: Cell;
  /** Women with two or more needs. */
  multiple: Cell;
}

export const OTHER_COMBINATIONS = 'All other combinations';
export const NO_NEEDS = 'No needs recorded';

/**
 * The layout of the published system, shared with the tests: entries are every non-empty
 * combination (those merged are never published), the merged column, each need's set size, the
 * total and the women with two or more needs.
 */
export interface NeedSetSystem {
  values: number[];
  constraints: SumConstraint[];
  /** Entry of each combination in NeedSets.combinations. */
  combination: number[];
  other: number | null;
  /** Entry of each need's set size (null when no woman has it). */
  set: (number | null)[];
  total: number;
  multiple: number;
  /** Combinations merged into the "All other combinations" column. */
  merged: boolean[];
}

export function needSetSystem(data: NeedSets, keep: number): NeedSetSystem {
  const combos = data.combinations;
  const merged = combos.map((_, i) => i >= keep);
  // With a single merged combination the merged column would simply be it: show it on its own.
  if (merged.filter(Boolean).length === 1) merged[merged.length - 1] = false;
  const values: number[] = combos.map((c) => c.women);
  const combination = combos.map((_, i) => i);
  const constraints: SumConstraint[] = [];
  let other: number | null = null;
  if (merged.some(Boolean)) {
    const parts = combination.filter((i) => merged[i]);
    other = values.push(parts.reduce((a, i) => a + values[i], 0)) - 1;
    constraints.push({ parts, total: other });
  }
  const set = data.needs.map((_, n) => {
    const parts = combination.filter((i) => combos[i].needs.includes(n));
    if (!parts.length) return null;
    const at = values.push(parts.reduce((a, i) => a + values[i], 0)) - 1;
    constraints.push({ parts, total: at });
    return at;
  });
  const total = values.push(values.slice(0, combos.length).reduce((a, b) => a + b, 0)) - 1;
  constraints.push({ parts: [...combination], total });
  const multiParts = combination.filter((i) => combos[i].needs.length >= 2);
  const multiple = values.push(multiParts.reduce((a, i) => a + values[i], 0)) - 1;
  constraints.push({ parts: multiParts, total: multiple });
  return { values, constraints, combination, other, set, total, multiple, merged };
}

/**
 * The combinations, sets and totals as published. The total is tied to the number of women shown
 * elsewhere (`totalShown`): hidden there means hidden here; shown there means it cannot be hidden
 * here to protect a cell. At most `keep` combinations get a column; the rest are merged.
 */
export function publishNeedSets(data: NeedSets, rule: DisclosureRule | null, totalShown?: Cell, keep = 12): PublishedNeedSets {
  const sys = needSetSystem(data, keep);
  let hidden = sys.values.map(() => false);
  if (rule) {
    // Merged combinations are never published: they are hidden from the start and protected too.
    const totalHidden = hiddenIn(totalShown);
    const pre = sys.values.map((_, e) => (e < data.combinations.length && sys.merged[e]) || (e === sys.total && totalHidden === true));
    const locked = sys.values.map((_, e) => e === sys.total && totalHidden === false);
    hidden = suppressEntries(sys.values, sys.constraints, rule, { hidden: pre, locked });
  }
  const cell = (e: number): Cell => countCell(sys.values[e], hidden[e], rule);
  const setIndex = new Map<number, number>();
  const sets: PublishedNeed[] = [];
  const absent: string[] = [];
  data.needs.forEach((label, n) => {
    const e = sys.set[n];
    if (e === null) absent.push(label);
    else {
      setIndex.set(n, sets.length);
      sets.push({ label, count: cell(e) });
    }
  });
  const columns = data.combinations.flatMap((c, i) => {
    if (sys.merged[i]) return [];
    const label = c.needs.length ? c.needs.map((n) => data.needs[n]).join(' + ') : NO_NEEDS;
    return [{ sets: c.needs.map((n) => setIndex.get(n)!), label, other: false, order: i, count: cell(sys.combination[i]) }];
  });
  // Shown columns by size; hidden ones after them in a fixed order, so their place gives no bound.
  const isShown = (c: { count: Cell }) => valueOf(c.count) !== null;
  columns.sort((a, b) =>
    isShown(a) && isShown(b) ? a.order - b.order
    : isShown(a) ? -1
    : isShown(b) ? 1
    : a.sets.length - b.sets.length || compareIndices(a.sets, b.sets),
  );
  const combinations: PublishedCombination[] = columns.map(({ order: _order, ...c }) => c);
  if (sys.other !== null) combinations.push({ sets: [], label: OTHER_COMBINATIONS, other: true, count: cell(sys.other) });
  return { sets, absent, combinations, total: cell(sys.total), multiple: cell(sys.multiple) };
}
