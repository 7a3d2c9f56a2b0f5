/**
 * Low-level work on typed-array columns shared by the import and the working set: concatenating
 * row selections of several blocks, merging or re-encoding their dictionaries.
 */
import { emptyColumn, unknownFill, type Column, type ColumnSet, type ColumnType } from './columns';
import type { ColumnSpec } from './layout';
import { DictBuilder, WordHashes } from './dictionary';

/** The listed rows of a source (all rows when `rows` is null). */
export interface RowSelection {
  columns: Record<string, Column>;
  rowCount: number;
  /** Row numbers to take, in order; null for all rows. */
  rows?: ArrayLike<number> | null;
}

export interface ConcatOptions {
  /** Columns left out of the result. */
  drop?: readonly string[];
  /** Columns the result has even when no source has them (filled with unknown). */
  ensure?: readonly ColumnSpec[];
  /**
   * A dict column whose rows hold pairwise different words across all sources (the one key
   * field of stored rows, which the natural-key dedupe keeps unique): its words are appended
   * without looking them up.
   */
  distinct?: string;
}

function selectionLength(s: RowSelection): number {
  return s.rows ? s.rows.length : s.rowCount;
}

/** A row selection as the range concatenation's part: all its rows, or the listed ones. */
function asRange(s: RowSelection): RowRange {
  const rows = s.rows ? Uint32Array.from(s.rows) : null;
  return { columns: s.columns, rowCount: s.rowCount, rows, start: 0, end: rows ? rows.length : s.rowCount };
}

/** The type of every column of several sources (and of `ensure`), refusing a column stored as two types. */
function columnTypesOf(
  sources: readonly { columns: Record<string, Column> }[],
  drop: ReadonlySet<string>,
  ensure: readonly { name: string; type: ColumnType }[],
): Map<string, ColumnType> {
  const types = new Map<string, ColumnType>();
  for (const spec of ensure) types.set(spec.name, spec.type);
  for (const source of sources) {
    for (const name in source.columns) {
      if (drop.has(name)) continue;
      const t = source.columns[name].type;
      const known = types.get(name);
      if (known === undefined) types.set(name, t);
      else if (known !== t) throw new Error(`Column ${name} is stored as ${known} in one block and ${t} in another.`);
    }
  }
  return types;
}

/**
 * Concatenate row selections of several sources into one set of columns. Dictionaries are
 * merged into one per column (index 0 stays ''), columns missing from a source are unknown
 * there. Typed arrays are copied whole where a source is taken entirely.
 */
