/**
 * Natural keys without a string per row: every key part becomes an integer (day numbers and yn
 * as they are, dictionary values as merged-dictionary ids, other strings interned), and rows
 * are found by key in an open-addressing hash table over those integers. The canonical key text (parts joined by KEY_SEPARATOR) is only built
 * for reports.
 */
import { FILE_KINDS, type Field, type Kind } from '../domain/contract';
import { KEY_SEPARATOR, UNKNOWN_DAY, YN_UNKNOWN } from '../domain/columns';
import { RAW_SUFFIX, cellText, hasRawColumn } from './column-ops';
import type { StoredColumns } from './db';
import type { KindRows } from './kind-rows';

/** Joins an open-vocabulary code and its raw text inside one key part. */
const RAW_JOIN = '\u001e';

export function naturalKeyFields(kind: Kind): Field[] {
  const spec = FILE_KINDS[kind];
  return spec.naturalKey.map((name) => {
    const field = spec.fields.find((f) => f.name === name);
    if (!field) throw new Error(`Natural key field ${name} is not a field of ${kind}.`);
    return field;
  });
}

/**
 * The key parts of every row, in global row order: one Int32Array per key field. Dictionary
 * values become merged-dictionary ids, so equal strings from blocks with different
 * dictionaries get equal numbers; other strings are interned. An open-vocabulary `other` with
 * raw text is keyed by code and raw text (a negative id), so two different "other" values are
 * two different keys.
 */
export function keyParts(rows: KindRows): Int32Array[] {
  const { sources, offsets, total } = rows;
  return naturalKeyFields(rows.kind).map((field) => {
    const out = new Int32Array(total);
    const access = rows.columns.get(field.name)!;
    const interned = new Map<string, number>([['', 0]]);
    const intern = (text: string): number => {
      let id = interned.get(text);
      if (id === undefined) {
        id = interned.size;
        interned.set(text, id);
      }
      return id;
    };
    const rawIds = new Map<string, number>();
    const rawAccess = hasRawColumn(field) ? rows.columns.get(field.name + RAW_SUFFIX) : undefined;
    sources.forEach((s, si) => {
      const off = offsets[si];
      const n = s.rowCount;
      const col = access.cols[si];
      if (!col) {
        out.fill(access.type === 'day' ? UNKNOWN_DAY : access.type === 'yn' ? YN_UNKNOWN : 0, off, off + n);
      } else if (col.type === 'day' || col.type === 'yn') {
        out.set(col.values.subarray(0, n), off);
      } else if (col.type === 'dict') {
        const remap = access.merge!.remaps[si]!;
        const values = col.values;
        for (let r = 0; r < n; r++) out[off + r] = remap[values[r]];
      } else if (col.type === 'num') {
        for (let r = 0; r < n; r++) {
          const v = col.values[r];
          out[off + r] = Number.isNaN(v) ? 0 : intern(String(v));
        }
      } else {
        const values = col.values;
        for (let r = 0; r < n; r++) out[off + r] = intern(values[r] ?? '');
      }
      const raw = rawAccess?.cols[si];
      if (col && raw && raw.type === 'text') {
        const rawValues = raw.values;
        for (let r = 0; r < n; r++) {
          const text = rawValues[r];
          if (!text) continue;
          const key = `${out[off + r]}${RAW_JOIN}${text}`;
          let id = rawIds.get(key);
          if (id === undefined) {
            id = -1 - rawIds.size;
            rawIds.set(key, id);
          }
          out[off + r] = id;
        }
      }
    });
    return out;
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

function hashAt(keys: Int32Array, base: number, width: number): number {
  let h = width;
  for (let p = 0; p < width; p++) {
    let k = Math.imul(keys[base + p], 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/**
 * A set of rows (by global row number) with distinct natural keys. A single dense non-negative
 * key part (merged-dictionary ids, as for case_id or incident_id) is looked up directly.
 * Otherwise rows are hashed into an open-addressing table whose slots hold the row and its
 * hash side by side, over the key parts interleaved per row: a probe then touches one cache
 * line of the table and, only when the hashes agree, one of the keys.
 */
export class KeyTable {
  readonly #width: number;
  /** Row g's key is keys[g * width .. (g + 1) * width). */
  readonly #keys: Int32Array;
  /** Direct: slot per key value. Hashed: pairs (row, hash), row -1 when empty. */
  readonly #slots: Int32Array;
  readonly #mask: number;
  readonly #direct: boolean;

  constructor(parts: readonly Int32Array[], capacity: number) {
    const width = parts.length;
    this.#width = width;
    if (width === 1) {
      let min = 0;
      let max = 0;
      for (const v of parts[0]) {
        if (v < min) min = v;
        else if (v > max) max = v;
      }
      this.#keys = parts[0];
      if (min >= 0 && max < capacity * 4 + 1024) {
        this.#direct = true;
        this.#slots = new Int32Array(max + 1).fill(-1);
        this.#mask = 0;
        return;
      }
    } else {
      const n = parts[0]?.length ?? 0;
      const keys = new Int32Array(n * width);
      for (let p = 0; p < width; p++) {
        const part = parts[p];
        for (let g = 0, i = p; g < n; g++, i += width) keys[i] = part[g];
      }
      this.#keys = keys;
    }
    // Load factor at most 2/3: a smaller table means fewer cache and TLB misses per probe.
    let size = 16;
    while (size < capacity * 1.5) size *= 2;
    this.#direct = false;
    this.#slots = new Int32Array(size * 2).fill(-1);
    this.#mask = size * 2 - 1;
  }

  /** The row already holding row g's key, or -1 after adding row g. */
  findOrAdd(g: number): number {
    const keys = this.#keys;
    const slots = this.#slots;
    if (this.#direct) {
      const k = keys[g];
      const h = slots[k];
      if (h < 0) slots[k] = g;
      return h;
    }
    const width = this.#width;
    const mask = this.#mask;
    const base = g * width;
    const hash = hashAt(keys, base, width);
    let i = (hash << 1) & mask;
    for (;;) {
      const h = slots[i];
      if (h < 0) {
        slots[i] = g;
        slots[i + 1] = hash;
        return -1;
      }
      if (slots[i + 1] === hash) {
        const other = h * width;
        let p = 0;
        while (p < width && keys[other + p] === keys[base + p]) p++;
        if (p === width) return h;
      }
      i = (i + 2) & mask;
    }
  }
}
