/**
 * A minimal ZIP writer: stored entries only (no compression, the slides are small text), CRC-32,
 * local headers, central directory and end record. Every entry carries the same fixed DOS date,
 * 1980-01-01 00:00, so an archive says nothing about when it was made and the same files always
 * give the same bytes. No ZIP64: at most 65,535 entries and 4 GiB. Pure.
 */

export interface ZipEntry {
  /** Path inside the archive, forward slashes, stored as UTF-8. */
  name: string;
  data: Uint8Array;
}

const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const END_SIGNATURE = 0x06054b50;
/** 1.0: stored entries need nothing newer. */
const VERSION_NEEDED = 10;
/** Made by MS-DOS (host 0), spec version 2.0. */
const VERSION_MADE_BY = 20;
/** Bit 11: the name is UTF-8. */
const FLAG_UTF8 = 0x0800;
const METHOD_STORE = 0;
/** 00:00:00. */
const DOS_TIME = 0;
/** 1980-01-01: (year - 1980) << 9 | month << 5 | day. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const MAX_U16 = 0xffff;
const MAX_U32 = 0xffffffff;

let crcTable: Uint32Array | null = null;

function table(): Uint32Array {
  if (crcTable) return crcTable;
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  crcTable = t;
  return t;
}

/** CRC-32 (IEEE 802.3, as ZIP and PNG use it) of some bytes. */
export function crc32(data: Uint8Array): number {
  const t = table();
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function checkName(name: string, seen: Set<string>): void {
  if (!name) throw new Error('A file in the ZIP needs a name.');
  if (name.startsWith('/') || name.includes('\\') || name.split('/').some((part) => part === '..' || part === '.')) {
    throw new Error(`"${name}" is not a safe path inside a ZIP.`);
  }
  if (seen.has(name)) throw new Error(`"${name}" is in the ZIP twice.`);
  seen.add(name);
}

/** The files as one store-only ZIP archive. */
export function zipStore(files: readonly ZipEntry[]): Uint8Array {
  if (files.length > MAX_U16) throw new Error(`A ZIP here holds at most ${MAX_U16} files.`);
  const encoder = new TextEncoder();
  const seen = new Set<string>();
  const entries = files.map((f) => {
    checkName(f.name, seen);
    const name = encoder.encode(f.name);
    if (name.length > MAX_U16) throw new Error(`The name "${f.name}" is too long for a ZIP.`);
    return { name, data: f.data, crc: crc32(f.data), offset: 0 };
  });

  let localSize = 0;
  for (const e of entries) localSize += 30 + e.name.length + e.data.length;
  let centralSize = 0;
  for (const e of entries) centralSize += 46 + e.name.length;
  const total = localSize + centralSize + 22;
  if (localSize > MAX_U32 || total > MAX_U32) throw new Error('The files are too large for a ZIP without ZIP64.');

  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (v: number) => {
    view.setUint16(at, v, true);
    at += 2;
  };
  const u32 = (v: number) => {
    view.setUint32(at, v >>> 0, true);
    at += 4;
  };
  const bytes = (b: Uint8Array) => {
    out.set(b, at);
    at += b.length;
  };

  for (const e of entries) {
    e.offset = at;
    u32(LOCAL_SIGNATURE);
    u16(VERSION_NEEDED);
    u16(FLAG_UTF8);
    u16(METHOD_STORE);
    u16(DOS_TIME);
    u16(DOS_DATE);
    u32(e.crc);
    u32(e.data.length); // compressed size
    u32(e.data.length); // uncompressed size
    u16(e.name.length);
    u16(0); // extra field length
    bytes(e.name);
    bytes(e.data);
  }

  const centralStart = at;
  for (const e of entries) {
    u32(CENTRAL_SIGNATURE);
    u16(VERSION_MADE_BY);
    u16(VERSION_NEEDED);
    u16(FLAG_UTF8);
    u16(METHOD_STORE);
    u16(DOS_TIME);
    u16(DOS_DATE);
    u32(e.crc);
    u32(e.data.length);
    u32(e.data.length);
    u16(e.name.length);
    u16(0); // extra field length
    u16(0); // comment length
    u16(0); // disk number start
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(e.offset);
    bytes(e.name);
  }

  const centralEnd = at;
  u32(END_SIGNATURE);
  u16(0); // this disk
  u16(0); // disk with the central directory
  u16(entries.length);
  u16(entries.length);
  u32(centralEnd - centralStart); // central directory size
  u32(centralStart);
  u16(0); // comment length
  return out;
}
