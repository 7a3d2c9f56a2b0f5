/**
 * The rows of one kind across several blocks (stored first, then incoming), addressed by a
 * global row number. Nothing is copied or merged up front: cells of different blocks are
 * compared where they are, dictionary cells by their words.
 */
import type { Kind } from '../domain/contract';
import { UNKNOWN_DAY, YN_UNKNOWN, type Column, type ColumnType } from '../domain/columns';
import { columnLayout } from './column-ops';
import type { StoredColumns } from './db';

export interface ColumnAccess {
  name: string;
  type: ColumnType;
  /** Per source, the column (undefined where the source lacks it: all unknown). */
  cols: (Column | undefined)[];
  /** Whether row ra of source sa and row rb of source sb hold the same value. */
  same: (sa: number, ra: number, sb: number, rb: number) => boolean;
}

// One function literal per column type, so each comparison stays monomorphic.
function sameFor(type: ColumnType, cols: (Column | undefined)[]): ColumnAccess['same'] {
  switch (type) {
    case 'dict': {
      // Equal words are the same value whatever their index ('' and a missing column: unknown).
      const values = cols.map((c) => (c ? (c.values as Values<'dict'>) : null));
      const dicts = cols.map((c) => (c ? (c as Extract<Column, { type: 'dict' }>).dict : null));
      return (sa, ra, sb, rb) => {
        const a = values[sa];
        const b = values[sb];
        return (a ? (dicts[sa]![a[ra]] ?? '') : '') === (b ? (dicts[sb]![b[rb]] ?? '') : '');
      };
    }
    case 'day': {
      const values = cols.map((c) => (c ? (c.values as Values<'day'>) : null));
      return (sa, ra, sb, rb) => {
        const a = values[sa];
        const b = values[sb];
        return (a ? a[ra] : UNKNOWN_DAY) === (b ? b[rb] : UNKNOWN_DAY);
      };
    }
    case 'yn': {
      const values = cols.map((c) => (c ? (c.values as Values<'yn'>) : null));
      return (sa, ra, sb, rb) => {
        const a = values[sa];
        const b = values[sb];
        return (a ? a[ra] : YN_UNKNOWN) === (b ? b[rb] : YN_UNKNOWN);
      };
    }
    case 'num': {
      const values = cols.map((c) => (c ? (c.values as Values<'num'>) : null));
      return (sa, ra, sb, rb) => {
        const a = values[sa];
        const b = values[sb];
        const va = a ? a[ra] : NaN;
        const vb = b ? b[rb] : NaN;
        return va === vb || (va !== va && vb !== vb);
      };
    }
    case 'text': {
      const values = cols.map((c) => (c ? (c.values as Values<'text'>) : null));
      return (sa, ra, sb, rb) => {
        const a = values[sa];
        const b = values[sb];
        return (a ? a[ra] || null : null) === (b ? b[rb] || null : null);
      };
    }
  }
}

type Values<T extends ColumnType> = Extract<Column, { type: T }>['values'];

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
      this.columns.set(name, { name, type, cols, same: sameFor(type, cols) });
    }
  }

  /** Names of the columns that differ between two global rows, or null when none does. */
  differences(names: readonly ColumnAccess[], g: number, h: number): string[] | null {
    const sa = this.sourceOf[g];
    const sb = this.sourceOf[h];
    const ra = g - this.offsets[sa];
    const rb = h - this.offsets[sb];
    let out: string[] | null = null;
    for (const c of names) if (!c.same(sa, ra, sb, rb)) (out ??= []).push(c.name);
    return out;
  }
}
