import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { CHANGES_LIST_CAP, commitImport } from '../../../src/db/import-batch';
import { acceptChanges, dismissChanges, undoAcceptedChanges, undoImport, UndoRefused } from '../../../src/db/extract-changes';
import { digestStore } from '../../../src/db/store-digest';
import { loadWorkingSet } from '../../../src/db/load-working-set';
import { recordsOf, summaryOf } from '../../../src/data/working-set';
import { listImports } from '../../../src/db/history';
import { blockRecord, openDb, readBlock, readBlocks, type WaymarkDb } from '../../../src/db/db';
import { day, freshDb, makeBlock, pendingOf, type RowInput } from './helpers';
import type { Kind } from '../../../src/domain/contract';

const cases = [
  { case_id: 'C1', area: 'City', referral_date: '2014-03-01', age_at_referral: 30, disability: false },
  { case_id: 'C2', area: 'County North', referral_date: '2014-04-01', age_at_referral: 41 },
];
const incidents = [
  { incident_id: 'INC1', case_id: 'C1', date: '2014-03-17', kind: 'crime', offence: 'harassment', outcome: 'pending' },
  { incident_id: 'INC2', case_id: 'C1', date: '2014-05-02', kind: 'crime', offence: 'common_assault', outcome: 'nfa' },
  { incident_id: 'INC3', case_id: 'C2', date: '2015-06-30', kind: 'domestic_incident' },
];
const phone = { case_id: 'C1', date: '2014-03-17', mode: 'phone', result: 'attempted' };

async function firstImport(db: WaymarkDb) {
  return commitImport(
    db,
    pendingOf([
      { block: makeBlock('cases', cases), fileName: 'cases.csv' },
      { block: makeBlock('incidents', incidents), fileName: 'incidents.csv' },
      { block: makeBlock('contacts', [phone, phone, { ...phone, result: 'successful' }]), fileName: 'contacts.csv' },
    ]),
    { now: 1000 },
  );
}

/** A second extract: INC1 charged, INC2 changed twice in value, C1 closed, one new incident. */
async function secondExtract(db: WaymarkDb, extra: { block: ReturnType<typeof makeBlock>; fileName: string }[] = []) {
  return commitImport(
    db,
    pendingOf([
      {
        block: makeBlock('incidents', [
          { ...incidents[0], outcome: 'charge_summons' },
          { ...incidents[1], outcome: 'charge_summons', offence: 'harassment' },
          incidents[2],
          { incident_id: 'INC4', case_id: 'C2', date: '2016-01-01', kind: 'crime' },
        ]),
        fileName: 'incidents-2.csv',
      },
      { block: makeBlock('cases', [{ ...cases[0], closure_date: '2015-01-31', disability: null }, cases[1]]), fileName: 'cases-2.csv' },
      ...extra,
    ]),
    { now: 2000 },
  );
}

function incidentOf(ws: Awaited<ReturnType<typeof loadWorkingSet>>, caseId: string, id: string) {
  return recordsOf(ws, caseId).incidents.find((r) => r.incident_id === id);
}

