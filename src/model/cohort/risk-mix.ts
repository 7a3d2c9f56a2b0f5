/**
 * Risk mix over time per group: at each month since referral (or calendar month), the share of
 * the women followed that far whose risk at that date (the latest assessment on or before it,
 * from the assessor the definition names) is standard, medium, high, or not assessed.
 */
import { min } from 'd3';
import { rowsOfCase, type WorkingSet } from '../../data/working-set';
import type { Definitions } from '../definitions';
import { addMonths, dayToIso, formatMonthYear, monthStart } from '../../data/days';
import { clampThreshold, coarsenUntilShown, countCell, shown, suppressEntries, valueOf, type Cell, type CoarseningStep, type DisclosureRule } from '../disclosure';
import { percentWithInterval } from '../interval-cells';
import { otherAreas, type Alignment, type CohortGroup } from './cohort-query';
import { assessorFilter, LEVEL_CODES, RISK_AT_REFERRAL_LABELS, type RiskAtReferral } from './cohort-women';
import { UNKNOWN_DAY } from '../../data/columns';
import { monthsAfterDay, perWorkingSet } from './woman-facts';

const EMPTY = new Uint32Array(0);

export const MIX_LEVELS: readonly RiskAtReferral[] = ['standard', 'medium', 'high', 'not_assessed'];

export interface MixColumn {
  label: string;
  /** Readings in the column: women for one month; woman-months when months are pooled. */
  n: number;
  counts: number[];
  shownN: Cell;
  shownCounts: Cell[];
  /** The women behind each level's cell, then behind n (not published: what the threshold is tested on). */
  womenBehind: number[];
  /** Shares as published (percentages); `shares` for drawing, null when hidden. */
  shownShares: Cell[];
  shares: (number | null)[];
}

export interface GroupRiskMix {
  label: string;
  columns: MixColumn[];
}

/**
 * Per case index, the level counted at each month for the referral day in `referral` (NaN: not yet
 * worked out), filled as women are met; once per working set and the other inputs (in the key).
 */
const monthLevels = perWorkingSet((ws, key) => {
  const count = Number(key.slice(key.lastIndexOf('\u001f') + 1));
  const n = ws.caseIds.length;
  return { referral: new Float64Array(n).fill(NaN), levels: new Int8Array(n * count) };
});

/** The levels of a risk mix, finest first; `medium_or_high` replaces medium and high once merged. */
export interface MixLevel {
  key: RiskAtReferral | 'medium_or_high';
  label: string;
}

const FINE_LEVELS: MixLevel[] = MIX_LEVELS.map((key) => ({ key, label: RISK_AT_REFERRAL_LABELS[key] }));
const MERGED_LEVELS: MixLevel[] = [
  { key: 'standard', label: RISK_AT_REFERRAL_LABELS.standard },
  { key: 'medium_or_high', label: 'Medium or high' },
  { key: 'not_assessed', label: RISK_AT_REFERRAL_LABELS.not_assessed },
];
/** Fine level index (MIX_LEVELS) to merged level index (MERGED_LEVELS). */
const MERGE = [0, 1, 1, 2];

/** The months of the chart, read once per call: each woman's level per month is in `levels` at ix * count + m (-1: not followed). */
interface MonthGrid {
  count: number;
  levels: Int8Array;
  /** The referral day each woman's levels were worked out for (NaN: none, as with no end day). */
  referral: Float64Array;
  /** What the grid was worked out from (assessor, end, time axis, start, months). */
  key: string;
  labelOf: (m: number) => string;
  /** A key per month for grouping into quarters (3) or half-years (6) of the time axis. */
  periodOf: (m: number, months: 3 | 6) => number;
  alignment: Alignment;
}

