import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { commitImport } from '../../../src/db/import-batch';
import { loadWorkingSet } from '../../../src/db/load-working-set';
import { recordsOf } from '../../../src/data/working-set';
import { listImports } from '../../../src/db/history';
import { getCaseStudy, listCaseStudies, saveCaseStudy } from '../../../src/db/case-studies';
import { changePassphrase, encryptStore, unlockStore } from '../../../src/db/vault-store';
import { LockedError, setVaultKey, WrongPassphraseError } from '../../../src/db/vault';
import { packValue, unpackValue } from '../../../src/db/pack';
import { day, freshDb, makeBlock, pendingOf } from './helpers';
import type { CaseStudy } from '../../../src/domain/case-study';
import type { WaymarkDb } from '../../../src/db/db';

const incidents = [
  { incident_id: 'INC-778', case_id: 'MRP-0042', date: '2014-03-17', kind: 'crime' },
  { incident_id: 'INC-779', case_id: 'MRP-0042', date: '2014-05-02', kind: 'non_crime' },
];

/** Every stored record's bytes and strings, as a script reading IndexedDB would see them. */
async function rawText(db: WaymarkDb): Promise<string> {
  const parts: string[] = [];
  const walk = (v: unknown): void => {
    if (v instanceof ArrayBuffer) parts.push(new TextDecoder('latin1').decode(v));
    else if (ArrayBuffer.isView(v)) parts.push(new TextDecoder('latin1').decode(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)), Array.from(v as unknown as ArrayLike<number>).join(','));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    else parts.push(String(v));
  };
  for (const table of db.tables) walk(await table.toArray());
  return parts.join('\n');
}

function study(caseId: string): CaseStudy {
  return { caseKey: caseId, title: 'Her story', contentNote: `Met ${caseId} on 17 March 2014`, steps: [], updatedAt: 0 } as unknown as CaseStudy;
}

afterEach(() => setVaultKey('plain'));

describe('packValue', () => {
  it('keeps structure, typed arrays and the numbers JSON cannot hold', () => {
    const value = { a: [1, NaN, -0, Infinity, null, 'x'], t: Int32Array.from([3, -4]), f: { g: Float64Array.from([NaN, 2.5]) }, s: 'é' };
    const back = unpackValue<typeof value>(packValue(value));
    expect(back.a.slice(0, 2)).toEqual([1, NaN]);
    expect(Object.is(back.a[2], -0)).toBe(true);
    expect(back.a.slice(3)).toEqual([Infinity, null, 'x']);
    expect(back.t).toEqual(Int32Array.from([3, -4]));
    expect(back.f.g).toEqual(Float64Array.from([NaN, 2.5]));
    expect(back.s).toBe('é');
  });
});

describe('encryption at rest', () => {
  it('seals everything stored in place, and nothing readable remains', async () => {
    const db = freshDb();
    await commitImport(db, pendingOf([makeBlock('incidents', incidents)]));
    await saveCaseStudy(db, study('MRP-0042'));
    expect(await rawText(db)).toContain('MRP-0042');
    await encryptStore(db, 'correct horse battery staple');
    const raw = await rawText(db);
    for (const secret of ['MRP-0042', 'INC-778', 'crime', '17 March 2014', String(day('2014-03-17'))]) expect(raw).not.toContain(secret);
    // With the key, everything reads as before.
    expect(recordsOf(await loadWorkingSet(db), 'MRP-0042').incidents.map((r) => r.incident_id)).toEqual(['INC-778', 'INC-779']);
    expect((await listCaseStudies(db))[0].contentNote).toContain('MRP-0042');
  }, 30_000);

  it('seals what is written afterwards, refuses to read while locked, and unlocks only with the passphrase', async () => {
    const db = freshDb();
    await encryptStore(db, 'pass one');
    await commitImport(db, pendingOf([makeBlock('incidents', incidents)]));
    const id = await saveCaseStudy(db, study('MRP-0042'));
    expect(await rawText(db)).not.toContain('MRP-0042');

    setVaultKey('locked');
    await expect(loadWorkingSet(db)).rejects.toBeInstanceOf(LockedError);
    await expect(listImports(db)).rejects.toBeInstanceOf(LockedError);
    await expect(saveCaseStudy(db, study('MRP-0043'))).rejects.toBeInstanceOf(LockedError);
    await expect(unlockStore(db, 'pass two')).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(loadWorkingSet(db)).rejects.toBeInstanceOf(LockedError);

    await unlockStore(db, 'pass one');
    expect((await getCaseStudy(db, id))!.contentNote).toContain('MRP-0042');
    expect((await listImports(db))[0].rowsImported).toBe(2);
  }, 30_000);

  it('changes the passphrase: the old one no longer opens the store', async () => {
    const db = freshDb();
    await commitImport(db, pendingOf([makeBlock('incidents', incidents)]));
    await encryptStore(db, 'old words');
    await expect(changePassphrase(db, 'wrong', 'new words')).rejects.toBeInstanceOf(WrongPassphraseError);
    await changePassphrase(db, 'old words', 'new words');
    setVaultKey('locked');
    await expect(unlockStore(db, 'old words')).rejects.toBeInstanceOf(WrongPassphraseError);
    await unlockStore(db, 'new words');
    expect(recordsOf(await loadWorkingSet(db), 'MRP-0042').incidents).toHaveLength(2);
  }, 30_000);
});
