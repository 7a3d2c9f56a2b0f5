/**
 * How a block of columns is stored: one ArrayBuffer per block instead of a structured-clone
 * object graph. IndexedDB reads bytes much faster than it rebuilds millions of small strings
 * and objects (measured at 250,000 women, see "Storage for speed" in the README), so:
 * - dictionary codes are kept in the narrowest unsigned type their dictionary allows;
 * - whole-number columns are kept in the narrowest signed integer type (NaN as its minimum);
 * - every string of a column (dictionary words, free text) is one UTF-8 run with UTF-16 offsets,
 *   decoded once and cut into words;
 * - text columns with no value at all (most `__raw` columns) take no bytes.
 * The same bytes are what an encrypted store encrypts. Pure; works in the page and the worker.
 */
import type { Column, ColumnSet } from '../data/columns';

/** How one column's values are laid out in the buffer. */
type Encoding =
  | 'i32' // day: Int32
  | 'f64' // num: Float64
  | 'i8n' // num: whole numbers in Int8 (minimum = NaN)
  | 'i16n' // num: whole numbers in Int16 (minimum = NaN)
  | 'i32n' // num: whole numbers in Int32 (minimum = NaN)
  | 'i8' // yn
  | 'u8' // dict codes
  | 'u16'
  | 'u32'
  | 'null' // text: every value null
  | 'str'; // text: strings with a presence byte per row

interface ColumnHeader {
  name: string;
  type: Column['type'];
  enc: Encoding;
  /** Byte offset of the values (or, for text, of the presence bytes). */
  at: number;
  /** For dict and text: the strings' UTF-8 bytes (at, length) and their UTF-16 end offsets (at). */
  words?: { count: number; utf8At: number; utf8Bytes: number; endsAt: number };
}

interface Header {
  version: 1;
  rowCount: number;
  columns: ColumnHeader[];
}

const VERSION = 1;
const ALIGN = 8;
const align = (n: number) => (n + ALIGN - 1) & ~(ALIGN - 1);

const ARRAYS = {
  i32: Int32Array,
  f64: Float64Array,
  i8n: Int8Array,
  i16n: Int16Array,
  i32n: Int32Array,
  i8: Int8Array,
  u8: Uint8Array,
  u16: Uint16Array,
  u32: Uint32Array,
} as const;
type ArrayEncoding = keyof typeof ARRAYS;

/** The narrowest whole-number encoding of a number column, or f64. */
function numEncoding(values: Float64Array): 'i8n' | 'i16n' | 'i32n' | 'f64' {
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    if (v !== Math.trunc(v) || (v === 0 && 1 / v < 0)) return 'f64';
    if (v < lo) lo = v;
    else if (v > hi) hi = v;
  }
  if (lo > -128 && hi < 128) return 'i8n';
  if (lo > -32768 && hi < 32768) return 'i16n';
  if (lo > -2147483648 && hi < 2147483648) return 'i32n';
  return 'f64';
}

const NAN_OF = { i8n: -128, i16n: -32768, i32n: -2147483648 } as const;

/** Every string of a dict or text column, joined, with each one's UTF-16 end offset. */
function joinStrings(words: readonly (string | null)[]): { text: string; ends: Uint32Array } {
  const ends = new Uint32Array(words.length);
  let end = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word !== null && typeof word !== 'string') throw new Error('A column holds a value that is not text; it cannot be stored.');
    end += word?.length ?? 0;
    ends[i] = end;
  }
  const text = words.join('');
  // A lone surrogate would not survive UTF-8; decoded text never holds one, so this is a guard.
  if (!text.isWellFormed()) throw new Error('A column holds text that is not valid Unicode; it cannot be stored.');
  return { text, ends };
}

