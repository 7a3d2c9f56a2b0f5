import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { commitImport, MAX_ROWS_PER_STORED_BLOCK, QUARANTINE_LIST_CAP } from '../../../src/db/import-batch';
import { readBlocks } from '../../../src/db/db';
import { hashString } from '../../../src/data/dictionary';
import { loadWorkingSet } from '../../../src/db/load-working-set';
import { recordsOf, summaryOf } from '../../../src/data/working-set';
import { getImport, listImports } from '../../../src/db/history';
import { day, freshDb, makeBlock, makeFile, pendingOf, snapshot } from './helpers';
import type { QuarantinedCell } from '../../../src/domain/import-report';

const incidents = [
  { incident_id: 'INC1', case_id: 'C1', date: '2014-03-17', kind: 'crime', offence: 'harassment', dash_risk: 'medium' },
  { incident_id: 'INC2', case_id: 'C1', date: '2014-01-02', kind: 'domestic_incident' },
  { incident_id: 'INC3', case_id: 'C2', date: '2015-06-30', kind: 'crime', outcome: 'other', outcome__raw: 'Referred to CPS' },
];

describe('commitImport', () => {
  it('stores the rows of an import as one block record with its report', async () => {
    const db = freshDb();
    const summary = await commitImport(db, pendingOf([makeBlock('incidents', incidents)]), { now: 1_700_000_000_000 });

    expect(summary.id).toBeGreaterThan(0);
    expect(summary.importedAt).toBe(1_700_000_000_000);
    expect(summary.rowsImported).toBe(3);
    expect(summary.rowsAlreadyPresent).toBe(0);
    expect(summary.rolledBack).toBe(false);
    expect(summary.files[0]).toMatchObject({ rowsImported: 3, rowsQuarantined: 0, rowsAlreadyPresent: 0, quarantinedOmitted: 0 });

    const blocks = await readBlocks(await db.blocks.toArray());
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ importId: summary.id, kind: 'incidents', rowCount: 3 });
    expect(blocks[0].columns.__line).toBeUndefined();
    expect(blocks[0].columns.date).toEqual({ type: 'day', values: Int32Array.from([day('2014-03-17'), day('2014-01-02'), day('2015-06-30')]) });

    const stored = await getImport(db, summary.id);
    expect(stored).toEqual(summary);
  });

  it('adds nothing when the same blocks are imported again', async () => {
    const db = freshDb();
    await commitImport(db, pendingOf([makeBlock('incidents', incidents)]));
    const before = await db.blocks.toArray();

    const again = await commitImport(db, pendingOf([makeBlock('incidents', incidents)]));
    expect(again.rowsImported).toBe(0);
    expect(again.rowsAlreadyPresent).toBe(3);
    expect(again.files[0]).toMatchObject({ rowsRead: 3, rowsImported: 0, rowsAlreadyPresent: 3, rowsQuarantined: 0 });
    expect(await db.blocks.toArray()).toEqual(before);
    expect(summaryOf(await loadWorkingSet(db)).rowsByKind.incidents).toBe(3);
    expect(await db.imports.count()).toBe(2);
  });

  it('dedupes dates written in different forms and dictionaries in different orders', async () => {
    const db = freshDb();
    const iso = [
      { case_id: 'C1', date: '2014-03-17', level: 'high', score: 15, assessor: 'police' },
      { case_id: 'C1', date: '2014-05-01', level: 'medium', assessor: 'mrp_worker' },
    ];
    const uk = [
      { case_id: 'C1', date: '1/5/2014', level: 'medium', assessor: 'mrp_worker' },
      { case_id: 'C1', date: '17/03/2014', level: 'high', score: 15, assessor: 'police' },
      { case_id: 'C1', date: '17/03/2014', level: 'high', score: 15, assessor: 'idva' },
    ];
    await commitImport(db, pendingOf([makeBlock('risk_assessments', iso)]));
    const second = await commitImport(
      db,
      pendingOf([makeBlock('risk_assessments', uk, { seed: ['zz', 'idva', 'police', 'high', 'C9'] })]),
    );
    expect(second.rowsAlreadyPresent).toBe(2);
    expect(second.rowsImported).toBe(1);
    const ws = await loadWorkingSet(db);
    expect(recordsOf(ws, 'C1').risk_assessments.map((r) => [r.date, r.assessor])).toEqual([
      [day('2014-03-17'), 'police'],
      [day('2014-03-17'), 'idva'],
      [day('2014-05-01'), 'mrp_worker'],
    ]);
  });

  it('counts a row repeated within one import once, across files', async () => {
    const db = freshDb();
    const s = await commitImport(
      db,
      pendingOf([
        { block: makeBlock('incidents', incidents), fileName: 'incidents-2014.csv' },
        { block: makeBlock('incidents', [incidents[0]], { firstLine: 9 }), fileName: 'incidents-2015.csv' },
      ]),
    );
    expect(s.files.map((f) => [f.fileName, f.rowsImported, f.rowsAlreadyPresent])).toEqual([
      ['incidents-2014.csv', 3, 0],
      ['incidents-2015.csv', 0, 1],
    ]);
    expect(summaryOf(await loadWorkingSet(db)).rowsByKind.incidents).toBe(3);
  });

  it('keeps a count of repeated contacts and adds nothing when they are imported again', async () => {
    const db = freshDb();
    const phone = { case_id: 'C1', date: '2014-03-17', mode: 'phone', result: 'attempted' };
    const rows = [phone, { ...phone, result: 'successful' }, phone, { ...phone }, { ...phone, date: '2014-03-18' }];
    const first = await commitImport(db, pendingOf([makeBlock('contacts', rows.slice(0, 3)), makeBlock('contacts', rows.slice(3))]));
    expect(first.rowsImported).toBe(5);
    expect(first.rowsAlreadyPresent).toBe(0);

    let contacts = recordsOf(await loadWorkingSet(db), 'C1').contacts;
    expect(contacts.map((c) => [c.date, c.result, c.count])).toEqual([
      [day('2014-03-17'), 'attempted', 3],
      [day('2014-03-17'), 'successful', 1],
      [day('2014-03-18'), 'attempted', 1],
    ]);

    const again = await commitImport(db, pendingOf([makeBlock('contacts', rows)]));
    expect(again.rowsImported).toBe(0);
    expect(again.rowsAlreadyPresent).toBe(5);
    contacts = recordsOf(await loadWorkingSet(db), 'C1').contacts;
    expect(contacts.map((c) => c.count)).toEqual([3, 1, 1]);
    expect(await db.blocks.count()).toBe(1);
  });

  it('holds an incident whose id is stored with different values as a pending change, changing nothing', async () => {
    const db = freshDb();
    await commitImport(db, pendingOf([makeBlock('incidents', incidents)]));
    const blocksBefore = await db.blocks.toArray();
    const changed = [
      { ...incidents[0], date: '2014-03-18', kind: 'domestic_incident' },
      { incident_id: 'INC4', case_id: 'C2', date: '2016-01-01', kind: 'crime' },
    ];
    const pending = pendingOf([makeBlock('incidents', changed, { firstLine: 5 })]);
    pending.files[0].rowsQuarantined = 1;
    pending.files[0].quarantined.push({ line: 4, column: 'date', value: '31/02/2014', reason: 'Impossible date' });
    pending.files[0].rowsRead += 1;

    const s = await commitImport(db, pending);
    expect(s.files[0]).toMatchObject({ rowsRead: 3, rowsImported: 1, rowsQuarantined: 1, rowsAlreadyPresent: 0, rowsChanged: 1 });
    expect(s.files[0].quarantined).toEqual<QuarantinedCell[]>([{ line: 4, column: 'date', value: '31/02/2014', reason: 'Impossible date' }]);
    expect(s.changes).toEqual([
      {
        fileName: 'incidents.csv',
        kind: 'incidents',
        rows: 1,
        cells: 2,
        listed: [
          { key: 'INC1', line: 5, column: 'date', stored: '2014-03-17', incoming: '2014-03-18' },
          { key: 'INC1', line: 5, column: 'kind', stored: 'crime', incoming: 'domestic_incident' },
        ],
        status: 'pending',
        resolvedAt: null,
        undoable: true,
      },
    ]);
    const inc1 = recordsOf(await loadWorkingSet(db), 'C1').incidents.find((r) => r.incident_id === 'INC1');
    expect(inc1).toMatchObject({ date: day('2014-03-17'), kind: 'crime' });
    expect(summaryOf(await loadWorkingSet(db)).rowsByKind.incidents).toBe(4);
    // The stored blocks of the first import are untouched; only INC4 was added.
    expect((await db.blocks.toArray()).slice(0, 1)).toEqual(blocksBefore);
  });

  it('quarantines a second row of the same key with other values within one import', async () => {
    const db = freshDb();
    const s = await commitImport(
      db,
      pendingOf([
        makeBlock('milestones', [
          { case_id: 'C1', date: '2014-03-17', kind: 'separated', detail: 'left home' },
          { case_id: 'C1', date: '2014-03-17', kind: 'separated', detail: 'moved out' },
          { case_id: 'C1', date: '2014-03-17', kind: 'other', kind__raw: 'got a dog' },
          { case_id: 'C1', date: '2014-03-17', kind: 'other', kind__raw: 'went abroad' },
        ]),
      ]),
    );
    expect(s.files[0].rowsImported).toBe(3);
    expect(s.files[0].quarantined).toEqual([
      {
        line: 3,
        column: 'case_id, date, kind',
        value: 'C1, 2014-03-17, separated',
        reason: 'case_id, date, kind already in this import (milestones.csv line 2) with different values (detail)',
        repeatOf: { fileName: 'milestones.csv', line: 2, stored: true, differences: [{ column: 'detail', earlier: 'left home', later: 'moved out' }] },
      },
    ]);
    const kinds = recordsOf(await loadWorkingSet(db), 'C1').milestones.map((m) => [m.kind, m.kind__raw]);
    expect(kinds).toEqual([
      ['separated', null],
      ['other', 'got a dog'],
      ['other', 'went abroad'],
    ]);
  });

  it('caps the stored list of quarantined problems per file', async () => {
    const db = freshDb();
    const pending = pendingOf([makeBlock('incidents', incidents)]);
    const file = pending.files[0];
    for (let i = 0; i < QUARANTINE_LIST_CAP + 1234; i++) {
      file.quarantined.push({ line: 10 + i, column: 'date', value: 'x', reason: 'Not a date' });
    }
    file.rowsQuarantined = QUARANTINE_LIST_CAP + 1234;
    const s = await commitImport(db, pending);
    expect(s.files[0].quarantined).toHaveLength(QUARANTINE_LIST_CAP);
    expect(s.files[0].quarantinedOmitted).toBe(1234);
    expect(s.files[0].rowsQuarantined).toBe(QUARANTINE_LIST_CAP + 1234);
    expect((await getImport(db, s.id))!.files[0].quarantined).toHaveLength(QUARANTINE_LIST_CAP);
    // The worker's list is not changed by the commit.
    expect(file.quarantined).toHaveLength(QUARANTINE_LIST_CAP + 1234);
  });

  it('writes large imports as few records of at most MAX_ROWS_PER_STORED_BLOCK rows', async () => {
    const db = freshDb();
    const n = 2 * MAX_ROWS_PER_STORED_BLOCK + 5;
    const rows = Array.from({ length: n }, (_, i) => ({ case_id: `C${i % 1000}`, date: 16000 + (i % 3000), mode: 'phone', result: i % 2 ? 'attempted' : 'successful' }));
    const blocks = [];
    for (let i = 0; i < n; i += 30_000) blocks.push(makeBlock('contacts', rows.slice(i, i + 30_000), { firstLine: i + 2 }));
    const s = await commitImport(db, pendingOf(blocks));
    // (case, date, mode, result) repeats every 3000 rows: i % 3000 fixes the case and the parity.
    const distinct = 3000;
    expect(s.rowsImported).toBe(n);
    const stored = await db.blocks.toArray();
    expect(stored.map((b) => b.rowCount)).toEqual([distinct]);
    const ws = await loadWorkingSet(db);
    const counts = ws.tables.contacts.columns.count;
    expect(counts.type).toBe('num');
    let sum = 0;
    for (const c of counts.values as Float64Array) sum += c;
    expect(sum).toBe(n);

    const db2 = freshDb();
    const unique = Array.from({ length: n }, (_, i) => ({ incident_id: `I${i}`, case_id: `C${i % 1000}`, date: 16000 + (i % 3000), kind: 'crime' }));
    const parts = [];
    for (let i = 0; i < n; i += 30_000) parts.push(makeBlock('incidents', unique.slice(i, i + 30_000)));
    await commitImport(db2, pendingOf(parts));
    expect((await db2.blocks.toArray()).map((b) => b.rowCount)).toEqual([MAX_ROWS_PER_STORED_BLOCK, MAX_ROWS_PER_STORED_BLOCK, 5]);
    const ws2 = await loadWorkingSet(db2);
    expect(ws2.tables.incidents.rowCount).toBe(n);
    const ids = ws2.tables.incidents.columns.incident_id;
    expect(ids.type === 'dict' && ids.dict[ids.values[n - 1]]).toBe(`I${n - 1}`);
  });

  it('accepts string columns in either encoding and leaves out columns the contract does not know', async () => {
    const db = freshDb();
    const block = makeBlock('incidents', incidents);
    block.columns.case_id = { type: 'text', values: ['C1', 'C1', 'C2'] };
    block.columns.shoe_size = { type: 'num', values: Float64Array.from([1, 2, 3]) };
    await commitImport(db, pendingOf([block]));
    const [stored] = await readBlocks(await db.blocks.toArray());
    expect(stored.columns.case_id).toEqual({ type: 'dict', values: Uint32Array.from([1, 1, 2]), dict: ['', 'C1', 'C2'] });
    expect(stored.columns.shoe_size).toBeUndefined();
    const again = await commitImport(db, pendingOf([makeBlock('incidents', incidents)]));
    expect(again.rowsAlreadyPresent).toBe(3);
  });

  it('refuses a block whose file is of another kind, and writes nothing', async () => {
    const db = freshDb();
    const pending = pendingOf([makeBlock('incidents', incidents)]);
    pending.files[0].kind = 'cases';
    await expect(commitImport(db, pending)).rejects.toThrow(/incidents block refers to incidents.csv/);
    expect(await db.imports.count()).toBe(0);
  });
});

