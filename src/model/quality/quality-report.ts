/**
 * Every data-quality finding of the working set and the import history in one pass, with the
 * headline list (count + why it matters) and the rows of the "data quality log" export. Pure.
 */
import type { ImportSummary } from '../../domain/import-report';
import type { WorkingSet } from '../../data/working-set';
import type { EngagedDefinition } from '../definitions';
import { completeness, completenessLog, outcomeToolUse, type Completeness, type OutcomeToolUse } from './completeness';
import { contradictions, contradictionsLog, startsOverThreshold, RISK_CONFLICT_DAYS, type Contradictions } from './contradictions';
import { coverageGaps, coverageLog, type CoverageGap } from './coverage';
import { duplicates, duplicatesLog, type Duplicates } from './duplicates';
import { agreementLog, engagementAgreement, type EngagementAgreement } from './engagement-agreement';
import { followUpGaps, followUpLog, type FollowUpGaps } from './follow-up-gaps';
import { areasOf, casesRowOf, latestDay, type LogEntry } from './quality-base';

export type SectionId = 'engagement' | 'coverage' | 'contradictions' | 'duplicates' | 'completeness' | 'follow-up';

export interface Headline {
  id: string;
  section: SectionId;
  title: string;
  count: number;
  /** What the count counts ("women", "incidents", ...). */
  unit: string;
  why: string;
}

export interface QualityReport {
  women: number;
  agreement: EngagementAgreement;
  coverage: CoverageGap[];
  contradictions: Contradictions;
  duplicates: Duplicates;
  completeness: Completeness;
  outcomeTool: OutcomeToolUse;
  followUp: FollowUpGaps;
}

export interface QualityOptions {
  engaged: EngagedDefinition;
}

/** Share of known values below which a field is reported in the headline list. */
export const LOW_COMPLETENESS = 0.75;

export function qualityReport(ws: WorkingSet, history: readonly ImportSummary[], options: QualityOptions): QualityReport {
  const caseRow = casesRowOf(ws);
  const areas = areasOf(ws, caseRow);
  return {
    women: ws.casesWithRow,
    agreement: engagementAgreement(ws),
    coverage: coverageGaps(ws, areas),
    contradictions: contradictions(ws, caseRow),
    duplicates: duplicates(ws, history),
    completeness: completeness(ws, caseRow, areas),
    outcomeTool: outcomeToolUse(ws, caseRow, areas, options.engaged),
    followUp: followUpGaps(ws, caseRow, areas, latestDay(ws)),
  };
}

export function lowCompletenessFields(c: Completeness): string[] {
  return c.fields.filter((f) => c.overall[f].total > 0 && c.overall[f].known / c.overall[f].total < LOW_COMPLETENESS);
}