describe('update detection', () => {
  it('holds rows whose key is stored with other values as changes, listed per file, changing nothing', async () => {
    const db = freshDb();
    await firstImport(db);
    const before = await digestStore(db);
    const s = await secondExtract(db);
    expect(s.files.map((f) => [f.fileName, f.rowsImported, f.rowsAlreadyPresent, f.rowsChanged, f.rowsQuarantined])).toEqual([
      ['incidents-2.csv', 1, 1, 2, 0],
      ['cases-2.csv', 0, 1, 1, 0],
    ]);
    expect(s.changes.map((c) => [c.fileName, c.kind, c.rows, c.cells, c.status])).toEqual([
      ['incidents-2.csv', 'incidents', 2, 3, 'pending'],
      ['cases-2.csv', 'cases', 1, 2, 'pending'],
    ]);
    expect(s.changes[0].listed).toEqual([
      { key: 'INC1', line: 2, column: 'outcome', stored: 'pending', incoming: 'charge_summons' },
      { key: 'INC2', line: 3, column: 'offence', stored: 'common_assault', incoming: 'harassment' },
      { key: 'INC2', line: 3, column: 'outcome', stored: 'nfa', incoming: 'charge_summons' },
    ]);
    expect(s.changes[1].listed).toEqual([
      { key: 'C1', line: 2, column: 'closure_date', stored: null, incoming: '2015-01-31' },
      { key: 'C1', line: 2, column: 'disability', stored: 'no', incoming: null },
    ]);
    const ws = await loadWorkingSet(db);
    expect(incidentOf(ws, 'C1', 'INC1')).toMatchObject({ outcome: 'pending' });
    expect(recordsOf(ws, 'C1').cases[0]).toMatchObject({ closure_date: null, disability: false });
    expect(summaryOf(ws).rowsByKind.incidents).toBe(4);
    // Undoing this import gives back the store as it was.
    await undoImport(db, s.id);
    expect(await digestStore(db)).toBe(before);
  });

  it('quarantines a key repeated with other values inside one file and across files of one import', async () => {
    const db = freshDb();
    await firstImport(db);
    const s = await commitImport(
      db,
      pendingOf([
        {
          block: makeBlock('incidents', [
            { ...incidents[0], outcome: 'charge_summons' },
            { ...incidents[0], outcome: 'caution' },
            { ...incidents[0], outcome: 'charge_summons' },
            { incident_id: 'INC5', case_id: 'C2', date: '2016-01-01', kind: 'crime' },
          ]),
          fileName: 'a.csv',
        },
        { block: makeBlock('incidents', [{ incident_id: 'INC5', case_id: 'C2', date: '2016-01-02', kind: 'crime' }, incidents[1]], { firstLine: 2 }), fileName: 'b.csv' },
      ]),
    );
    expect(s.files.map((f) => [f.fileName, f.rowsImported, f.rowsAlreadyPresent, f.rowsChanged, f.rowsQuarantined])).toEqual([
      ['a.csv', 1, 1, 1, 1],
      ['b.csv', 0, 1, 0, 1],
    ]);
    expect(s.files[0].quarantined).toEqual([
      {
        line: 3,
        column: 'incident_id',
        value: 'INC1',
        reason: 'incident_id already in this import (a.csv line 2) with different values (outcome)',
        // The earlier row is itself a pending change, not a stored row.
        repeatOf: { fileName: 'a.csv', line: 2, stored: false, differences: [{ column: 'outcome', earlier: 'charge_summons', later: 'caution' }] },
      },
    ]);
    expect(s.files[1].quarantined[0]).toMatchObject({
      reason: 'incident_id already in this import (a.csv line 5) with different values (date)',
      repeatOf: { fileName: 'a.csv', line: 5, stored: true, differences: [{ column: 'date', earlier: '2016-01-01', later: '2016-01-02' }] },
    });
    expect(s.changes.map((c) => [c.fileName, c.rows])).toEqual([['a.csv', 1]]);
  });

  it('quarantines a row that disagrees with an earlier row of the import equal to the stored one', async () => {
    const db = freshDb();
    await firstImport(db);
    const s = await commitImport(db, pendingOf([makeBlock('incidents', [incidents[0], { ...incidents[0], outcome: 'caution' }])]));
    expect(s.files[0]).toMatchObject({ rowsAlreadyPresent: 1, rowsQuarantined: 1, rowsChanged: 0 });
    expect(s.changes).toEqual([]);
  });

  it('keeps contacts counts: a re-imported contact is present, not added to the count', async () => {
    const db = freshDb();
    await firstImport(db);
    const before = await digestStore(db);
    const s = await commitImport(db, pendingOf([makeBlock('contacts', [phone, phone, phone])]));
    expect(s.files[0]).toMatchObject({ rowsImported: 0, rowsAlreadyPresent: 3, rowsChanged: 0 });
    expect(recordsOf(await loadWorkingSet(db), 'C1').contacts.map((c) => c.count)).toEqual([2, 1]);
    await undoImport(db, s.id);
    expect(await digestStore(db)).toBe(before);
  });

  it('counts every change exactly and lists at most CHANGES_LIST_CAP cells per file', async () => {
    const db = freshDb();
    const n = CHANGES_LIST_CAP + 50;
    const rows: RowInput[] = Array.from({ length: n }, (_, i) => ({ incident_id: `I${i}`, case_id: 'C1', date: '2014-01-01', kind: 'crime', outcome: 'pending' }));
    await commitImport(db, pendingOf([makeBlock('incidents', rows)]));
    const s = await commitImport(db, pendingOf([makeBlock('incidents', rows.map((r) => ({ ...r, outcome: 'nfa', date: '2014-01-02' })))]));
    expect(s.changes[0]).toMatchObject({ rows: n, cells: 2 * n });
    expect(s.changes[0].listed).toHaveLength(CHANGES_LIST_CAP);
    await acceptChanges(db, s.id, 'all');
    const ws = await loadWorkingSet(db);
    expect(recordsOf(ws, 'C1').incidents.every((r) => r.outcome === 'nfa' && r.date === day('2014-01-02'))).toBe(true);
  });
});

