/**
 * Lifelines: one row per woman. A line holds views of her rows in the working set (no copies),
 * and the set holds per-row codes of the columns drawn, so building 10,000 lines is one pass and
 * the canvas reads only the rows in view. Days are relative to referral (alignment "referral")
 * or calendar day numbers ("calendar").
 */
import { rowsOfCase, type WorkingSet } from '../../data/working-set';
import { UNKNOWN_DAY } from '../../data/columns';
import type { Definitions } from '../definitions';
import type { Alignment, CohortGroup } from './cohort-query';
import { assessorFilter, KIND_CODES, LEVEL_CODES, type CohortWoman } from './cohort-women';
import { perWorkingSet } from './woman-facts';

export type LifelineSort = 'referral' | 'before' | 'after' | 'escalations' | 'engagement' | 'outcome';

export const LIFELINE_SORT_LABELS: Readonly<Record<LifelineSort, string>> = {
  referral: 'Referral date',
  before: 'Incidents in the 12 months before referral',
  after: 'Incidents after referral',
  escalations: 'Risk escalations',
  engagement: 'Engagement (engaged first)',
  outcome: 'Outcome change (largest first)',
};

/** Engagement in the order the engagement sort puts it. */
const ENGAGEMENT_ORDER: Readonly<Record<CohortWoman['engagement'], number>> = { engaged: 0, not_engaged: 1, unknown: 2 };

export interface Lifeline {
  woman: CohortWoman;
  group: string;
  /** Subtracted from every day drawn: her referral day, or 0 on the calendar. */
  shift: number;
  riskRows: Uint32Array;
  incidentRows: Uint32Array;
  supportRows: Uint32Array;
  /** Closure day (shifted), or null. */
  closure: number | null;
  before: number;
  after: number;
  escalations: number;
  /**
   * Outcome change: the mean, over the tools and domains she was scored on at least twice, of
   * her latest score minus her first; null when she has no such pair.
   */
  outcomeChange: number | null;
}

/** Per-row columns the canvas reads: days, and levels 0..2 (-1 none) and kinds 1..2. */
export interface LifelineColumns {
  riskDay: Int32Array;
  /** -1 when not a level, or not from the assessor in force. */
  riskLevel: Int8Array;
  incidentDay: Int32Array;
  incidentKind: Int8Array;
  /** -1 when not graded, or when police gradings do not count under the definition. */
  incidentLevel: Int8Array;
  supportDay: Int32Array;
}

export interface LifelineSet {
  lines: Lifeline[];
  columns: LifelineColumns;
  /** Where each group starts in lines, with its label and size. */
  groups: { label: string; start: number; count: number; hidden: boolean }[];
  domain: [number, number];
}

function codes(n: number, f: (row: number) => number): Int8Array {
  const out = new Int8Array(n);
  for (let r = 0; r < n; r++) out[r] = f(r);
  return out;
}

/** Risk readings of one line in time order, merged from assessments and incident gradings. */
export function forEachRiskReading(line: Lifeline, cols: LifelineColumns, visit: (day: number, level: number) => void): void {
  const rr = line.riskRows;
  const ir = line.incidentRows;
  let i = 0;
  let j = 0;
  while (i < rr.length || j < ir.length) {
    const takeRisk = j >= ir.length || (i < rr.length && cols.riskDay[rr[i]] <= cols.incidentDay[ir[j]]);
    if (takeRisk) {
      const r = rr[i++];
      if (cols.riskLevel[r] >= 0 && cols.riskDay[r] !== UNKNOWN_DAY) visit(cols.riskDay[r], cols.riskLevel[r]);
    } else {
      const r = ir[j++];
      if (cols.incidentLevel[r] >= 0 && cols.incidentDay[r] !== UNKNOWN_DAY) visit(cols.incidentDay[r], cols.incidentLevel[r]);
    }
  }
}

