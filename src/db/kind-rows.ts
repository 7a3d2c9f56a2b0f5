/**
 * The rows of one kind across several blocks (stored first, then incoming), addressed by a
 * global row number. Nothing is copied or merged up front: cells of different blocks are
 * compared where they are, dictionary cells by their words, until many rows are compared; then
 * the dictionaries are merged once and cells compare as integers.
 */
import type { Kind } from '../domain/contract';
import { UNKNOWN_DAY, YN_UNKNOWN, type Column, type ColumnType } from '../data/columns';
import { columnLayout } from '../data/layout';
import { mergeDictIds } from '../data/column-ops';
import { type WordHashes } from '../data/dictionary';
import type { StoredColumns } from './db';

type Values = Column['values'];

export interface ColumnAccess {
  name: string;
  type: ColumnType;
  /** Per source, the column (undefined where the source lacks it: all unknown). */
  cols: (Column | undefined)[];
  /** Per source, the column's values (null where the source lacks it). */
  values: (Values | null)[];
  /** Dict columns: per source, the dictionary (null where the source lacks the column). */
  dicts: (readonly string[] | null)[];
  /** Dict columns, once merged (KindRows.mergeDictionaries): per source, each entry's id. */
  ids: (Uint32Array | undefined)[] | null;
}

/**
 * Whether row ra of source sa and row rb of source sb hold the same value of a column: equal
 * words (by merged id once merged; '' and a missing column are unknown), equal numbers (NaN
 * equal to NaN), equal days and yn, equal texts ('' and null alike). One function for every
 * type, rather than a closure per column, so that the calls stay cheap.
 */
export function sameCell(c: ColumnAccess, sa: number, ra: number, sb: number, rb: number): boolean {
  const a = c.values[sa];
  const b = c.values[sb];
  switch (c.type) {
    case 'dict': {
      const ids = c.ids;
      if (ids) return (a ? ids[sa]![(a as Uint32Array)[ra]] : 0) === (b ? ids[sb]![(b as Uint32Array)[rb]] : 0);
      const wa = a ? (c.dicts[sa]![(a as Uint32Array)[ra]] ?? '') : '';
      const wb = b ? (c.dicts[sb]![(b as Uint32Array)[rb]] ?? '') : '';
      return wa === wb;
    }
    case 'day':
      return (a ? (a as Int32Array)[ra] : UNKNOWN_DAY) === (b ? (b as Int32Array)[rb] : UNKNOWN_DAY);
    case 'yn':
      return (a ? (a as Int8Array)[ra] : YN_UNKNOWN) === (b ? (b as Int8Array)[rb] : YN_UNKNOWN);
    case 'num': {
      const va = a ? (a as Float64Array)[ra] : NaN;
      const vb = b ? (b as Float64Array)[rb] : NaN;
      return va === vb || (va !== va && vb !== vb);
    }
    case 'text':
      return (a ? (a as (string | null)[])[ra] || null : null) === (b ? (b as (string | null)[])[rb] || null : null);
  }
}

export class KindRows {
  readonly kind: Kind;
  readonly sources: readonly StoredColumns[];
  /** Global row g of source s is offsets[s] + row. */
  readonly offsets: Int32Array;
  readonly total: number;
  /** Per global row, its source. */
  readonly sourceOf: Int32Array;
  /** Every column of the kind's layout. */
  readonly columns: Map<string, ColumnAccess>;
  #merged = false;

  constructor(kind: Kind, sources: readonly StoredColumns[]) {
    this.kind = kind;
    this.sources = sources;
    this.offsets = new Int32Array(sources.length + 1);
    for (let i = 0; i < sources.length; i++) this.offsets[i + 1] = this.offsets[i] + sources[i].rowCount;
    this.total = this.offsets[sources.length];
    this.sourceOf = new Int32Array(this.total);
    for (let i = 0; i < sources.length; i++) this.sourceOf.fill(i, this.offsets[i], this.offsets[i + 1]);
    this.columns = new Map();
    for (const { name, type } of columnLayout(kind)) {
      const cols = sources.map((s) => s.columns[name]);
      this.columns.set(name, {
        name,
        type,
        cols,
        values: cols.map((c) => (c ? c.values : null)),
        dicts: cols.map((c) => (c && c.type === 'dict' ? c.dict : null)),
        ids: null,
      });
    }
  }

  /**
   * From now on, compare dictionary cells by merged ids instead of by their words: worth its
   * cost (work per dictionary entry) once many rows are to be compared.
   */
  mergeDictionaries(words: WordHashes): void {
    if (this.#merged) return;
    this.#merged = true;
    for (const access of this.columns.values()) {
      if (access.type === 'dict') access.ids = mergeDictIds(this.sources, access.name, words);
    }
  }

  /** Names of the columns that differ between two global rows, or null when none does. */
  differences(names: readonly ColumnAccess[], g: number, h: number): string[] | null {
    const sa = this.sourceOf[g];
    const sb = this.sourceOf[h];
    const ra = g - this.offsets[sa];
    const rb = h - this.offsets[sb];
    let out: string[] | null = null;
    for (const c of names) if (!sameCell(c, sa, ra, sb, rb)) (out ??= []).push(c.name);
    return out;
  }
}