describe('accepting changes', () => {
  it('writes one file\'s new values, then the rest with all; a later re-import finds them present', async () => {
    const db = freshDb();
    await firstImport(db);
    const s = await secondExtract(db);
    const afterImport = await digestStore(db);

    const one = await acceptChanges(db, s.id, 0, 5000);
    expect(one.changes.map((c) => [c.status, c.resolvedAt])).toEqual([
      ['accepted', 5000],
      ['pending', null],
    ]);
    let ws = await loadWorkingSet(db);
    expect(incidentOf(ws, 'C1', 'INC1')).toMatchObject({ outcome: 'charge_summons' });
    expect(incidentOf(ws, 'C1', 'INC2')).toMatchObject({ outcome: 'charge_summons', offence: 'harassment' });
    expect(recordsOf(ws, 'C1').cases[0]).toMatchObject({ closure_date: null });

    const all = await acceptChanges(db, s.id, 'all');
    expect(all.changes.map((c) => c.status)).toEqual(['accepted', 'accepted']);
    ws = await loadWorkingSet(db);
    expect(recordsOf(ws, 'C1').cases[0]).toMatchObject({ closure_date: day('2015-01-31'), disability: null, area: 'City' });
    expect((await listImports(db))[0].changes.map((c) => c.status)).toEqual(['accepted', 'accepted']);

    const again = await secondExtract(db);
    expect(again.changes).toEqual([]);
    expect(again.rowsAlreadyPresent).toBe(6);
    await undoImport(db, again.id);

    // Undoing the accepted changes one file at a time puts them back to pending (the two files
    // hold different kinds of record, so either can go first).
    await undoAcceptedChanges(db, s.id, 0);
    const back = await undoAcceptedChanges(db, s.id, 1);
    expect(back.changes.map((c) => [c.status, c.resolvedAt])).toEqual([
      ['pending', null],
      ['pending', null],
    ]);
    expect(await digestStore(db)).toBe(afterImport);
  });

  it('dismissing keeps the stored values and drops the held rows', async () => {
    const db = freshDb();
    await firstImport(db);
    const s = await secondExtract(db);
    const blocks = await db.blocks.toArray();
    const d = await dismissChanges(db, s.id, 'all');
    expect(d.changes.map((c) => c.status)).toEqual(['dismissed', 'dismissed']);
    expect(await db.blocks.toArray()).toEqual(blocks);
    expect((await db.imports.get(s.id))!.pendingRows).toEqual([null, null]);
    await acceptChanges(db, s.id, 'all');
    expect(await db.blocks.toArray()).toEqual(blocks);
  });
});