describe('commitImport progress and storage form', () => {
  const contactRows = (n: number, offset = 0) =>
    Array.from({ length: n }, (_, i) => ({
      case_id: `C${(i + offset) % 500}`,
      date: 16000 + ((i + offset) % 4000),
      mode: (i + offset) % 3 ? 'phone' : 'text',
      result: 'attempted',
    }));

  it('reports progress with increasing rows done, ending at the total', async () => {
    const db = freshDb();
    const blocks = [makeBlock('incidents', incidents), makeBlock('contacts', contactRows(2000)), makeBlock('contacts', contactRows(1500, 7))];
    const total = blocks.reduce((n, b) => n + b.rowCount, 0);
    const calls: [number, number][] = [];
    const s = await commitImport(db, pendingOf(blocks), { onProgress: (done, of) => calls.push([done, of]) });
    expect(s.rowsImported + s.rowsAlreadyPresent).toBe(total);
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.every(([, of]) => of === total)).toBe(true);
    for (let i = 1; i < calls.length; i++) expect(calls[i][0]).toBeGreaterThan(calls[i - 1][0]);
    expect(calls.at(-1)).toEqual([total, total]);
  });

  it('reports progress from inside the work when time passes, and ends at the total when rolled back', async () => {
    const db = freshDb();
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 150));
    const calls: number[] = [];
    const blocks = [makeBlock('contacts', contactRows(30_000)), makeBlock('contacts', contactRows(30_000, 3))];
    try {
      await commitImport(db, pendingOf(blocks), { onProgress: (done) => calls.push(done) });
    } finally {
      now.mockRestore();
    }
    // Phase boundaries alone give at most five reports here; the clock is read inside the loops.
    expect(calls.length).toBeGreaterThan(8);
    for (let i = 1; i < calls.length; i++) expect(calls[i]).toBeGreaterThan(calls[i - 1]);
    expect(calls.at(-1)).toBe(60_000);

    const rolled: [number, number][] = [];
    const pending = pendingOf([makeBlock('incidents', incidents)], { allOrNothing: true });
    pending.files[0].rowsQuarantined = 1;
    pending.files[0].quarantined.push({ line: 9, column: 'kind', value: 'x', reason: 'Unknown kind' });
    const s = await commitImport(freshDb(), pending, { onProgress: (done, of) => rolled.push([done, of]) });
    expect(s.rolledBack).toBe(true);
    expect(rolled.at(-1)).toEqual([3, 3]);
  });

  it('reports an empty import as done', async () => {
    const calls: [number, number][] = [];
    await commitImport(freshDb(), pendingOf([]), { onProgress: (done, of) => calls.push([done, of]) });
    expect(calls).toEqual([[0, 0]]);
  });

  it('stores only the dictionary words its rows use, whatever the worker sent', async () => {
    const db = freshDb();
    await commitImport(db, pendingOf([makeBlock('incidents', incidents, { seed: ['zz', 'crime', 'C9'] })]));
    const [stored] = await readBlocks(await db.blocks.toArray());
    for (const name of ['incident_id', 'case_id', 'kind', 'outcome']) {
      const col = stored.columns[name];
      expect(col.type).toBe('dict');
      if (col.type !== 'dict') continue;
      expect(col.dict[0]).toBe('');
      expect(col.dict).not.toContain('zz');
      expect(col.dict).not.toContain('C9');
      expect(new Set(col.values).size).toBe(col.dict.length - (col.values.includes(0) ? 0 : 1));
    }
    expect(recordsOf(await loadWorkingSet(db), 'C1').incidents.map((r) => [r.incident_id, r.kind])).toEqual([
      ['INC2', 'domestic_incident'],
      ['INC1', 'crime'],
    ]);
  });

  it("keys support by agency too: two agencies' same support on the same day are two records", async () => {
    const db = freshDb();
    const support = [
      { case_id: 'C1', date: '2014-02-01', category: 'housing', agency: 'Council housing team', detail: 'Refuge place' },
      { case_id: 'C1', date: '2014-02-01', category: 'housing', agency: 'Housing association', detail: 'Refuge place' },
      { case_id: 'C1', date: '2014-02-01', category: 'housing', detail: 'Refuge place' },
    ];
    const first = await commitImport(db, pendingOf([makeBlock('support', support, { seed: ['Housing association'] })]));
    expect(first.files[0]).toMatchObject({ rowsImported: 3, rowsAlreadyPresent: 0, rowsQuarantined: 0 });
    expect(recordsOf(await loadWorkingSet(db), 'C1').support.map((r) => r.agency)).toEqual([
      'Council housing team',
      'Housing association',
      null,
    ]);

    const again = await commitImport(db, pendingOf([makeBlock('support', [support[1], support[0]])]));
    expect(again.files[0]).toMatchObject({ rowsImported: 0, rowsAlreadyPresent: 2, rowsQuarantined: 0 });
    expect(summaryOf(await loadWorkingSet(db)).rowsByKind.support).toBe(3);
  });

  it('finds repeated keys across blocks whose dictionaries differ, and across kinds of key part', async () => {
    const db = freshDb();
    const first = contactRows(300);
    const again = contactRows(300).reverse();
    const s = await commitImport(
      db,
      pendingOf([
        makeBlock('contacts', first),
        makeBlock('contacts', again, { seed: ['text', 'C7', 'zz', 'phone'] }),
        makeBlock('support', [
          { case_id: 'C1', date: '2014-02-01', category: 'other', category__raw: 'Pet fostering', detail: 'Refuge' },
          { case_id: 'C1', date: '2014-02-01', category: 'other', category__raw: 'Pet fostering', detail: 'Refuge' },
          { case_id: 'C1', date: '2014-02-01', category: 'other', category__raw: 'Dog walking', detail: 'Refuge' },
          { case_id: 'C1', date: '2014-02-01', category: 'other', detail: 'Refuge' },
          { case_id: 'C1', date: '2014-02-01', category: 'other', detail: '' },
          // An empty detail and no detail are the same (unknown).
          { case_id: 'C1', date: '2014-02-01', category: 'other' },
        ]),
      ]),
    );
    expect(s.files.map((f) => [f.fileName, f.rowsImported, f.rowsAlreadyPresent, f.rowsQuarantined])).toEqual([
      ['contacts.csv', 600, 0, 0],
      ['support.csv', 4, 2, 0],
    ]);
    const ws = await loadWorkingSet(db);
    expect(ws.tables.contacts.rowCount).toBe(300);
    const counts = ws.tables.contacts.columns.count;
    expect(counts.type === 'num' && Array.from(counts.values).every((c) => c === 2)).toBe(true);
    expect(recordsOf(ws, 'C1').support.map((r) => [r.category__raw, r.detail])).toEqual([
      ['Pet fostering', 'Refuge'],
      ['Dog walking', 'Refuge'],
      [null, 'Refuge'],
      [null, null],
    ]);
  });
});

