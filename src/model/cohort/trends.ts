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
import { countCell, hiddenIn, percentCell, shown, statisticCell, suppressed, suppressEntries, valueOf, type Cell, type DisclosureRule, type SumConstraint } from '../disclosure';
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
  /** The share of the women referred in each quarter who engaged (percentage, Wilson interval). */
  engaged: QuarterEstimate[];
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
    return { quarters: [], areas, referrals: empty, open: none, closuresByArea: none, closuresByReason: { ...none, rowLabels: [] }, engaged: [], incidentsAfter: [], end };
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

  // Engaged per quarter: the counts add up to all engaged women, which the summary publishes.
  const engagedAll = summaryCells(summary, 'engaged');
  const engagedTotal = engagedByQ.reduce((a, b) => a + b, 0);
  const totalShown = engagedAll.value(engagedAll.all) === engagedTotal ? engagedAll.cell(engagedAll.all) : undefined;
  const values = [...engagedByQ, engagedTotal];
  const engagedHidden = rule
    ? suppressEntries(values, [{ parts: engagedByQ.map((_, i) => i), total: Q }], rule, {
        hidden: values.map((_, i) => i === Q && hiddenIn(totalShown) === true),
        locked: values.map((_, i) => i === Q && hiddenIn(totalShown) === false),
      })
    : values.map(() => false);
  const womenIn = (q: number) => referrals.colTotals[q];
  const engaged = quarters.map((quarter, q) => {
    const n = byQuarter[q].women.length;
    const value = percentCell(engagedByQ[q], n, engagedHidden[q] || hiddenIn(womenIn(q)) === true, rule);
    return { quarter, women: womenIn(q), estimate: estimateOf(n ? value : shown(null), percentInterval(engagedByQ[q], n)) };
  });
  const rates = incidentRates(ws, byQuarter, end);
  const incidentsAfter = quarters.map((quarter, q) => {
    const r = rates[q];
    const events = r.after.domestic + r.after.crimes;
    const rate = r.after.days > 0 ? (30 * events) / r.after.days : null;
    const value = hiddenIn(womenIn(q)) === true ? suppressed('count_hidden') : statisticCell(rate, r.women, rule !== null);
    return { quarter, women: womenIn(q), estimate: estimateOf(r.women ? value : statisticCell(null, 0, false), rateInterval(events, r.after.days)) };
  });
  return { quarters, areas, referrals, open: openTable, closuresByArea, closuresByReason, engaged, incidentsAfter, end };
}