describe('accepted changes laid over the stored rows', () => {
  it('a third extract is compared with the accepted values, and the later accept wins on the same row', async () => {
    const db = freshDb();
    await firstImport(db);
    const s = await secondExtract(db);
    await acceptChanges(db, s.id, 'all');
    const third = await commitImport(
      db,
      pendingOf([{ block: makeBlock('incidents', [{ ...incidents[0], outcome: 'caution' }]), fileName: 'incidents-3.csv' }]),
      { now: 3000 },
    );
    // Compared with charge_summons (accepted), not with the pending first stored.
    expect(third.changes[0].listed).toEqual([
      expect.objectContaining({ column: 'outcome', stored: 'charge_summons', incoming: 'caution' }),
    ]);
    await acceptChanges(db, third.id, 'all');
    expect(incidentOf(await loadWorkingSet(db), 'C1', 'INC1')).toMatchObject({ outcome: 'caution' });
    await undoImport(db, third.id);
    expect(incidentOf(await loadWorkingSet(db), 'C1', 'INC1')).toMatchObject({ outcome: 'charge_summons' });
  });

  it('holds only the words its rows use, not the whole dictionary of the file', async () => {
    const db = freshDb();
    await firstImport(db);
    const s = await secondExtract(db);
    const record = (await db.imports.get(s.id))!;
    const held = record.pendingRows[0]!;
    // INC1 and INC2 changed; INC3 (unchanged) and INC4 (new) are in the file but not held.
    expect(held.rowCount).toBe(2);
    const ids = held.columns.incident_id;
    expect(ids.type === 'dict' && [...ids.dict].filter((w) => w !== '').sort()).toEqual(['INC1', 'INC2']);
  });

  it('refuses to accept changes whose stored rows are gone, and changes nothing', async () => {
    const db = freshDb();
    await firstImport(db);
    const s = await secondExtract(db);
    const incidentsBlock = (await db.blocks.where('kind').equals('incidents').first())!;
    await db.blocks.delete(incidentsBlock.id!);
    const digest = await digestStore(db);
    await expect(acceptChanges(db, s.id, 0)).rejects.toThrow(/no longer stored; nothing was changed/);
    expect(await digestStore(db)).toBe(digest);
  });
});

describe('undo with digests', () => {
  it('a plain import', async () => {
    const db = freshDb();
    const empty = await digestStore(db);
    const s = await firstImport(db);
    expect(await digestStore(db)).not.toBe(empty);
    await undoImport(db, s.id);
    expect(await digestStore(db)).toBe(empty);
    expect(await db.blocks.count()).toBe(0);
  });

  it('an import with all changes accepted (incidents and cases)', async () => {
    const db = freshDb();
    await firstImport(db);
    const before = await digestStore(db);
    const s = await secondExtract(db);
    await acceptChanges(db, s.id, 'all');
    expect(await digestStore(db)).not.toBe(before);
    await undoImport(db, s.id);
    expect(await digestStore(db)).toBe(before);
    const ws = await loadWorkingSet(db);
    expect(incidentOf(ws, 'C1', 'INC1')).toMatchObject({ outcome: 'pending' });
    expect(recordsOf(ws, 'C1').cases[0]).toMatchObject({ closure_date: null, disability: false });
    expect(summaryOf(ws).rowsByKind.incidents).toBe(3);
  });

  it('an import with part of its changes accepted, and a cases column the stored blocks lacked', async () => {
    const db = freshDb();
    await firstImport(db);
    const stored = await readBlocks(await db.blocks.where('kind').equals('cases').toArray());
    delete stored[0].columns.closure_date;
    await db.blocks.bulkPut(await Promise.all(stored.map(async (b) => ({ ...(await blockRecord(b.importId, b.kind, b)), id: b.id }))));
    const before = await digestStore(db);
    const s = await secondExtract(db);
    expect(s.changes[1].fileName).toBe('cases-2.csv');
    const blocksBefore = await db.blocks.toArray();
    await acceptChanges(db, s.id, 1);
    // Accepting rewrites no stored block: the new values are laid over them when read.
    expect(await db.blocks.toArray()).toEqual(blocksBefore);
    expect((await readBlock((await db.blocks.where('kind').equals('cases').first())!)).columns.closure_date).toBeUndefined();
    expect(incidentOf(await loadWorkingSet(db), 'C1', 'INC1')).toMatchObject({ outcome: 'pending' });
    expect(recordsOf(await loadWorkingSet(db), 'C1').cases[0]).toMatchObject({ closure_date: day('2015-01-31') });
    await undoImport(db, s.id);
    expect(await digestStore(db)).toBe(before);
  });

  it('an import whose changes were accepted, undone and accepted again', async () => {
    const db = freshDb();
    await firstImport(db);
    const before = await digestStore(db);
    const s = await secondExtract(db);
    await acceptChanges(db, s.id, 'all');
    await undoAcceptedChanges(db, s.id, 1);
    await acceptChanges(db, s.id, 1);
    await undoImport(db, s.id);
    expect(await digestStore(db)).toBe(before);
  });
});

