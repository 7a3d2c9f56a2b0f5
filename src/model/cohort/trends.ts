/**
 * Trends per calendar quarter (issue 14, point 3): referrals, open cases and closures (by reason)
 * per quarter and area; the share engaged per quarter of referral; police incidents per woman
 * per 30 days after referral, by quarter of referral. Counts are published as typed cells under
 * the share-mode rule, each table suppressed as one system with its totals (and tied to the
 * cohort summary's counts where it repeats them); estimates carry their 95% interval, hidden
 * with the value. Engagement is each woman's status under the definitions in force (the women
 * come from `cohortWomen`); incident rates are `incidentRates`' pooled person-time. Pure.
 */
import { VOCABULARIES } from '../../domain/contract';
import { UNKNOWN_DAY } from '../../data/columns';
import { dayFromYmd, ymdOf } from '../../data/days';
import type { WorkingSet } from '../../data/working-set';
import {
  coarsenUntilShown,
  countCell,
  hiddenIn,
  isPrimarySuppressed,
  isSuppressed,
  percentCell,
  published,
  shown,
  statisticAllowed,
  statisticCell,
  suppressed,
  suppressEntries,
  valueOf,
  type Cell,
  type CoarseningStep,
  type DisclosureRule,
  type SumConstraint,
} from '../disclosure';
import { rateInterval, wilson, type Interval } from '../stats/intervals';
import { labelOf } from '../labels';
import { publishTable, type PublishedTable } from './aggregates';
import type { CohortWoman } from './cohort-women';
import type { SummaryRow } from './cohort-summary';
import { incidentRates } from './incident-rates';
import { perWorkingSet } from './woman-facts';

/** An estimate as published: its value (a percentage or a rate) and its 95% interval, null when the value is hidden or there is nothing to estimate. */
export interface Estimate {
  value: Cell;
  interval: Interval | null;
}

/** An estimate from a cell and an interval on the same scale: the interval goes wherever the value is hidden. */
export function estimateOf(value: Cell, interval: Interval | null): Estimate {
  return { value, interval: valueOf(value) === null ? null : interval };
}

/** A percentage's interval (Wilson) on the percentage scale. */
export function percentInterval(count: number, n: number): Interval | null {
  const w = wilson(count, n);
  return w && { estimate: 100 * w.estimate, lower: 100 * w.lower, upper: 100 * w.upper };
}

export interface Quarter {
  /** year * 4 + quarter index (0 for January to March). */
  key: number;
  /** "Jan–Mar 2014". */
  label: string;
  /** "Q1 2014", for axes. */
  short: string;
  start: number;
  end: number;
}

const QUARTER_MONTHS = ['Jan–Mar', 'Apr–Jun', 'Jul–Sep', 'Oct–Dec'];

export function quarterKey(day: number): number {
  const { year, month } = ymdOf(day);
  return year * 4 + Math.floor((month - 1) / 3);
}

export function quarterOfKey(key: number): Quarter {
  const year = Math.floor(key / 4);
  const q = key - year * 4;
  return {
    key,
    label: `${QUARTER_MONTHS[q]} ${year}`,
    short: `Q${q + 1} ${year}`,
    start: dayFromYmd(year, 3 * q + 1, 1),
    end: dayFromYmd(q === 3 ? year + 1 : year, q === 3 ? 1 : 3 * q + 4, 1) - 1,
  };
}

/** Every quarter from the one holding `first` to the one holding `last`. */
export function quartersBetween(first: number, last: number): Quarter[] {
  const out: Quarter[] = [];
  for (let k = quarterKey(first), z = quarterKey(last); k <= z; k++) out.push(quarterOfKey(k));
  return out;
}

export const CLOSURE_REASONS = [
  ...VOCABULARIES.closureReason.terms.map((t) => ({ code: t.code, label: t.label })),
  { code: 'not_recorded', label: 'Reason not recorded' },
];

/** Per case index: her closure day (UNKNOWN_DAY when open or not known) and the index of its reason in CLOSURE_REASONS. */
const closuresOf = perWorkingSet((ws) => {
  const cases = ws.tables.cases;
  const day = cases.days('closure_date');
  const reason = cases.text('closure_reason');
  const index = new Map(CLOSURE_REASONS.map((r, i) => [r.code, i]));
  const notRecorded = CLOSURE_REASONS.length - 1;
  const closed = new Int32Array(ws.caseIds.length).fill(UNKNOWN_DAY);
  const why = new Uint8Array(ws.caseIds.length);
  for (let r = 0; r < cases.rowCount; r++) {
    const ix = cases.caseIx[r];
    if (ix < 0 || closed[ix] !== UNKNOWN_DAY) continue;
    closed[ix] = day[r];
    why[ix] = index.get(reason(r) ?? '') ?? notRecorded;
  }
  return { closed, why };
});

