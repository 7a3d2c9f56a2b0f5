/**
 * The app's state, provided by App.svelte and read by screens and components through these
 * helpers (never through module-level instances): the router, the stored data, the definitions
 * in force, share mode and the import session. `get*` must be called while a component
 * initialises, like Svelte's getContext.
 */
import { getContext, setContext } from 'svelte';
import type { Router } from './router.svelte';
import type { AppData } from './app-data.svelte';
import type { DefinitionsState } from './definitions.svelte';
import type { ShareMode } from './share-mode.svelte';
import type { ImportSession } from '../import/import-session.svelte';
import type { LockState } from './lock.svelte';

export interface AppState {
  router: Router;
  data: AppData;
  definitions: DefinitionsState;
  shareMode: ShareMode;
  importSession: ImportSession;
  lock: LockState;
}

const KEYS: { readonly [K in keyof AppState]: symbol } = {
  router: Symbol('router'),
  data: Symbol('data'),
  definitions: Symbol('definitions'),
  shareMode: Symbol('share mode'),
  importSession: Symbol('import session'),
  lock: Symbol('lock'),
};

function read<K extends keyof AppState>(key: K): AppState[K] {
  const value = getContext<AppState[K] | undefined>(KEYS[key]);
  if (value === undefined) throw new Error(`No ${KEYS[key].description} in context: App.svelte provides it.`);
  return value;
}

/** Provides every part of the state to the calling component's children. */
export function setAppState(state: AppState): void {
  for (const key of Object.keys(KEYS) as (keyof AppState)[]) setContext(KEYS[key], state[key]);
}

/** The same state as a context map, for `mount(Component, { context })` (tests, a second root). */
export function appStateContext(state: Partial<AppState>): Map<symbol, unknown> {
  return new Map((Object.keys(state) as (keyof AppState)[]).map((key) => [KEYS[key], state[key]]));
}

/**
 * Gives the calling component's children a share mode of their own (the report is always made
 * in share mode, whatever the screen's setting). Call while the component initialises.
 */
export function provideShareMode(shareMode: ShareMode): void {
  setContext(KEYS.shareMode, shareMode);
}

export const getAppData = (): AppData => read('data');
export const getDefinitions = (): DefinitionsState => read('definitions');
export const getShareMode = (): ShareMode => read('shareMode');
export const getImportSession = (): ImportSession => read('importSession');
export const getLock = (): LockState => read('lock');
/** The import session, or null where none is provided (the benchmark pages mount screens without one). */
export const findImportSession = (): ImportSession | null => getContext<ImportSession | undefined>(KEYS.importSession) ?? null;
