/**
 * One row per referred woman with what the cohort screen filters, groups and counts by, derived
 * under the definitions in force. Reads the working set's columns directly (no per-woman
 * records), so it stays fast for tens of thousands of women.
 */
import { NEED_FIELDS } from '../../domain/contract';
import { rowsOfCase, type Table, type WorkingSet } from '../../data/working-set';
import { UNKNOWN_DAY } from '../../data/columns';
import type { Definitions } from '../definitions';

export type EngagementStatus = 'engaged' | 'not_engaged' | 'unknown';
export type RiskAtReferral = 'standard' | 'medium' | 'high' | 'not_assessed';

export const ENGAGEMENT_STATUS_LABELS: Readonly<Record<EngagementStatus, string>> = {
  engaged: 'Engaged',
  not_engaged: 'Not engaged',
  unknown: 'Not known or sources disagree',
};

export const RISK_AT_REFERRAL_LABELS: Readonly<Record<RiskAtReferral, string>> = {
  standard: 'Standard',
  medium: 'Medium',
  high: 'High',
  not_assessed: 'Not assessed',
};

export interface CohortWoman {
  /** Index into WorkingSet.caseIds. */
  ix: number;
  caseId: string;
  area: string;
  /** Day number, or null when unknown. */
  referral: number | null;
  route: string | null;
  complex: boolean;
  engagement: EngagementStatus;
  riskAtReferral: RiskAtReferral;
  incidents: number;
  domesticIncidents: number;
  crimes: number;
  /** perpetrator_relationship code (the main perpetrator at referral), or null when unknown. */
  perpetrator: string | null;
  /** The perpetrator is managed under MAPPA; null when unknown. */
  mappa: boolean | null;
}

const WORKER_ENGAGED = new Set(['engaged', 'sporadic']);

/** Engagement under a definition: by the worker's coding, the police coding, or where both agree. */
export function engagementOf(modus: string | null, police: string | null, def: Definitions['engaged']): EngagementStatus {
  const w: EngagementStatus = modus === null || modus === 'unknown' ? 'unknown' : WORKER_ENGAGED.has(modus) ? 'engaged' : modus === 'none' ? 'not_engaged' : 'unknown';
  const p: EngagementStatus = police === 'engaged' ? 'engaged' : police === 'not_engaged' ? 'not_engaged' : 'unknown';
  if (def === 'worker') return w;
  if (def === 'police') return p;
  return w === p ? w : 'unknown';
}

/** Complex needs under a definition: the column where known (unless rule only), else the rule. */
export function complexOf(column: boolean | null, route: string | null, needsYes: number, def: Definitions['complexNeeds']): boolean {
  if (def === 'column_or_rule' && column !== null) return column;
  return route === 'complex_needs_list' || needsYes >= 2;
}

/** Risk levels as codes 0, 1, 2 (higher is higher risk). */
export const LEVEL_CODES: Readonly<Record<string, number>> = { standard: 0, medium: 1, high: 2 };
export const LEVEL_NAMES: readonly RiskAtReferral[] = ['standard', 'medium', 'high'];
/** Incident kinds as codes: 1 domestic incident, 2 crime. */
export const KIND_CODES: Readonly<Record<string, number>> = { domestic_incident: 1, crime: 2 };

/** Whether a risk assessment row is from the assessor the definition names. */
export function assessorFilter(risks: Table, def: Definitions['riskAssessor']): (row: number) => boolean {
  if (def === 'any') return () => true;
  const code = risks.codes('assessor', { [def]: 1 }, 0);
  return (row) => code(row) === 1;
}

/** What a woman's row gives whatever the definitions, once per working set: one entry per case row with a case. */
interface CaseBase {
  ix: number;
  caseId: string;
  area: string;
  referral: number | null;
  route: string | null;
  complexColumn: boolean | null;
  needsYes: number;
  modus: string | null;
  police: string | null;
  incidents: number;
  domesticIncidents: number;
  crimes: number;
  perpetrator: string | null;
  mappa: boolean | null;
}

const baseCache = new WeakMap<WorkingSet, CaseBase[]>();