/** Counts by row and quarter published as one table: the rows add up to the quarter's total. */
export interface QuarterTable {
  rowLabels: string[];
  cells: number[][];
  shown: Cell[][];
  /** Each quarter's total over the rows. */
  totals: Cell[];
  /** Each row's total over the quarters, and the grand total (flows only: a stock such as open cases has none). */
  rowTotals: Cell[] | null;
  grandTotal: Cell | null;
}

export interface QuarterEstimate {
  quarter: Quarter;
  /** Women referred in the quarter (the referrals table's total). */
  women: Cell;
  estimate: Estimate;
}

export interface Trends {
  quarters: Quarter[];
  areas: string[];
  /** Women referred per area (rows) and quarter, with margins. */
  referrals: PublishedTable;
  /** Cases open at the end of each quarter (or on the last day of the data), per area. */
  open: QuarterTable;
  /** Cases closed per quarter, by area and (the same closures) by reason. */
  closuresByArea: QuarterTable;
  closuresByReason: QuarterTable;
  /**
   * The share of the women referred in each period who engaged (percentage, Wilson interval):
   * quarters, or in share mode the coarser periods of `engagedCoarsened` when quarters would hide
   * more (each entry's `quarter` is then that period).
   */
  engaged: QuarterEstimate[];
  /** How the periods of the share engaged were coarsened for share mode (empty: quarters). */
  engagedCoarsened: CoarseningStep[];
  /** Police incidents (domestic incidents and crimes) per woman per 30 days after referral, by quarter of referral. */
  incidentsAfter: QuarterEstimate[];
  /** The last day counted (the data's end). */
  end: number | null;
}

/** Counts published elsewhere that these tables repeat: the summary's referred and engaged per area and for all areas. */
function summaryCells(summary: readonly SummaryRow[] | undefined, key: 'referred' | 'engaged') {
  const byLabel = new Map((summary ?? []).map((r) => [r.label, r]));
  return { byArea: (a: string) => byLabel.get(a), all: byLabel.get('All areas'), cell: (row: SummaryRow | undefined) => row?.shown[key], value: (row: SummaryRow | undefined) => row?.values[key] };
}

/**
 * Rows of quarter counts whose column sums are published, in one or more breakdowns of the same
 * totals (closures by area and by reason): suppressed together so no hidden cell follows from
 * any sum.
 */
function publishQuarterTables(breakdowns: readonly { labels: string[]; cells: number[][] }[], Q: number, rule: DisclosureRule | null, withRowTotals: boolean): QuarterTable[] {
  const values: number[] = [];
  const constraints: SumConstraint[] = [];
  const totalAt: number[] = [];
  for (let q = 0; q < Q; q++) totalAt.push(values.push(breakdowns[0]?.cells.reduce((a, row) => a + row[q], 0) ?? 0) - 1);
  const grandAt = withRowTotals ? values.push(totalAt.reduce((a, i) => a + values[i], 0)) - 1 : -1;
  if (withRowTotals) constraints.push({ parts: totalAt, total: grandAt });
  const rowTotalAt: number[][] = [];
  const cellAt = breakdowns.map((b, bi) => {
    rowTotalAt.push([]);
    return b.cells.map((row) => {
      const at = row.map((v) => values.push(v) - 1);
      if (withRowTotals) {
        const total = values.push(row.reduce((a, v) => a + v, 0)) - 1;
        rowTotalAt[bi].push(total);
        constraints.push({ parts: at, total });
      }
      return at;
    });
  });
  for (const [bi, b] of breakdowns.entries()) {
    for (let q = 0; q < Q; q++) constraints.push({ parts: b.cells.map((_, r) => cellAt[bi][r][q]), total: totalAt[q] });
    if (withRowTotals) constraints.push({ parts: rowTotalAt[bi], total: grandAt });
  }
  const hidden = rule ? suppressEntries(values, constraints, rule) : values.map(() => false);
  return breakdowns.map((b, bi) => ({
    rowLabels: b.labels,
    cells: b.cells,
    shown: b.cells.map((row, r) => row.map((v, q) => countCell(v, hidden[cellAt[bi][r][q]], rule))),
    totals: totalAt.map((i) => countCell(values[i], hidden[i], rule)),
    rowTotals: withRowTotals ? rowTotalAt[bi].map((i) => countCell(values[i], hidden[i], rule)) : null,
    grandTotal: withRowTotals ? countCell(values[grandAt], hidden[grandAt], rule) : null,
  }));
}