export function concatRows(sources: readonly RowSelection[], options: ConcatOptions = {}): ColumnSet {
  const drop = new Set(options.drop ?? []);
  const types = columnTypesOf(sources, drop, options.ensure ?? []);
  let total = 0;
  for (const s of sources) total += selectionLength(s);

  const columns: Record<string, Column> = {};
  let words: WordHashes | undefined;
  let parts: RowRange[] | undefined;
  for (const [name, type] of types) {
    if (type === 'dict') {
      // Merged into one dictionary by hash, each source's used words looked up once.
      parts ??= sources.map(asRange);
      columns[name] = name === options.distinct ? distinctDictColumnOf(name, parts, total) : dictColumnOf(name, parts, total, (words ??= new WordHashes()));
      continue;
    }
    const out = emptyColumn(name, type, total);
    let off = 0;
    if (out.type === 'text') {
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

/**
 * Dict column `name` of several sources merged: per source (undefined where it lacks the
 * column), each dictionary entry's id in one merged dictionary, '' being 0. Work per entry.
 */
export function mergeDictIds(
  sources: readonly { columns: Record<string, Column> }[],
  name: string,
  words: WordHashes,
): (Uint32Array | undefined)[] {
  let entries = 0;
  for (const s of sources) {
    const col = s.columns[name];
    if (col && col.type === 'dict') entries += col.dict.length;
  }
  const builder = new DictBuilder(entries);
  return sources.map((s) => {
    const col = s.columns[name];
    if (!col || col.type !== 'dict') return undefined;
    const { dict } = col;
    const hashes = words.of(dict);
    const ids = new Uint32Array(dict.length);
    for (let e = 0; e < dict.length; e++) ids[e] = builder.idOf(dict[e] ?? '', hashes[e]);
    return ids;
  });
}

/** A run of rows of a source: rows[start..end) of the list, or rows start..end of the source. */
export interface RowRange {
  columns: Record<string, Column>;
  rowCount: number;
  /** Row numbers of the source, in order; null: the source's rows themselves. */
  rows: Uint32Array | null;
  start: number;
  end: number;
}

export interface RangeConcatOptions {
  /** Columns left out of the result. */
  drop?: readonly string[];
  /** Per-dictionary word hashes, shared with other work on the same blocks. */
  words?: WordHashes;
  /**
   * A dict column whose rows are known to hold pairwise different words (such as the one key
   * field of rows with distinct keys): its dictionary is built without looking words up.
   */
  distinct?: string;
}

type TypedColumn = Extract<Column, { type: 'day' | 'num' | 'yn' }>;

/** True when `a` is a whole array of its own: storing it clones exactly its n elements. */
function ownsBuffer(a: Int32Array | Float64Array | Int8Array | Uint32Array, n: number): boolean {
  return a.length === n && a.byteOffset === 0 && a.byteLength === a.buffer.byteLength;
}

function isWhole(part: RowRange): boolean {
  return part.rows === null && part.start === 0 && part.end === part.rowCount;
}

/**
 * Whether a dict column of n rows can be stored as it is: every entry is used, dict[0] is ''
 * and no word is repeated or '' elsewhere (the dictionary a block's rows would be re-encoded to).
 */
function isCompactDict(col: Extract<Column, { type: 'dict' }>, n: number, hashes: Int32Array): boolean {
  const { values, dict } = col;
  if (!ownsBuffer(values, n) || dict[0] !== '') return false;
  const used = new Uint8Array(dict.length);
  used[0] = 1;
  let unused = dict.length - 1;
  for (let r = 0; r < n && unused > 0; r++) {
    const e = values[r];
    if (e >= dict.length) return false;
    if (used[e] === 0) {
      used[e] = 1;
      unused--;
    }
  }
  if (unused > 0) return false;
  const check = new DictBuilder(dict.length);
  for (let i = 1; i < dict.length; i++) {
    if (typeof dict[i] !== 'string' || check.idOf(dict[i], hashes[i]) !== i) return false;
  }
  return true;
}

function typedColumnOf(name: string, type: TypedColumn['type'], parts: readonly RowRange[], total: number): TypedColumn {
  if (parts.length === 1 && isWhole(parts[0])) {
    const col = parts[0].columns[name];
    if (col && col.type === type && ownsBuffer(col.values, total)) return col as TypedColumn;
  }
  const dst = type === 'day' ? new Int32Array(total) : type === 'num' ? new Float64Array(total) : new Int8Array(total);
  const fill = unknownFill(name, type);
  let off = 0;
  for (const part of parts) {
    const n = part.end - part.start;
    const col = part.columns[name];
    if (!col || col.type !== type) {
      dst.fill(fill, off, off + n);
    } else if (part.rows === null) {
      dst.set((col.values as TypedColumn['values']).subarray(part.start, part.end), off);
    } else {
      const src = col.values as TypedColumn['values'];
      const rows = part.rows;
      for (let i = part.start, o = off; i < part.end; i++, o++) dst[o] = src[rows[i]];
    }
    off += n;
  }
  return { type, values: dst } as TypedColumn;
}

function textColumnOf(name: string, parts: readonly RowRange[]): Column {
  // Appended in order: `new Array(n)` of a large n would start out slow (dictionary) elements.
  const dst: (string | null)[] = [];
  for (const part of parts) {
    const col = part.columns[name];
    if (col && col.type === 'text') {
      const src = col.values;
      const rows = part.rows;
      if (rows) for (let i = part.start; i < part.end; i++) dst.push(src[rows[i]] ?? null);
      else for (let i = part.start; i < part.end; i++) dst.push(src[i] ?? null);
    } else {
      for (let i = part.start; i < part.end; i++) dst.push(null);
    }
  }
  return { type: 'text', values: dst };
}

/**
 * Rows start..end of a dict column re-encoded into `builder`, written to dst from `off`. Two
 * tight passes, mark the entries used then map them, with each used entry's word looked up once
 * in between.
 */
function reencodeRun(
  src: Uint32Array,
  start: number,
  end: number,
  dict: readonly string[],
  hashes: Int32Array,
  builder: DictBuilder,
  dst: Uint32Array,
  off: number,
): void {
  const local = new Int32Array(dict.length);
  for (let i = start; i < end; i++) local[src[i]] = 1;
  for (let e = 0; e < dict.length; e++) if (local[e] === 1) local[e] = builder.idOf(dict[e] ?? '', hashes[e]);
  for (let i = start, o = off; i < end; i++, o++) dst[o] = local[src[i]];
}

/** As reencodeRun, for the listed rows rows[start..end). */
function reencodeListed(
  src: Uint32Array,
  rows: Uint32Array,
  start: number,
  end: number,
  dict: readonly string[],
  hashes: Int32Array,
  builder: DictBuilder,
  dst: Uint32Array,
  off: number,
): void {
  const local = new Int32Array(dict.length);
  for (let i = start; i < end; i++) local[src[rows[i]]] = 1;
  for (let e = 0; e < dict.length; e++) if (local[e] === 1) local[e] = builder.idOf(dict[e] ?? '', hashes[e]);
  for (let i = start, o = off; i < end; i++, o++) dst[o] = local[src[rows[i]]];
}

/**
 * A dict column whose rows are known to hold pairwise different words (no word in two rows,
 * '' in at most one): each row's word is new, so it is appended without looking it up.
 */
function distinctDictColumnOf(name: string, parts: readonly RowRange[], total: number): Column {
  const dst = new Uint32Array(total);
  const words = [''];
  let off = 0;
  for (const part of parts) {
    const col = part.columns[name];
    if (col && col.type === 'dict') {
      const { values: src, dict } = col;
      const rows = part.rows;
      for (let i = part.start, o = off; i < part.end; i++, o++) {
        const word = dict[src[rows ? rows[i] : i]];
        if (word) {
          dst[o] = words.length;
          words.push(word);
        }
      }
    }
    off += part.end - part.start;
  }
  return { type: 'dict', values: dst, dict: words };
}

function dictColumnOf(name: string, parts: readonly RowRange[], total: number, words: WordHashes): Column {
  if (parts.length === 1 && isWhole(parts[0])) {
    const col = parts[0].columns[name];
    if (col && col.type === 'dict' && isCompactDict(col, total, words.of(col.dict))) return col;
  }
  let entries = 0;
  for (const part of parts) {
    const col = part.columns[name];
    if (col && col.type === 'dict') entries += col.dict.length;
  }
  const builder = new DictBuilder(Math.min(entries, total + 1));
  const dst = new Uint32Array(total);
  let off = 0;
  for (const part of parts) {
    const col = part.columns[name];
    if (col && col.type === 'dict') {
      const hashes = words.of(col.dict);
      if (part.rows) reencodeListed(col.values, part.rows, part.start, part.end, col.dict, hashes, builder, dst, off);
      else reencodeRun(col.values, part.start, part.end, col.dict, hashes, builder, dst, off);
    }
    off += part.end - part.start;
  }
  return { type: 'dict', values: dst, dict: builder.words };
}

/**
 * Concatenate runs of rows of several sources into one set of columns, as concatRows does, but
 * with dictionaries holding only the words used (in order of first use), and without copying
 * when one source is taken whole: its typed arrays, and its dictionary columns when already
 * compact, become the result's as they are.
 */
export function concatRanges(parts: readonly RowRange[], options: RangeConcatOptions = {}): ColumnSet {
  const drop = new Set(options.drop ?? []);
  const words = options.words ?? new WordHashes();
  const types = columnTypesOf(parts, drop, []);
  let total = 0;
  for (const part of parts) total += part.end - part.start;
  const columns: Record<string, Column> = {};
  for (const [name, type] of types) {
    if (type === 'dict') {
      columns[name] =
        name === options.distinct && !(parts.length === 1 && isWhole(parts[0]))
          ? distinctDictColumnOf(name, parts, total)
          : dictColumnOf(name, parts, total, words);
    }
    else if (type === 'text') columns[name] = textColumnOf(name, parts);
    else columns[name] = typedColumnOf(name, type, parts, total);
  }
  return { rowCount: total, columns };
}
