/**
 * What the screens know about the stored data: the in-memory working set, its counts and the
 * import history. Reloaded from IndexedDB after every import or deletion.
 */
import { openDb } from '../../db/db';
import { loadWorkingSet } from '../../db/load-working-set';
import { summaryOf, emptyWorkingSet, type WorkingSet } from '../../data/working-set';
import { listImports } from '../../db/history';
import { deleteAllData } from '../../db/delete-all';
import type { ImportSummary } from '../../domain/import-report';

export type DataSummary = ReturnType<typeof summaryOf>;

class AppData {
  workingSet = $state.raw<WorkingSet>(emptyWorkingSet());
  summary = $state.raw<DataSummary>(summaryOf(emptyWorkingSet()));
  history = $state.raw<ImportSummary[]>([]);
  loading = $state(true);
  error = $state<string | null>(null);

  async refresh(): Promise<void> {
    this.loading = true;
    try {
      const db = openDb();
      const [ws, history] = await Promise.all([loadWorkingSet(db), listImports(db)]);
      this.workingSet = ws;
      this.summary = summaryOf(ws);
      this.history = history;
      this.error = null;
    } catch (e) {
      this.error = `The stored data could not be read: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      this.loading = false;
    }
  }

  async deleteAll(): Promise<void> {
    await deleteAllData();
    // Not re-read: opening the database again would re-create it right after deleting it.
    this.workingSet = emptyWorkingSet();
    this.summary = summaryOf(this.workingSet);
    this.history = [];
  }
}

export const appData = new AppData();
