/**
 * Small-number disclosure control (DESIGN.md, "Charts that commissioners trust"): counts from 1
 * to the threshold show as `[c]`; secondary suppression hides further cells until no hidden cell
 * can be worked out from the published totals; percentages, means and medians over fewer than
 * ten women are suppressed. Zero is not disclosive and stays visible. Pure.
 */

export const SUPPRESSED = '[c]';
export * from './share-rule';
import { clampThreshold, DEFAULT_RULE, MIN_WOMEN_FOR_STATISTICS, type DisclosureRule } from './share-rule';

/** A count rounded to the nearest multiple of the base, halves up (7.5 -> 10); zero stays zero. */
export function roundCount(value: number, base: number): number {
  return Math.round(value / base) * base;
}

/** A shown count as the rule publishes it: rounded when the rule rounds. */
export function published(value: number, rule: DisclosureRule | null): number {
  return rule?.rounding ? roundCount(value, rule.rounding) : value;
}

export function isPrimarySuppressed(count: number, rule: DisclosureRule): boolean {
  return count >= 1 && count <= clampThreshold(rule.threshold);
}

/** A statistic (percentage, mean, median) may be shown only over enough women. */
export function statisticAllowed(women: number): boolean {
  return women >= MIN_WOMEN_FOR_STATISTICS;
}

/**
 * An additive relation among published entries: the entries at `parts` sum to the entry at
 * `total`. A table with margins has one per row and one per column.
 */
export interface SumConstraint {
  parts: number[];
  total: number;
}

/**
 * Which of the entries would let a reader solve for a hidden one: entry i is determined when the
 * unit vector e_i lies in the row space of the constraints restricted to the hidden entries, i.e.
 * when every solution of the homogeneous system is zero at i. Gaussian elimination over the
 * hidden entries; tables are small (hundreds of entries at most).
 */
export function determinedEntries(size: number, constraints: readonly SumConstraint[], hidden: readonly boolean[]): boolean[] {
  const vars: number[] = [];
  const col = new Int32Array(size).fill(-1);
  for (let i = 0; i < size; i++) if (hidden[i]) col[i] = vars.push(i) - 1;
  const m = vars.length;
  const out = new Array<boolean>(size).fill(false);
  if (m === 0) return out;
  const rows: number[][] = [];
  for (const c of constraints) {
    const row = new Array<number>(m).fill(0);
    let any = false;
    for (const p of c.parts) if (col[p] >= 0) ((row[col[p]] += 1), (any = true));
    if (col[c.total] >= 0) ((row[col[c.total]] -= 1), (any = true));
    if (any) rows.push(row);
  }
  // Reduced row echelon form.
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < m && r < rows.length; c++) {
    let best = -1;
    for (let i = r; i < rows.length; i++) if (Math.abs(rows[i][c]) > 1e-9 && (best < 0 || Math.abs(rows[i][c]) > Math.abs(rows[best][c]))) best = i;
    if (best < 0) continue;
    [rows[r], rows[best]] = [rows[best], rows[r]];
    const pv = rows[r][c];
    for (let k = 0; k < m; k++) rows[r][k] /= pv;
    for (let i = 0; i < rows.length; i++) {
      if (i === r || Math.abs(rows[i][c]) < 1e-12) continue;
      const f = rows[i][c];
      for (let k = 0; k < m; k++) rows[i][k] -= f * rows[r][k];
    }
    pivots.push(c);
    r++;
  }
  // A pivot variable is determined when its row has no free variable; free variables never are.
  for (let i = 0; i < pivots.length; i++) {
    let alone = true;
    for (let k = 0; k < m; k++) if (k !== pivots[i] && Math.abs(rows[i][k]) > 1e-9) alone = false;
    if (alone) out[vars[pivots[i]]] = true;
  }
  return out;
}

/**
 * Primary and secondary suppression of a set of published counts tied by sum constraints.
 * Returns which entries to hide. Secondary cells are chosen smallest first, non-zero first, from
 * a constraint that still gives a hidden entry away.
 */
export interface LinkedEntries {
  /** Entries hidden already (in another table that shows the same count). */
  hidden?: readonly boolean[];
  /** Entries shown as they are in another table: never chosen for secondary suppression here. */
  locked?: readonly boolean[];
}

