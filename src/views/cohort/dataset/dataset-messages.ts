/** Messages between the page and the analysis dataset worker. */
import type { Kind } from '../../../domain/contract';
import type { CaseRows } from '../../../data/working-set';
import type { PlainTable } from '../../../data/working-set-transfer';
import type { Definitions } from '../../../model/definitions';
import type { CohortQuery } from '../../../model/cohort/cohort-query';
import type { DatasetAbout } from './dataset-files';
import type { DatasetResult } from './build-dataset';

/**
 * The working set arrives one kind at a time (each message its own short task on the page), then
 * `build` with the rest of the working set and what the README states.
 */
export type DatasetIn =
  | { type: 'kind'; kind: Kind; table: PlainTable; byCase: CaseRows }
  | { type: 'build'; caseIds: string[]; casesWithRow: number; defs: Definitions; query: CohortQuery; imports: DatasetAbout['imports']; madeAt: number };

export type DatasetOut = DatasetResult | { ok: false; message: string; failed: true };
