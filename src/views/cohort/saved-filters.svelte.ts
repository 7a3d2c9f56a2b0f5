/**
 * Filter sets saved under a name, for the Compare view's groups: kept as one setting of the app's
 * database (in session only, the tab's in-memory one), so "Delete all data" removes them. They hold
 * the cohort query only (codes, area names, dates), never any data.
 */
import { getSetting, setSetting } from '../../db/settings';
import type { AppData } from '../shared/app-data.svelte';
import type { CohortQuery } from '../../model/cohort/cohort-query';
import { parseSavedFilters, withoutSavedFilter, withSavedFilter, type SavedFilter } from '../../model/cohort/compare';
import { writeErrorMessage } from '../shared/write-error';

export const SAVED_FILTERS_SETTING = 'cohort.savedFilters';

export class SavedFilters {
  list = $state.raw<SavedFilter[]>([]);
  /** Why the last change was not saved (it still applies in this tab), until a save succeeds. */
  error = $state<string | null>(null);
  #failed: SavedFilter[] | null = null;

  constructor(private readonly data: AppData) {}

  async load(): Promise<void> {
    try {
      this.list = parseSavedFilters(await getSetting<unknown>(this.data.db, SAVED_FILTERS_SETTING, []));
    } catch {
      this.list = [];
    }
  }

  save(name: string, q: CohortQuery): Promise<void> {
    return this.#write(withSavedFilter(this.list, name, q));
  }

  remove(name: string): Promise<void> {
    return this.#write(withoutSavedFilter(this.list, name));
  }

  /** Writes the list that failed to save again. */
  retry(): Promise<void> {
    return this.#failed ? this.#write(this.#failed) : Promise.resolve();
  }

  async #write(next: SavedFilter[]): Promise<void> {
    this.list = next;
    try {
      await setSetting(this.data.db, SAVED_FILTERS_SETTING, next);
      this.error = null;
      this.#failed = null;
    } catch (e) {
      this.#failed = next;
      this.error = writeErrorMessage('The saved filters were not stored: they apply in this tab until it is closed.', e);
    }
  }
}
