/**
 * The analysis dataset of the women matching the Cohort screen's filters, as one ZIP; or why
 * there is nothing to export. Pure (no DOM): the export worker runs it.
 */
import { VOCABULARIES } from '../../../domain/contract';
import { dayToIso } from '../../../data/days';
import type { WorkingSet } from '../../../data/working-set';
import { describeDefinitions, type Definitions } from '../../../model/definitions';
import { cohortWomen, ENGAGEMENT_STATUS_LABELS, RISK_AT_REFERRAL_LABELS } from '../../../model/cohort/cohort-women';
import { filterWomen, type CohortQuery } from '../../../model/cohort/cohort-query';
import { dataEndDay } from '../../../model/cohort/incident-rates';
import { labelOf } from '../../../model/labels';
import { analysisWomen } from '../../../model/dataset/analysis-women';
import { analysisEvents } from '../../../model/dataset/analysis-events';
import { datasetZip, type DatasetAbout } from './dataset-files';

export type DatasetResult = { ok: true; zip: Uint8Array; women: number; events: number } | { ok: false; message: string };

/** The filters in words, for the README ("all women" without any). */
export function describeFilters(q: CohortQuery): string {
  const parts: string[] = [];
  if (q.areas.length) parts.push(`area ${q.areas.join(' or ')}`);
  if (q.complex !== 'all') parts.push(q.complex === 'yes' ? 'complex needs' : 'no complex needs');
  if (q.engagement !== 'all') parts.push(`engagement: ${ENGAGEMENT_STATUS_LABELS[q.engagement].toLowerCase()}`);
  if (q.route !== 'all') parts.push(`referral route: ${q.route === 'unknown' ? 'not recorded' : labelOf(VOCABULARIES.referralRoute, q.route)}`);
  if (q.from !== null) parts.push(`referred from ${dayToIso(q.from)}`);
  if (q.to !== null) parts.push(`referred to ${dayToIso(q.to)}`);
  if (q.risk !== 'all') parts.push(`risk at referral: ${RISK_AT_REFERRAL_LABELS[q.risk].toLowerCase()}`);
  if (q.perpetrator !== 'all') parts.push(`main perpetrator: ${q.perpetrator === 'unknown' ? 'not recorded' : labelOf(VOCABULARIES.perpetratorRelationship, q.perpetrator)}`);
  if (q.mappa !== 'all') parts.push(`perpetrator under MAPPA: ${q.mappa}`);
  return parts.length ? `the women matching the Cohort screen's filters: ${parts.join('; ')}` : 'all women loaded';
}

export function buildDataset(
  ws: WorkingSet,
  defs: Definitions,
  query: CohortQuery,
  imports: DatasetAbout['imports'],
  madeAt: number,
): DatasetResult {
  const women = filterWomen(cohortWomen(ws, defs), query);
  if (women.length === 0) {
    return {
      ok: false,
      message: ws.casesWithRow === 0 ? 'There is nothing to export: no cases are loaded.' : 'There is nothing to export: no women match the filters. Clear or widen them first.',
    };
  }
  const end = dataEndDay(ws);
  const tables = [analysisWomen(ws, defs, women, end), analysisEvents(ws, women)];
  const about: DatasetAbout = { madeAt, definitions: describeDefinitions(defs), filters: describeFilters(query), end, imports };
  return { ok: true, zip: datasetZip(tables, about), women: tables[0].rowCount, events: tables[1].rowCount };
}