export function suppressEntries(values: readonly number[], constraints: readonly SumConstraint[], rule: DisclosureRule, linked: LinkedEntries = {}): boolean[] {
  const hidden = values.map((v, i) => isPrimarySuppressed(v, rule) || !!linked.hidden?.[i]);
  const locked = (e: number) => !!linked.locked?.[e] && !hidden[e];
  const involving: number[][] = values.map(() => []);
  constraints.forEach((c, ci) => {
    for (const p of c.parts) involving[p].push(ci);
    involving[c.total].push(ci);
  });
  const cheaper = (e: number, than: number) =>
    than < 0 || (values[e] > 0 && values[than] === 0) || ((values[e] > 0) === (values[than] > 0) && values[e] < values[than]);
  for (let guard = 0; guard <= 2 * values.length; guard++) {
    // The line rule first: a sum with exactly one hidden entry gives it away, so hide its
    // cheapest partner. This settles most tables without the search below.
    let lone = -1;
    for (const c of constraints) {
      const entries = [...c.parts, c.total];
      if (entries.filter((e) => hidden[e]).length !== 1) continue;
      let partner = -1;
      for (const e of entries) if (!hidden[e] && !locked(e) && cheaper(e, partner)) partner = e;
      if (partner >= 0 && (lone < 0 || cheaper(partner, lone))) lone = partner;
    }
    if (lone >= 0) {
      hidden[lone] = true;
      continue;
    }
    const determined = determinedEntries(values.length, constraints, hidden);
    if (!determined.some((d) => d)) break;
    // Among the unhidden partners of determined entries, prefer one that leaves fewer entries
    // determined; among those the smallest non-zero value, so as little as possible is lost.
    const candidates = new Set<number>();
    for (let leak = 0; leak < values.length; leak++) {
      if (!determined[leak]) continue;
      for (const ci of involving[leak]) for (const e of [...constraints[ci].parts, constraints[ci].total]) if (!hidden[e] && !locked(e)) candidates.add(e);
    }
    const now = determined.filter((d) => d).length;
    let pick = -1;
    let pickLeft = Infinity;
    for (const e of candidates) {
      hidden[e] = true;
      const left = Math.min(now, determinedEntries(values.length, constraints, hidden).filter((d) => d).length) < now ? 0 : 1;
      hidden[e] = false;
      const better = pick < 0 || left < pickLeft || (left === pickLeft && cheaper(e, pick));
      if (better) ((pick = e), (pickLeft = left));
    }
    if (pick < 0) {
      // Every constraint next to a leak is hidden throughout: widen to any constraint with a hidden entry.
      for (const c of constraints) {
        const entries = [...c.parts, c.total];
        if (!entries.some((e) => hidden[e])) continue;
        for (const e of entries) if (!hidden[e] && !locked(e) && (pick < 0 || values[e] < values[pick])) pick = e;
      }
    }
    if (pick < 0) break;
    hidden[pick] = true;
  }
  return hidden;
}

export interface TableSuppression {
  /** hidden[r][c] for the body. */
  cells: boolean[][];
  rowTotals: boolean[];
  colTotals: boolean[];
  grandTotal: boolean;
}

/** A two-way table with row totals, column totals and a grand total, all published. */
export function suppressTable(cells: readonly (readonly number[])[], rule: DisclosureRule): TableSuppression {
  const R = cells.length;
  const C = R ? cells[0].length : 0;
  const values: number[] = [];
  const at = (r: number, c: number) => r * (C + 1) + c; // row R and column C are the margins
  for (let r = 0; r <= R; r++)
    for (let c = 0; c <= C; c++) {
      const v =
        r < R && c < C ? cells[r][c]
        : r < R ? cells[r].reduce((a, b) => a + b, 0)
        : c < C ? cells.reduce((a, row) => a + row[c], 0)
        : cells.reduce((a, row) => a + row.reduce((x, y) => x + y, 0), 0);
      values.push(v);
    }
  const constraints: SumConstraint[] = [];
  for (let r = 0; r <= R; r++) constraints.push({ parts: Array.from({ length: C }, (_, c) => at(r, c)), total: at(r, C) });
  for (let c = 0; c <= C; c++) constraints.push({ parts: Array.from({ length: R }, (_, r) => at(r, c)), total: at(R, c) });
  const hidden = suppressEntries(values, constraints, rule);
  return {
    cells: Array.from({ length: R }, (_, r) => Array.from({ length: C }, (_, c) => hidden[at(r, c)])),
    rowTotals: Array.from({ length: R }, (_, r) => hidden[at(r, C)]),
    colTotals: Array.from({ length: C }, (_, c) => hidden[at(R, c)]),
    grandTotal: hidden[at(R, C)],
  };
}