describe('keys with equal hashes', () => {
  /** Two incident ids whose hashes are equal, found by search (about 200,000 tries). */
  function collidingIds(): [string, string] {
    const seen = new Map<number, string>();
    for (let i = 0; ; i++) {
      const id = `INC${i}`;
      const other = seen.get(hashString(id));
      if (other !== undefined) return [other, id];
      seen.set(hashString(id), id);
    }
  }
  const [a, b] = collidingIds();
  const row = (id: string, kind = 'crime') => ({ incident_id: id, case_id: 'C1', date: '2014-03-17', kind });

  it('keeps different keys apart, and repeats of each together', async () => {
    expect(a).not.toBe(b);
    expect(hashString(a)).toBe(hashString(b));
    const db = freshDb();
    const s = await commitImport(
      db,
      pendingOf([makeBlock('incidents', [row(a), row(b), row(a), row(b), row(b, 'domestic_incident'), row(a, 'domestic_incident')])]),
    );
    expect(s.files[0]).toMatchObject({ rowsImported: 2, rowsAlreadyPresent: 2, rowsQuarantined: 2 });
    expect(s.files[0].quarantined.map((q) => [q.line, q.value, q.reason])).toEqual([
      [6, b, 'incident_id already in this import (incidents.csv line 3) with different values (kind)'],
      [7, a, 'incident_id already in this import (incidents.csv line 2) with different values (kind)'],
    ]);
    expect(recordsOf(await loadWorkingSet(db), 'C1').incidents.map((r) => r.incident_id)).toEqual([a, b]);
  });

  it('does not take a stored key for an incoming one with the same hash', async () => {
    const db = freshDb();
    await commitImport(db, pendingOf([makeBlock('incidents', [row(a)])]));
    const s = await commitImport(db, pendingOf([makeBlock('incidents', [row(b), row(a), row(b)])]));
    expect(s.files[0]).toMatchObject({ rowsImported: 1, rowsAlreadyPresent: 2, rowsQuarantined: 0 });
    expect(recordsOf(await loadWorkingSet(db), 'C1').incidents.map((r) => r.incident_id)).toEqual([a, b]);
  });
});