function caseBase(ws: WorkingSet): CaseBase[] {
  const cached = baseCache.get(ws);
  if (cached) return cached;
  const cases = ws.tables.cases;
  const id = cases.text('case_id');
  const area = cases.text('area');
  const referral = cases.day('referral_date');
  const route = cases.text('referral_route');
  const complex = cases.yn('complex_needs');
  const modus = cases.text('engagement_modus');
  const police = cases.text('engagement_police');
  const needs = NEED_FIELDS.map((f) => cases.yn(f.name));
  const perpetrator = cases.text('perpetrator_relationship');
  const mappa = cases.yn('mappa');
  const incKind = ws.tables.incidents.codes('kind', KIND_CODES, 0);
  const out: CaseBase[] = [];
  for (let r = 0; r < cases.rowCount; r++) {
    const ix = cases.caseIx[r];
    if (ix < 0) continue;
    let needsYes = 0;
    for (const n of needs) if (n(r) === true) needsYes++;
    let incidents = 0;
    let di = 0;
    let crimes = 0;
    for (const row of rowsOfCase(ws, 'incidents', ix)) {
      incidents++;
      const k = incKind(row);
      if (k === 1) di++;
      else if (k === 2) crimes++;
    }
    out.push({
      ix,
      caseId: id(r) ?? '',
      area: area(r) ?? 'Area not recorded',
      referral: referral(r),
      route: route(r),
      complexColumn: complex(r),
      needsYes,
      modus: modus(r),
      police: police(r),
      incidents,
      domesticIncidents: di,
      crimes,
      perpetrator: perpetrator(r),
      mappa: mappa(r),
    });
  }
  baseCache.set(ws, out);
  return out;
}

const riskCache = new WeakMap<WorkingSet, Map<string, RiskAtReferral[]>>();

/** Risk at referral of each entry of `caseBase`, under an assessor definition (once per working set and definition). */
function risksAtReferral(ws: WorkingSet, base: readonly CaseBase[], assessor: Definitions['riskAssessor']): RiskAtReferral[] {
  let byAssessor = riskCache.get(ws);
  if (!byAssessor) riskCache.set(ws, (byAssessor = new Map()));
  const cached = byAssessor.get(assessor);
  if (cached) return cached;
  const risks = ws.tables.risk_assessments;
  const riskDay = risks.days('date');
  const riskLevel = risks.codes('level', LEVEL_CODES);
  const who = assessorFilter(risks, assessor);
  const inc = ws.tables.incidents;
  const incDay = inc.days('date');
  const incRisk = inc.codes('dash_risk', LEVEL_CODES);
  const policeCounts = assessor === 'any' || assessor === 'police';
  const out = base.map(({ ix, referral: ref }) => {
    // Risk at referral: the latest reading on or before the referral day from the chosen assessor.
    let risk: RiskAtReferral = 'not_assessed';
    if (ref === null) return risk;
    let riskAt = -Infinity;
    for (const row of rowsOfCase(ws, 'risk_assessments', ix)) {
      const d = riskDay[row];
      if (d === UNKNOWN_DAY || d > ref || !who(row)) continue;
      const lv = riskLevel(row);
      if (lv >= 0 && d >= riskAt) {
        riskAt = d;
        risk = LEVEL_NAMES[lv];
      }
    }
    if (policeCounts)
      for (const row of rowsOfCase(ws, 'incidents', ix)) {
        const d = incDay[row];
        const lv = incRisk(row);
        if (d !== UNKNOWN_DAY && d <= ref && lv >= 0 && d >= riskAt) {
          riskAt = d;
          risk = LEVEL_NAMES[lv];
        }
      }
    return risk;
  });
  byAssessor.set(assessor, out);
  return out;
}

export function cohortWomen(ws: WorkingSet, defs: Definitions): CohortWoman[] {
  const base = caseBase(ws);
  const risks = risksAtReferral(ws, base, defs.riskAssessor);
  const out: CohortWoman[] = new Array(base.length);
  for (let i = 0; i < base.length; i++) {
    const b = base[i];
    out[i] = {
      ix: b.ix,
      caseId: b.caseId,
      area: b.area,
      referral: b.referral,
      route: b.route,
      complex: complexOf(b.complexColumn, b.route, b.needsYes, defs.complexNeeds),
      engagement: engagementOf(b.modus, b.police, defs.engaged),
      riskAtReferral: risks[i],
      incidents: b.incidents,
      domesticIncidents: b.domesticIncidents,
      crimes: b.crimes,
      perpetrator: b.perpetrator,
      mappa: b.mappa,
    };
  }
  return out;
}
