/**
 * Column access typed by the contract. The `@ts-expect-error` lines are checked by `npm run check`
 * (tsc over tests/): each must be an error, so a misspelt column name or a column read as the
 * wrong type does not compile. The run-time assertions check the same readers on a small table.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { KINDS } from '../../../src/domain/contract';
import { UNKNOWN_DAY, type Column } from '../../../src/data/columns';
import { columnLayout, type ColumnName, type ColumnNameOfType, type ColumnsOf } from '../../../src/data/layout';
import { buildWorkingSet, emptyWorkingSet, type Table } from '../../../src/data/working-set';
import { dayFromIso } from '../../../src/data/days';
import { makeBlock } from '../db/helpers';
import { codeWithRaw, dayField, numberField, textField, ynField } from '../../../src/model/record-fields';
import { recordsOf } from '../../../src/data/working-set';

const ws = buildWorkingSet([
  makeBlock('cases', [
    { case_id: 'C1', area: 'City', referral_date: '2014-03-17', closure_date: '2014-09-01', mappa: true, age_at_referral: '34', engagement_modus: 'engaged' },
    { case_id: 'C2', area: null, referral_date: '2014-04-02', mappa: false },
  ]),
  makeBlock('contacts', [{ case_id: 'C1', date: '2014-03-20', method: 'phone', result: 'successful' }]),
]);

describe('column types derived from the contract', () => {
  it('maps every column of every kind to its stored type', () => {
    expectTypeOf<ColumnsOf<'cases'>['closure_date']>().toEqualTypeOf<'day'>();
    expectTypeOf<ColumnsOf<'cases'>['age_at_referral']>().toEqualTypeOf<'num'>();
    expectTypeOf<ColumnsOf<'cases'>['mappa']>().toEqualTypeOf<'yn'>();
    expectTypeOf<ColumnsOf<'cases'>['need_drugs']>().toEqualTypeOf<'yn'>();
    expectTypeOf<ColumnsOf<'cases'>['area']>().toEqualTypeOf<'dict'>();
    expectTypeOf<ColumnsOf<'cases'>['referral_route__raw']>().toEqualTypeOf<'text'>();
    expectTypeOf<ColumnsOf<'contacts'>['count']>().toEqualTypeOf<'num'>();
    expectTypeOf<ColumnsOf<'support'>['detail']>().toEqualTypeOf<'text'>();
    expectTypeOf<ColumnNameOfType<'cases', 'day'>>().toEqualTypeOf<'referral_date' | 'first_contact_date' | 'police_start_date' | 'closure_date'>();
    // Run time agrees: every column of the layout has the type the types give it.
    const sample: { [K in 'cases' | 'contacts']: Partial<Record<ColumnName<K>, Column['type']>> } = {
      cases: { closure_date: 'day', age_at_referral: 'num', mappa: 'yn', area: 'dict', referral_route__raw: 'text' },
      contacts: { count: 'num', date: 'day', result: 'dict' },
    };
    for (const kind of ['cases', 'contacts'] as const) {
      const layout = new Map(columnLayout(kind).map((c) => [c.name, c.type]));
      for (const [name, type] of Object.entries(sample[kind])) expect(layout.get(name), `${kind}.${name}`).toBe(type);
    }
  });

  it('refuses a misspelt column name and a column of another kind', () => {
    // @ts-expect-error a misspelt column name
    const misspelt: ColumnName<'cases'> = 'closure_dat';
    // @ts-expect-error count is a column of contacts only
    const otherKind: ColumnName<'incidents'> = 'count';
    // @ts-expect-error a strict vocabulary has no __raw column
    const noRaw: ColumnName<'cases'> = 'engagement_modus__raw';
    expect([misspelt, otherKind, noRaw]).toHaveLength(3);
  });
});

describe('typed readers of a table', () => {
  const cases = ws.tables.cases;

  it('reads each column type by name, unknown as null', () => {
    expectTypeOf(cases).toEqualTypeOf<Table<'cases'>>();
    expectTypeOf(cases.col('closure_date').values).toEqualTypeOf<Int32Array>();
    expectTypeOf(cases.col('area').dict).toEqualTypeOf<string[]>();
    expect(Array.from(cases.days('closure_date'))).toEqual([dayFromIso('2014-09-01'), UNKNOWN_DAY]);
    expect([0, 1].map(cases.day('referral_date'))).toEqual([dayFromIso('2014-03-17'), dayFromIso('2014-04-02')]);
    expect([0, 1].map(cases.num('age_at_referral'))).toEqual([34, null]);
    expect([0, 1].map(cases.yn('mappa'))).toEqual([true, false]);
    expect([0, 1, -1].map(cases.text('area'))).toEqual(['City', null, null]);
    expect([0, 1].map(cases.codes('engagement_modus', { engaged: 7 }, 0))).toEqual([7, 0]);
    expect(Array.from(ws.tables.contacts.nums('count'))).toEqual([1]);
  });

  it('does not compile a misspelt column or a column read as the wrong type', () => {
    // @ts-expect-error a misspelt column name
    expect(() => cases.col('closure_dat')).toThrow('cases has no column closure_dat');
    // @ts-expect-error a day column read as text
    expect(() => cases.text('closure_date')).toThrow('cases.closure_date is day, not text');
    // @ts-expect-error a code column read as days
    expect(() => cases.days('area')).toThrow('cases.area is dict, not day');
    // @ts-expect-error a yes/no column read as numbers
    expect(() => cases.nums('mappa')).toThrow('cases.mappa is yn, not num');
    // @ts-expect-error closure_date is a column of cases, not of contacts
    expect(() => ws.tables.contacts.days('closure_date')).toThrow('contacts has no column closure_date');
  });

  it('takes the names of every kind on a table of any kind, and each kind its own', () => {
    const any: Table = ws.tables.incidents;
    expectTypeOf(any.days).parameter(0).toExtend<string>();
    // date is a day column of every kind but cases.
    for (const kind of KINDS.filter((k) => k !== 'cases')) expect(ws.tables[kind].days('date')).toBeInstanceOf(Int32Array);
    expect(emptyWorkingSet().tables.support.col('category').dict).toEqual(['']);
  });
});

describe('typed reads of one record', () => {
  const [c1] = recordsOf(ws, 'C1').cases;

  it('reads a field of the right type by its contract name', () => {
    expect(textField(c1, 'area')).toBe('City');
    expect(dayField(c1, 'closure_date')).toBe(dayFromIso('2014-09-01'));
    expect(numberField(c1, 'age_at_referral')).toBe(34);
    expect(ynField(c1, 'mappa')).toBe(true);
    expect(codeWithRaw(c1, 'referral_route')).toEqual({ code: null, raw: null });
  });

  it('does not compile a misspelt field or a field read as the wrong type', () => {
    // @ts-expect-error a misspelt column name
    expect(dayField(c1, 'closure_dat')).toBeNull();
    // @ts-expect-error a code column read as a day
    expect(dayField(c1, 'area')).toBeNull();
    // @ts-expect-error a day column read as text
    expect(textField(c1, 'referral_date')).toBeNull();
    // @ts-expect-error a strict vocabulary has no raw text
    expect(codeWithRaw(c1, 'engagement_modus')).toEqual({ code: 'engaged', raw: null });
  });
});
