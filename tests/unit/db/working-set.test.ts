import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { commitImport } from '../../../src/db/import-batch';
import { readBlocks } from '../../../src/db/db';
import { buildWorkingSet, emptyWorkingSet, recordsOf, rowsOfCase, summaryOf } from '../../../src/data/working-set';
import { loadWorkingSet } from '../../../src/db/load-working-set';
import { columnLayout } from '../../../src/data/layout';
import { KINDS } from '../../../src/domain/contract';
import { UNKNOWN_DAY } from '../../../src/data/columns';
import { day, freshDb, makeBlock, pendingOf } from './helpers';

describe('working set', () => {
  it('reads stored key columns (incident_id, case_id) without a dictionary merge and gets the same records', async () => {
    const db = freshDb();
    await commitImport(
      db,
      pendingOf([
        makeBlock('cases', [{ case_id: 'C1', area: 'City', referral_date: '2014-01-02' }, { case_id: 'C2', area: 'City', referral_date: '2014-02-02' }]),
        makeBlock('incidents', [
          { incident_id: 'I1', case_id: 'C1', date: '2014-01-05', kind: 'crime' },
          { incident_id: 'I2', case_id: 'C2', date: '2014-02-05', kind: 'crime' },
        ]),
      ]),
    );
    await commitImport(
      db,
      pendingOf([
        makeBlock('cases', [{ case_id: 'C3', area: 'County North', referral_date: '2014-03-02' }], { seed: ['C1', 'C2'] }),
        makeBlock('incidents', [{ incident_id: 'I3', case_id: 'C1', date: '2014-03-05', kind: 'non_crime' }], { seed: ['I1', 'I2'] }),
      ]),
    );
    const loaded = await loadWorkingSet(db);
    const merged = buildWorkingSet(await readBlocks(await db.blocks.toArray()));
    expect(loaded.tables.incidents.col('incident_id').dict).toEqual(['', 'I1', 'I2', 'I3']);
    expect(loaded.caseIds).toEqual(merged.caseIds);
    for (const id of merged.caseIds) expect(recordsOf(loaded, id)).toEqual(recordsOf(merged, id));
  });

  it('a distinct key column is appended row by row; merged or appended, words no row uses are left out', () => {
    const blocks = [
      makeBlock('incidents', [{ incident_id: 'I2', case_id: 'C1', date: '2014-01-05', kind: 'crime' }], { seed: ['I9', 'unused'] }),
      makeBlock('incidents', [{ incident_id: 'I1', case_id: 'C1', date: '2014-01-06', kind: 'crime' }], { seed: ['I7'] }),
    ];
    const appended = buildWorkingSet(blocks, { distinct: (k) => (k === 'incidents' ? 'incident_id' : undefined) });
    const merged = buildWorkingSet(blocks);
    expect(appended.tables.incidents.col('incident_id').dict).toEqual(['', 'I2', 'I1']);
    expect(merged.tables.incidents.col('incident_id').dict).toEqual(['', 'I2', 'I1']);
    expect(recordsOf(appended, 'C1')).toEqual(recordsOf(merged, 'C1'));
  });

  it('concatenates blocks with different dictionaries into one table per kind', async () => {
    const db = freshDb();
    await commitImport(
      db,
      pendingOf([
        makeBlock('support', [
          { case_id: 'C1', date: '2014-02-01', category: 'housing', status: 'offered', agency: 'Shelter', detail: 'Refuge place' },
          { case_id: 'C2', date: '2014-02-03', category: 'marac' },
        ]),
      ]),
    );
    await commitImport(
      db,
      pendingOf([
        makeBlock(
          'support',
          [
            { case_id: 'C2', date: '2014-01-09', category: 'housing', status: 'completed', agency: 'Council' },
            { case_id: 'C3', date: '2014-05-05', category: 'other', category__raw: 'Pet fostering', agency: 'Shelter' },
          ],
          { seed: ['Council', 'marac', 'C3', 'completed'] },
        ),
        makeBlock('support', [{ case_id: 'C1', date: '2014-01-15', category: 'financial', detail: 'Debt advice' }], {
          seed: ['financial'],
        }),
      ]),
    );
    const ws = await loadWorkingSet(db);
    const table = ws.tables.support;
    expect(table.rowCount).toBe(5);
    const category = table.col('category');
    expect(category.dict[0]).toBe('');
    expect(new Set(category.dict).size).toBe(category.dict.length);
    expect(Array.from(category.values, (v) => category.dict[v])).toEqual(['housing', 'marac', 'housing', 'other', 'financial']);
    const agency = table.col('agency');
    expect(Array.from(agency.values, (v) => agency.dict[v])).toEqual(['Shelter', '', 'Council', 'Shelter', '']);
    expect(table.col('detail').values).toEqual(['Refuge place', null, null, null, 'Debt advice']);
    expect(table.col('category__raw').values).toEqual([null, null, null, 'Pet fostering', null]);
    expect(Array.from(table.days('end_date'))).toEqual([UNKNOWN_DAY, UNKNOWN_DAY, UNKNOWN_DAY, UNKNOWN_DAY, UNKNOWN_DAY]);
    expect(Array.from(table.caseIx)).toEqual([0, 1, 1, 2, 0]);
  });

  it('indexes case ids with cases first, then ids seen only in event files', async () => {
    const db = freshDb();
    await commitImport(
      db,
      pendingOf([
        makeBlock('incidents', [
          { incident_id: 'I1', case_id: 'X9', date: '2014-01-01', kind: 'crime' },
          { incident_id: 'I2', case_id: 'C2', date: '2014-01-02', kind: 'crime' },
        ]),
        makeBlock('cases', [
          { case_id: 'C2', area: 'City', referral_date: '2014-01-01' },
          { case_id: 'C1', area: 'County North', referral_date: '2014-02-01' },
        ]),
        makeBlock('contacts', [
          { case_id: 'X7', date: '2014-01-01', mode: 'phone', result: 'attempted' },
          { case_id: 'X9', date: '2014-01-01', mode: 'phone', result: 'attempted' },
          { case_id: 'X9', date: '2014-01-01', mode: 'phone', result: 'attempted' },
        ]),
      ]),
    );
    const ws = await loadWorkingSet(db);
    expect(ws.caseIds).toEqual(['C2', 'C1', 'X9', 'X7']);
    expect(ws.casesWithRow).toBe(2);
    expect(ws.caseIndex.get('X7')).toBe(3);
    expect(summaryOf(ws)).toEqual({
      women: 2,
      casesWithoutCaseRow: 2,
      events: 4,
      rowsByKind: { cases: 2, incidents: 2, risk_assessments: 0, support: 0, contacts: 2, outcomes: 0, milestones: 0 },
    });
  });

  it("returns one woman's records per kind, sorted by date, as plain values", async () => {
    const db = freshDb();
    await commitImport(
      db,
      pendingOf([
        makeBlock('cases', [
          { case_id: 'C1', area: 'City', referral_date: '2014-03-01', engagement_modus: 'sporadic', age_at_referral: 34, need_drugs: true, need_alcohol: false },
          { case_id: 'C2', area: 'City', referral_date: '2014-04-01' },
        ]),
        makeBlock('incidents', [
          { incident_id: 'I3', case_id: 'C1', date: '2014-06-01', kind: 'crime', offence: 'stalking' },
          { incident_id: 'I1', case_id: 'C2', date: '2014-01-01', kind: 'crime' },
          { incident_id: 'I2', case_id: 'C1', date: '2013-12-24', kind: 'domestic_incident', dash_risk: 'high' },
        ]),
      ]),
    );
    await commitImport(
      db,
      pendingOf([
        makeBlock('incidents', [{ incident_id: 'I4', case_id: 'C1', date: '2014-02-14', kind: 'crime', outcome: 'other', outcome__raw: 'Restorative' }]),
        makeBlock('outcomes', [
          { case_id: 'C1', date: '2014-09-01', tool: 'batteries', domain: 'safety', score: 6, stage: 'exit' },
          { case_id: 'C1', date: '2014-03-05', tool: 'batteries', domain: 'safety', score: 2.5, stage: 'intake' },
        ]),
      ]),
    );
    const ws = await loadWorkingSet(db);
    const rec = recordsOf(ws, 'C1');
    expect(rec.cases).toHaveLength(1);
    expect(rec.cases[0]).toMatchObject({
      case_id: 'C1',
      area: 'City',
      referral_date: day('2014-03-01'),
      closure_date: null,
      engagement_modus: 'sporadic',
      age_at_referral: 34,
      need_drugs: true,
      need_alcohol: false,
      need_debt: null,
      referral_route: null,
      referral_route__raw: null,
    });
    expect(rec.incidents).toEqual([
      { incident_id: 'I2', case_id: 'C1', date: day('2013-12-24'), kind: 'domestic_incident', offence: null, dash_risk: 'high', outcome: null, perpetrator_ref: null, offence__raw: null, outcome__raw: null },
      { incident_id: 'I4', case_id: 'C1', date: day('2014-02-14'), kind: 'crime', offence: null, dash_risk: null, outcome: 'other', perpetrator_ref: null, offence__raw: null, outcome__raw: 'Restorative' },
      { incident_id: 'I3', case_id: 'C1', date: day('2014-06-01'), kind: 'crime', offence: 'stalking', dash_risk: null, outcome: null, perpetrator_ref: null, offence__raw: null, outcome__raw: null },
    ]);
    expect(rec.outcomes.map((o) => [o.date, o.score, o.stage])).toEqual([
      [day('2014-03-05'), 2.5, 'intake'],
      [day('2014-09-01'), 6, 'exit'],
    ]);
    expect(rec.contacts).toEqual([]);
    expect(recordsOf(ws, 'C2').incidents.map((r) => r.incident_id)).toEqual(['I1']);
    expect(Object.values(recordsOf(ws, 'nobody')).every((list) => list.length === 0)).toBe(true);
    expect(Array.from(rowsOfCase(ws, 'incidents', ws.caseIndex.get('C1')!))).toEqual([2, 3, 0]);
  });

  it('sorts long journeys by date too, keeping file order for equal dates', () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({
      case_id: 'C1',
      date: 16000 + ((i * 37) % 100),
      mode: 'phone',
      result: 'attempted',
      // make every row distinct by its raw mode text
      mode__raw: `r${i}`,
    }));
    const ws = buildWorkingSet([makeBlock('contacts', rows)]);
    const dates = recordsOf(ws, 'C1').contacts.map((c) => c.date as number);
    expect(dates).toHaveLength(200);
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    const raws = recordsOf(ws, 'C1').contacts.filter((c) => c.date === 16000).map((c) => c.mode__raw);
    expect(raws).toEqual(['r0', 'r100']);
    expect(recordsOf(ws, 'C1').contacts[0].count).toBe(1);
  });

  it('is empty with every column of every kind before anything is imported', async () => {
    const ws = await loadWorkingSet(freshDb());
    expect(ws).toEqual(emptyWorkingSet());
    expect(summaryOf(ws)).toEqual({
      women: 0,
      casesWithoutCaseRow: 0,
      events: 0,
      rowsByKind: { cases: 0, incidents: 0, risk_assessments: 0, support: 0, contacts: 0, outcomes: 0, milestones: 0 },
    });
    for (const kind of KINDS) {
      expect(Object.keys(ws.tables[kind].columns)).toEqual(columnLayout(kind).map((c) => c.name));
      expect(ws.byCase[kind].offsets).toEqual(new Uint32Array(1));
    }
  });
});
