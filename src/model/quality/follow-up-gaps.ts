/**
 * Gaps in follow-up: open cases (no closure date) with no risk assessment, or no successful
 * contact, for more than 6 months before "now", which is the latest date anywhere in the data
 * (never the computer's clock, so the figures do not change by themselves). Pure.
 */
import { UNKNOWN_DAY } from '../../data/columns';
import type { WorkingSet } from '../../data/working-set';
import { addMonths } from '../../data/days';
import { codesOf, dayText, type LogEntry } from './quality-base';

export interface FollowUpGap {
  caseId: string;
  area: string;
  referral: number;
  /** Latest risk assessment or successful contact; null when there is none. */
  last: number | null;
  /** Days from `last` (or referral when none) to now. */
  days: number;
}

export interface FollowUpGaps {
  now: number | null;
  openCases: number;
  noRiskAssessment: FollowUpGap[];
  noSuccessfulContact: FollowUpGap[];
}

export const GAP_MONTHS = 6;

export function followUpGaps(ws: WorkingSet, caseRow: Int32Array, areaOfCase: readonly string[], now: number | null): FollowUpGaps {
  const noRiskAssessment: FollowUpGap[] = [];
  const noSuccessfulContact: FollowUpGap[] = [];
  if (now === null) return { now, openCases: 0, noRiskAssessment, noSuccessfulContact };
  const cases = ws.tables.cases;
  const referral = cases.days('referral_date');
  const closure = cases.days('closure_date');
  const raDay = ws.tables.risk_assessments.days('date');
  const coDay = ws.tables.contacts.days('date');
  const successful = codesOf(ws.tables.contacts, 'result', { successful: 1 });
  const cutoff = addMonths(now, -GAP_MONTHS);
  const raIdx = ws.byCase.risk_assessments;
  const coIdx = ws.byCase.contacts;
  let openCases = 0;
  for (let c = 0; c < ws.casesWithRow; c++) {
    const row = caseRow[c];
    if (row < 0 || closure[row] !== UNKNOWN_DAY) continue;
    const ref = referral[row];
    if (ref === UNKNOWN_DAY || ref > now) continue;
    openCases++;
    // Rows are sorted by date: scan back from the latest.
    let lastRa = UNKNOWN_DAY;
    for (let i = raIdx.offsets[c + 1] - 1; i >= raIdx.offsets[c]; i--) {
      const d = raDay[raIdx.rows[i]];
      if (d <= now) {
        lastRa = d;
        break;
      }
    }
    let lastCo = UNKNOWN_DAY;
    for (let i = coIdx.offsets[c + 1] - 1; i >= coIdx.offsets[c]; i--) {
      const r = coIdx.rows[i];
      if (coDay[r] <= now && successful[r] === 1) {
        lastCo = coDay[r];
        break;
      }
    }
    const base = { caseId: ws.caseIds[c], area: areaOfCase[c], referral: ref };
    const since = (last: number) => (last === UNKNOWN_DAY ? ref : last);
    if (since(lastRa) < cutoff) noRiskAssessment.push({ ...base, last: lastRa === UNKNOWN_DAY ? null : lastRa, days: now - since(lastRa) });
    if (since(lastCo) < cutoff) noSuccessfulContact.push({ ...base, last: lastCo === UNKNOWN_DAY ? null : lastCo, days: now - since(lastCo) });
  }
  const byDays = (a: FollowUpGap, b: FollowUpGap) => b.days - a.days || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0);
  noRiskAssessment.sort(byDays);
  noSuccessfulContact.sort(byDays);
  return { now, openCases, noRiskAssessment, noSuccessfulContact };
}

export function followUpLog(g: FollowUpGaps): LogEntry[] {
  const now = g.now === null ? '' : dayText(g.now);
  const entry = (finding: string, field: string, why: string) => (x: FollowUpGap): LogEntry => ({
    finding,
    caseId: x.caseId,
    field,
    value: x.last === null ? `none since referral ${dayText(x.referral)} (${x.days} days to ${now})` : `last ${dayText(x.last)} (${x.days} days to ${now})`,
    why,
  });
  return [
    ...g.noRiskAssessment.map(entry('Open case with no risk assessment for over 6 months', 'risk_assessments.date', 'Her current risk is unknown while the case stays open.')),
    ...g.noSuccessfulContact.map(entry('Open case with no successful contact for over 6 months', 'contacts.date', 'An open case nobody has reached in six months needs a decision: contact her again or close it.')),
  ];
}