describe('undo order', () => {
  it('refuses to undo an import a later import of the same kind relied on, naming it, and changes nothing', async () => {
    const db = freshDb();
    const first = await firstImport(db);
    const second = await secondExtract(db);
    const digest = await digestStore(db);
    const refusal = await undoImport(db, first.id).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(UndoRefused);
    expect((refusal as UndoRefused).later).toEqual({
      importId: second.id,
      importedAt: 2000,
      fileNames: ['incidents-2.csv', 'cases-2.csv'],
      acceptedFile: null,
    });
    expect((refusal as UndoRefused).message).toMatch(/undo the later one first/);
    expect(await digestStore(db)).toBe(digest);
    await undoImport(db, second.id);
    await undoImport(db, first.id);
    expect(await db.imports.count()).toBe(0);
  });

  it('allows undoing an import when the later ones hold other kinds of record', async () => {
    const db = freshDb();
    const first = await commitImport(db, pendingOf([makeBlock('incidents', incidents)]));
    const before = await digestStore(db);
    const other = await commitImport(db, pendingOf([makeBlock('cases', cases)]));
    await undoImport(db, first.id);
    const ws = await loadWorkingSet(db);
    expect(summaryOf(ws).rowsByKind.incidents ?? 0).toBe(0);
    expect(summaryOf(ws).women).toBe(2);
    await commitImport(db, pendingOf([makeBlock('incidents', incidents)]));
    expect(await digestStore(db)).not.toBe(before);
    await undoImport(db, other.id);
  });

  it('refuses to undo a later import while changes accepted after it rely on the same rows', async () => {
    const db = freshDb();
    await firstImport(db);
    const second = await secondExtract(db);
    const third = await commitImport(db, pendingOf([makeBlock('incidents', [{ incident_id: 'INC9', case_id: 'C2', date: '2017-01-01', kind: 'crime' }])]));
    await acceptChanges(db, second.id, 0);
    const digest = await digestStore(db);
    const refusal = (await undoImport(db, third.id).catch((e: unknown) => e)) as UndoRefused;
    expect(refusal).toBeInstanceOf(UndoRefused);
    expect(refusal.later).toMatchObject({ importId: second.id, acceptedFile: 'incidents-2.csv' });
    await expect(undoImport(db, second.id)).rejects.toBeInstanceOf(UndoRefused);
    expect(await digestStore(db)).toBe(digest);
    await undoAcceptedChanges(db, second.id, 0);
    await undoImport(db, third.id);
    await undoImport(db, second.id);
  });

  it('undoes a rolled-back import by removing its report', async () => {
    const db = freshDb();
    await firstImport(db);
    const before = await digestStore(db);
    const pending = pendingOf([makeBlock('incidents', [incidents[0]])], { allOrNothing: true });
    pending.files[0].rowsQuarantined = 1;
    pending.files[0].quarantined.push({ line: 3, column: 'date', value: 'x', reason: 'not a date' });
    const s = await commitImport(db, pending);
    expect(s.rolledBack).toBe(true);
    await undoImport(db, s.id);
    expect(await digestStore(db)).toBe(before);
  });
});

describe('failures leave the store unchanged', () => {
  it('when writing the accepted values fails', async () => {
    const db = freshDb();
    await firstImport(db);
    const s = await secondExtract(db);
    const digest = await digestStore(db);
    const fail = () => {
      throw new Error('quota exceeded');
    };
    db.imports.hook('updating', fail);
    try {
      await expect(acceptChanges(db, s.id, 'all')).rejects.toThrow('quota exceeded');
    } finally {
      db.imports.hook('updating').unsubscribe(fail);
    }
    expect(await digestStore(db)).toBe(digest);
  });

  it('when removing the import fails half-way through an undo', async () => {
    const db = freshDb();
    await firstImport(db);
    const s = await secondExtract(db);
    await acceptChanges(db, s.id, 'all');
    const digest = await digestStore(db);
    const fail = () => {
      throw new Error('disk error');
    };
    db.imports.hook('deleting', fail);
    try {
      await expect(undoImport(db, s.id)).rejects.toThrow('disk error');
    } finally {
      db.imports.hook('deleting').unsubscribe(fail);
    }
    expect(await digestStore(db)).toBe(digest);
  });
});

