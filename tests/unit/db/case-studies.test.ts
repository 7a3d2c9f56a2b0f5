import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { allowWrites, DataDeletedError, openDb, WaymarkDb } from '../../../src/db/db';
import { deleteAllData } from '../../../src/db/delete-all';
import { deleteCaseStudy, getCaseStudy, listCaseStudies, saveCaseStudy } from '../../../src/db/case-studies';
import type { CaseStudy } from '../../../src/domain/case-study';
import { freshDb } from './helpers';

function study(title: string): CaseStudy {
  return {
    title,
    contentNote: 'Note',
    caseKey: null,
    steps: [{ id: 'a', fromMonth: 0, toMonth: 1, heading: 'H', text: 'T', lanes: ['risk'] }],
    options: { showArea: false, includedDetails: [] },
    journey: { ageBand: null, area: null, ethnicity: null, needs: [], lastMonth: 3, events: [] },
    updatedAt: 0,
  };
}

describe('case studies in IndexedDB', () => {
  it('are saved, listed newest first, updated and deleted', async () => {
    const db = openDb('cs-test-1');
    const a = await saveCaseStudy(db, study('A'));
    await new Promise((r) => setTimeout(r, 5));
    const b = await saveCaseStudy(db, study('B'));
    expect((await listCaseStudies(db)).map((s) => s.title)).toEqual(['B', 'A']);
    const got = (await getCaseStudy(db, a))!;
    await new Promise((r) => setTimeout(r, 5));
    await saveCaseStudy(db, { ...got, title: 'A2' });
    expect((await listCaseStudies(db)).map((s) => s.title)).toEqual(['A2', 'B']);
    await deleteCaseStudy(db, b);
    expect((await listCaseStudies(db)).map((s) => s.title)).toEqual(['A2']);
  });

  it('upgrade a version 1 database and keep its tables', async () => {
    const name = 'cs-test-upgrade';
    const v1 = new Dexie(name);
    v1.version(1).stores({ imports: '++id, importedAt', blocks: '++id, importId, kind', settings: 'key' });
    await v1.table('settings').put({ key: 'k', value: 1 });
    v1.close();
    const db = new WaymarkDb(name);
    expect((await db.settings.get('k'))?.value).toBe(1);
    await saveCaseStudy(db, study('C'));
    expect(await db.caseStudies.count()).toBe(1);
    db.close();
  });

  it('are removed by delete all data', async () => {
    const db = openDb();
    await saveCaseStudy(db, study('D'));
    await deleteAllData();
    const again = openDb();
    expect(await again.caseStudies.count()).toBe(0);
    // Until the user starts again, nothing is written: an editor left open cannot bring it back.
    await expect(saveCaseStudy(again, study('D'))).rejects.toBeInstanceOf(DataDeletedError);
    expect(await again.caseStudies.count()).toBe(0);
    allowWrites();
    await saveCaseStudy(again, study('E'));
    expect(await again.caseStudies.count()).toBe(1);
  });

  it('get an unknown id as undefined and keep a Svelte-free plain copy', async () => {
    const db = freshDb();
    expect(await getCaseStudy(db, 99)).toBeUndefined();
    const original = study('E');
    const id = await saveCaseStudy(db, original);
    const stored = (await getCaseStudy(db, id))!;
    expect(stored.title).toBe('E');
    expect(stored.updatedAt).toBeGreaterThan(0);
    expect(original.updatedAt).toBe(0);
  });

  it('surface a failed write as an error and leave the table as it was', async () => {
    const db = freshDb();
    const id = await saveCaseStudy(db, study('F'));
    const fail = () => {
      throw new Error('quota exceeded');
    };
    db.caseStudies.hook('creating', fail);
    db.caseStudies.hook('updating', fail);
    db.caseStudies.hook('deleting', fail);
    try {
      await expect(saveCaseStudy(db, study('G'))).rejects.toThrow('quota exceeded');
      await expect(saveCaseStudy(db, { ...(await getCaseStudy(db, id))!, title: 'F2' })).rejects.toThrow('quota exceeded');
      await expect(deleteCaseStudy(db, id)).rejects.toThrow('quota exceeded');
    } finally {
      db.caseStudies.hook('creating').unsubscribe(fail);
      db.caseStudies.hook('updating').unsubscribe(fail);
      db.caseStudies.hook('deleting').unsubscribe(fail);
    }
    expect((await listCaseStudies(db)).map((s) => s.title)).toEqual(['F']);
  });
});
