/**
 * The working set as the dataset workers receive it (dataset-client.ts sends it one column at a
 * time): collected message by message, rebuilt when `build` arrives.
 */
import type { Kind } from '../../../domain/contract';
import type { CaseRows, WorkingSet } from '../../../data/working-set';
import type { Column } from '../../../data/columns';
import { workingSetFromPlain, type PlainTable } from '../../../data/working-set-transfer';
import type { DatasetIn } from './dataset-messages';

export type BuildMessage = Extract<DatasetIn, { type: 'build' }>;

export class WorkingSetInbox {
  readonly #tables = {} as Record<Kind, PlainTable>;
  readonly #byCase = {} as Record<Kind, CaseRows>;
  readonly #columns = {} as Record<Kind, Record<string, Column>>;

  /** Takes one message; the working set once `build` arrives (null before). */
  take(m: DatasetIn): WorkingSet | null {
    if (m.type === 'column') (this.#columns[m.kind] ??= {})[m.name] = m.column;
    else if (m.type === 'kind') {
      this.#tables[m.kind] = { ...m.table, columns: this.#columns[m.kind] ?? {} };
      this.#byCase[m.kind] = m.byCase;
    } else if (m.type === 'rows') this.#byCase[m.kind] = { offsets: this.#byCase[m.kind].offsets, rows: m.rows };
    else return workingSetFromPlain({ tables: this.#tables, byCase: this.#byCase, caseIds: m.caseIds, casesWithRow: m.casesWithRow });
    return null;
  }
}
