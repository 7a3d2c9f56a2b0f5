/**
 * Contradictions between dates and gradings: police start date against the worker's first
 * contact, closure before referral, service records outside the case's time, and risk graded
 * high by one assessor and standard by another within 14 days. Pure; day numbers throughout.
 */
import { UNKNOWN_DAY } from '../../data/columns';
import type { Kind } from '../../domain/contract';
import type { WorkingSet } from '../../data/working-set';
import { addMonths } from '../../data/days';
import { codesOf, dayText, type LogEntry } from './quality-base';

export interface StartDifference {
  caseId: string;
  policeStart: number;
  firstContact: number;
  /** police_start_date minus first_contact_date, in days. */
  days: number;
}

export interface ClosureBeforeReferral {
  caseId: string;
  referral: number;
  closure: number;
}

export interface OutOfWindowEvent {
  caseId: string;
  kind: Kind;
  date: number;
  problem: 'after_closure' | 'long_before_referral';
  /** The closure date or the referral date it is compared with. */
  against: number;
}

export interface RiskConflict {
  caseId: string;
  highDate: number;
  highAssessor: string;
  standardDate: number;
  standardAssessor: string;
}

export interface Contradictions {
  startDifferences: StartDifference[];
  closureBeforeReferral: ClosureBeforeReferral[];
  outOfWindow: OutOfWindowEvent[];
  riskConflicts: RiskConflict[];
}

/** Service records checked against referral and closure. Police incidents are not: they are
 *  expected before referral and after closure (repeat victimisation is counted from them). */
export const SERVICE_KINDS = ['risk_assessments', 'support', 'contacts', 'outcomes', 'milestones'] as const satisfies readonly Kind[];
export const RISK_CONFLICT_DAYS = 14;
export const DEFAULT_START_THRESHOLD = 28;

export function contradictions(ws: WorkingSet, caseRow: Int32Array): Contradictions {
  const cases = ws.tables.cases;
  const referral = cases.days('referral_date');
  const closure = cases.days('closure_date');
  const first = cases.days('first_contact_date');
  const police = cases.days('police_start_date');
  const startDifferences: StartDifference[] = [];
  const closureBeforeReferral: ClosureBeforeReferral[] = [];
  const outOfWindow: OutOfWindowEvent[] = [];
  const riskConflicts: RiskConflict[] = [];
  const serviceDays = SERVICE_KINDS.map((k) => ws.tables[k].days('date'));
  const ra = ws.tables.risk_assessments;
  const raDay = ra.days('date');
  const HIGH = 1;
  const STANDARD = 2;
  const raLevel = codesOf(ra, 'level', { high: HIGH, standard: STANDARD });
  const raAssessor = ra.text('assessor');
  /** Referral day -> the same day 12 months earlier (many women share a referral day). */
  const yearBefore = new Map<number, number>();

  for (let c = 0; c < ws.casesWithRow; c++) {
    const row = caseRow[c];
    if (row < 0) continue;
    const caseId = ws.caseIds[c];
    const ref = referral[row];
    const clo = closure[row];
    if (police[row] !== UNKNOWN_DAY && first[row] !== UNKNOWN_DAY) {
      startDifferences.push({ caseId, policeStart: police[row], firstContact: first[row], days: police[row] - first[row] });
    }
    if (ref !== UNKNOWN_DAY && clo !== UNKNOWN_DAY && clo < ref) closureBeforeReferral.push({ caseId, referral: ref, closure: clo });
    if (ref !== UNKNOWN_DAY || clo !== UNKNOWN_DAY) {
      let earliest = UNKNOWN_DAY;
      if (ref !== UNKNOWN_DAY) {
        earliest = yearBefore.get(ref) ?? addMonths(ref, -12);
        yearBefore.set(ref, earliest);
      }
      const latest = clo === UNKNOWN_DAY ? 2147483647 : clo;
      for (let k = 0; k < SERVICE_KINDS.length; k++) {
        const kind = SERVICE_KINDS[k];
        const days = serviceDays[k];
        const { offsets, rows } = ws.byCase[kind];
        const end = offsets[c + 1];
        // Rows are sorted by date: only the first few and the last few can fall outside.
        for (let i = offsets[c]; i < end; i++) {
          const d = days[rows[i]];
          if (d === UNKNOWN_DAY) continue;
          if (d >= earliest) break;
          outOfWindow.push({ caseId, kind, date: d, problem: 'long_before_referral', against: ref });
        }
        let firstAfter = end;
        while (firstAfter > offsets[c] && days[rows[firstAfter - 1]] > latest) firstAfter--;
        for (let i = firstAfter; i < end; i++) outOfWindow.push({ caseId, kind, date: days[rows[i]], problem: 'after_closure', against: clo });
      }
    }
    const { offsets, rows } = ws.byCase.risk_assessments;
    const end = offsets[c + 1];
    for (let i = offsets[c]; i < end; i++) {
      const li = raLevel[rows[i]];
      if (li === 0) continue;
      for (let j = i + 1; j < end && raDay[rows[j]] - raDay[rows[i]] <= RISK_CONFLICT_DAYS; j++) {
        const lj = raLevel[rows[j]];
        if (lj === 0 || lj === li) continue;
        const ai = raAssessor(rows[i]) ?? '';
        const aj = raAssessor(rows[j]) ?? '';
        if (!ai || !aj || ai === aj) continue;
        if (li === HIGH) riskConflicts.push({ caseId, highDate: raDay[rows[i]], highAssessor: ai, standardDate: raDay[rows[j]], standardAssessor: aj });
        else riskConflicts.push({ caseId, highDate: raDay[rows[j]], highAssessor: aj, standardDate: raDay[rows[i]], standardAssessor: ai });
      }
    }
  }
  return { startDifferences, closureBeforeReferral, outOfWindow, riskConflicts };
}

