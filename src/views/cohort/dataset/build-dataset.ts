/**
 * The analysis dataset of the women matching the Cohort screen's filters, as one ZIP; or why
 * there is nothing to export. Pure (no DOM): the export worker runs it.
 */
import { VOCABULARIES } from '../../../domain/contract';
import { dayToIso } from '../../../data/days';
import type { WorkingSet } from '../../../data/working-set';
import { describeDefinitions, type Definitions } from '../../../model/definitions';
import { cohortWomen, ENGAGEMENT_STATUS_LABELS, RISK_AT_REFERRAL_LABELS, type CohortWoman } from '../../../model/cohort/cohort-women';
import { filterWomen, type CohortQuery } from '../../../model/cohort/cohort-query';
import { dataEndDay } from '../../../model/cohort/incident-rates';
import { labelOf } from '../../../model/labels';
import { analysisWomen } from '../../../model/dataset/analysis-women';
import { analysisEvents } from '../../../model/dataset/analysis-events';
import { datasetZipWith, parquetMetadata, tableParquet, type DatasetAbout } from './dataset-files';
import type { DatasetTable } from '../../../model/dataset/dataset-table';

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

/** The tables of the women matching `query` and what the README states; or why there is nothing to export. */
/** The women to export, the data's last day and what the README states; or why there is nothing to export. */
function prepare(
  ws: WorkingSet,
  defs: Definitions,
  query: CohortQuery,
  imports: DatasetAbout['imports'],
  madeAt: number,
): { ok: true; women: CohortWoman[]; end: number | null; about: DatasetAbout } | { ok: false; message: string } {
  const women = filterWomen(cohortWomen(ws, defs), query);
  if (women.length === 0) {
    return {
      ok: false,
      message: ws.casesWithRow === 0 ? 'There is nothing to export: no cases are loaded.' : 'There is nothing to export: no women match the filters. Clear or widen them first.',
    };
  }
  const end = dataEndDay(ws);
  return { ok: true, women, end, about: { madeAt, definitions: describeDefinitions(defs), filters: describeFilters(query), end, imports } };
}

/** The tables of the women matching `query` and what the README states; or why there is nothing to export. */
export function datasetTables(
  ws: WorkingSet,
  defs: Definitions,
  query: CohortQuery,
  imports: DatasetAbout['imports'],
  madeAt: number,
): { ok: true; tables: DatasetTable[]; about: DatasetAbout } | { ok: false; message: string } {
  const made = prepare(ws, defs, query, imports, madeAt);
  if (!made.ok) return made;
  const { women, end, about } = made;
  return { ok: true, tables: [analysisWomen(ws, defs, women, end), analysisEvents(ws, women)], about };
}

/** The events table of the women matching `query`, as datasetTables derives it; null when there is nothing to export. */
export function eventsTable(ws: WorkingSet, defs: Definitions, query: CohortQuery): DatasetTable | null {
  const women = filterWomen(cohortWomen(ws, defs), query);
  return women.length === 0 ? null : analysisEvents(ws, women);
}

/**
 * The events table's Parquet alone, exactly as buildDataset writes it (the same women, rows and
 * metadata), for a helper worker that derives it apart; null when there is nothing to export.
 */
export function eventsParquet(ws: WorkingSet, defs: Definitions, query: CohortQuery, madeAt: number, events = eventsTable(ws, defs, query)): Uint8Array | null {
  return events && tableParquet(events, parquetMetadata({ madeAt, definitions: describeDefinitions(defs) }));
}

/**
 * The whole dataset as one ZIP, every file written here (`parquetOf` may write a table's Parquet
 * elsewhere; `eventsApart`, when given, is the events table derived elsewhere meanwhile, or null
 * to derive it here).
 */
export async function buildDataset(
  ws: WorkingSet,
  defs: Definitions,
  query: CohortQuery,
  imports: DatasetAbout['imports'],
  madeAt: number,
  parquetOf?: (table: DatasetTable, metadata: Record<string, string>) => Uint8Array | Promise<Uint8Array>,
  eventsApart?: Promise<DatasetTable | null>,
): Promise<DatasetResult> {
  const made = prepare(ws, defs, query, imports, madeAt);
  if (!made.ok) return made;
  const { women, end, about } = made;
  const womenTable = analysisWomen(ws, defs, women, end);
  const tables = [womenTable, (await eventsApart) ?? analysisEvents(ws, women)];
  const metadata = parquetMetadata(about);
  const zip = await datasetZipWith(tables, about, (t) => (parquetOf ?? tableParquet)(t, metadata));
  return { ok: true, zip, women: tables[0].rowCount, events: tables[1].rowCount };
}