/** The headline findings, in section order; the start-date threshold is the one on screen. */
export function headlines(r: QualityReport, startThreshold: number): Headline[] {
  const a = r.agreement;
  const c = r.contradictions;
  const d = r.duplicates;
  const after = c.outOfWindow.filter((e) => e.problem === 'after_closure').length;
  const before = c.outOfWindow.length - after;
  const low = lowCompletenessFields(r.completeness);
  return [
    { id: 'engagement-disagree', section: 'engagement', title: 'Engagement coded differently by the police and the worker', count: a.disagree, unit: 'women', why: 'Engagement rates differ by agency; only women both agree on can be compared (the report kept 57 of 111).' },
    { id: 'engagement-unknown', section: 'engagement', title: 'Engagement unknown to the police or the worker', count: a.unknown, unit: 'women', why: 'These women fall out of every engaged versus not-engaged comparison.' },
    ...r.coverage.map((g) => ({ id: `coverage-${g.id}`, section: 'coverage' as const, title: g.title, count: g.count, unit: g.id === 'incidents_without_case' ? 'incidents' : 'women', why: g.why })),
    { id: 'start-dates', section: 'contradictions', title: `Police start date and first contact more than ${startThreshold} days apart`, count: startsOverThreshold(c.startDifferences, startThreshold).length, unit: 'women', why: 'Incidents are split into before and after the start; a contradictory start date moves them to the wrong side.' },
    { id: 'closure-before-referral', section: 'contradictions', title: 'Closure before referral', count: c.closureBeforeReferral.length, unit: 'women', why: 'One of the dates is wrong, and her follow-up time is negative.' },
    { id: 'after-closure', section: 'contradictions', title: 'Service records dated after closure', count: after, unit: 'records', why: 'Work recorded after closure means the closure date or the record is wrong.' },
    { id: 'before-referral', section: 'contradictions', title: 'Service records more than 12 months before referral', count: before, unit: 'records', why: 'Suggests a wrong date or a record filed under the wrong case id.' },
    { id: 'risk-conflicts', section: 'contradictions', title: `Risk graded high and standard by different assessors within ${RISK_CONFLICT_DAYS} days`, count: c.riskConflicts.length, unit: 'pairs', why: 'Her risk at a date depends on whose assessment is used.' },
    { id: 'repeated-incident-ids', section: 'duplicates', title: 'Same incident id twice with different values', count: d.repeatedIncidentIds.length, unit: 'rows', why: 'Only the first row was kept, and it may be the wrong one.' },
    { id: 'same-day-incidents', section: 'duplicates', title: 'Same woman, date and incident kind twice', count: d.sameDayIncidents.length, unit: 'groups', why: 'Possibly one incident recorded twice, inflating repeat victimisation.' },
    { id: 'case-conflicts', section: 'duplicates', title: 'Cases rows repeated with different values', count: d.caseConflictRows, unit: 'rows', why: 'The records disagree about who she is; the stored values stand until someone confirms.' },
    { id: 'low-completeness', section: 'completeness', title: `Fields known for fewer than ${Math.round(LOW_COMPLETENESS * 100)}% of women`, count: low.length, unit: 'fields', why: 'An area that records less can be misread as an area with less need.' },
    { id: 'outcome-tool', section: 'completeness', title: 'Engaged women with fewer than two outcome scores', count: r.outcomeTool.missing.length, unit: 'women', why: 'Without a start and a later score, outcomes cannot be measured.' },
    { id: 'no-risk-6m', section: 'follow-up', title: 'Open cases with no risk assessment for over 6 months', count: r.followUp.noRiskAssessment.length, unit: 'women', why: 'Her current risk is unknown while the case stays open.' },
    { id: 'no-contact-6m', section: 'follow-up', title: 'Open cases with no successful contact for over 6 months', count: r.followUp.noSuccessfulContact.length, unit: 'women', why: 'A decision is due: contact her again, or close the case.' },
  ];
}

export const LOG_HEADER = ['finding', 'case id', 'field', 'value', 'why'] as const;

/** Every finding as rows of the data quality log, in section order. */
export function qualityLog(r: QualityReport, startThreshold: number): LogEntry[] {
  const low = lowCompletenessFields(r.completeness);
  const completenessRows: LogEntry[] = low.map((field) => ({
    finding: `Field known for fewer than ${Math.round(LOW_COMPLETENESS * 100)}% of women`,
    caseId: '',
    field,
    value: `${r.completeness.overall[field].known} of ${r.completeness.overall[field].total} known`,
    why: 'An area that records less can be misread as an area with less need.',
  }));
  return [
    ...agreementLog(r.agreement),
    ...coverageLog(r.coverage),
    ...contradictionsLog(r.contradictions, startThreshold),
    ...duplicatesLog(r.duplicates),
    ...completenessRows,
    ...completenessLog(r.outcomeTool),
    ...followUpLog(r.followUp),
  ];
}

export function logRows(entries: readonly LogEntry[]): string[][] {
  return entries.map((e) => [e.finding, e.caseId, e.field, e.value, e.why]);
}
