/**
 * Low-level work on typed-array columns shared by the import and the working set: reading one
 * cell, concatenating row selections of several blocks (merging their dictionaries), and the
 * column layout the contract implies for each kind.
 */
import { FILE_KINDS, type Field, type Kind } from '../domain/contract';
import {
  UNKNOWN_DAY,
  YN_NO,
  YN_UNKNOWN,
  YN_YES,
  type Column,
  type ColumnType,
} from '../domain/columns';
import type { StoredColumns } from './db';

/** Transfer-only column with the source line of each row; never stored. */
export const LINE_COLUMN = '__line';
/** Contacts: how many identical rows one stored row stands for. */
export const COUNT_COLUMN = 'count';
/** Suffix of the text column holding the original text where an open vocabulary stored `other`. */
export const RAW_SUFFIX = '__raw';

/** A cell as a plain value: day number, number, boolean (yn), string (code/text), or null. */
export type CellValue = string | number | boolean | null;

export interface ColumnSpec {
  name: string;
  type: ColumnType;
}

/** The column type the ingest worker produces for a contract field. */
export function columnTypeOf(field: Field): ColumnType {
  switch (field.type) {
    case 'date':
      return 'day';
    case 'yn':
      return 'yn';
    case 'int':
    case 'number':
      return 'num';
    case 'freetext':
      return 'text';
    default:
      return 'dict';
  }
}

/** True for fields whose rows may carry a `<field>__raw` column (open vocabularies). */
export function hasRawColumn(field: Field): boolean {
  return field.type === 'vocab' && field.strict === false;
}

const layoutCache = new Map<Kind, ColumnSpec[]>();

/**
 * Every column a stored table of this kind has, in contract order: the fields, then the raw
 * text of open vocabularies, then `count` for contacts.
 */
export function columnLayout(kind: Kind): ColumnSpec[] {
  let layout = layoutCache.get(kind);
  if (!layout) {
    const fields = FILE_KINDS[kind].fields;
    layout = fields.map((f) => ({ name: f.name, type: columnTypeOf(f) }));
    for (const f of fields) if (hasRawColumn(f)) layout.push({ name: f.name + RAW_SUFFIX, type: 'text' });
    if (kind === 'contacts') layout.push({ name: COUNT_COLUMN, type: 'num' });
    layoutCache.set(kind, layout);
  }
  return layout;
}

/** Columns whose values must all agree for two rows with the same natural key to be the same row. */
export function comparedColumns(kind: Kind): string[] {
  return columnLayout(kind)
    .map((c) => c.name)
    .filter((n) => n !== COUNT_COLUMN);
}

/** The value of one cell; unknown is null, and a missing column is all unknown. */
export function cellValue(col: Column | undefined, row: number): CellValue {
  if (!col) return null;
  switch (col.type) {
    case 'day': {
      const v = col.values[row];
      return v === UNKNOWN_DAY ? null : v;
    }
    case 'num': {
      const v = col.values[row];
      return Number.isNaN(v) ? null : v;
    }
    case 'yn': {
      const v = col.values[row];
      return v === YN_YES ? true : v === YN_NO ? false : null;
    }
    case 'dict': {
      const s = col.dict[col.values[row]];
      return s ? s : null;
    }
    case 'text': {
      const s = col.values[row];
      return s == null || s === '' ? null : s;
    }
  }
}

