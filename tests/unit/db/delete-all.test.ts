import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../src/db/db';
import { deleteAllData } from '../../../src/db/delete-all';
import { commitImport } from '../../../src/db/import-batch';
import { setSetting } from '../../../src/db/settings';
import { loadWorkingSet } from '../../../src/db/load-working-set';
import { summaryOf } from '../../../src/data/working-set';
import { makeBlock, pendingOf } from './helpers';

class MemoryStorage {
  data = new Map<string, string>();
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  clear() {
    this.data.clear();
  }
}

const g = globalThis as Record<string, unknown>;

afterEach(() => {
  delete g.localStorage;
  delete g.sessionStorage;
  delete g.caches;
});

function rawDb(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => req.result.createObjectStore('things');
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
    req.onerror = () => reject(req.error);
  });
}

describe('deleteAllData', () => {
  it('deletes every database, storage and cache of the origin', async () => {
    const db = openDb();
    await commitImport(db, pendingOf([makeBlock('cases', [{ case_id: 'C1', area: 'City', referral_date: '2014-01-01' }])]));
    await setSetting(db, 'theme', 'dark');
    await rawDb('some-other-db');
    const local = new MemoryStorage();
    const session = new MemoryStorage();
    local.setItem('waymark:last-view', 'cohort');
    session.setItem('waymark:draft', 'x');
    g.localStorage = local;
    g.sessionStorage = session;
    const cacheNames = ['waymark-assets-v1', 'waymark-templates'];
    g.caches = {
      keys: async () => [...cacheNames],
      delete: async (name: string) => {
        const i = cacheNames.indexOf(name);
        if (i >= 0) cacheNames.splice(i, 1);
        return i >= 0;
      },
    };
    expect((await indexedDB.databases()).map((d) => d.name).sort()).toEqual(['some-other-db', 'waymark']);

    const deleted = await deleteAllData();

    expect(deleted.databases.sort()).toEqual(['some-other-db', 'waymark']);
    expect(deleted.caches).toEqual(['waymark-assets-v1', 'waymark-templates']);
    expect(await indexedDB.databases()).toEqual([]);
    expect(local.data.size).toBe(0);
    expect(session.data.size).toBe(0);
    expect(cacheNames).toEqual([]);

    // The app starts again from nothing.
    const fresh = openDb();
    expect(fresh).not.toBe(db);
    expect(summaryOf(await loadWorkingSet(fresh)).women).toBe(0);
    expect(await fresh.settings.count()).toBe(0);
    expect(await fresh.imports.count()).toBe(0);
  });

  it('works where storage and caches do not exist', async () => {
    await expect(deleteAllData()).resolves.toEqual({ databases: ['waymark'], caches: [] });
  });
});
