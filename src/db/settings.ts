/** Small user settings (definitions in force, disclosure threshold, ...), one record per key. */
import type { WaymarkDb } from './db';

export async function getSetting<T>(db: WaymarkDb, key: string): Promise<T | undefined>;
export async function getSetting<T>(db: WaymarkDb, key: string, fallback: T): Promise<T>;
export async function getSetting<T>(db: WaymarkDb, key: string, fallback?: T): Promise<T | undefined> {
  const record = await db.settings.get(key);
  return record === undefined ? fallback : (record.value as T);
}

export async function setSetting<T>(db: WaymarkDb, key: string, value: T): Promise<void> {
  await db.settings.put({ key, value });
}

export async function deleteSetting(db: WaymarkDb, key: string): Promise<void> {
  await db.settings.delete(key);
}