/** Days since 1970-01-01 (UTC) as YYYY-MM-DD. */
export function dayToIso(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** A cell as report text: dates as YYYY-MM-DD, yn as yes/no, codes as codes; null when unknown. */
export function cellText(col: Column | undefined, row: number): string | null {
  const v = cellValue(col, row);
  if (v === null) return null;
  if (col!.type === 'day') return dayToIso(v as number);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}

function unknownFill(name: string, type: 'day' | 'num' | 'yn'): number {
  if (type === 'day') return UNKNOWN_DAY;
  if (type === 'yn') return YN_UNKNOWN;
  return name === COUNT_COLUMN ? 1 : NaN;
}

/** A column of n unknown cells (`count` defaults to 1). */
export function emptyColumn(name: string, type: ColumnType, n: number): Column {
  switch (type) {
    case 'day':
      return { type, values: new Int32Array(n).fill(UNKNOWN_DAY) };
    case 'num':
      return { type, values: new Float64Array(n).fill(unknownFill(name, type)) };
    case 'yn':
      return { type, values: new Int8Array(n).fill(YN_UNKNOWN) };
    case 'dict':
      return { type, values: new Uint32Array(n), dict: [''] };
    case 'text':
      return { type, values: new Array<string | null>(n).fill(null) };
  }
}

/** One dictionary column of several sources merged: global ids per source's dictionary index. */
export interface DictMerge {
  /** Global dictionary; words[0] is '' (unknown). */
  words: string[];
  /** Per source (same order as given), dictionary index -> global id; undefined when absent. */
  remaps: (Uint32Array | undefined)[];
}

/** Merge the dictionaries of column `name` of all sources (work per dictionary entry, not per row). */
export function mergeDicts(sources: readonly { columns: Record<string, Column> }[], name: string): DictMerge {
  const index = new Map<string, number>([['', 0]]);
  const words = [''];
  const remaps = sources.map((s) => {
    const col = s.columns[name];
    if (!col || col.type !== 'dict') return undefined;
    const dict = col.dict;
    const remap = new Uint32Array(dict.length);
    for (let i = 0; i < dict.length; i++) {
      const word = dict[i] ?? '';
      let id = index.get(word);
      if (id === undefined) {
        id = words.length;
        words.push(word);
        index.set(word, id);
      }
      remap[i] = id;
    }
    return remap;
  });
  return { words, remaps };
}

/** The listed rows of a source (all rows when `rows` is null). */
export interface RowSelection {
  columns: Record<string, Column>;
  rowCount: number;
  /** Row numbers to take, in order; null for all rows. */
  rows?: ArrayLike<number> | null;
  /** Per dict column, the source's remap into ConcatOptions.words (from mergeDicts). */
  remaps?: Record<string, Uint32Array | undefined>;
}

export interface ConcatOptions {
  /** Columns left out of the result. */
  drop?: readonly string[];
  /** Columns the result has even when no source has them (filled with unknown). */
  ensure?: readonly ColumnSpec[];
  /**
   * Per dict column, an already merged dictionary (with each source's `remaps`): the result's
   * dictionary is then built by array lookups instead of a Map per source word.
   */
  words?: Record<string, string[]>;
}

function selectionLength(s: RowSelection): number {
  return s.rows ? s.rows.length : s.rowCount;
}

function fillDict(
  out: Extract<Column, { type: 'dict' }>,
  name: string,
  sources: readonly RowSelection[],
  words: string[] | undefined,
): void {
  const dict = out.dict;
  const dst = out.values;
  let off = 0;
  if (words) {
    // Local ids of the global words used in these rows; -1 when not yet used.
    const local = new Int32Array(words.length).fill(-1);
    local[0] = 0;
    for (const s of sources) {
      const n = selectionLength(s);
      const col = s.columns[name];
      const remap = s.remaps?.[name];
      if (col && col.type === 'dict' && remap) {
        const src = col.values;
        const rows = s.rows;
        for (let i = 0; i < n; i++) {
          const gid = remap[src[rows ? rows[i] : i]];
          let id = local[gid];
          if (id < 0) {
            id = dict.length;
            dict.push(words[gid]);
            local[gid] = id;
          }
          dst[off + i] = id;
        }
      }
      off += n;
    }
    return;
  }
  const index = new Map<string, number>([['', 0]]);
  for (const s of sources) {
    const n = selectionLength(s);
    const col = s.columns[name];
    if (col && col.type === 'dict') {
      const remap = new Uint32Array(col.dict.length);
      for (let i = 0; i < col.dict.length; i++) {
        const word = col.dict[i] ?? '';
        let id = index.get(word);
        if (id === undefined) {
          id = dict.length;
          dict.push(word);
          index.set(word, id);
        }
        remap[i] = id;
      }
      const src = col.values;
      const rows = s.rows;
      if (rows) for (let i = 0; i < n; i++) dst[off + i] = remap[src[rows[i]]];
      else for (let i = 0; i < n; i++) dst[off + i] = remap[src[i]];
    }
    off += n;
  }
}

/**
 * Concatenate row selections of several sources into one set of columns. Dictionaries are
 * merged into one per column (index 0 stays ''), columns missing from a source are unknown
 * there. Typed arrays are copied whole where a source is taken entirely.
 */
export function concatRows(sources: readonly RowSelection[], options: ConcatOptions = {}): StoredColumns {
  const drop = new Set(options.drop ?? []);
  const types = new Map<string, ColumnType>();
  for (const spec of options.ensure ?? []) types.set(spec.name, spec.type);
  for (const s of sources) {
    for (const name in s.columns) {
      if (drop.has(name)) continue;
      const t = s.columns[name].type;
      const known = types.get(name);
      if (known === undefined) types.set(name, t);
      else if (known !== t) throw new Error(`Column ${name} is stored as ${known} in one block and ${t} in another.`);
    }
  }
  let total = 0;
  for (const s of sources) total += selectionLength(s);

  const columns: Record<string, Column> = {};
  for (const [name, type] of types) {
    const out = emptyColumn(name, type, total);
    let off = 0;
    if (out.type === 'dict') {
      fillDict(out, name, sources, options.words?.[name]);
    } else if (out.type === 'text') {
      const dst = out.values;
      for (const s of sources) {
        const n = selectionLength(s);
        const col = s.columns[name];
        if (col && col.type === 'text') {
          const src = col.values;
          const rows = s.rows;
          if (rows) for (let i = 0; i < n; i++) dst[off + i] = src[rows[i]] ?? null;
          else for (let i = 0; i < n; i++) dst[off + i] = src[i] ?? null;
        }
        off += n;
      }
    } else {
      const dst = out.values;
      for (const s of sources) {
        const n = selectionLength(s);
        const col = s.columns[name];
        if (col && col.type === out.type) {
          const src = col.values;
          const rows = s.rows;
          if (rows) for (let i = 0; i < n; i++) dst[off + i] = src[rows[i]];
          else dst.set(src.length === n ? src : src.subarray(0, n), off);
        }
        off += n;
      }
    }
    columns[name] = out;
  }
  return { rowCount: total, columns };
}
