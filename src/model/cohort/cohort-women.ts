/**
 * One row per referred woman with what the cohort screen filters, groups and counts by, derived
 * under the definitions in force. Reads the working set's columns directly (no per-woman
 * records), so it stays fast for tens of thousands of women.
 */
import { NEED_FIELDS } from '../../domain/contract';
import { cellValue } from '../../db/column-ops';
import { rowsOfCase, type Table, type WorkingSet } from '../../db/working-set';
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
}

/** A reader of one column by row: null for unknown, whatever the column's type. */
export function reader(table: Table, name: string): (row: number) => string | number | boolean | null {
  const col = table.columns[name];
  return (row) => cellValue(col, row);
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

const LEVELS = new Set(['standard', 'medium', 'high']);

export function cohortWomen(ws: WorkingSet, defs: Definitions): CohortWoman[] {
  const cases = ws.tables.cases;
  const id = reader(cases, 'case_id');
  const area = reader(cases, 'area');
  const referral = reader(cases, 'referral_date');
  const route = reader(cases, 'referral_route');
  const complex = reader(cases, 'complex_needs');
  const modus = reader(cases, 'engagement_modus');
  const police = reader(cases, 'engagement_police');
  const needs = NEED_FIELDS.map((f) => reader(cases, f.name));

  const risks = ws.tables.risk_assessments;
  const riskDay = reader(risks, 'date');
  const riskLevel = reader(risks, 'level');
  const riskAssessor = reader(risks, 'assessor');
  const inc = ws.tables.incidents;
  const incDay = reader(inc, 'date');
  const incKind = reader(inc, 'kind');
  const incRisk = reader(inc, 'dash_risk');

  const out: CohortWoman[] = [];
  for (let r = 0; r < cases.rowCount; r++) {
    const ix = cases.caseIx[r];
    if (ix < 0) continue;
    const ref = referral(r) as number | null;
    const rt = route(r) as string | null;
    let needsYes = 0;
    for (const n of needs) if (n(r) === true) needsYes++;

    // Risk at referral: the latest reading on or before the referral day from the chosen assessor.
    let risk: RiskAtReferral = 'not_assessed';
    let riskAt = -Infinity;
    if (ref !== null) {
      for (const row of rowsOfCase(ws, 'risk_assessments', ix)) {
        const d = riskDay(row) as number | null;
        if (d === null || d > ref) continue;
        const a = (riskAssessor(row) as string | null) ?? 'unknown';
        if (defs.riskAssessor !== 'any' && a !== defs.riskAssessor) continue;
        const lv = riskLevel(row) as string | null;
        if (lv && LEVELS.has(lv) && d >= riskAt) {
          riskAt = d;
          risk = lv as RiskAtReferral;
        }
      }
    }
    let incidents = 0;
    let di = 0;
    let crimes = 0;
    for (const row of rowsOfCase(ws, 'incidents', ix)) {
      incidents++;
      const k = incKind(row);
      if (k === 'domestic_incident') di++;
      else if (k === 'crime') crimes++;
      if (ref !== null && (defs.riskAssessor === 'any' || defs.riskAssessor === 'police')) {
        const d = incDay(row) as number | null;
        const lv = incRisk(row) as string | null;
        if (d !== null && d <= ref && lv && LEVELS.has(lv) && d >= riskAt) {
          riskAt = d;
          risk = lv as RiskAtReferral;
        }
      }
    }
    out.push({
      ix,
      caseId: (id(r) as string | null) ?? '',
      area: (area(r) as string | null) ?? 'Area not recorded',
      referral: ref,
      route: rt,
      complex: complexOf(complex(r) as boolean | null, rt, needsYes, defs.complexNeeds),
      engagement: engagementOf(modus(r) as string | null, police(r) as string | null, defs.engaged),
      riskAtReferral: risk,
      incidents,
      domesticIncidents: di,
      crimes,
    });
  }
  return out;
}
