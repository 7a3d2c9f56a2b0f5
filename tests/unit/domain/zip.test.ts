import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipStore } from '../../../src/domain/zip';

/** CRC-32 (IEEE), bit by bit: an independent check of the archive's checksums. */
function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

interface ReadEntry {
  name: string;
  data: Uint8Array;
  crc: number;
  method: number;
  time: number;
  date: number;
  centralCrc: number;
}

/** A store-only ZIP reader: end record, then central directory, then each local header. */
function readZip(zip: Uint8Array): ReadEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  const cdSize = view.getUint32(end + 12, true);
  const cdStart = view.getUint32(end + 16, true);
  expect(cdStart + cdSize).toBe(end);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const out: ReadEntry[] = [];
  let at = cdStart;
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const centralCrc = view.getUint32(at + 16, true);
    const size = view.getUint32(at + 20, true);
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    const offset = view.getUint32(at + 42, true);
    const centralName = decoder.decode(zip.subarray(at + 46, at + 46 + nameLen));
    at += 46 + nameLen + extraLen + commentLen;

    expect(view.getUint32(offset, true)).toBe(0x04034b50);
    const method = view.getUint16(offset + 8, true);
    const time = view.getUint16(offset + 10, true);
    const date = view.getUint16(offset + 12, true);
    const crc = view.getUint32(offset + 14, true);
    expect(view.getUint32(offset + 18, true)).toBe(size);
    expect(view.getUint32(offset + 22, true)).toBe(size);
    const localNameLen = view.getUint16(offset + 26, true);
    const localExtra = view.getUint16(offset + 28, true);
    const name = decoder.decode(zip.subarray(offset + 30, offset + 30 + localNameLen));
    expect(name).toBe(centralName);
    const start = offset + 30 + localNameLen + localExtra;
    out.push({ name, data: zip.slice(start, start + size), crc, method, time, date, centralCrc });
  }
  expect(at).toBe(end);
  return out;
}

const enc = new TextEncoder();
const files = [
  { name: 'slides/slide-01.svg', data: enc.encode('<svg xmlns="x"><text>café & “quotes”</text></svg>\n') },
  { name: 'case-study.html', data: enc.encode('<!DOCTYPE html><title>x</title>') },
  { name: 'empty.txt', data: new Uint8Array(0) },
  { name: 'notes/ünïcode name.txt', data: Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) & 0xff) },
];

describe('crc32', () => {
  it('matches the standard check values', () => {
    expect(crc32(enc.encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32(enc.encode('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
  });
});

describe('zipStore', () => {
  it('round-trips every file, stored, with its CRC and the fixed 1980-01-01 date', () => {
    const entries = readZip(zipStore(files));
    expect(entries.map((e) => e.name)).toEqual(files.map((f) => f.name));
    entries.forEach((e, i) => {
      expect(e.data).toEqual(files[i].data);
      expect(e.method).toBe(0);
      expect(e.crc).toBe(crc32(files[i].data));
      expect(e.centralCrc).toBe(e.crc);
      expect(e.date).toBe(0x21);
      expect(e.time).toBe(0);
    });
  });

  it('gives the same bytes for the same files (no clock in the archive)', () => {
    expect(zipStore(files)).toEqual(zipStore(files));
  });

  it('writes an empty archive as just the end record', () => {
    const zip = zipStore([]);
    expect(zip.length).toBe(22);
    expect(readZip(zip)).toEqual([]);
  });

  it('refuses unsafe, empty and repeated names', () => {
    const data = new Uint8Array(1);
    expect(() => zipStore([{ name: '', data }])).toThrow(/name/);
    expect(() => zipStore([{ name: '../x', data }])).toThrow(/safe/);
    expect(() => zipStore([{ name: '/x', data }])).toThrow(/safe/);
    expect(() => zipStore([{ name: 'a\\b', data }])).toThrow(/safe/);
    expect(() => zipStore([{ name: 'a', data }, { name: 'a', data }])).toThrow(/twice/);
  });

  const hasUnzip = spawnSync('unzip', ['-v']).status === 0;
  it.skipIf(!hasUnzip)('passes unzip -t and lists the files with the 1980 date', () => {
    const dir = mkdtempSync(join(tmpdir(), 'waymark-zip-'));
    try {
      const path = join(dir, 'test.zip');
      writeFileSync(path, zipStore(files));
      const test = execFileSync('unzip', ['-t', path], { encoding: 'utf8' });
      expect(test).toMatch(/No errors detected/);
      const list = execFileSync('unzip', ['-l', path], { encoding: 'utf8' });
      // unzip prints non-ASCII names in the shell's locale, so only the ASCII ones are compared.
      for (const f of files.filter((x) => /^[\x20-\x7e]+$/.test(x.name))) expect(list).toContain(f.name);
      expect(list).toMatch(/4 files/);
      expect(list).toMatch(/1980/);
      const content = execFileSync('unzip', ['-p', path, 'slides/slide-01.svg']);
      expect(new Uint8Array(content)).toEqual(files[0].data);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