function monthGrid(ws: WorkingSet, groups: readonly CohortGroup[], defs: Pick<Definitions, 'riskAssessor'>, alignment: Alignment, end: number | null, months: number): MonthGrid {
  const ra = ws.tables.risk_assessments;
  const raDay = ra.days('date');
  const raLevel = ra.codes('level', LEVEL_CODES);
  const who = assessorFilter(ra, defs.riskAssessor);
  const inc = ws.tables.incidents;
  const incDay = inc.days('date');
  const incRisk = inc.codes('dash_risk', LEVEL_CODES);
  const policeCounts = defs.riskAssessor === 'any' || defs.riskAssessor === 'police';
  const allRefs = groups.flatMap((g) => g.women.map((w) => w.referral)).filter((d): d is number => d !== null);
  const calendarStart = allRefs.length ? monthStart(min(allRefs)!) : 0;
  const calendarMonths = end === null || !allRefs.length ? 0 : Math.min(36, Math.round((end - calendarStart) / 30.4375) + 1);
  const count = alignment === 'referral' ? months + 1 : calendarMonths;
  const monthDays = Array.from({ length: count }, (_, m) => addMonths(calendarStart, m));

  // Each woman's level per month (-1 not counted), kept for the next call with the same inputs.
  const key = `${defs.riskAssessor}\u001f${end}\u001f${alignment}\u001f${alignment === 'referral' ? '' : calendarStart}\u001f${count}`;
  const memo = monthLevels(ws, key);
  for (const g of groups)
    for (const w of g.women) {
      if (w.referral === null || end === null || memo.referral[w.ix] === w.referral) continue;
      const at = w.ix * count;
      memo.referral[w.ix] = w.referral;
      memo.levels.fill(-1, at, at + count);
      // Two sorted lists (each woman's rows are in date order); merged by walking both.
      const rr = rowsOfCase(ws, 'risk_assessments', w.ix);
      const ir = policeCounts ? rowsOfCase(ws, 'incidents', w.ix) : EMPTY;
      let i = 0;
      let j = 0;
      let rLevel = 3;
      let rDay = UNKNOWN_DAY;
      let iLevel = 3;
      let iDay = UNKNOWN_DAY;
      const dayOfMonth = alignment === 'referral' ? monthsAfterDay(ws, w.referral, count) : monthDays;
      for (let m = 0; m < count; m++) {
        const day = dayOfMonth[m];
        if (day > end) break;
        if (day < w.referral) continue;
        while (i < rr.length && raDay[rr[i]] <= day) {
          const lv = raLevel(rr[i]);
          if (lv >= 0 && raDay[rr[i]] !== UNKNOWN_DAY && who(rr[i])) ((rLevel = lv), (rDay = raDay[rr[i]]));
          i++;
        }
        while (j < ir.length && incDay[ir[j]] <= day) {
          const lv = incRisk(ir[j]);
          if (lv >= 0 && incDay[ir[j]] !== UNKNOWN_DAY) ((iLevel = lv), (iDay = incDay[ir[j]]));
          j++;
        }
        // The latest reading on or before the day; an incident grading wins a tie.
        memo.levels[at + m] = iDay >= rDay && iDay !== UNKNOWN_DAY ? iLevel : rLevel;
      }
    }
  const monthOfYear = (m: number) => Number(dayToIso(monthDays[m]).slice(5, 7)) - 1;
  const yearOf = (m: number) => Number(dayToIso(monthDays[m]).slice(0, 4));
  return {
    count,
    levels: memo.levels,
    referral: memo.referral,
    key,
    alignment,
    labelOf: (m) => (alignment === 'referral' ? `Month ${m}` : formatMonthYear(monthDays[m])),
    periodOf: (m, k) => (alignment === 'referral' ? Math.floor(m / k) : yearOf(m) * 12 + Math.floor(monthOfYear(m) / k)),
  };
}

/** The months of each column: one each, or pooled into quarters or half-years of the time axis. */
function buckets(grid: MonthGrid, months: 1 | 3 | 6): { label: string; months: number[] }[] {
  const out: { label: string; months: number[] }[] = [];
  let key = NaN;
  for (let m = 0; m < grid.count; m++) {
    const k = months === 1 ? m : grid.periodOf(m, months);
    if (k !== key || !out.length) out.push({ label: '', months: [] });
    key = k;
    out[out.length - 1].months.push(m);
  }
  for (const b of out) {
    const a = b.months[0];
    const z = b.months[b.months.length - 1];
    b.label =
      a === z ? grid.labelOf(a)
      : grid.alignment === 'referral' ? `Months ${a}–${z}`
      : `${grid.labelOf(a)} to ${grid.labelOf(z)}`;
  }
  return out;
}

/**
 * One group's columns, published. A column counts each woman once per month she was followed (a
 * single month: once), at her level that month; pooled columns are woman-months, and a cell is
 * hidden when 1 to the threshold women are behind it, whatever its woman-months, then secondary
 * suppression protects it within its column (the levels sum to the column's n).
 */
/** One group's table as published, with the women behind each cell (levels, then n) and what is hidden: what a filtered view's table is compared with. */
interface Tabulated {
  columns: MixColumn[];
  women: number[][];
  hidden: boolean[][];
}

