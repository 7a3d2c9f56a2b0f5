/**
 * The definitions in force, shared by every view: switched in the definitions panel (or by the
 * data-quality screen's "only where both agree" button) and kept in this browser's storage, which
 * "Delete all data" clears. In session only nothing is written: a change lasts for the page.
 */
import { DEFAULT_DEFINITIONS, parseDefinitions, type Definitions } from '../../model/definitions';
import { writeErrorMessage } from './write-error';

const STORAGE_KEY = 'waymark.definitions';

function load(): Definitions {
  try {
    const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
    return raw ? parseDefinitions(JSON.parse(raw)) : { ...DEFAULT_DEFINITIONS };
  } catch {
    return { ...DEFAULT_DEFINITIONS };
  }
}

export class DefinitionsState {
  current = $state.raw<Definitions>(load());
  /** Why the definitions in force were not saved (they still apply in this tab), until a save succeeds. */
  saveError = $state<string | null>(null);

  /** `keep`: whether changes are written to this browser's storage (false in session only). */
  constructor(private readonly keep: () => boolean = () => true) {
    // Another tab changed the definitions: its storage event arrives here at once.
    if (typeof addEventListener === 'function') {
      addEventListener('storage', (event: StorageEvent) => {
        if ((event.key === STORAGE_KEY || event.key === null) && this.keep()) this.current = load();
      });
    }
  }

  set(change: Partial<Definitions>): void {
    this.current = parseDefinitions({ ...this.current, ...change });
    this.save();
  }

  /** Stores the definitions in force; a failure is kept in `saveError` for the screen to show, with a retry. */
  save(): boolean {
    if (!this.keep()) return true;
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(this.current));
      this.saveError = null;
      return true;
    } catch (e) {
      this.saveError = writeErrorMessage('The definitions you chose were not saved: they apply in this tab until it is closed.', e);
      return false;
    }
  }

  reset(): void {
    this.set({ ...DEFAULT_DEFINITIONS });
  }
}