/** Per woman: the outcome change (see Lifeline.outcomeChange), by her case index. */
function outcomeChanges(ws: WorkingSet): (caseIx: number) => number | null {
  const t = ws.tables.outcomes;
  const day = t.days('date');
  const score = t.nums('score');
  const tool = t.col('tool').values;
  const dom = t.col('domain').values;
  const keyOf = (r: number) => dom[r] * 65536 + tool[r];
  return (ix) => {
    // key -> [first day, first score, latest day, latest score, scores]
    const seen = new Map<number, [number, number, number, number, number]>();
    for (const r of rowsOfCase(ws, 'outcomes', ix)) {
      const d = day[r];
      const s = score[r];
      if (d === UNKNOWN_DAY || Number.isNaN(s)) continue;
      const k = keyOf(r);
      const e = seen.get(k);
      if (!e) {
        seen.set(k, [d, s, d, s, 1]);
        continue;
      }
      e[4]++;
      if (d < e[0]) (e[0] = d), (e[1] = s);
      if (d >= e[2]) (e[2] = d), (e[3] = s);
    }
    let sum = 0;
    let n = 0;
    for (const e of seen.values())
      if (e[4] >= 2) {
        sum += e[3] - e[1];
        n++;
      }
    return n ? sum / n : null;
  };
}

/** The per-row columns under an assessor definition, once per working set and definition. */
const lifelineColumns = perWorkingSet((ws, assessor): LifelineColumns => {
  const ra = ws.tables.risk_assessments;
  const inc = ws.tables.incidents;
  const level = ra.codes('level', LEVEL_CODES);
  const who = assessorFilter(ra, assessor as Definitions['riskAssessor']);
  const incLevel = inc.codes('dash_risk', LEVEL_CODES);
  const kind = inc.codes('kind', KIND_CODES, 0);
  const policeCounts = assessor === 'any' || assessor === 'police';
  return {
    riskDay: ra.days('date'),
    riskLevel: codes(ra.rowCount, (r) => (who(r) ? level(r) : -1)),
    incidentDay: inc.days('date'),
    incidentKind: codes(inc.rowCount, kind),
    incidentLevel: codes(inc.rowCount, (r) => (policeCounts ? incLevel(r) : -1)),
    supportDay: ws.tables.support.days('date'),
  };
});

/** Per case index: her closure day's case row and her outcome change, once per working set. */
const caseFacts = perWorkingSet((ws) => {
  const closureOf = ws.tables.cases.days('closure_date');
  const change = outcomeChanges(ws);
  const n = ws.caseIds.length;
  const values = new Float64Array(n);
  const has = new Uint8Array(n);
  for (let ix = 0; ix < n; ix++) {
    const v = change(ix);
    if (v !== null) ((values[ix] = v), (has[ix] = 1));
  }
  const caseRow = new Int32Array(n).fill(-1);
  const cases = ws.tables.cases;
  for (let r = cases.rowCount - 1; r >= 0; r--) if (cases.caseIx[r] >= 0) caseRow[cases.caseIx[r]] = r;
  return { closureOf, caseRow, outcomeOf: (ix: number): number | null => (has[ix] ? values[ix] : null) };
});

/**
 * Per case index: for the referral day in `referral` (NaN: not yet worked out), her incidents in
 * the year before and after it, her risk escalations and the first and last days her line spans;
 * filled as women are met, once per working set and assessor definition.
 */
const lineFacts = perWorkingSet((ws) => {
  const n = ws.caseIds.length;
  return {
    referral: new Float64Array(n).fill(NaN),
    before: new Int32Array(n),
    after: new Int32Array(n),
    escalations: new Int32Array(n),
    first: new Float64Array(n),
    last: new Float64Array(n),
  };
});