function tabulate(
  grid: MonthGrid,
  g: CohortGroup,
  cols: { label: string; months: number[] }[],
  levelOf: readonly number[],
  L: number,
  rule: DisclosureRule | null,
  /** The same group of the unfiltered view at the same step (share mode with a filter). */
  versus?: Tabulated,
): Tabulated {
  const { count, levels } = grid;
  const t = rule ? clampThreshold(rule.threshold) : 0;
  const C = cols.length;
  // One pass over each woman's months: woman-months per column and level, and the women behind
  // each (a stamp per cell marks the last woman counted there).
  const colOf = new Int32Array(count).fill(-1);
  cols.forEach((col, ci) => col.months.forEach((m) => (colOf[m] = ci)));
  const flatCounts = new Int32Array(C * L);
  const flatWomen = new Int32Array(C * (L + 1));
  const stamp = new Int32Array(C * (L + 1)).fill(-1);
  let wi = 0;
  for (const w of g.women) {
    if (w.referral === null || grid.referral[w.ix] !== w.referral) continue;
    wi++;
    const at = w.ix * count;
    for (let m = 0; m < count; m++) {
      const lv = levels[at + m];
      const ci = colOf[m];
      if (lv < 0 || ci < 0) continue;
      const l = levelOf[lv];
      flatCounts[ci * L + l]++;
      const cell = ci * (L + 1) + l;
      if (stamp[cell] !== wi) ((stamp[cell] = wi), flatWomen[cell]++);
      const nCell = ci * (L + 1) + L;
      if (stamp[nCell] !== wi) ((stamp[nCell] = wi), flatWomen[nCell]++);
    }
  }
  const counts = cols.map((_, ci) => Array.from(flatCounts.subarray(ci * L, ci * L + L)));
  const women = cols.map((_, ci) => Array.from(flatWomen.subarray(ci * (L + 1), (ci + 1) * (L + 1))));
  const hiddenAll: boolean[][] = [];
  const columns = cols.map((col, ci) => {
    const c = counts[ci];
    const n = c.reduce((a, b) => a + b, 0);
    const nWomen = women[ci][L];
    let hidden = new Array<boolean>(L + 1).fill(false);
    if (rule) {
      // A cell of 1 to the threshold women is hidden; so is one whose women differ from the
      // unfiltered cell's by 1 to the threshold, or that equals an unfiltered cell hidden there.
      const few = women[ci].map((x, i) => {
        if (x >= 1 && x <= t) return true;
        if (!versus) return false;
        const d = (versus.women[ci]?.[i] ?? 0) - x;
        return (d >= 1 && d <= t) || (d === 0 && x > 0 && !!versus.hidden[ci]?.[i]);
      });
      hidden = suppressEntries([...c, n], [{ parts: c.map((_, i) => i), total: L }], rule, { hidden: few });
    }
    hiddenAll.push(hidden);
    // A pooled column's woman-months are not independent: its interval counts the women behind it.
    const shownShares = c.map((v, i) => (n === 0 ? shown(null) : percentWithInterval(v, n, hidden[i] || hidden[L], rule, nWomen)));
    return {
      label: col.label,
      n,
      counts: c,
      womenBehind: women[ci],
      shownN: countCell(n, hidden[L], rule),
      shownCounts: c.map((v, i) => countCell(v, hidden[i], rule)),
      shownShares,
      shares: c.map((v, i) => {
        const p = valueOf(shownShares[i]);
        return p === null || n === 0 ? null : rule?.rounding ? p / 100 : v / n;
      }),
    };
  });
  return { columns, women, hidden: hiddenAll };
}

export function riskMix(
  ws: WorkingSet,
  groups: readonly CohortGroup[],
  /** Only the risk assessor definition is read. */
  defs: Pick<Definitions, 'riskAssessor'>,
  alignment: Alignment,
  end: number | null,
  rule: DisclosureRule | null,
  months = 12,
): GroupRiskMix[] {
  const grid = monthGrid(ws, groups, defs, alignment, end, months);
  const cols = buckets(grid, 1);
  return groups.map((g) => ({ label: g.label, columns: tabulate(grid, g, cols, [0, 1, 2, 3], 4, rule).columns }));
}

/** A risk mix as a share-mode chart shows it: coarsened first where cells would be hidden. */
export interface CoarsenedRiskMix {
  levels: MixLevel[];
  groups: GroupRiskMix[];
  /** The steps taken, in order; none with share mode off or when the months pass as they are. */
  coarsened: CoarseningStep[];
  /** What a column counts: women (one month each) or woman-months (pooled months). */
  unit: 'women' | 'woman-months';
  /** The index of the step taken on the ladder (0: none). */
  step: number;
}

/**
 * The risk mix coarsened before it hides (share mode), one step at a time: months into quarters;
 * then medium and high risk into "medium or high"; then quarters into half-years. Time is coarsened
 * first, as far as quarters; the levels are merged before half-years, so that as much of the time
 * course as possible stays. It stops at the first step with no cell hidden (or takes the step that
 * hides the smallest share of cells; see `coarsenUntilShown`).
 */
