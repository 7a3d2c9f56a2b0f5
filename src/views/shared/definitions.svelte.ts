/**
 * The definitions in force, shared by every view: switched in the definitions panel (or by the
 * data-quality screen's "only where both agree" button) and kept in this browser's storage, which
 * "Delete all data" clears. In session only nothing is written: a change lasts for the page.
 */
import { DEFAULT_DEFINITIONS, parseDefinitions, type Definitions } from '../../model/definitions';

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

  /** `keep`: whether changes are written to this browser's storage (false in session only). */
  constructor(private readonly keep: () => boolean = () => true) {}

  set(change: Partial<Definitions>): void {
    this.current = parseDefinitions({ ...this.current, ...change });
    if (!this.keep()) return;
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(this.current));
    } catch {
      // Storage may be unavailable (private mode); the definitions still apply for this visit.
    }
  }

  reset(): void {
    this.set({ ...DEFAULT_DEFINITIONS });
  }
}
