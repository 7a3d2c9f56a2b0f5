import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NotTextFileError, decodeBytes } from '../../../src/ingest/decode-bytes';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

describe('decodeBytes', () => {
  const cases: { name: string; input: Uint8Array; text: string; encoding: string }[] = [
    { name: 'plain ASCII is UTF-8', input: bytes('a,b\n1,2\n'), text: 'a,b\n1,2\n', encoding: 'utf-8' },
    { name: 'UTF-8 without BOM', input: bytes('area\nCafé\n'), text: 'area\nCafé\n', encoding: 'utf-8' },
    { name: 'UTF-8 with BOM: BOM stripped', input: bytes([0xef, 0xbb, 0xbf], 'area\nCafé\n'), text: 'area\nCafé\n', encoding: 'utf-8-bom' },
    { name: 'BOM only', input: bytes([0xef, 0xbb, 0xbf]), text: '', encoding: 'utf-8-bom' },
    { name: 'empty file', input: new Uint8Array(0), text: '', encoding: 'utf-8' },
    { name: 'a lone 0xE9 is Windows-1252 é', input: bytes('area\nCaf', [0xe9], '\n'), text: 'area\nCafé\n', encoding: 'windows-1252' },
    { name: 'Windows-1252 curly quote 0x92', input: bytes('Ni', [0xf1], 'o', [0x92], 's'), text: 'Niño’s', encoding: 'windows-1252' },
    { name: 'Windows-1252 euro 0x80', input: bytes('cost ', [0x80], '5'), text: 'cost €5', encoding: 'windows-1252' },
    { name: 'truncated UTF-8 sequence falls back', input: bytes('ab', [0xc3]), text: 'abÃ', encoding: 'windows-1252' },
    { name: 'BOM then invalid UTF-8: BOM still stripped', input: bytes([0xef, 0xbb, 0xbf], 'Caf', [0xe9]), text: 'Café', encoding: 'windows-1252' },
  ];
  it.each(cases)('$name', ({ input, text, encoding }) => {
    expect(decodeBytes(input)).toEqual({ text, encoding });
  });

  it('accepts an ArrayBuffer', () => {
    expect(decodeBytes(bytes('a\n').buffer as ArrayBuffer).text).toBe('a\n');
  });

  it('rejects binary files (NUL bytes in the first 8 KB) as "not a text file"', () => {
    expect(() => decodeBytes(bytes('PK', [3, 4, 0, 0]), 'export.xlsx')).toThrow(NotTextFileError);
    expect(() => decodeBytes(bytes('PK', [3, 4, 0, 0]), 'export.xlsx')).toThrow(/export\.xlsx is not a text file/);
    expect(() => decodeBytes(fixture('bad/binary.csv'))).toThrow(/not a text file/);
  });

  it('only sniffs the first 8 KB for NUL bytes', () => {
    const big = new Uint8Array(9000).fill(0x61);
    big[8500] = 0;
    expect(decodeBytes(big).encoding).toBe('utf-8');
  });

  it('rejects UTF-16 with a clear message', () => {
    expect(() => decodeBytes(bytes([0xff, 0xfe], 'a'), 'u16.csv')).toThrow(/UTF-16/);
    expect(() => decodeBytes(bytes([0xfe, 0xff], 'a'), 'u16.csv')).toThrow(NotTextFileError);
  });

  it('reads the encoding fixtures', () => {
    expect(decodeBytes(fixture('windows-1252.csv'))).toMatchObject({ encoding: 'windows-1252' });
    expect(decodeBytes(fixture('windows-1252.csv')).text).toContain('Café');
    expect(decodeBytes(fixture('utf8-bom.csv'))).toMatchObject({ encoding: 'utf-8-bom' });
    expect(decodeBytes(fixture('utf8-bom.csv')).text.startsWith('case_id')).toBe(true);
  });
});