/** A count as published: the number, or `[c]`. */
export function showCount(value: number, hidden: boolean): string {
  return cellText(countCell(value, hidden));
}

/**
 * A percentage as published: suppressed when its count is hidden (else the count could be
 * worked back from it) or when fewer than ten women are behind it.
 */
export function showPercent(count: number, denominator: number, countHidden: boolean, women = denominator, digits = 1): string {
  return cellText(percentCell(count, denominator, countHidden, DEFAULT_RULE, women), formatPercent(digits));
}

/** A mean or median as published: suppressed over fewer than ten women. */
export function showStatistic(value: number | null, women: number, digits = 1): string {
  return cellText(statisticCell(value, women, true), formatFixed(digits));
}

/**
 * A published number, typed until the edge (screen, CSV, SVG): shown with its value (null when
 * there is nothing to show, such as a share of no women), or suppressed with the reason. Only
 * the edge turns a suppressed cell into text (`[c]`), with `cellText` and its kin below.
 */
export type SuppressionReason =
  /** A count from 1 to the threshold. */
  | 'small_count'
  /** Hidden so that a small count cannot be worked out from the totals. */
  | 'secondary'
  /** A percentage, mean or median over fewer than ten women. */
  | 'few_women'
  /** A percentage whose count (or denominator) is hidden. */
  | 'count_hidden'
  /** A group of a filtered view withheld so that it cannot be subtracted from the unfiltered view. */
  | 'withheld';

/**
 * A shown cell may carry its 95% interval (`lower`, `upper`, both or neither, on the value's
 * scale). A suppressed cell has no value and so no interval: an interval would give the hidden
 * value back (a Wilson interval pins both the count and the denominator, a Poisson interval the
 * count of events).
 */
export type ShownCell = { readonly value: number | null; readonly lower?: number; readonly upper?: number; readonly suppressed?: undefined };
export type Cell = ShownCell | { readonly suppressed: true; readonly reason: SuppressionReason };
export type SuppressedCell = Extract<Cell, { suppressed: true }>;

export const shown = (value: number | null): Cell => ({ value });

export const suppressed = (reason: SuppressionReason): Cell => ({ suppressed: true, reason });

export function isSuppressed(cell: Cell): cell is SuppressedCell {
  return cell.suppressed === true;
}

/** The value of a cell that is shown; null when suppressed or empty. */
export function valueOf(cell: Cell): number | null {
  return cell.suppressed ? null : cell.value;
}

/** A count as published, hidden or not by a solver (`suppressEntries`): the reason follows from the value. */
export function countCell(value: number, hidden: boolean, rule: DisclosureRule | null = null): Cell {
  if (!hidden) return shown(published(value, rule));
  return suppressed(rule === null || isPrimarySuppressed(value, rule) ? 'small_count' : 'secondary');
}

/**
 * Counts of groups that split a whole (a category's women by area), as the views that differ
 * only in grouping publish them: each group here; the whole, shown where the view is not
 * grouped (on its primary test alone, so taken as known); `subtotals`, sums of some groups shown
 * by another grouping (areas, when the groups are areas by complex needs), taken as known too;
 * and `merged`, groups also shown together as one ("Other areas"). Suppressed as one system, so
 * no hidden count follows from one view or from two together. Returns which groups, and whether
 * the merged sum, to hide.
 */
export function partitionHidden(
  counts: readonly number[],
  rule: DisclosureRule,
  options: { subtotals?: readonly (readonly number[])[]; merged?: readonly number[] } = {},
): { hidden: boolean[]; mergedHidden: boolean } {
  const values = [...counts];
  const known: boolean[] = counts.map(() => false);
  const constraints: SumConstraint[] = [];
  const add = (parts: readonly number[], isKnown: boolean) => {
    const total = values.push(parts.reduce((a, i) => a + counts[i], 0)) - 1;
    known.push(isKnown && !isPrimarySuppressed(values[total], rule));
    constraints.push({ parts: [...parts], total });
    return total;
  };
  add(counts.map((_, i) => i), true);
  for (const parts of options.subtotals ?? []) if (parts.length > 1) add(parts, true);
  const mergedAt = options.merged && options.merged.length > 1 ? add(options.merged, false) : -1;
  const hidden = suppressEntries(values, constraints, rule, { locked: known });
  return { hidden: hidden.slice(0, counts.length), mergedHidden: mergedAt >= 0 && hidden[mergedAt] };
}

