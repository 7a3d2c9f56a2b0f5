/** Messages between the page and the analysis dataset worker. */
import { NEED_FIELDS, type Kind } from '../../../domain/contract';
import type { DatasetTable } from '../../../model/dataset/dataset-table';
import type { CaseRows } from '../../../data/working-set';
import type { Column } from '../../../data/columns';
import type { PlainTable } from '../../../data/working-set-transfer';
import type { Definitions } from '../../../model/definitions';
import type { CohortQuery } from '../../../model/cohort/cohort-query';
import type { DatasetAbout } from './dataset-files';

/**
 * The working set arrives one column at a time (each message its own short task on the page): a
 * kind's columns, then the kind with its row index, then its rows by case; then
 * `build` with the rest of the working set and what the README states.
 */
export type DatasetIn =
  | { type: 'column'; kind: Kind; name: string; column: Column }
  | { type: 'kind'; kind: Kind; table: PlainTable; byCase: CaseRows }
  | { type: 'rows'; kind: Kind; rows: Uint32Array }
  | { type: 'build'; caseIds: string[]; casesWithRow: number; defs: Definitions; query: CohortQuery; imports: DatasetAbout['imports']; madeAt: number };

/** The ZIP comes back as a Blob, so the page never copies it. */
export type DatasetOut = { ok: true; blob: Blob; women: number; events: number } | { ok: false; message: string; failed?: true };

/**
 * The columns the dataset reads, per kind (the cohort model's and the dataset's own): only these
 * are sent to the worker. A unit test builds the dataset from exactly these.
 */
export const DATASET_COLUMNS: Readonly<Record<Kind, readonly string[]>> = {
  cases: [
    'case_id', 'area', 'referral_date', 'referral_route', 'engagement_modus', 'engagement_police', 'complex_needs',
    ...NEED_FIELDS.map((f) => f.name), 'age_band', 'age_at_referral', 'closure_date', 'closure_reason', 'perpetrator_relationship', 'mappa',
  ],
  incidents: ['date', 'kind', 'dash_risk', 'offence'],
  risk_assessments: ['date', 'level', 'assessor', 'score'],
  support: ['date', 'category', 'status', 'end_date'],
  contacts: ['date', 'result', 'mode', 'count'],
  outcomes: ['date', 'tool', 'domain', 'score'],
  milestones: ['date', 'kind'],
};

/**
 * From the Parquet helper (sent the same messages as the dataset worker): first the events table it
 * derived (null if none), then the events' Parquet bytes, or why not.
 */
export type ParquetOut = { events: DatasetTable | null } | { ok: true; bytes: Uint8Array } | { ok: false; message: string };
