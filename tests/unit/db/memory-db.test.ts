// No 'fake-indexeddb/auto' here: there is no global indexedDB, so nothing below can reach one.
import { describe, expect, it } from 'vitest';
import { openMemoryDb } from '../../../src/db/memory-db';
import { commitImport } from '../../../src/db/import-batch';
import { loadWorkingSet } from '../../../src/db/load-working-set';
import { summaryOf } from '../../../src/data/working-set';
import { listImports } from '../../../src/db/history';
import { makeBlock, pendingOf } from './helpers';

const cases = [
  { case_id: 'C1', referral_date: '2014-03-17', area: 'North' },
  { case_id: 'C2', referral_date: '2015-01-02', area: 'South' },
];

describe('openMemoryDb (session only)', () => {
  it('stores and reads back an import with no IndexedDB of the browser at all', async () => {
    expect(globalThis.indexedDB).toBeUndefined();
    const db = await openMemoryDb();
    const summary = await commitImport(db, pendingOf([makeBlock('cases', cases)]));
    expect(summary.rowsImported).toBe(2);
    expect(summaryOf(await loadWorkingSet(db)).women).toBe(2);
    expect((await listImports(db)).map((h) => h.id)).toEqual([summary.id]);
    expect(globalThis.indexedDB).toBeUndefined();
    db.close();
  });

  it('each one starts empty: nothing carries over from an earlier one of the same name', async () => {
    const first = await openMemoryDb('waymark');
    await commitImport(first, pendingOf([makeBlock('cases', cases)]));
    first.close();
    const second = await openMemoryDb('waymark');
    expect(await second.blocks.count()).toBe(0);
    expect(await second.imports.count()).toBe(0);
    second.close();
  });
});
