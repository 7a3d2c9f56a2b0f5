/**
 * Natural keys without a string per row: each row's key is hashed to one integer (day numbers
 * and yn as they are, numbers by their bits, strings by a hash computed once per dictionary
 * entry or per text cell), and rows are found by key in an open-addressing table of those
 * hashes. Equal hashes are confirmed by comparing the values themselves, so no dictionary has to
 * be merged first. The canonical key text (parts joined by KEY_SEPARATOR) is only built for
 * reports.
 */
import { FILE_KINDS, type Field, type Kind } from '../domain/contract';
import { KEY_SEPARATOR, UNKNOWN_DAY, YN_UNKNOWN, type Column } from '../data/columns';
import { RAW_SUFFIX } from '../data/columns';
import { cellText } from '../data/cells';
import { hashString, type WordHashes } from '../data/dictionary';
import { columnLayout, hasRawColumn } from '../data/layout';
import type { StoredColumns } from './db';
import { sameCell, type ColumnAccess, type KindRows } from './kind-rows';

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

/** Mixes one part per row into hashes[off..off + n): parts from an integer column. */
function mixInts(hashes: Int32Array, off: number, values: Int32Array, n: number): void {
  for (let r = 0; r < n; r++) hashes[off + r] = mix(hashes[off + r], values[r]);
}

function mixBytes(hashes: Int32Array, off: number, values: Int8Array, n: number): void {
  for (let r = 0; r < n; r++) hashes[off + r] = mix(hashes[off + r], values[r]);
}

function mixConstant(hashes: Int32Array, off: number, k: number, n: number): void {
  for (let r = 0; r < n; r++) hashes[off + r] = mix(hashes[off + r], k);
}

/** Dictionary cells by the hash of their word. */
function mixWords(hashes: Int32Array, off: number, values: Uint32Array, entry: Int32Array, n: number): void {
  for (let r = 0; r < n; r++) hashes[off + r] = mix(hashes[off + r], entry[values[r]]);
}

function mixNumbers(hashes: Int32Array, off: number, values: Float64Array, n: number): void {
  for (let r = 0; r < n; r++) hashes[off + r] = mix(hashes[off + r], numberHash(values[r]));
}

function mixTexts(hashes: Int32Array, off: number, values: readonly (string | null)[], n: number): void {
  for (let r = 0; r < n; r++) hashes[off + r] = mix(hashes[off + r], hashString(values[r] ?? ''));
}

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
      const t = access.type;
      mixConstant(hashes, off, t === 'day' ? UNKNOWN_DAY : t === 'yn' ? YN_UNKNOWN : t === 'num' ? NAN_HASH : EMPTY_HASH, n);
    } else if (col.type === 'day') mixInts(hashes, off, col.values, n);
    else if (col.type === 'yn') mixBytes(hashes, off, col.values, n);
    else if (col.type === 'dict') mixWords(hashes, off, col.values, words.of(col.dict), n);
    else if (col.type === 'num') mixNumbers(hashes, off, col.values, n);
    else mixTexts(hashes, off, col.values, n);
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

/** Rows per partition when finding equal keys: each partition's table stays in cache. */
const PARTITION_ROWS = 4096;
/**
 * Rows to be compared by value (their hashes being equal) from which a kind's dictionaries are
 * merged first, so that words compare as integers: a re-import compares every row.
 */
const MERGE_AFTER = 4096;

/** Work arrays reused from kind to kind of one import, so that each kind does not allocate its own. */
export class KeyScratch {
  readonly #arrays: Int32Array[] = [];

  /** Array `i`, at least n long; its contents are left from earlier use. */
  get(i: number, n: number): Int32Array {
    let a = this.#arrays[i];
    if (!a || a.length < n) {
      a = new Int32Array(n);
      this.#arrays[i] = a;
    }
    return a;
  }
}

/**
 * The natural keys of the rows of a KindRows. Two rows have the same key when every key field
 * holds the same value: equal words (a missing column and '' being unknown), equal numbers
 * (NaN equal to NaN and to a missing column), equal days and yn; an open-vocabulary `other`
 * with raw text is keyed by the raw text too.
 */
export class NaturalKeys {
  readonly #rows: KindRows;
  readonly #scratch: KeyScratch;
  /** Per global row, the hash of its key (scratch array 0). */
  readonly #hashes: Int32Array;
  readonly #words: WordHashes;
  /** The key fields' columns. */
  readonly #fields: ColumnAccess[];
  /** Per open-vocabulary key field, its base and raw columns. */
  readonly #raws: { base: (Column | undefined)[]; raw: (Column | undefined)[] }[];

  /**
   * Hashes the key of every row.
   * @param onRows told of the rows hashed as it goes, one call per source and key field
   */
  constructor(rows: KindRows, words: WordHashes, scratch: KeyScratch, onRows?: (n: number) => void) {
    this.#rows = rows;
    this.#scratch = scratch;
    this.#words = words;
    const fields = naturalKeyFields(rows.kind);
    const hashes = scratch.get(0, rows.total).fill(0, 0, rows.total);
    for (const field of fields) {
      mixPart(hashes, rows, field.name, words, onRows);
      if (hasRawColumn(field)) mixRaw(hashes, rows, field);
    }
    this.#hashes = hashes;
    this.#fields = fields.map((f) => rows.columns.get(f.name)!);
    this.#raws = fields
      .filter(hasRawColumn)
      .map((f) => ({ base: rows.columns.get(f.name)!.cols, raw: rows.columns.get(f.name + RAW_SUFFIX)!.cols }));
  }