/** A count on its own (no totals tie it to others): the primary test alone; no rule shows it. */
export function primaryCount(value: number, rule: DisclosureRule | null): Cell {
  return rule && isPrimarySuppressed(value, rule) ? suppressed('small_count') : shown(published(value, rule));
}

/**
 * A percentage as published (value: the percentage): suppressed when its count is hidden (else
 * the count could be worked back from it) or when fewer than ten women are behind it; with no
 * rule, shown (null over no women).
 */
export function percentCell(count: number, denominator: number, countHidden: boolean, rule: DisclosureRule | null, women = denominator): Cell {
  if (!rule) return shown(denominator ? (100 * count) / denominator : null);
  if (countHidden) return suppressed('count_hidden');
  if (!statisticAllowed(women) || denominator === 0) return suppressed('few_women');
  // Rounded counts give rounded shares, else a share would tell the exact count back.
  const d = published(denominator, rule);
  return shown(d === 0 ? null : (100 * published(count, rule)) / d);
}

/** A mean, median or rate as published: suppressed over fewer than ten women in share mode (`shared`). */
export function statisticCell(value: number | null, women: number, shared: boolean): Cell {
  return shared && !statisticAllowed(women) ? suppressed('few_women') : shown(value === null || Number.isNaN(value) ? null : value);
}

/** The edge: a cell as text; suppressed reads `[c]`, nothing to show reads `–`. */
export function cellText(cell: Cell, format: (value: number) => string = formatCount): string {
  if (cell.suppressed) return SUPPRESSED;
  return cell.value === null ? '–' : format(cell.value);
}

/** One number format for every count: `toLocaleString` builds a new one on each call, which a redraw of many cells pays for. */
const EN_GB = new Intl.NumberFormat('en-GB');
export const formatCount = (value: number): string => EN_GB.format(value);
export const formatPercent =
  (digits = 1) =>
  (value: number): string =>
    value.toFixed(digits) + '%';
export const formatFixed =
  (digits = 1) =>
  (value: number): string =>
    value.toFixed(digits);

/**
 * How another table published the same count: hidden there (`true`), shown there (`false`) or
 * not published (`undefined`).
 */
export function hiddenIn(cell: Cell | undefined): boolean | undefined {
  return cell === undefined ? undefined : isSuppressed(cell);
}

/**
 * Coarsening before hiding (share mode): a chart whose cells would be suppressed is first made
 * coarser, one stated step at a time (months into quarters, then half-years; medium and high risk
 * into "medium or high"; with the user's leave, small areas into "Other areas"). Each step is
 * named so that the chart can say what it did and why.
 */
export interface CoarseningStep {
  id: string;
  /** What the step did, as a phrase: "months since referral grouped into quarters". */
  label: string;
  /** The same in a word or two, for a chart's subtitle: "quarters". */
  short: string;
}

/**
 * Tries the tables in order, `build(0)` the finest and each next one a step coarser, taking steps
 * while any cell would be hidden: the first with no cell hidden is taken. If every step still
 * hides some, the one that shows the largest share of its cells (the finer of equals) is taken,
 * so a step that helps nothing is not taken. `hiddenShare` is the share of the table's cells that
 * would be hidden (0 to 1). Returns the step taken (0: none) and its table.
 */
export function coarsenUntilShown<T>(steps: number, build: (step: number) => T, hiddenShare: (table: T) => number): { step: number; table: T } {
  let best = { step: 0, table: build(0) };
  let bestShare = hiddenShare(best.table);
  for (let step = 1; step <= steps && bestShare > 0; step++) {
    const table = build(step);
    const share = hiddenShare(table);
    if (share < bestShare) ((best = { step, table }), (bestShare = share));
  }
  return best;
}

/** A coarsened chart's subtitle: what was coarsened, in a few words; empty when nothing was. */
export function coarseningSubtitle(steps: readonly CoarseningStep[], rule: DisclosureRule | null): string {
  return rule && steps.length ? `Coarsened for share mode to keep small numbers hidden: ${steps.map((s) => s.short).join(', ')}.` : '';
}

/** The sentence a coarsened chart carries in its footer and above it: what was coarsened and why; empty when nothing was. */
export function coarseningNote(steps: readonly CoarseningStep[], rule: DisclosureRule | null): string {
  if (!rule || !steps.length) return '';
  const list = steps.map((s) => s.label);
  const joined = list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
  return `Coarsened for share mode: ${joined}, because finer cells would show counts from 1 to ${clampThreshold(rule.threshold)}.`;
}
