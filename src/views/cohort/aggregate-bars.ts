/** The bar blocks the cohort aggregate charts share (crime outcomes, transitions, support), and a published cell as a bar. */
import { barBlocks, type BarBlockInput, type BarInput } from '../../chart/layout/bars';
import { GRID, INK, MUTED_INK, PALETTE } from '../../chart/palette';
import { cellText, valueOf, type Cell } from '../../model/disclosure';
import { toCsv } from '../shared/csv';

export const AGGREGATE_WIDTH = 760;
const BAR_COLOURS = [PALETTE.darkBlue, PALETTE.turquoise, PALETTE.darkPink, PALETTE.orange, PALETTE.darkGrey, PALETTE.lightPurple];

export const aggregateBars = (blocks: BarBlockInput[], footerLines: number) =>
  barBlocks(blocks, { width: AGGREGATE_WIDTH, left: 250, right: 80, bar: 14, step: 18, top: 48, footerLines, colours: BAR_COLOURS, ink: INK, mutedInk: MUTED_INK, grid: GRID });

/** A published cell as a bar: a suppressed cell has no length, only its text. */
export const cellBar = (label: string, cell: Cell, format?: (v: number) => string, length = valueOf(cell)): BarInput => ({ label, value: length, text: cellText(cell, format) });

/** A chart's data as CSV: header, rows, then its title and footer lines. */
export const tableCsv = (title: string, header: string[], rows: string[][], footer: readonly string[]) => () => toCsv(header, [...rows, [], [title], ...footer.map((l) => [l])]);