  /** Whether global rows a and b have the same natural key. */
  sameKey(a: number, b: number): boolean {
    const { sourceOf, offsets } = this.#rows;
    const sa = sourceOf[a];
    const sb = sourceOf[b];
    const ra = a - offsets[sa];
    const rb = b - offsets[sb];
    for (const field of this.#fields) if (!sameCell(field, sa, ra, sb, rb)) return false;
    for (const { base, raw } of this.#raws) if (rawOf(base, raw, sa, ra) !== rawOf(base, raw, sb, rb)) return false;
    return true;
  }

  /**
   * The rows whose key an earlier row has: per global row, 1 + the first row with its key, or 0
   * when it is the first; null when no row repeats a key (then nothing is allocated). Valid until
   * the next NaturalKeys of the same scratch.
   *
   * Rows are first split by the top bits of their hash into partitions of about PARTITION_ROWS
   * rows (keeping their order), then each partition is run through a small open-addressing table
   * of hashes that stays in cache (one table as large as all rows would miss the cache on almost
   * every row); equal keys have equal hashes, so they meet in the same partition. A row whose
   * hash an earlier row has is a candidate; candidates are then confirmed by their values in
   * row order, where the rows compared lie near the ones compared before.
   * @param onRows told of the work done as it goes: three times the rows in all
   */
  repeats(onRows?: (n: number) => void): Int32Array | null {
    const total = this.#rows.total;
    const hashes = this.#hashes;
    let bits = 0;
    while (bits < 16 && total >> bits > PARTITION_ROWS) bits++;
    const shift = 32 - bits;
    const parts = 1 << bits;
    // Partition of a row: the top bits of its finalised hash.
    const starts = new Int32Array(parts + 1);
    for (let g = 0; g < total; g++) {
      const h = fmix(hashes[g]);
      hashes[g] = h;
      starts[bits ? (h >>> shift) + 1 : 1]++;
    }
    for (let p = 0; p < parts; p++) starts[p + 1] += starts[p];
    // Pairs (row, hash) by partition, in row order within each.
    const pairs = this.#scratch.get(1, total * 2);
    const next = starts.slice(0, parts);
    for (let g = 0; g < total; g++) {
      const h = hashes[g];
      const at = (bits ? next[h >>> shift]++ : g) << 1;
      pairs[at] = g;
      pairs[at + 1] = h;
    }
    onRows?.(total);

    let largest = 0;
    for (let p = 0; p < parts; p++) largest = Math.max(largest, starts[p + 1] - starts[p]);
    let size = 16;
    while (size < largest * 1.5) size *= 2;
    // Pairs (row + 1, hash) of the first row of each hash; row + 1 === 0 when empty. Cleared per
    // partition.
    const slots = new Int32Array(size * 2);
    const mask = size * 2 - 1;
    let repeats: Int32Array | null = null;
    let candidates = 0;
    let told = 0;
    for (let p = 0; p < parts; p++) {
      const end = starts[p + 1];
      for (let k = starts[p] << 1; k < end << 1; k += 2) {
        const g = pairs[k];
        const hash = pairs[k + 1];
        let i = (hash << 1) & mask;
        for (;;) {
          const h = slots[i] - 1;
          if (h < 0) {
            slots[i] = g + 1;
            slots[i + 1] = hash;
            break;
          }
          if (slots[i + 1] === hash) {
            repeats ??= this.#scratch.get(2, total).fill(0, 0, total);
            repeats[g] = h + 1;
            candidates++;
            break;
          }
          i = (i + 2) & mask;
        }
      }
      slots.fill(0);
      if ((p & 31) === 31 && onRows) {
        onRows(end - told);
        told = end;
      }
    }
    onRows?.(total - told);
    if (!repeats) {
      onRows?.(total);
      return null;
    }

    // Many candidates (a re-import): compare words as integers rather than as strings.
    if (candidates >= MERGE_AFTER) this.#rows.mergeDictionaries(this.#words);
    /** Per hash, the first rows of keys other than the first row's that share it. */
    let collided: Map<number, number[]> | null = null;
    let confirmed = 0;
    told = 0;
    for (let g = 0; g < total; g++) {
      if (repeats[g] === 0) continue;
      if (g - told >= 65536 && onRows) {
        onRows(g - told);
        told = g;
      }
      if (this.sameKey(repeats[g] - 1, g)) {
        confirmed++;
        continue;
      }
      // Equal hashes of different keys: g is the first of its key unless an earlier such row is.
      collided ??= new Map();
      const others = collided.get(hashes[g]);
      const first = others?.find((f) => this.sameKey(f, g));
      if (first !== undefined) {
        repeats[g] = first + 1;
        confirmed++;
      } else {
        repeats[g] = 0;
        if (others) others.push(g);
        else collided.set(hashes[g], [g]);
      }
    }
    onRows?.(total - told);
    return confirmed ? repeats : null;
  }
}

/**
 * The dict column that alone is the natural key of a kind (case_id of cases, incident_id of
 * incidents): kept rows have distinct keys, so no word is in two kept rows.
 */
export function distinctColumn(kind: Kind): string | undefined {
  const fields = naturalKeyFields(kind);
  if (fields.length !== 1 || hasRawColumn(fields[0])) return undefined;
  const name = fields[0].name;
  return columnLayout(kind).find((c) => c.name === name)?.type === 'dict' ? name : undefined;
}
