import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { decodeColumns, encodeColumns } from '../../../src/db/block-codec';
import type { Column, ColumnSet } from '../../../src/data/columns';
import { UNKNOWN_DAY } from '../../../src/data/columns';
import { openDb, readBlock } from '../../../src/db/db';
import { loadWorkingSet } from '../../../src/db/load-working-set';
import { recordsOf } from '../../../src/data/working-set';

function roundTrip(set: ColumnSet): ColumnSet {
  return decodeColumns(encodeColumns(set));
}

/** Columns compared by their cells, whatever typed view holds them. */
function cells(set: ColumnSet): Record<string, unknown> {
  const out: Record<string, unknown> = { rowCount: set.rowCount };
  for (const [name, col] of Object.entries(set.columns)) {
    out[name] = { type: col.type, values: Array.from(col.values as ArrayLike<unknown>), ...(col.type === 'dict' ? { dict: col.dict } : {}) };
  }
  return out;
}

describe('block codec', () => {
  it('keeps every cell of every column type, unknowns included', () => {
    const set: ColumnSet = {
      rowCount: 4,
      columns: {
        date: { type: 'day', values: Int32Array.from([16000, UNKNOWN_DAY, -5, 47000]) },
        score: { type: 'num', values: Float64Array.from([1, NaN, -3, 10]) },
        amount: { type: 'num', values: Float64Array.from([1.5, NaN, -0, 1e300]) },
        big: { type: 'num', values: Float64Array.from([70000, -70000, NaN, 3_000_000_000]) },
        mid: { type: 'num', values: Float64Array.from([300, -300, NaN, 0]) },
        yes: { type: 'yn', values: Int8Array.from([1, 0, -1, 1]) },
        kind: { type: 'dict', values: Uint32Array.from([1, 2, 0, 1]), dict: ['', 'crime', 'non_crime'] },
        detail: { type: 'text', values: ['Café, “quoted”', null, '', '北区 🙂'] },
        kind__raw: { type: 'text', values: [null, null, null, null] },
      },
    };
    const back = roundTrip(set);
    expect(cells(back)).toEqual(cells(set));
    expect(Object.is((back.columns.amount.values as Float64Array)[2], -0)).toBe(true);
    expect(Object.keys(back.columns)).toEqual(Object.keys(set.columns));
  });

  it('stores codes in the narrowest type the dictionary allows and takes no bytes for an empty text column', () => {
    const n = 100_000;
    const words = ['', ...Array.from({ length: 70_000 }, (_, i) => `INC-${i}`)];
    const wide: Column = { type: 'dict', values: Uint32Array.from({ length: n }, (_, i) => (i % 70_000) + 1), dict: words };
    const small: Column = { type: 'dict', values: Uint32Array.from({ length: n }, (_, i) => i % 3), dict: ['', 'a', 'b'] };
    const empty: Column = { type: 'text', values: new Array(n).fill(null) };
    const sizeOf = (columns: Record<string, Column>) => encodeColumns({ rowCount: n, columns }).byteLength;
    expect(sizeOf({ small })).toBeLessThan(n + 1000);
    expect(sizeOf({ empty })).toBeLessThan(500);
    expect(sizeOf({ wide })).toBeGreaterThan(4 * n);
    const back = roundTrip({ rowCount: n, columns: { wide, small, empty } });
    expect(cells(back)).toEqual(cells({ rowCount: n, columns: { wide, small, empty } }));
  });

  it('refuses a buffer of a format it does not know', () => {
    const buffer = encodeColumns({ rowCount: 0, columns: {} });
    const bytes = new Uint8Array(buffer);
    const head = new TextDecoder().decode(bytes.subarray(4, 4 + new DataView(buffer).getUint32(0, true)));
    const changed = new TextEncoder().encode(head.replace('"version":1', '"version":9'));
    const other = new Uint8Array(bytes.length);
    other.set(bytes);
    other.set(changed, 4);
    expect(() => decodeColumns(other.buffer)).toThrow(/format 9/);
  });
});

describe('stored blocks written before the codec', () => {
  it('are encoded in place when the database is upgraded, and read back the same', async () => {
    const name = 'codec-upgrade';
    const old = new Dexie(name);
    old.version(4).stores({ imports: '++id, importedAt, lastSeq', blocks: '++id, importId, kind', settings: 'key', caseStudies: '++id, updatedAt', profiles: '++id, &name' });
    const columns = {
      case_id: { type: 'dict', values: Uint32Array.from([1]), dict: ['', 'C1'] },
      referral_date: { type: 'day', values: Int32Array.from([16000]) },
      area: { type: 'dict', values: Uint32Array.from([1]), dict: ['', 'County North'] },
    };
    await old.table('imports').add({ importedAt: 1, files: [], privacyFindings: [], privacyFindingsOmitted: 0, rowsImported: 1, rowsQuarantined: 0, rowsAlreadyPresent: 0, changes: [], allOrNothing: false, rolledBack: false, seq: 1, lastSeq: 1, pendingRows: [], accepted: [] });
    await old.table('blocks').add({ importId: 1, kind: 'cases', rowCount: 1, columns });
    old.close();

    const db = openDb(name);
    const [record] = await db.blocks.toArray();
    expect(record.data).toBeInstanceOf(ArrayBuffer);
    expect('columns' in record).toBe(false);
    expect((await readBlock(record)).columns.area).toMatchObject({ type: 'dict', dict: ['', 'County North'] });
    expect(recordsOf(await loadWorkingSet(db), 'C1').cases[0]).toMatchObject({ area: 'County North', referral_date: 16000 });
  });
});