describe('all or nothing', () => {
  it('stores only a rolled-back report when the worker quarantined a row', async () => {
    const db = freshDb();
    const pending = pendingOf([makeBlock('incidents', incidents)], { allOrNothing: true });
    pending.files[0].rowsQuarantined = 1;
    pending.files[0].quarantined.push({ line: 7, column: 'kind', value: 'fight', reason: 'Unknown kind' });
    const s = await commitImport(db, pending);
    expect(s.rolledBack).toBe(true);
    expect(s.allOrNothing).toBe(true);
    expect(s.rowsImported).toBe(0);
    expect(s.rowsQuarantined).toBe(1);
    expect(await db.blocks.count()).toBe(0);
    expect(await listImports(db)).toEqual([s]);
  });

  it('rolls back when a row repeats a key of this import with other values, not for changes to stored rows', async () => {
    const db = freshDb();
    await commitImport(db, pendingOf([makeBlock('incidents', incidents)]));
    const blocksBefore = await db.blocks.toArray();
    const withChange = await commitImport(
      db,
      pendingOf([makeBlock('incidents', [{ ...incidents[1], kind: 'crime' }])], { allOrNothing: true }),
    );
    expect(withChange.rolledBack).toBe(false);
    expect(withChange.changes.map((c) => c.rows)).toEqual([1]);
    const s = await commitImport(
      db,
      pendingOf(
        [
          makeBlock('incidents', [
            { incident_id: 'INC9', case_id: 'C5', date: '2016-01-01', kind: 'crime' },
            { incident_id: 'INC9', case_id: 'C5', date: '2016-01-02', kind: 'crime' },
            { ...incidents[1], kind: 'crime' },
          ]),
          makeBlock('cases', [{ case_id: 'C5', area: 'City', referral_date: '2016-02-01' }]),
        ],
        { allOrNothing: true },
      ),
    );
    expect(s.rolledBack).toBe(true);
    expect(s.rowsQuarantined).toBe(1);
    expect(s.changes).toEqual([]);
    expect(s.files.map((f) => f.rowsImported)).toEqual([0, 0]);
    expect(await db.blocks.toArray()).toEqual(blocksBefore);
  });

  it('stores everything when nothing is quarantined', async () => {
    const db = freshDb();
    const s = await commitImport(db, pendingOf([makeBlock('incidents', incidents)], { allOrNothing: true }));
    expect(s.rolledBack).toBe(false);
    expect(s.rowsImported).toBe(3);
    expect(await db.blocks.count()).toBe(1);
  });
});