/**
 * The trends of the women shown. `summary` is the cohort summary as the screen publishes it
 * (its referred and engaged counts are repeated here, so they are hidden here when hidden there
 * and never hidden here to protect a cell when shown there); leave it out when it is not shown.
 */
export function cohortTrends(ws: WorkingSet, women: readonly CohortWoman[], end: number | null, rule: DisclosureRule | null, summary?: readonly SummaryRow[]): Trends {
  let first = Infinity;
  let last = -Infinity;
  for (const w of women) if (w.referral !== null && (end === null || w.referral <= end)) ((first = Math.min(first, w.referral)), (last = Math.max(last, w.referral)));
  const areas = [...new Set(women.map((w) => w.area))].sort();
  if (!Number.isFinite(first) || end === null) {
    const empty = publishTable(areas, [], areas.map(() => []), rule);
    const none: QuarterTable = { rowLabels: areas, cells: [], shown: [], totals: [], rowTotals: null, grandTotal: null };
    return { quarters: [], areas, referrals: empty, open: none, closuresByArea: none, closuresByReason: { ...none, rowLabels: [] }, engaged: [], engagedCoarsened: [], incidentsAfter: [], end };
  }
  const quarters = quartersBetween(first, Math.max(last, end));
  const Q = quarters.length;
  const areaIndex = new Map(areas.map((a, i) => [a, i]));
  const zeros = (rows: number) => Array.from({ length: rows }, () => new Array<number>(Q).fill(0));
  const referred = zeros(areas.length);
  const engagedByQ = new Array<number>(Q).fill(0);
  const open = zeros(areas.length);
  const closedByArea = zeros(areas.length);
  const closedByReason = zeros(CLOSURE_REASONS.length);
  const byQuarter: { key: string; label: string; women: CohortWoman[] }[] = quarters.map((q) => ({ key: String(q.key), label: q.label, women: [] }));
  const { closed, why } = closuresOf(ws);
  // The quarter of a day by binary search over the quarters' first days (no calendar per woman).
  const starts = quarters.map((x) => x.start);
  const quarterAt = (d: number) => {
    let lo = 0;
    let hi = Q - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= d) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (const w of women) {
    if (w.referral === null || w.referral > end) continue;
    const a = areaIndex.get(w.area)!;
    const q = quarterAt(w.referral);
    referred[a][q]++;
    byQuarter[q].women.push(w);
    if (w.engagement === 'engaged') engagedByQ[q]++;
    const c = closed[w.ix];
    const shut = c !== UNKNOWN_DAY && c >= w.referral && c <= end ? quarterAt(c) : Q;
    if (shut < Q) {
      closedByArea[a][shut]++;
      closedByReason[why[w.ix]][shut]++;
    }
    // Open at the end of each quarter from her referral's until her closure's (exclusive).
    for (let k = q; k < Math.min(shut, Q); k++) open[a][k]++;
  }

  const referredElsewhere = summaryCells(summary, 'referred');
  const referrals = publishTable(
    areas,
    quarters.map((q) => q.label),
    referred,
    rule,
    summary
      ? {
          rowTotals: areas.map((a, i) => {
            const row = referredElsewhere.byArea(a);
            return referredElsewhere.value(row) === referred[i].reduce((x, y) => x + y, 0) ? referredElsewhere.cell(row) : undefined;
          }),
          grandTotal: referredElsewhere.value(referredElsewhere.all) === referred.flat().reduce((x, y) => x + y, 0) ? referredElsewhere.cell(referredElsewhere.all) : undefined,
        }
      : {},
  );
  const [openTable] = publishQuarterTables([{ labels: areas, cells: open }], Q, rule, false);
  const usedReasons = CLOSURE_REASONS.map((_, i) => closedByReason[i].some((v) => v > 0));
  const [closuresByArea, closuresByReason] = publishQuarterTables(
    [
      { labels: areas, cells: closedByArea },
      { labels: CLOSURE_REASONS.filter((_, i) => usedReasons[i]).map((r) => r.label), cells: closedByReason.filter((_, i) => usedReasons[i]) },
    ],
    Q,
    rule,
    false,
  );

  // The share engaged per period of referral, coarsened in share mode until its shares show.
  const nByQ = byQuarter.map((b) => b.women.length);
  const engagedAll = summaryCells(summary, 'engaged');
  const build = (step: number) => publishEngaged(quarters, referralPeriods(quarters, step, nByQ, engagedByQ, rule), nByQ, engagedByQ, referrals, engagedAll.cell(engagedAll.all), rule);
  const { step: engagedStep, table: engaged } = rule ? coarsenUntilShown(PERIOD_STEPS.length, build, engagedHiddenShare) : { step: 0, table: build(0) };
  const womenIn = (q: number) => referrals.colTotals[q];
  const rates = incidentRates(ws, byQuarter, end);
  const incidentsAfter = quarters.map((quarter, q) => {
    const r = rates[q];
    const events = r.after.domestic + r.after.crimes;
    const rate = r.after.days > 0 ? (30 * events) / r.after.days : null;
    const value = hiddenIn(womenIn(q)) === true ? suppressed('count_hidden') : statisticCell(rate, r.women, rule !== null);
    return { quarter, women: womenIn(q), estimate: estimateOf(r.women ? value : statisticCell(null, 0, false), rateInterval(events, r.after.days)) };
  });
  return { quarters, areas, referrals, open: openTable, closuresByArea, closuresByReason, engaged, engagedCoarsened: PERIOD_STEPS.slice(0, engagedStep), incidentsAfter, end };
}