export function buildLifelines(
  ws: WorkingSet,
  groups: readonly CohortGroup[],
  defs: Definitions,
  alignment: Alignment,
  sort: LifelineSort,
  /** Groups this small are not drawn (share mode); 0 draws all. */
  hideAtOrBelow: number,
): LifelineSet {
  const columns = lifelineColumns(ws, defs.riskAssessor);
  const { closureOf, outcomeOf, caseRow } = caseFacts(ws);
  const memo = lineFacts(ws, defs.riskAssessor);

  let lo = Infinity;
  let hi = -Infinity;
  const out: Lifeline[] = [];
  const spans: LifelineSet['groups'] = [];
  for (const g of groups) {
    const hidden = hideAtOrBelow > 0 && g.women.length <= hideAtOrBelow;
    const start = out.length;
    if (!hidden) {
      const lines: Lifeline[] = [];
      for (const w of g.women) {
        if (w.referral === null) continue;
        const shift = alignment === 'referral' ? w.referral : 0;
        const incidentRows = rowsOfCase(ws, 'incidents', w.ix);
        const ix = w.ix;
        const line: Lifeline = {
          woman: w,
          group: g.label,
          shift,
          riskRows: rowsOfCase(ws, 'risk_assessments', ix),
          incidentRows,
          supportRows: rowsOfCase(ws, 'support', ix),
          closure: null,
          before: 0,
          after: 0,
          escalations: 0,
          outcomeChange: outcomeOf(ix),
        };
        const row = caseRow[ix];
        const closed = row < 0 || closureOf[row] === UNKNOWN_DAY ? null : closureOf[row];
        if (memo.referral[ix] !== w.referral) {
          // Her counts and the days her line spans, kept for the next call (same working set and assessor).
          let before = 0;
          let after = 0;
          for (const r of incidentRows) {
            const d = columns.incidentDay[r];
            if (d === UNKNOWN_DAY) continue;
            if (d >= w.referral) after++;
            else if (d >= w.referral - 365) before++;
          }
          let escalations = 0;
          let prev = -1;
          let first = w.referral;
          let last = w.referral;
          forEachRiskReading(line, columns, (d, lv) => {
            if (prev >= 0 && lv > prev) escalations++;
            prev = lv;
            if (d < first) first = d;
            if (d > last) last = d;
          });
          if (incidentRows.length) {
            const d0 = columns.incidentDay[incidentRows[0]];
            const d1 = columns.incidentDay[incidentRows[incidentRows.length - 1]];
            if (d0 !== UNKNOWN_DAY && d0 < first) first = d0;
            if (d1 > last) last = d1;
          }
          if (closed !== null && closed > last) last = closed;
          memo.referral[ix] = w.referral;
          memo.before[ix] = before;
          memo.after[ix] = after;
          memo.escalations[ix] = escalations;
          memo.first[ix] = first;
          memo.last[ix] = last;
        }
        line.before = memo.before[ix];
        line.after = memo.after[ix];
        line.escalations = memo.escalations[ix];
        if (closed !== null) line.closure = closed - shift;
        const first = memo.first[ix];
        const last = memo.last[ix];
        if (first - shift < lo) lo = first - shift;
        if (last - shift > hi) hi = last - shift;
        lines.push(line);
      }
      const key: Record<LifelineSort, (l: Lifeline) => number> = {
        referral: (l) => l.woman.referral ?? 0,
        before: (l) => -l.before,
        after: (l) => -l.after,
        escalations: (l) => -l.escalations,
        engagement: (l) => ENGAGEMENT_ORDER[l.woman.engagement],
        // largest change first; women without two scores last
        outcome: (l) => (l.outcomeChange === null ? Infinity : -l.outcomeChange),
      };
      const by = key[sort];
      const diff = (a: Lifeline, b: Lifeline) => {
        const ka = by(a);
        const kb = by(b);
        return ka === kb ? 0 : ka < kb ? -1 : 1;
      };
      lines.sort((a, b) => diff(a, b) || (a.woman.referral ?? 0) - (b.woman.referral ?? 0) || a.woman.ix - b.woman.ix);
      // Not out.push(...lines): a group of a national cohort (250,000 women) overflows the call stack.
      for (const line of lines) out.push(line);
    }
    spans.push({ label: g.label, start, count: out.length - start, hidden });
  }
  const domain: [number, number] = Number.isFinite(lo) ? [lo, Math.max(hi, lo + 30)] : alignment === 'referral' ? [-365, 365] : [0, 365];
  return { lines: out, columns, groups: spans, domain };
}
