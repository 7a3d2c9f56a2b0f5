import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { commitImport } from '../../../src/db/import-batch';
import { getImport, listImports } from '../../../src/db/history';
import { deleteSetting, getSetting, setSetting } from '../../../src/db/settings';
import { freshDb, makeBlock, pendingOf } from './helpers';

describe('history', () => {
  it('lists imports newest first, without the held rows and undo data', async () => {
    const db = freshDb();
    const a = await commitImport(db, pendingOf([makeBlock('cases', [{ case_id: 'C1', area: 'City', referral_date: '2014-01-01' }])]), { now: 1000 });
    const b = await commitImport(db, pendingOf([makeBlock('cases', [{ case_id: 'C1', area: 'Town', referral_date: '2014-01-01' }])]), { now: 3000 });
    const c = await commitImport(db, pendingOf([makeBlock('cases', [{ case_id: 'C2', area: 'City', referral_date: '2014-01-01' }])]), { now: 2000 });
    const list = await listImports(db);
    expect(list.map((s) => s.id)).toEqual([b.id, c.id, a.id]);
    expect(list[0].changes).toHaveLength(1);
    for (const name of ['pendingRows', 'accepted', 'seq', 'lastSeq']) expect(list[0]).not.toHaveProperty(name);
    expect(await getImport(db, a.id)).toEqual(a);
    expect(await getImport(db, 999)).toBeUndefined();
  });
});

describe('settings', () => {
  it('stores, reads and deletes a setting', async () => {
    const db = freshDb();
    expect(await getSetting(db, 'suppressBelow')).toBeUndefined();
    expect(await getSetting(db, 'suppressBelow', 10)).toBe(10);
    await setSetting(db, 'suppressBelow', 6);
    await setSetting(db, 'engaged', { rule: 'both' });
    expect(await getSetting<number>(db, 'suppressBelow', 10)).toBe(6);
    expect(await getSetting(db, 'engaged')).toEqual({ rule: 'both' });
    await deleteSetting(db, 'suppressBelow');
    expect(await getSetting(db, 'suppressBelow', 10)).toBe(10);
  });
});
