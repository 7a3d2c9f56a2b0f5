/**
 * Session only ("Don't keep anything on this computer"): whether this tab chose it. The choice,
 * and only the choice, is kept in the tab's sessionStorage (one key, value "on"), so that a reload
 * stays in session only instead of silently storing the next import; the browser drops it when
 * the tab closes. No data ever goes there: the data lives in an in-memory database (memory-db.ts).
 */

export const SESSION_ONLY_KEY = 'waymark.sessionOnly';

/** The part of sessionStorage used here (tests pass a fake). */
export type ChoiceStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The tab's sessionStorage, or null where it is unavailable (then the choice lasts for the page). */
export function tabStorage(): ChoiceStorage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/** True when this tab chose session only before a reload. */
export function sessionOnlyChosen(storage: ChoiceStorage | null = tabStorage()): boolean {
  try {
    return storage?.getItem(SESSION_ONLY_KEY) === 'on';
  } catch {
    return false;
  }
}

/** Remembers (or forgets) the choice for this tab. */
export function rememberSessionOnly(on: boolean, storage: ChoiceStorage | null = tabStorage()): void {
  try {
    if (on) storage?.setItem(SESSION_ONLY_KEY, 'on');
    else storage?.removeItem(SESSION_ONLY_KEY);
  } catch {
    // Storage refused: the choice still holds until the page is reloaded.
  }
}