/** The steps by which periods of referral coarsen in share mode, in order. */
export const PERIOD_STEPS: readonly CoarseningStep[] = [
  { id: 'half-years', label: 'quarters of referral grouped into half-years', short: 'half-years' },
  {
    id: 'ends-joined',
    label: 'a first or last half-year whose share would be hidden joined to the one next to it',
    short: 'first or last half-year joined to the next',
  },
];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A period of whole quarters (by index into `quarters`) as a Quarter: "Jul 2013–Jun 2014", "H2 2013–H1 2014". */
function periodOf(quarters: readonly Quarter[], ix: readonly number[], halves: boolean): Quarter {
  const a = quarters[ix[0]];
  const b = quarters[ix[ix.length - 1]];
  if (!halves) return a;
  // Whole calendar half-years, from the half holding the first quarter to the half holding the last.
  const y1 = Math.floor(a.key / 4);
  const h1 = (a.key - 4 * y1) >> 1;
  const y2 = Math.floor(b.key / 4);
  const h2 = (b.key - 4 * y2) >> 1;
  const [m1, m2] = [6 * h1, 6 * h2 + 5];
  const start = dayFromYmd(y1, m1 + 1, 1);
  const end = dayFromYmd(h2 === 1 ? y2 + 1 : y2, h2 === 1 ? 1 : 7, 1) - 1;
  const one = y1 === y2 && h1 === h2;
  return {
    key: a.key,
    label: y1 === y2 ? `${MONTHS[m1]}–${MONTHS[m2]} ${y1}` : `${MONTHS[m1]} ${y1}–${MONTHS[m2]} ${y2}`,
    short: one ? `H${h1 + 1} ${y1}` : `H${h1 + 1} ${y1}–H${h2 + 1} ${y2}`,
    start,
    end,
  };
}

/**
 * Periods of referral as lists of quarter indices: step 0 the quarters; step 1 calendar
 * half-years; step 2 half-years, with a first or last one whose share could not be shown (its
 * women or its engaged or not engaged 1 to the threshold, or fewer than 10 women) joined to the
 * one next to it, again while that holds.
 */
