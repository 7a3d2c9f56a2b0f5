/**
 * A digest of everything stored: every table, every record in key order, every column's typed
 * array, dictionary and text. Equal digests mean equal stores, which is how undo is checked.
 */
import type { Dexie } from 'dexie';

/** Streams text into two independent 32-bit FNV-1a hashes (64 bits in all). */
class TextHash {
  #a = 0x811c9dc5;
  #b = 0x01000193 ^ 0x5bd1e995;

  add(text: string): void {
    let a = this.#a;
    let b = this.#b;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
    }
    this.#a = a;
    this.#b = b;
  }

  hex(): string {
    return (this.#a >>> 0).toString(16).padStart(8, '0') + (this.#b >>> 0).toString(16).padStart(8, '0');
  }
}

function addValue(hash: TextHash, value: unknown): void {
  if (value === null) hash.add('n;');
  else if (value === undefined) hash.add('u;');
  else if (typeof value === 'number') hash.add(Object.is(value, -0) ? 'd-0;' : `d${value};`);
  else if (typeof value === 'string') hash.add(`s${value.length}:${value};`);
  else if (typeof value === 'boolean') hash.add(value ? 't;' : 'f;');
  else if (value instanceof ArrayBuffer) addValue(hash, new Uint8Array(value));
  else if (ArrayBuffer.isView(value)) {
    const typed = value as unknown as ArrayLike<number>;
    hash.add(`${value.constructor.name}${typed.length}[`);
    for (let i = 0; i < typed.length; i++) hash.add(Object.is(typed[i], -0) ? '-0,' : `${typed[i]},`);
    hash.add('];');
  } else if (Array.isArray(value)) {
    hash.add(`a${value.length}[`);
    for (let i = 0; i < value.length; i++) addValue(hash, i in value ? value[i] : undefined);
    hash.add('];');
  } else if (typeof value === 'object') {
    const keys = Object.keys(value as object).sort();
    hash.add(`o${keys.length}{`);
    for (const k of keys) {
      hash.add(`${k}=`);
      addValue(hash, (value as Record<string, unknown>)[k]);
    }
    hash.add('};');
  } else {
    hash.add(`${typeof value}:${String(value)};`);
  }
}

/** The digest of every table of the database (names sorted, records in primary-key order). */
export async function digestStore(db: Dexie): Promise<string> {
  const hash = new TextHash();
  const tables = [...db.tables].sort((a, b) => a.name.localeCompare(b.name));
  for (const table of tables) {
    const keys = await table.toCollection().primaryKeys();
    const records = await table.toArray();
    hash.add(`table ${table.name} ${records.length}\n`);
    records.forEach((record, i) => {
      addValue(hash, keys[i] as unknown);
      addValue(hash, record);
    });
  }
  return hash.hex();
}