describe('digestStore', () => {
  it('changes with any stored value: a typed-array cell, a dictionary word, a report field', async () => {
    const db = freshDb();
    await firstImport(db);
    const base = await digestStore(db);
    const [block] = await readBlocks(await db.blocks.where('kind').equals('incidents').toArray());
    const put = async () => db.blocks.put({ ...(await blockRecord(block.importId, block.kind, block)), id: block.id });
    const date = block.columns.date as { values: Int32Array };
    date.values[0]++;
    await put();
    const cell = await digestStore(db);
    expect(cell).not.toBe(base);
    date.values[0]--;
    const dict = block.columns.outcome as { dict: string[] };
    dict.dict[1] = dict.dict[1] + ' ';
    await put();
    expect(await digestStore(db)).not.toBe(base);
    dict.dict[1] = dict.dict[1].trim();
    await put();
    expect(await digestStore(db)).toBe(base);
    const [record] = await db.imports.toArray();
    await db.imports.put({ ...record, rowsImported: record.rowsImported + 1 });
    expect(await digestStore(db)).not.toBe(base);
  });
});

describe('upgrade to version 4', () => {
  it('turns an old record\'s pending case conflicts into pending changes that can be accepted and undone', async () => {
    const name = `waymark-upgrade-${process.pid}-${Math.random()}`;
    const old = new Dexie(name);
    old.version(2).stores({ imports: '++id, importedAt', blocks: '++id, importId, kind', settings: 'key', caseStudies: '++id, updatedAt' });
    const first = makeBlock('cases', cases);
    delete first.columns.__line;
    await old.table('blocks').add({ importId: 1, kind: 'cases', rowCount: 2, columns: first.columns });
    const oldReport = {
      files: [{ fileName: 'cases-2.csv', kind: 'cases', rowsRead: 1, rowsImported: 0, rowsQuarantined: 0, rowsAlreadyPresent: 0, ignoredColumns: [], droppedColumns: [], encoding: 'utf-8', delimiter: ',', notes: [], quarantined: [], rowsInCaseConflict: 1 }],
      privacyFindings: [],
      privacyFindingsOmitted: 0,
      rowsImported: 0,
      rowsQuarantined: 0,
      rowsAlreadyPresent: 0,
      allOrNothing: false,
      rolledBack: false,
    };
    await old.table('imports').add({ ...oldReport, importedAt: 1000, files: [{ ...oldReport.files[0], fileName: 'cases.csv', rowsRead: 2, rowsImported: 2, rowsInCaseConflict: 0 }], caseConflicts: [], caseConflictResolution: null, pendingCases: null });
    const held = makeBlock('cases', [{ ...cases[1], area: 'County South' }]);
    delete held.columns.__line;
    await old.table('imports').add({
      ...oldReport,
      importedAt: 2000,
      caseConflicts: [{ caseId: 'C2', fileName: 'cases-2.csv', line: 2, differences: [{ field: 'area', stored: 'County North', incoming: 'County South' }] }],
      caseConflictResolution: null,
      pendingCases: { rowCount: 1, columns: held.columns },
    });
    old.close();

    const db = openDb(name);
    const records = await db.imports.toArray();
    expect(records.map((r) => [r.seq, r.lastSeq])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    for (const r of records) {
      expect(r).not.toHaveProperty('caseConflicts');
      expect(r).not.toHaveProperty('pendingCases');
      expect(r.files[0]).not.toHaveProperty('rowsInCaseConflict');
    }
    expect(records[1].files[0].rowsChanged).toBe(1);
    expect(records[1].changes).toEqual([
      {
        fileName: 'cases-2.csv',
        kind: 'cases',
        rows: 1,
        cells: 1,
        listed: [{ key: 'C2', line: 2, column: 'area', stored: 'County North', incoming: 'County South' }],
        status: 'pending',
        resolvedAt: null,
        undoable: true,
      },
    ]);
    const before = await digestStore(db);
    await acceptChanges(db, 2, 0);
    expect(recordsOf(await loadWorkingSet(db), 'C2').cases[0]).toMatchObject({ area: 'County South' });
    await undoAcceptedChanges(db, 2, 0);
    expect(await digestStore(db)).toBe(before);
    await undoImport(db, 2);
    await undoImport(db, 1);
    expect(await db.blocks.count()).toBe(0);
  });
});

/** Per kind: a stored row, the same row with other values (null: every column is key), a new row. */
const EVERY_KIND: { kind: Kind; row: RowInput; changed: RowInput | null; added: RowInput }[] = [
  { kind: 'cases', row: cases[0], changed: { ...cases[0], closure_date: '2015-01-31', area: 'County South' }, added: { case_id: 'C3', area: 'City', referral_date: '2015-01-01' } },
  { kind: 'incidents', row: incidents[0], changed: { ...incidents[0], outcome: 'charge_summons' }, added: { incident_id: 'INC7', case_id: 'C1', date: '2015-02-01', kind: 'crime' } },
  {
    kind: 'risk_assessments',
    row: { case_id: 'C1', date: '2014-03-01', level: 'medium', score: 11, tool: 'dash', assessor: 'police' },
    changed: { case_id: 'C1', date: '2014-03-01', level: 'high', score: 15, tool: 'dash', assessor: 'police' },
    added: { case_id: 'C1', date: '2014-09-01', level: 'standard', score: 4, tool: 'dash', assessor: 'police' },
  },
  {
    kind: 'support',
    row: { case_id: 'C1', date: '2014-04-01', category: 'housing', status: 'started', agency: 'Council' },
    changed: { case_id: 'C1', date: '2014-04-01', end_date: '2014-08-01', category: 'housing', status: 'completed', agency: 'Council' },
    added: { case_id: 'C1', date: '2014-04-01', category: 'housing', status: 'started', agency: 'Refuge' },
  },
  { kind: 'contacts', row: phone, changed: null, added: { ...phone, result: 'successful' } },
  {
    kind: 'outcomes',
    row: { case_id: 'C1', date: '2014-03-20', tool: 'batteries', domain: 'safety', score: 3, stage: 'intake' },
    changed: { case_id: 'C1', date: '2014-03-20', tool: 'batteries', domain: 'safety', score: 5, stage: 'intake' },
    added: { case_id: 'C1', date: '2014-09-20', tool: 'batteries', domain: 'safety', score: 6, stage: 'review' },
  },
  {
    kind: 'milestones',
    row: { case_id: 'C1', date: '2014-12-15', kind: 'started_education', detail: 'Started a course' },
    changed: { case_id: 'C1', date: '2014-12-15', kind: 'started_education', detail: 'Started a college course' },
    added: { case_id: 'C1', date: '2015-03-14', kind: 'case_closed' },
  },
];

describe('every kind of record', () => {
  const firstOfEvery = (db: WaymarkDb) =>
    commitImport(db, pendingOf(EVERY_KIND.map((k) => ({ block: makeBlock(k.kind, [k.row]), fileName: `${k.kind}.csv` }))), { now: 1000 });
  const secondOfEvery = (db: WaymarkDb) =>
    commitImport(
      db,
      pendingOf(EVERY_KIND.map((k) => ({ block: makeBlock(k.kind, [k.changed ?? k.row, k.added]), fileName: `${k.kind}-2.csv` }))),
      { now: 2000 },
    );

  it('finds one change per kind with a column outside the key, adds the new rows, and stores nothing else', async () => {
    const db = freshDb();
    await firstOfEvery(db);
    const s = await secondOfEvery(db);
    expect(s.changes.map((c) => [c.kind, c.rows])).toEqual(EVERY_KIND.filter((k) => k.changed).map((k) => [k.kind, 1]));
    expect(s.files.map((f) => [f.kind, f.rowsImported, f.rowsChanged, f.rowsAlreadyPresent])).toEqual(
      EVERY_KIND.map((k) => [k.kind, 1, k.changed ? 1 : 0, k.changed ? 0 : 1]),
    );
    expect(s.changes.find((c) => c.kind === 'milestones')!.listed).toEqual([
      { key: 'C1, 2014-12-15, started_education', line: 2, column: 'detail', stored: 'Started a course', incoming: 'Started a college course' },
    ]);
  });

  it('import, accept all, undo: the digest is the one before, kind by kind', async () => {
    for (const { kind } of EVERY_KIND) {
      const db = freshDb();
      const only = EVERY_KIND.filter((k) => k.kind === kind || k.kind === 'cases');
      await commitImport(db, pendingOf(only.map((k) => ({ block: makeBlock(k.kind, [k.row]), fileName: `${k.kind}.csv` }))));
      const before = await digestStore(db);
      const s = await commitImport(db, pendingOf(only.map((k) => ({ block: makeBlock(k.kind, [k.changed ?? k.row, k.added]), fileName: `${k.kind}-2.csv` }))));
      await acceptChanges(db, s.id, 'all');
      expect(await digestStore(db), kind).not.toBe(before);
      await undoImport(db, s.id);
      expect(await digestStore(db), kind).toBe(before);
    }
  });

  it('import, accept file by file in reverse, undo: the digest is the one before, all kinds at once', async () => {
    const db = freshDb();
    await firstOfEvery(db);
    const before = await digestStore(db);
    const s = await secondOfEvery(db);
    for (let i = s.changes.length - 1; i >= 0; i--) await acceptChanges(db, s.id, i);
    const ws = await loadWorkingSet(db);
    expect(recordsOf(ws, 'C1').outcomes.map((o) => o.score)).toEqual([5, 6]);
    expect(recordsOf(ws, 'C1').risk_assessments.map((r) => r.level)).toEqual(['high', 'standard']);
    await undoImport(db, s.id);
    expect(await digestStore(db)).toBe(before);
  });
});

describe('refusal order', () => {
  const incident = (id: string, date: string) => makeBlock('incidents', [{ incident_id: id, case_id: 'C1', date, kind: 'crime' }]);

  it('names the newest later import first, then the next one, and undoes them newest first', async () => {
    const db = freshDb();
    const a = await commitImport(db, pendingOf([incident('INC1', '2014-01-01')]), { now: 1 });
    const b = await commitImport(db, pendingOf([incident('INC2', '2014-02-01')]), { now: 2 });
    const c = await commitImport(db, pendingOf([incident('INC3', '2014-03-01')]), { now: 3 });
    const digest = await digestStore(db);
    await expect(undoImport(db, a.id)).rejects.toMatchObject({ later: { importId: c.id } });
    await expect(undoImport(db, b.id)).rejects.toMatchObject({ later: { importId: c.id } });
    expect(await digestStore(db)).toBe(digest);
    await undoImport(db, c.id);
    await expect(undoImport(db, a.id)).rejects.toMatchObject({ later: { importId: b.id } });
    await undoImport(db, b.id);
    await undoImport(db, a.id);
    expect(await db.imports.count()).toBe(0);
    expect(await db.blocks.count()).toBe(0);
  });

  it('refuses to undo accepted changes that a later import relies on, and an accept later than an import blocks that import', async () => {
    const db = freshDb();
    await firstImport(db);
    const second = await secondExtract(db);
    await acceptChanges(db, second.id, 0);
    const later = await commitImport(db, pendingOf([incident('INC8', '2016-05-01')]), { now: 3000 });
    const digest = await digestStore(db);
    await expect(undoAcceptedChanges(db, second.id, 0)).rejects.toMatchObject({ later: { importId: later.id, acceptedFile: null } });
    expect(await digestStore(db)).toBe(digest);
    await undoImport(db, later.id);
    // With the later import undone, the rest can be accepted and the whole import undone.
    await acceptChanges(db, second.id, 1);
    await expect(undoImport(db, second.id)).resolves.toBeUndefined();
  });
});
