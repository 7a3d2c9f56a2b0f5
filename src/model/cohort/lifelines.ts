/**
 * Lifelines: one row per woman, in compact typed arrays so 10,000 rows draw and sort fast. Days
 * are relative to referral (alignment "referral") or calendar day numbers ("calendar").
 */
import { rowsOfCase, type WorkingSet } from '../../db/working-set';
import type { Definitions } from '../definitions';
import type { Alignment, CohortGroup } from './cohort-query';
import { reader, type CohortWoman } from './cohort-women';

export type LifelineSort = 'referral' | 'before' | 'after' | 'escalations';

export const LIFELINE_SORT_LABELS: Readonly<Record<LifelineSort, string>> = {
  referral: 'Referral date',
  before: 'Incidents in the 12 months before referral',
  after: 'Incidents after referral',
  escalations: 'Risk escalations',
};

/** 1 standard, 2 medium, 3 high. */
const LEVEL: Record<string, number> = { standard: 1, medium: 2, high: 3 };

export interface Lifeline {
  woman: CohortWoman;
  group: string;
  /** Risk steps: start day (relative or calendar) and level, in time order. */
  riskDays: Int32Array;
  riskLevels: Uint8Array;
  /** Incident days and kinds (1 domestic incident, 2 crime). */
  incidentDays: Int32Array;
  incidentKinds: Uint8Array;
  supportDays: Int32Array;
  /** Closure day, or null. */
  closure: number | null;
  before: number;
  after: number;
  escalations: number;
}

export interface LifelineSet {
  lines: Lifeline[];
  /** Where each group starts in lines, with its label and size. */
  groups: { label: string; start: number; count: number; hidden: boolean }[];
  domain: [number, number];
}

export function buildLifelines(
  ws: WorkingSet,
  groups: readonly CohortGroup[],
  defs: Definitions,
  alignment: Alignment,
  sort: LifelineSort,
  /** Groups this small are not drawn (share mode); 0 draws all. */
  hideAtOrBelow: number,
): LifelineSet {
  const ra = ws.tables.risk_assessments;
  const raDay = reader(ra, 'date');
  const raLevel = reader(ra, 'level');
  const raWho = reader(ra, 'assessor');
  const inc = ws.tables.incidents;
  const incDay = reader(inc, 'date');
  const incKind = reader(inc, 'kind');
  const incRisk = reader(inc, 'dash_risk');
  const sup = ws.tables.support;
  const supDay = reader(sup, 'date');
  const closureOf = reader(ws.tables.cases, 'closure_date');
  const caseRow = new Map<number, number>();
  const cases = ws.tables.cases;
  for (let r = 0; r < cases.rowCount; r++) if (!caseRow.has(cases.caseIx[r])) caseRow.set(cases.caseIx[r], r);

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
        const readings: [number, number][] = [];
        for (const r of rowsOfCase(ws, 'risk_assessments', w.ix)) {
          const who = (raWho(r) as string | null) ?? 'unknown';
          if (defs.riskAssessor !== 'any' && who !== defs.riskAssessor) continue;
          const d = raDay(r) as number | null;
          const lv = LEVEL[(raLevel(r) as string | null) ?? ''];
          if (d !== null && lv) readings.push([d, lv]);
        }
        const iDays: number[] = [];
        const iKinds: number[] = [];
        let before = 0;
        let after = 0;
        for (const r of rowsOfCase(ws, 'incidents', w.ix)) {
          const d = incDay(r) as number | null;
          if (d === null) continue;
          iDays.push(d - shift);
          iKinds.push(incKind(r) === 'crime' ? 2 : 1);
          if (d < w.referral) {
            if (d >= w.referral - 365) before++;
          } else after++;
          const lv = LEVEL[(incRisk(r) as string | null) ?? ''];
          if (lv && (defs.riskAssessor === 'any' || defs.riskAssessor === 'police')) readings.push([d, lv]);
        }
        readings.sort((a, b) => a[0] - b[0]);
        const rDays: number[] = [];
        const rLevels: number[] = [];
        let escalations = 0;
        for (const [d, lv] of readings) {
          if (rLevels.length && rLevels[rLevels.length - 1] === lv) continue;
          if (rLevels.length && lv > rLevels[rLevels.length - 1]) escalations++;
          rDays.push(d - shift);
          rLevels.push(lv);
        }
        const sDays: number[] = [];
        for (const r of rowsOfCase(ws, 'support', w.ix)) {
          const d = supDay(r) as number | null;
          if (d !== null) sDays.push(d - shift);
        }
        const row = caseRow.get(w.ix);
        const closed = row === undefined ? null : (closureOf(row) as number | null);
        const closure = closed === null ? null : closed - shift;
        const first = Math.min(w.referral - shift, iDays[0] ?? Infinity, rDays[0] ?? Infinity);
        const last = Math.max(w.referral - shift, iDays[iDays.length - 1] ?? -Infinity, closure ?? -Infinity, rDays[rDays.length - 1] ?? -Infinity);
        if (first < lo) lo = first;
        if (last > hi) hi = last;
        lines.push({
          woman: w,
          group: g.label,
          riskDays: Int32Array.from(rDays),
          riskLevels: Uint8Array.from(rLevels),
          incidentDays: Int32Array.from(iDays),
          incidentKinds: Uint8Array.from(iKinds),
          supportDays: Int32Array.from(sDays),
          closure,
          before,
          after,
          escalations,
        });
      }
      const key: Record<LifelineSort, (l: Lifeline) => number> = {
        referral: (l) => l.woman.referral ?? 0,
        before: (l) => -l.before,
        after: (l) => -l.after,
        escalations: (l) => -l.escalations,
      };
      lines.sort((a, b) => key[sort](a) - key[sort](b) || (a.woman.referral ?? 0) - (b.woman.referral ?? 0) || a.woman.ix - b.woman.ix);
      out.push(...lines);
    }
    spans.push({ label: g.label, start, count: out.length - start, hidden });
  }
  const domain: [number, number] = Number.isFinite(lo) ? [lo, Math.max(hi, lo + 30)] : alignment === 'referral' ? [-365, 365] : [0, 365];
  return { lines: out, groups: spans, domain };
}
