/**
 * Published cells with their 95% intervals (`src/model/stats/intervals.ts`): attaching an
 * interval to a shown cell, reading it back, and the edge (text "0.51 (0.45 to 0.58)", CSV
 * bounds). A suppressed cell never carries an interval: it would give the hidden value back (a
 * Wilson interval pins the count and the denominator, a Poisson interval the count of events).
 * Apart from disclosure.ts so that the first screen, which needs share mode's rule, does not
 * load the interval maths. Pure.
 */
import { cellText, formatCount, percentCell, published, SUPPRESSED, type Cell, type DisclosureRule } from './disclosure';
import { formatInterval, wilson, type Interval } from './stats/intervals';

/**
 * A cell with an interval attached, `scale` times the interval's bounds (100 for a percentage of a
 * proportion). A suppressed cell, an empty cell or no interval: the cell as it is.
 */
export function withInterval(cell: Cell, interval: Interval | null, scale = 1): Cell {
  if (cell.suppressed || cell.value === null || !interval) return cell;
  return { value: cell.value, lower: scale * interval.lower, upper: scale * interval.upper };
}

/** The interval of a shown cell; null when suppressed, empty or without one. */
export function intervalOf(cell: Cell): Interval | null {
  if (cell.suppressed || cell.value === null || cell.lower === undefined || cell.upper === undefined) return null;
  return { estimate: cell.value, lower: cell.lower, upper: cell.upper };
}

/**
 * A percentage as published (`percentCell`), with the Wilson score interval of its count and
 * denominator when shown. Under rounding the interval is worked out from the rounded counts (exact
 * ones would be given back by its bounds). When fewer `women` stand behind the denominator than it
 * counts (pooled woman-months), the interval is as wide as the women allow: the share over `women`.
 */
export function percentWithInterval(count: number, denominator: number, countHidden: boolean, rule: DisclosureRule | null, women = denominator): Cell {
  const x = published(count, rule);
  const n = published(denominator, rule);
  const effective = women < denominator && n > 0 ? published(women, rule) / n : 1;
  return withInterval(percentCell(count, denominator, countHidden, rule, women), wilson(x * effective, n * effective), 100);
}

/** The edge: a cell with its interval as text, "0.51 (0.45 to 0.58)"; without one, as `cellText`. */
export function cellIntervalText(cell: Cell, format: (value: number) => string = formatCount): string {
  const interval = intervalOf(cell);
  return interval ? formatInterval(interval, format) : cellText(cell, format);
}

/**
 * The edge, for a CSV's separate lower and upper columns: a cell's bound as a number rounded to
 * `digits` (a number, so a negative bound is not taken for a formula); `[c]` when the cell is
 * suppressed, empty when it has no interval.
 */
export function boundValue(cell: Cell, bound: 'lower' | 'upper', digits: number): number | string {
  if (cell.suppressed) return SUPPRESSED;
  const interval = intervalOf(cell);
  return interval ? Number(interval[bound].toFixed(digits)) : '';
}
