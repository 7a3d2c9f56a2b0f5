/**
 * The one dictionary builder: a hash set of strings giving each distinct string a dense index,
 * for dictionary-encoding columns (the ingest worker's blocks, merged and re-encoded blocks of
 * the store). Measured in Chromium, Map.get/set on strings freshly cut from a CSV cost several
 * times more than hashing them here and probing a typed array. Pure.
 */

/**
 * A 32-bit hash of a string (signed): FNV-1a over pairs of UTF-16 code units (half the
 * multiplications of one unit at a time), then murmur3's finalizer so every bit counts.
 */
export function hashString(s: string): number {
  const n = s.length;
  let h = 0x811c9dc5 ^ n;
  let i = 0;
  for (; i + 1 < n; i += 2) h = Math.imul(h ^ (s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16)), 0x01000193);
  if (i < n) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The hash of every entry of a dictionary (undefined entries as ''), computed once per array. */
export class WordHashes {
  readonly #cache = new WeakMap<readonly string[], Int32Array>();

  of(dict: readonly string[]): Int32Array {
    let hashes = this.#cache.get(dict);
    if (!hashes || hashes.length !== dict.length) {
      hashes = new Int32Array(dict.length);
      for (let i = 0; i < dict.length; i++) {
        const word: unknown = dict[i];
        // Anything else than a string (corrupt input) is hashed by its text; it still fails to store.
        hashes[i] = hashString(typeof word === 'string' ? word : String(word ?? ''));
      }
      this.#cache.set(dict, hashes);
    }
    return hashes;
  }
}

/**
 * A dictionary being built: each distinct word once, in order of first appearance, found by its
 * hash. A column's dictionary has '' (unknown) at index 0 (`unknownFirst`, the default).
 */
export class DictBuilder {
  /** The distinct words, by index. */
  readonly words: string[] = [];
  #hashes: Int32Array;
  /** Word index per slot; -1 when empty. */
  #slots: Int32Array;
  #mask: number;

  /**
   * @param expected the number of words expected (the table grows past it)
   * @param options.unknownFirst whether '' is word 0 from the start (a column's dictionary)
   */
  constructor(expected = 16, { unknownFirst = true }: { unknownFirst?: boolean } = {}) {
    let size = 32;
    while (size < expected * 2) size *= 2;
    this.#hashes = new Int32Array(Math.max(16, expected + 1));
    this.#slots = new Int32Array(size).fill(-1);
    this.#mask = size - 1;
    if (unknownFirst) this.findOrAdd('');
  }

  get size(): number {
    return this.words.length;
  }

  /** The index of `word` (whose hashString is `hash`), adding it when new: then the result is `~index` (negative). */
  findOrAdd(word: string, hash = hashString(word)): number {
    const words = this.words;
    const slots = this.#slots;
    const hashes = this.#hashes;
    const mask = this.#mask;
    let i = hash & mask;
    for (;;) {
      const k = slots[i];
      if (k < 0) break;
      if (hashes[k] === hash && words[k] === word) return k;
      i = (i + 1) & mask;
    }
    const k = words.length;
    if (k === this.#hashes.length) {
      const grown = new Int32Array(k * 2);
      grown.set(this.#hashes);
      this.#hashes = grown;
    }
    this.#hashes[k] = hash;
    words.push(word);
    slots[i] = k;
    if (words.length * 2 > mask) this.#grow();
    return ~k;
  }

  /** The index of `word`, adding it when new. */
  idOf(word: string, hash = hashString(word)): number {
    const k = this.findOrAdd(word, hash);
    return k < 0 ? ~k : k;
  }

  /** The index of `word`, or -1. */
  find(word: string, hash = hashString(word)): number {
    const slots = this.#slots;
    const mask = this.#mask;
    let i = hash & mask;
    for (;;) {
      const k = slots[i];
      if (k < 0) return -1;
      if (this.#hashes[k] === hash && this.words[k] === word) return k;
      i = (i + 1) & mask;
    }
  }

  #grow(): void {
    const size = (this.#mask + 1) * 2;
    const slots = new Int32Array(size).fill(-1);
    const mask = size - 1;
    const hashes = this.#hashes;
    for (let k = 0; k < this.words.length; k++) {
      let i = hashes[k] & mask;
      while (slots[i] >= 0) i = (i + 1) & mask;
      slots[i] = k;
    }
    this.#slots = slots;
    this.#mask = mask;
  }
}