describe('atomicity', () => {
  it('leaves the database exactly as it was when writing a block fails', async () => {
    const db = freshDb();
    await commitImport(db, pendingOf([makeBlock('incidents', incidents), makeBlock('cases', [{ case_id: 'C1', area: 'City', referral_date: '2014-01-01' }])]));
    const before = await snapshot(db);

    const fail = () => {
      throw new Error('disk full');
    };
    db.blocks.hook('creating', fail);
    try {
      await expect(
        commitImport(
          db,
          pendingOf([
            makeBlock('incidents', [{ incident_id: 'INC8', case_id: 'C1', date: '2016-01-01', kind: 'crime' }]),
            makeBlock('cases', [{ case_id: 'C1', area: 'Town', referral_date: '2014-01-01' }, { case_id: 'C8', area: 'City', referral_date: '2014-01-01' }]),
          ]),
        ),
      ).rejects.toThrow('disk full');
    } finally {
      db.blocks.hook('creating').unsubscribe(fail);
    }
    expect(await snapshot(db)).toEqual(before);
  });

  it('leaves the database exactly as it was when a record cannot be stored', async () => {
    const db = freshDb();
    await commitImport(db, pendingOf([makeBlock('incidents', incidents)]));
    const before = await snapshot(db);
    const block = makeBlock('incidents', [{ incident_id: 'INC8', case_id: 'C1', date: '2016-01-01', kind: 'crime' }]);
    // A value that is not text fails the write of the blocks after the import record.
    const perpetrator = block.columns.perpetrator_ref as { values: Uint32Array; dict: unknown[] };
    perpetrator.values[0] = perpetrator.dict.push(() => 'not cloneable') - 1;
    await expect(commitImport(db, pendingOf([block]))).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
    expect(await db.imports.count()).toBe(1);
  });
});