/** One block's columns as one ArrayBuffer. */
export function encodeColumns(set: ColumnSet): ArrayBuffer {
  const encoder = new TextEncoder();
  const headers: ColumnHeader[] = [];
  const parts: { at: number; bytes: Uint8Array }[] = [];
  let size = 0;
  const place = (bytes: Uint8Array): number => {
    const at = size;
    parts.push({ at, bytes });
    size = align(size + bytes.byteLength);
    return at;
  };
  const placeArray = (a: ArrayBufferView) => place(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  const placeStrings = (words: readonly (string | null)[]) => {
    const { text, ends } = joinStrings(words);
    const utf8 = encoder.encode(text);
    return { count: words.length, utf8At: place(utf8), utf8Bytes: utf8.byteLength, endsAt: placeArray(ends) };
  };

  for (const [name, col] of Object.entries(set.columns)) {
    switch (col.type) {
      case 'day':
        headers.push({ name, type: col.type, enc: 'i32', at: placeArray(col.values) });
        break;
      case 'yn':
        headers.push({ name, type: col.type, enc: 'i8', at: placeArray(col.values) });
        break;
      case 'num': {
        const enc = numEncoding(col.values);
        if (enc === 'f64') {
          headers.push({ name, type: col.type, enc, at: placeArray(col.values) });
          break;
        }
        const narrow = new ARRAYS[enc](col.values.length);
        const nan = NAN_OF[enc];
        for (let i = 0; i < narrow.length; i++) {
          const v = col.values[i];
          narrow[i] = v === v ? v : nan;
        }
        headers.push({ name, type: col.type, enc, at: placeArray(narrow) });
        break;
      }
      case 'dict': {
        const n = col.dict.length;
        const enc = n <= 0x100 ? 'u8' : n <= 0x10000 ? 'u16' : 'u32';
        const codes = enc === 'u32' ? col.values : new ARRAYS[enc](col.values);
        headers.push({ name, type: col.type, enc, at: placeArray(codes), words: placeStrings(col.dict) });
        break;
      }
      case 'text': {
        const present = new Uint8Array(col.values.length);
        let any = false;
        for (let i = 0; i < present.length; i++) {
          if (col.values[i] === null) continue;
          present[i] = 1;
          any = true;
        }
        if (!any) {
          headers.push({ name, type: col.type, enc: 'null', at: 0 });
          break;
        }
        headers.push({ name, type: col.type, enc: 'str', at: placeArray(present), words: placeStrings(col.values) });
        break;
      }
    }
  }

  const header: Header = { version: VERSION, rowCount: set.rowCount, columns: headers };
  const head = encoder.encode(JSON.stringify(header));
  const bodyAt = align(4 + head.byteLength);
  const out = new Uint8Array(bodyAt + size);
  new DataView(out.buffer).setUint32(0, head.byteLength, true);
  out.set(head, 4);
  for (const { at, bytes } of parts) out.set(bytes, bodyAt + at);
  return out.buffer;
}

/** The columns of a buffer written by encodeColumns. */
export function decodeColumns(buffer: ArrayBuffer): ColumnSet {
  const headLength = new DataView(buffer).getUint32(0, true);
  const decoder = new TextDecoder();
  const header = JSON.parse(decoder.decode(new Uint8Array(buffer, 4, headLength))) as Header;
  if (header.version !== VERSION) throw new Error(`A stored block has format ${header.version}, which this version of Waymark cannot read.`);
  const bodyAt = align(4 + headLength);
  const n = header.rowCount;
  const view = (enc: ArrayEncoding, at: number, length: number) => new ARRAYS[enc](buffer, bodyAt + at, length);
  const strings = (w: NonNullable<ColumnHeader['words']>): { text: string; ends: Uint32Array } => ({
    text: decoder.decode(new Uint8Array(buffer, bodyAt + w.utf8At, w.utf8Bytes)),
    ends: new Uint32Array(buffer, bodyAt + w.endsAt, w.count),
  });

  const columns: Record<string, Column> = {};
  for (const h of header.columns) {
    switch (h.enc) {
      // Views of the buffer, not copies: the buffer is this block's own.
      case 'i32':
        columns[h.name] = { type: 'day', values: new Int32Array(buffer, bodyAt + h.at, n) };
        break;
      case 'i8':
        columns[h.name] = { type: 'yn', values: new Int8Array(buffer, bodyAt + h.at, n) };
        break;
      case 'f64':
        columns[h.name] = { type: 'num', values: new Float64Array(buffer, bodyAt + h.at, n) };
        break;
      case 'i8n':
      case 'i16n':
      case 'i32n': {
        const narrow = view(h.enc, h.at, n);
        const nan = NAN_OF[h.enc];
        const values = new Float64Array(n);
        for (let i = 0; i < n; i++) values[i] = narrow[i] === nan ? NaN : narrow[i];
        columns[h.name] = { type: 'num', values };
        break;
      }
      case 'u8':
      case 'u16':
      case 'u32': {
        const { text, ends } = strings(h.words!);
        const dict = new Array<string>(ends.length);
        let start = 0;
        for (let i = 0; i < ends.length; i++) dict[i] = text.slice(start, (start = ends[i]));
        const codes = h.enc === 'u32' ? new Uint32Array(buffer, bodyAt + h.at, n) : new Uint32Array(view(h.enc, h.at, n));
        columns[h.name] = { type: 'dict', values: codes, dict };
        break;
      }
      case 'null':
        columns[h.name] = { type: 'text', values: new Array<string | null>(n).fill(null) };
        break;
      case 'str': {
        const present = view('u8', h.at, n);
        const { text, ends } = strings(h.words!);
        const values = new Array<string | null>(n);
        let start = 0;
        for (let i = 0; i < n; i++) values[i] = present[i] ? text.slice(start, (start = ends[i])) : null;
        columns[h.name] = { type: 'text', values };
        break;
      }
    }
  }
  return { rowCount: n, columns };
}