export function coarsenedRiskMix(
  ws: WorkingSet,
  groups: readonly CohortGroup[],
  defs: Pick<Definitions, 'riskAssessor'>,
  alignment: Alignment,
  end: number | null,
  rule: DisclosureRule | null,
  /**
   * Share mode with a filter: the unfiltered view's groups (same grouping). Each cell is compared
   * with the same group's cell unfiltered, at the same step, by the women behind it; the time axis
   * is laid out over these women, so that the columns match.
   */
  unfiltered: readonly CohortGroup[] | null = null,
  /** The step to take whatever the cells (the ladder's index); by default the first that hides nothing, or the best. */
  step?: number,
  /**
   * The user allows small areas to be merged (and the groups are areas): after the other steps,
   * areas with most of their cells still hidden are shown together as "Other areas".
   */
  mergeAreas = false,
  months = 12,
): CoarsenedRiskMix {
  const versusGroups = rule ? unfiltered : null;
  const grid = monthGrid(ws, versusGroups ?? groups, defs, alignment, end, months);
  const axis = alignment === 'referral' ? 'months since referral' : 'calendar months';
  const ladder: { pool: 1 | 3 | 6; merge: boolean; steps: CoarseningStep[] }[] = [{ pool: 1, merge: false, steps: [] }];
  const quarters = { id: 'quarters', label: `${axis} grouped into quarters`, short: 'quarters' };
  const halves = { id: 'half-years', label: `${axis} grouped into half-years`, short: 'half-years' };
  const merged = { id: 'medium-or-high', label: 'medium and high risk shown together as "medium or high"', short: '"medium or high" risk' };
  if (rule) ladder.push({ pool: 3, merge: false, steps: [quarters] }, { pool: 3, merge: true, steps: [quarters, merged] }, { pool: 6, merge: true, steps: [halves, merged] });
  const tables = (step: number, gs: readonly CohortGroup[], vs: readonly CohortGroup[] | null, more: CoarseningStep[] = []): CoarsenedRiskMix => {
    const { pool, merge, steps } = ladder[step];
    const cols = buckets(grid, pool);
    const levels = merge ? MERGED_LEVELS : FINE_LEVELS;
    const levelOf = merge ? MERGE : [0, 1, 2, 3];
    const versus = vs ? unfilteredTabulated(vs, `${step}\u001f${grid.key}\u001f${rule?.threshold}\u001f${rule?.rounding}`, () => new Map(vs.map((u) => [u.key, tabulate(grid, u, cols, levelOf, levels.length, rule)]))) : new Map<string, Tabulated>();
    return {
      levels,
      groups: gs.map((g) => ({ label: g.label, columns: tabulate(grid, g, cols, levelOf, levels.length, rule, versus.get(g.key)).columns })),
      coarsened: [...steps, ...more],
      unit: pool === 1 ? 'women' : 'woman-months',
      step,
    };
  };
  const build = (step: number) => tables(step, groups, versusGroups);
  const best = step !== undefined ? build(Math.min(step, ladder.length - 1)) : coarsenUntilShown(ladder.length - 1, build, mixHiddenShare).table;
  if (!rule || !mergeAreas || mixHiddenShare(best) === 0) return best;
  // Areas with more than half their cells hidden, two or more of them: shown together, if that hides less.
  const small = new Set(best.groups.flatMap((g, i) => (mixHiddenShare({ groups: [g] }) > 0.5 ? [groups[i].key] : [])));
  const other = otherAreas(groups, small, 'most of their cells would be hidden');
  if (!other) return best;
  const merged2 = tables(best.step, other.groups, versusGroups && otherAreas(versusGroups, small, '')!.groups, [other.step]);
  return mixHiddenShare(merged2) < mixHiddenShare(best) ? merged2 : best;
}


/**
 * The unfiltered view's tables at a step, kept per list of unfiltered groups (which stays the same
 * object while the filters change) and step, grid and rule: a filter change works out only the
 * filtered tables.
 */
const unfilteredCache = new WeakMap<readonly CohortGroup[], Map<string, Map<string, Tabulated>>>();
function unfilteredTabulated(groups: readonly CohortGroup[], key: string, make: () => Map<string, Tabulated>): Map<string, Tabulated> {
  let byKey = unfilteredCache.get(groups);
  if (!byKey) unfilteredCache.set(groups, (byKey = new Map()));
  let v = byKey.get(key);
  if (!v) byKey.set(key, (v = make()));
  return v;
}

export { OTHER_AREAS_KEY } from './cohort-query';

/** The share of a risk mix's level cells (in columns with anyone followed) that are hidden. */
export function mixHiddenShare(mix: { groups: GroupRiskMix[] }): number {
  let cells = 0;
  let hidden = 0;
  for (const g of mix.groups)
    for (const c of g.columns) {
      if (c.n === 0) continue;
      for (const s of c.shownCounts) ((cells += 1), (hidden += s.suppressed ? 1 : 0));
    }
  return cells ? hidden / cells : 0;
}