function referralPeriods(quarters: readonly Quarter[], step: number, n: readonly number[], engaged: readonly number[], rule: DisclosureRule | null): { ix: number[]; period: Quarter }[] {
  if (step === 0) return quarters.map((_, q) => ({ ix: [q], period: quarters[q] }));
  const halves: number[][] = [];
  quarters.forEach((q, i) => {
    const half = q.key >> 1;
    if (i > 0 && quarters[i - 1].key >> 1 === half) halves[halves.length - 1].push(i);
    else halves.push([i]);
  });
  if (step >= 2 && rule) {
    const sum = (xs: readonly number[], ix: number[]) => ix.reduce((a, i) => a + xs[i], 0);
    const hides = (ix: number[]) => {
      const women = sum(n, ix);
      const e = sum(engaged, ix);
      return !statisticAllowed(women) || [women, e, women - e].some((v) => isPrimarySuppressed(v, rule));
    };
    while (halves.length > 1 && hides(halves[0])) halves.splice(0, 2, [...halves[0], ...halves[1]]);
    while (halves.length > 1 && hides(halves[halves.length - 1])) halves.splice(-2, 2, [...halves[halves.length - 2], ...halves[halves.length - 1]]);
  }
  return halves.map((ix) => ({ ix, period: periodOf(quarters, ix, true) }));
}

/** The share of periods (with anyone referred) whose share engaged is hidden. */
function engagedHiddenShare(list: readonly QuarterEstimate[]): number {
  const withWomen = list.filter((e) => valueOf(e.women) !== 0);
  return withWomen.length ? withWomen.filter((e) => isSuppressed(e.estimate.value)).length / withWomen.length : 0;
}

/**
 * The share engaged per period, published as one system with what it repeats: each period's
 * women sum the quarters' totals of the referrals table (shown or hidden as there), the engaged
 * and not engaged sum to the period's women, and across periods to all engaged (the cohort
 * summary's count, shown or hidden as there) and all not engaged, which sum to all referred. A
 * share is shown only with its period's women and engaged count; under rounding, it and its
 * interval come from the rounded counts.
 */
function publishEngaged(
  quarters: readonly Quarter[],
  periods: readonly { ix: number[]; period: Quarter }[],
  nByQ: readonly number[],
  engagedByQ: readonly number[],
  referrals: PublishedTable,
  engagedTotal: Cell | undefined,
  rule: DisclosureRule | null,
): QuarterEstimate[] {
  const sum = (xs: readonly number[], ix: readonly number[]) => ix.reduce((a, i) => a + xs[i], 0);
  if (!rule)
    return periods.map(({ ix, period }) => {
      const [n, e] = [sum(nByQ, ix), sum(engagedByQ, ix)];
      return { quarter: period, women: countCell(n, false, null), estimate: estimateOf(n ? percentCell(e, n, false, null) : shown(null), percentInterval(e, n)) };
    });
  const values: number[] = [];
  const preHidden: boolean[] = [];
  const preLocked: boolean[] = [];
  const push = (v: number, elsewhere?: boolean) => (preHidden.push(elsewhere === true), preLocked.push(elsewhere === false), values.push(v) - 1);
  const constraints: SumConstraint[] = [];
  const qAt = quarters.map((_, q) => push(nByQ[q], hiddenIn(referrals.colTotals[q])));
  const allN = sum(nByQ, qAt.map((_, q) => q));
  const allE = sum(engagedByQ, qAt.map((_, q) => q));
  const grandAt = push(allN, hiddenIn(referrals.grandTotal));
  const eTotalAt = push(allE, hiddenIn(engagedTotal));
  const notTotalAt = push(allN - allE);
  constraints.push({ parts: qAt, total: grandAt }, { parts: [eTotalAt, notTotalAt], total: grandAt });
  const at = periods.map(({ ix }) => {
    const n = sum(nByQ, ix);
    const e = sum(engagedByQ, ix);
    const nAt = ix.length === 1 ? qAt[ix[0]] : push(n);
    if (ix.length > 1) constraints.push({ parts: ix.map((q) => qAt[q]), total: nAt });
    const eAt = push(e);
    const notAt = push(n - e);
    constraints.push({ parts: [eAt, notAt], total: nAt });
    return { n, e, nAt, eAt, notAt };
  });
  constraints.push({ parts: at.map((p) => p.eAt), total: eTotalAt }, { parts: at.map((p) => p.notAt), total: notTotalAt });
  const hidden = suppressEntries(values, constraints, rule, { hidden: preHidden, locked: preLocked });
  return periods.map(({ period }, i) => {
    const { n, e, nAt, eAt, notAt } = at[i];
    const value = percentCell(e, n, hidden[eAt] || hidden[notAt] || hidden[nAt], rule);
    return { quarter: period, women: countCell(n, hidden[nAt], rule), estimate: estimateOf(n ? value : shown(null), percentInterval(published(e, rule), published(n, rule))) };
  });
}
