/**
 * What the screens know about the stored data: the in-memory working set, its counts and the
 * import history. Reloaded from IndexedDB after every import or deletion.
 */
import { openDb, type WaymarkDb } from '../../db/db';
import { loadWorkingSet } from '../../db/load-working-set';
import { summaryOf, emptyWorkingSet, type WorkingSet } from '../../data/working-set';
import { listImports } from '../../db/history';
import { deleteAllData } from '../../db/delete-all';
import type { ImportSummary } from '../../domain/import-report';
import type { TabMessage, Tabs } from './tabs.svelte';
import { rememberSessionOnly } from './session-only';

export type DataSummary = ReturnType<typeof summaryOf>;

export class AppData {
  workingSet = $state.raw<WorkingSet>(emptyWorkingSet());
  summary = $state.raw<DataSummary>(summaryOf(emptyWorkingSet()));
  history = $state.raw<ImportSummary[]>([]);
  loading = $state(true);
  error = $state<string | null>(null);

  /** Session only: the database in this tab's memory; null when data is stored in the browser. */
  #memory = $state.raw<WaymarkDb | null>(null);

  /** True while nothing is kept on this computer (session only). */
  get sessionOnly(): boolean {
    return this.#memory !== null;
  }

  /**
   * The app's database: the one place the page opens it (in session only, the in-memory one).
   * Every call after "Delete all data" gets a new instance (the old one was closed), so it is
   * read at each use, never kept.
   */
  get db(): WaymarkDb {
    return this.#memory ?? openDb();
  }

  /**
   * Session only from now on, for this tab: an empty in-memory database replaces the stored one
   * (which stays as it is, out of sight), and the choice is remembered until the tab closes.
   */
  async startSessionOnly(): Promise<void> {
    const { openMemoryDb } = await import('../../db/memory-db');
    this.#memory?.close();
    this.#memory = await openMemoryDb();
    rememberSessionOnly(true);
    this.forget();
  }

  async refresh(): Promise<void> {
    this.loading = true;
    try {
      const db = this.db;
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

  /** Called after "Delete all data" has deleted everything (the lock forgets its passphrase). */
  readonly afterDelete: (() => void)[] = [];
  /** The other tabs of the app (App.svelte sets it): told of every change to the stored data. */
  tabs: Tabs | null = null;

  /** Runs a change to the stored data while no other tab changes it, then tells the other tabs (with `message`). */
  async change<T>(what: string, work: () => Promise<T>, message: TabMessage = { type: 'data-changed' }): Promise<T> {
    // Session only: the data is this tab's own, in memory; no other tab shares or needs to know.
    if (this.sessionOnly) return work();
    try {
      return this.tabs ? await this.tabs.exclusive(what, work) : await work();
    } finally {
      // Also after a failure: part of it may have been stored (an import rolled back still records its report).
      this.tabs?.post(message);
    }
  }

  async deleteAll(): Promise<void> {
    await (this.tabs ? this.tabs.exclusive('deleting all data', deleteAllData) : deleteAllData());
    this.tabs?.post({ type: 'deleted' });
    // Session only stays on: what was in memory is dropped, and the choice (cleared with the rest
    // of sessionStorage) is remembered again.
    if (this.#memory) await this.startSessionOnly();
    // Not re-read: opening the database again would re-create it right after deleting it.
    this.forget();
    for (const listener of this.afterDelete) listener();
  }

  /** Drops everything loaded (after a deletion, or when the app locks). */
  forget(): void {
    this.workingSet = emptyWorkingSet();
    this.summary = summaryOf(this.workingSet);
    this.history = [];
  }
}
