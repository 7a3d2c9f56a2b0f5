/**
 * Session only: the app's database on an in-memory IndexedDB (fake-indexeddb), so every screen
 * and repository function works unchanged while nothing reaches the browser's storage. Loaded
 * only when session only is chosen, so the first screen's bundle does not carry it.
 */
import { DEFAULT_DB_NAME, WaymarkDb } from './db';

/** A new, empty database that lives in this page's memory only: dropping it forgets everything. */
export async function openMemoryDb(name: string = DEFAULT_DB_NAME): Promise<WaymarkDb> {
  const { IDBFactory, IDBKeyRange } = await import('fake-indexeddb');
  const db = new WaymarkDb(name, { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  return db;
}
