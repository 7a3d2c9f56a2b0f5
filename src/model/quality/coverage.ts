/**
 * Coverage of sources: women in the cases file missing from the police or service records, and
 * police incidents about women not in the cases file. Pure.
 */
import type { Kind } from '../../domain/contract';
import type { WorkingSet } from '../../data/working-set';
import { countByArea, type LogEntry } from './quality-base';

export type CoverageId = 'no_police' | 'incidents_without_case' | 'no_risk' | 'no_contacts' | 'no_outcomes';

export interface CoverageGap {
  id: CoverageId;
  title: string;
  why: string;
  /** Case ids concerned (for incidents_without_case: the case ids of those incidents). */
  caseIds: string[];
  /** The count shown: women, or incidents for incidents_without_case. */
  count: number;
  byArea: { area: string; count: number }[];
}

const MISSING: readonly [CoverageId, Kind, string, string][] = [
  ['no_police', 'incidents', 'Women with no police records', 'Without police incidents her repeat victimisation before and after referral cannot be counted, and police and service records cannot be reconciled.'],
  ['no_risk', 'risk_assessments', 'Women with no risk assessment', 'Risk over time cannot be shown, and a change in risk cannot be evidenced.'],
  ['no_contacts', 'contacts', 'Women with no contacts recorded', 'Engagement cannot be checked against what the worker actually did.'],
  ['no_outcomes', 'outcomes', 'Women with no outcome scores', 'Outcomes cannot be measured for her: the report found the outcome tool barely used.'],
];

export function coverageGaps(ws: WorkingSet, areas: readonly string[]): CoverageGap[] {
  const out: CoverageGap[] = [];
  for (const [id, kind, title, why] of MISSING) {
    const offsets = ws.byCase[kind].offsets;
    const cases: number[] = [];
    for (let c = 0; c < ws.casesWithRow; c++) if (offsets[c + 1] === offsets[c]) cases.push(c);
    out.push({ id, title, why, caseIds: cases.map((c) => ws.caseIds[c]), count: cases.length, byArea: countByArea(cases, areas) });
    if (id === 'no_police') out.push(incidentsWithoutCase(ws, areas));
  }
  return out;
}

function incidentsWithoutCase(ws: WorkingSet, areas: readonly string[]): CoverageGap {
  const offsets = ws.byCase.incidents.offsets;
  const cases: number[] = [];
  let incidents = 0;
  for (let c = ws.casesWithRow; c < ws.caseIds.length; c++) {
    const n = offsets[c + 1] - offsets[c];
    if (n > 0) {
      cases.push(c);
      incidents += n;
    }
  }
  return {
    id: 'incidents_without_case',
    title: 'Police incidents whose case id is not in the cases file',
    why: 'These incidents cannot be linked to a referred woman, so they drop out of every cohort figure.',
    caseIds: cases.map((c) => ws.caseIds[c]),
    count: incidents,
    byArea: countByArea(cases, areas),
  };
}

export function coverageLog(gaps: readonly CoverageGap[]): LogEntry[] {
  const fields: Record<CoverageId, string> = {
    no_police: 'incidents',
    incidents_without_case: 'case_id',
    no_risk: 'risk_assessments',
    no_contacts: 'contacts',
    no_outcomes: 'outcomes',
  };
  return gaps.flatMap((g) =>
    g.caseIds.map((caseId) => ({
      finding: g.title,
      caseId,
      field: fields[g.id],
      value: g.id === 'incidents_without_case' ? 'not in the cases file' : 'no rows',
      why: g.why,
    })),
  );
}
