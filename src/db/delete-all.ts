/**
 * "Delete all data": every IndexedDB database of the origin, local and session storage, Cache
 * Storage and service workers, so that nothing of the app's data remains in the browser.
 * Each API is guarded because not all exist everywhere (node, older browsers, workers).
 */
import Dexie from 'dexie';
import { blockWrites, closeAllDbs, knownDbNames } from './db';

export interface DeletedData {
  databases: string[];
  caches: string[];
}

async function databaseNames(): Promise<string[]> {
  const names = new Set(knownDbNames());
  const idb = globalThis.indexedDB as (IDBFactory & { databases?: () => Promise<IDBDatabaseInfo[]> }) | undefined;
  if (idb && typeof idb.databases === 'function') {
    try {
      for (const info of await idb.databases()) if (info.name) names.add(info.name);
    } catch {
      // databases() can be refused (e.g. private modes); the known names are deleted anyway.
    }
  }
  return [...names];
}

function clearStorage(name: 'localStorage' | 'sessionStorage'): void {
  try {
    (globalThis as unknown as Record<string, Storage | undefined>)[name]?.clear();
  } catch {
    // Access can throw where storage is disabled; then there is nothing to clear.
  }
}

export async function deleteAllData(): Promise<DeletedData> {
  blockWrites();
  closeAllDbs();
  const databases = globalThis.indexedDB ? await databaseNames() : [];
  for (const name of databases) await Dexie.delete(name);

  clearStorage('localStorage');
  clearStorage('sessionStorage');

  const caches: string[] = [];
  const cacheStorage = (globalThis as { caches?: CacheStorage }).caches;
  if (cacheStorage) {
    for (const key of await cacheStorage.keys()) {
      await cacheStorage.delete(key);
      caches.push(key);
    }
  }

  const sw = (globalThis as { navigator?: Navigator }).navigator?.serviceWorker;
  if (sw && typeof sw.getRegistrations === 'function') {
    for (const registration of await sw.getRegistrations()) await registration.unregister();
  }
  return { databases, caches };
}
