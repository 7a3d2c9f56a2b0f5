/**
 * Completeness: the share of known values per cases field and area, so an area that records
 * less is not read as an area with less need; and the use of the outcome tool among engaged
 * women. Pure.
 */
import { wilson, type Interval } from '../stats/intervals';
import { UNKNOWN_DAY, YN_UNKNOWN, type Column } from '../../data/columns';
import { FILE_KINDS } from '../../domain/contract';
import { rowsOfCase, type WorkingSet } from '../../data/working-set';
import { ymdOf } from '../../data/days';
import type { EngagedDefinition } from '../definitions';
import { policeCoding, workerCoding } from './engagement-agreement';
import { sortAreas, type LogEntry } from './quality-base';

/** Fields that are not expected to be known for everyone, or are required by the import. */
const NOT_CHECKED = new Set(['case_id', 'area', 'referral_date', 'first_contact_date', 'police_start_date', 'closure_date', 'closure_reason', 'display_name', 'age_at_referral', 'age_band']);
/** Codes that mean "not known" inside a vocabulary. */
const UNKNOWN_CODES = new Set(['unknown', 'not_stated']);

export interface CompletenessCell {
  known: number;
  total: number;
}

export interface Completeness {
  areas: string[];
  /** Field names in contract order; "age" stands for age_at_referral or age_band. */
  fields: string[];
  /** cells[field][areaIndex]. */
  cells: Record<string, CompletenessCell[]>;
  overall: Record<string, CompletenessCell>;
}

export function isKnown(col: Column | undefined, row: number): boolean {
  if (!col) return false;
  switch (col.type) {
    case 'day':
      return col.values[row] !== UNKNOWN_DAY;
    case 'num':
      return !Number.isNaN(col.values[row]);
    case 'yn':
      return col.values[row] !== YN_UNKNOWN;
    case 'dict': {
      const v = col.dict[col.values[row]];
      return v !== '' && !UNKNOWN_CODES.has(v);
    }
    case 'text':
      return col.values[row] !== null && col.values[row] !== '';
  }
}

export function completenessFields(): string[] {
  const names = FILE_KINDS.cases.fields.map((f) => f.name).filter((n) => !NOT_CHECKED.has(n));
  return ['age', ...names];
}

/** Per row, 1 where the column's value is known. */
function knownFlags(col: Column | undefined, n: number): Uint8Array {
  const out = new Uint8Array(n);
  if (!col) return out;
  if (col.type === 'dict') {
    const byWord = Uint8Array.from(col.dict, (w) => (w !== '' && !UNKNOWN_CODES.has(w) ? 1 : 0));
    for (let r = 0; r < n; r++) out[r] = byWord[col.values[r]];
  } else {
    for (let r = 0; r < n; r++) out[r] = isKnown(col, r) ? 1 : 0;
  }
  return out;
}

export function completeness(ws: WorkingSet, caseRow: Int32Array, areaOfCase: readonly string[]): Completeness {
  const cases = ws.tables.cases;
  const n = cases.rowCount;
  const fields = completenessFields();
  const women: number[] = [];
  for (let c = 0; c < ws.casesWithRow; c++) if (caseRow[c] >= 0) women.push(c);
  const areas = sortAreas(women.map((c) => areaOfCase[c]));
  const areaIx = new Map(areas.map((a, i) => [a, i]));
  const rowOf = Int32Array.from(women, (c) => caseRow[c]);
  const areaOf = Int32Array.from(women, (c) => areaIx.get(areaOfCase[c])!);
  const totals = new Float64Array(areas.length);
  for (let i = 0; i < women.length; i++) totals[areaOf[i]]++;
  const cells: Record<string, CompletenessCell[]> = {};
  const overall: Record<string, CompletenessCell> = {};
  for (const field of fields) {
    let flags: Uint8Array;
    if (field === 'age') {
      const a = knownFlags(cases.col('age_at_referral'), n);
      const b = knownFlags(cases.col('age_band'), n);
      for (let r = 0; r < n; r++) a[r] |= b[r];
      flags = a;
    } else flags = knownFlags(cases.columns[field], n);
    const known = new Float64Array(areas.length);
    for (let i = 0; i < women.length; i++) known[areaOf[i]] += flags[rowOf[i]];
    cells[field] = areas.map((_, a) => ({ known: known[a], total: totals[a] }));
    overall[field] = { known: known.reduce((x, y) => x + y, 0), total: women.length };
  }
  return { areas, fields, cells, overall };
}

export function isEngaged(definition: EngagedDefinition, modus: string | null, police: string | null): boolean {
  const w = workerCoding(modus) === 'engaged';
  const p = policeCoding(police) === 'engaged';
  return definition === 'worker' ? w : definition === 'police' ? p : w && p;
}

export interface OutcomeToolRow {
  area: string;
  /** Year of referral ("worker period"). */
  year: number;
  engaged: number;
  /** Engaged women with outcome scores on at least two different dates. */
  withTwoScores: number;
  /** Their share of the engaged women, with its Wilson score interval. */
  share: Interval | null;
}

export interface OutcomeToolUse {
  rows: OutcomeToolRow[];
  engaged: number;
  withTwoScores: number;
  /** Their share of all engaged women, with its Wilson score interval. */
  share: Interval | null;
  /** Engaged women with fewer than two scoring dates. */
  missing: string[];
}

export function outcomeToolUse(ws: WorkingSet, caseRow: Int32Array, areaOfCase: readonly string[], definition: EngagedDefinition): OutcomeToolUse {
  const cases = ws.tables.cases;
  const referral = cases.days('referral_date');
  const modus = cases.text('engagement_modus');
  const police = cases.text('engagement_police');
  const outDay = ws.tables.outcomes.days('date');
  const groups = new Map<string, OutcomeToolRow>();
  const missing: string[] = [];
  let engaged = 0;
  let withTwo = 0;
  for (let c = 0; c < ws.casesWithRow; c++) {
    const row = caseRow[c];
    if (row < 0 || !isEngaged(definition, modus(row), police(row))) continue;
    const rows = rowsOfCase(ws, 'outcomes', c);
    let dates = 0;
    let last = UNKNOWN_DAY;
    for (const r of rows) {
      if (outDay[r] !== UNKNOWN_DAY && outDay[r] !== last) {
        dates++;
        last = outDay[r];
      }
    }
    const year = referral[row] === UNKNOWN_DAY ? 0 : ymdOf(referral[row]).year;
    const key = `${areaOfCase[c]}\u001f${year}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { area: areaOfCase[c], year, engaged: 0, withTwoScores: 0, share: null }));
    g.engaged++;
    engaged++;
    if (dates >= 2) {
      g.withTwoScores++;
      withTwo++;
    } else missing.push(ws.caseIds[c]);
  }
  const order = new Map(sortAreas([...groups.values()].map((g) => g.area)).map((a, i) => [a, i]));
  const rows = [...groups.values()].sort((a, b) => order.get(a.area)! - order.get(b.area)! || a.year - b.year);
  for (const g of rows) g.share = wilson(g.withTwoScores, g.engaged);
  return { rows, engaged, withTwoScores: withTwo, share: wilson(withTwo, engaged), missing };
}

export function completenessLog(use: OutcomeToolUse): LogEntry[] {
  return use.missing.map((caseId) => ({
    finding: 'Engaged woman with fewer than two outcome scores',
    caseId,
    field: 'outcomes',
    value: 'fewer than two scoring dates',
    why: 'Without a score at the start and a later one, her outcomes cannot be measured.',
  }));
}