/** Differences larger than the threshold in either direction. */
export function startsOverThreshold(list: readonly StartDifference[], threshold: number): StartDifference[] {
  return list.filter((s) => Math.abs(s.days) > threshold);
}

export interface HistogramBin {
  /** Inclusive lower bound in days. */
  from: number;
  /** Exclusive upper bound in days. */
  to: number;
  count: number;
}

/** Bins of `width` days covering every difference; empty input gives no bins. */
export function startHistogram(list: readonly StartDifference[], width = 7): HistogramBin[] {
  if (list.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const s of list) {
    min = Math.min(min, s.days);
    max = Math.max(max, s.days);
  }
  const lo = Math.floor(min / width) * width;
  const hi = Math.floor(max / width) * width + width;
  const bins: HistogramBin[] = [];
  for (let from = lo; from < hi; from += width) bins.push({ from, to: from + width, count: 0 });
  for (const s of list) bins[Math.floor((s.days - lo) / width)].count++;
  return bins;
}

export function contradictionsLog(c: Contradictions, threshold: number): LogEntry[] {
  const out: LogEntry[] = [];
  for (const s of startsOverThreshold(c.startDifferences, threshold)) {
    out.push({
      finding: `Police start date and first contact more than ${threshold} days apart`,
      caseId: s.caseId,
      field: 'police_start_date / first_contact_date',
      value: `${dayText(s.policeStart)} / ${dayText(s.firstContact)} (${s.days} days)`,
      why: 'Incidents are counted before and after the start: a wrong start date moves them to the wrong side.',
    });
  }
  for (const s of c.closureBeforeReferral) {
    out.push({
      finding: 'Closure before referral',
      caseId: s.caseId,
      field: 'closure_date',
      value: `${dayText(s.closure)} (referred ${dayText(s.referral)})`,
      why: 'A case cannot close before it was referred; one of the dates is wrong, and her follow-up time is negative.',
    });
  }
  for (const e of c.outOfWindow) {
    out.push({
      finding: e.problem === 'after_closure' ? 'Service record after closure' : 'Service record more than 12 months before referral',
      caseId: e.caseId,
      field: `${e.kind}.date`,
      value: `${dayText(e.date)} (${e.problem === 'after_closure' ? 'closed' : 'referred'} ${dayText(e.against)})`,
      why:
        e.problem === 'after_closure'
          ? 'Work recorded after the case was closed means the closure date or the record is wrong.'
          : 'Service work long before referral suggests a wrong date or a record filed under the wrong case id.',
    });
  }
  for (const r of c.riskConflicts) {
    out.push({
      finding: `Risk graded high and standard within ${RISK_CONFLICT_DAYS} days`,
      caseId: r.caseId,
      field: 'risk_assessments.level',
      value: `high by ${r.highAssessor} on ${dayText(r.highDate)}; standard by ${r.standardAssessor} on ${dayText(r.standardDate)}`,
      why: 'Two assessors disagree sharply on her risk at the same time; "risk at a date" depends on which one is used.',
    });
  }
  return out;
}
