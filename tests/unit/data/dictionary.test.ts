import { describe, expect, it } from 'vitest';
import { DictBuilder, WordHashes, hashString } from '../../../src/data/dictionary';

describe('DictBuilder', () => {
  it('gives each distinct string a dense index, in order of first appearance', () => {
    const t = new DictBuilder(16, { unknownFirst: false });
    expect(t.findOrAdd('a')).toBe(~0);
    expect(t.findOrAdd('b')).toBe(~1);
    expect(t.findOrAdd('a')).toBe(0);
    expect(t.findOrAdd('')).toBe(~2);
    expect(t.find('b')).toBe(1);
    expect(t.find('c')).toBe(-1);
    expect(t.words).toEqual(['a', 'b', '']);
  });

  it("keeps '' (unknown) at index 0 of a column's dictionary", () => {
    const t = new DictBuilder();
    expect(t.idOf('')).toBe(0);
    expect(t.idOf('x')).toBe(1);
    expect(t.idOf('', hashString(''))).toBe(0);
    expect(t.words).toEqual(['', 'x']);
  });

  it('stays correct through growth and collisions', () => {
    const t = new DictBuilder(16, { unknownFirst: false });
    const values = Array.from({ length: 20_000 }, (_, i) => `ID-${i}`);
    values.forEach((v, i) => expect(t.findOrAdd(v)).toBe(~i));
    values.forEach((v, i) => expect(t.findOrAdd(v)).toBe(i));
    // Strings built differently but equal are the same key.
    expect(t.find(['ID', '123'].join('-'))).toBe(123);
    expect(t.size).toBe(20_000);
  });

  it('takes a hash computed once per dictionary entry', () => {
    const dict = ['', 'City', 'County North'];
    const hashes = new WordHashes().of(dict);
    expect(Array.from(hashes)).toEqual(dict.map(hashString));
    const t = new DictBuilder(dict.length);
    expect(dict.map((w, i) => t.idOf(w, hashes[i]))).toEqual([0, 1, 2]);
    expect(t.find('County North')).toBe(2);
  });
});
