/**
 * Natural keys without a string per row: each row's key is hashed to one integer (day numbers
 * and yn as they are, numbers by their bits, strings by a hash computed once per dictionary
 * entry or per text cell), and rows are found by key in an open-addressing table of those
 * hashes. Equal hashes are confirmed by comparing the values themselves, so no dictionary has to
 * be merged first. The canonical key text (parts joined by KEY_SEPARATOR) is only built for
 * reports.
 */
import { FILE_KINDS, type Field, type Kind } from '../domain/contract';
import { KEY_SEPARATOR, UNKNOWN_DAY, YN_UNKNOWN, type Column } from '../domain/columns';
import { RAW_SUFFIX, cellText, hashString, hasRawColumn, type WordHashes } from './column-ops';
import type { StoredColumns } from './db';
import type { KindRows } from './kind-rows';

export function naturalKeyFields(kind: Kind): Field[] {
  const spec = FILE_KINDS[kind];
  return spec.naturalKey.map((name) => {
    const field = spec.fields.find((f) => f.name === name);
    if (!field) throw new Error(`Natural key field ${name} is not a field of ${kind}.`);
    return field;
  });
}

/** The canonical natural key of one row: stored values joined by KEY_SEPARATOR. */
export function keyText(kind: Kind, source: StoredColumns, row: number, separator = KEY_SEPARATOR): string {
  return naturalKeyFields(kind)
    .map((f) => {
      const base = cellText(source.columns[f.name], row) ?? '';
      const raw = hasRawColumn(f) ? cellText(source.columns[f.name + RAW_SUFFIX], row) : null;
      return raw ? `${base} (${raw})` : base;
    })
    .join(separator);
}

/** One murmur3 round: mixes the 32-bit part k into the running hash h. */
function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** murmur3's finalizer: every input bit affects the low bits the table is indexed by. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const EMPTY_HASH = hashString('');
/** A number key part that is unknown (NaN, or the column is missing). */
const NAN_HASH = 0x7ff80000;
/** Marks a key part that carries the raw text of an open vocabulary's `other`. */
const RAW_SALT = 0x5bd1e995;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** Equal for equal numbers (0 and -0 alike); NAN_HASH for NaN. */
function numberHash(v: number): number {
  if (v !== v) return NAN_HASH;
  f64[0] = v + 0;
  return (u32[0] ^ Math.imul(u32[1], 0x9e3779b1)) | 0;
}

type Values<T extends Column['type']> = Extract<Column, { type: T }>['values'];

/** One key part of every row mixed into `hashes`, source by source. */
function mixPart(
  hashes: Int32Array,
  rows: KindRows,
  name: string,
  words: WordHashes,
  onRows: ((n: number) => void) | undefined,
): void {
  const { sources, offsets } = rows;
  const access = rows.columns.get(name)!;
  for (let si = 0; si < sources.length; si++) {
    const off = offsets[si];
    const n = sources[si].rowCount;
    const col = access.cols[si];
    if (!col) {
      const k =
        access.type === 'day' ? UNKNOWN_DAY : access.type === 'yn' ? YN_UNKNOWN : access.type === 'num' ? NAN_HASH : EMPTY_HASH;
      for (let r = 0; r < n; r++) hashes[off + r] = mix(hashes[off + r], k);
    } else if (col.type === 'day' || col.type === 'yn') {
      const values = col.values as Values<'day'> | Values<'yn'>;
      for (let r = 0; r < n; r++) hashes[off + r] = mix(hashes[off + r], values[r]);
    } else if (col.type === 'dict') {
      const entry = words.of(col.dict);
      const values = col.values;
      for (let r = 0; r < n; r++) hashes[off + r] = mix(hashes[off + r], entry[values[r]]);
    } else if (col.type === 'num') {
      const values = col.values;
      for (let r = 0; r < n; r++) hashes[off + r] = mix(hashes[off + r], numberHash(values[r]));
    } else {
      const values = col.values;
      for (let r = 0; r < n; r++) hashes[off + r] = mix(hashes[off + r], hashString(values[r] ?? ''));
    }
    onRows?.(n);
  }
}

/** The raw text of an open vocabulary's `other` mixed into the hashes of the rows that have it. */
function mixRaw(hashes: Int32Array, rows: KindRows, field: Field): void {
  const { sources, offsets } = rows;
  const base = rows.columns.get(field.name)!;
  const raw = rows.columns.get(field.name + RAW_SUFFIX)!;
  for (let si = 0; si < sources.length; si++) {
    const col = raw.cols[si];
    if (!base.cols[si] || !col || col.type !== 'text') continue;
    const off = offsets[si];
    const values = col.values;
    for (let r = 0; r < sources[si].rowCount; r++) {
      const text = values[r];
      if (text) hashes[off + r] = mix(hashes[off + r], hashString(text) ^ RAW_SALT);
    }
  }
}

/** The raw text that is part of the key of one row ('' when none). */
function rawOf(base: (Column | undefined)[], raw: (Column | undefined)[], si: number, r: number): string {
  const col = raw[si];
  return base[si] && col && col.type === 'text' ? col.values[r] || '' : '';
}

/**
 * A set of rows (by global row number of a KindRows) with distinct natural keys. Two rows have
 * the same key when every key field holds the same value: equal words (a missing column and ''
 * being unknown), equal numbers (NaN equal to NaN and to a missing column), equal days and yn;
 * an open-vocabulary `other` with raw text is keyed by the raw text too.
 *
 * The table's slots hold a row and its key hash side by side: a probe touches one cache line of
 * the table and, only when the hashes agree, the rows' values.
 */
export class KeyTable {
  readonly #rows: KindRows;
  /** Per global row, the hash of its key. */
  readonly #hashes: Int32Array;
  /** Pairs (row, hash); row -1 when empty. */
  readonly #slots: Int32Array;
  readonly #mask: number;
  readonly #same: KindRows['columns'] extends Map<string, infer A> ? A['same'][] : never;
  /** Per open-vocabulary key field, its base and raw columns. */
  readonly #raws: { base: (Column | undefined)[]; raw: (Column | undefined)[] }[];

  /**
   * Hashes the key of every row (none is added yet).
   * @param onRows told of the rows hashed as it goes, one call per source and key field
   */
  constructor(rows: KindRows, words: WordHashes, onRows?: (n: number) => void) {
    this.#rows = rows;
    const fields = naturalKeyFields(rows.kind);
    const hashes = new Int32Array(rows.total).fill(fields.length);
    for (const field of fields) {
      mixPart(hashes, rows, field.name, words, onRows);
      if (hasRawColumn(field)) mixRaw(hashes, rows, field);
    }
    for (let g = 0; g < hashes.length; g++) hashes[g] = fmix(hashes[g]);
    this.#hashes = hashes;
    this.#same = fields.map((f) => rows.columns.get(f.name)!.same);
    this.#raws = fields
      .filter(hasRawColumn)
      .map((f) => ({ base: rows.columns.get(f.name)!.cols, raw: rows.columns.get(f.name + RAW_SUFFIX)!.cols }));
    // Load factor at most 2/3: a smaller table means fewer cache and TLB misses per probe.
    let size = 16;
    while (size < rows.total * 1.5) size *= 2;
    this.#slots = new Int32Array(size * 2).fill(-1);
    this.#mask = size * 2 - 1;
  }

  /** Whether global rows a and b have the same natural key. */
  sameKey(a: number, b: number): boolean {
    const { sourceOf, offsets } = this.#rows;
    const sa = sourceOf[a];
    const sb = sourceOf[b];
    const ra = a - offsets[sa];
    const rb = b - offsets[sb];
    for (const same of this.#same) if (!same(sa, ra, sb, rb)) return false;
    for (const { base, raw } of this.#raws) if (rawOf(base, raw, sa, ra) !== rawOf(base, raw, sb, rb)) return false;
    return true;
  }

  /** The row already holding row g's key, or -1 after adding row g. */
  findOrAdd(g: number): number {
    const slots = this.#slots;
    const mask = this.#mask;
    const hash = this.#hashes[g];
    let i = (hash << 1) & mask;
    for (;;) {
      const h = slots[i];
      if (h < 0) {
        slots[i] = g;
        slots[i + 1] = hash;
        return -1;
      }
      if (slots[i + 1] === hash && this.sameKey(h, g)) return h;
      i = (i + 2) & mask;
    }
  }
}
