import { describe, expect, it } from 'vitest';
import { ScanMemo, findingCode, FINDING_KINDS } from '../../../src/ingest/scan-memo';

describe('ScanMemo', () => {
  it('scans each distinct value once, and long values every time', () => {
    const calls: string[] = [];
    const memo = new ScanMemo((v) => (calls.push(v), v.includes('07700') ? 'phone' : null), 10, 20);
    expect(memo.verdict('ring 07700 900123')).toBe('phone');
    expect(memo.verdict('ring 07700 900123')).toBe('phone');
    expect(memo.verdict('fine')).toBeNull();
    expect(memo.verdict('fine')).toBeNull();
    const long = 'x'.repeat(30);
    memo.verdict(long);
    memo.verdict(long);
    expect(calls).toEqual(['ring 07700 900123', 'fine', long, long]);
  });

  it('stops remembering at its cap but keeps answering', () => {
    let calls = 0;
    const memo = new ScanMemo(() => (calls++, null), 3);
    for (const v of ['a', 'b', 'c', 'd', 'd', 'a']) memo.verdict(v);
    expect(calls).toBe(5);
  });

  it('codes every finding kind', () => {
    for (const k of FINDING_KINDS) expect(FINDING_KINDS[findingCode(k)]).toBe(k);
    expect(findingCode(null)).toBe(-1);
  });
});

describe('ScanMemo on unique values', () => {
  it('stops remembering when it is rarely hit, and still answers right', () => {
    let calls = 0;
    const memo = new ScanMemo((v) => (calls++, v.endsWith('7') ? 'phone' : null));
    for (let i = 0; i < 10_000; i++) expect(memo.verdict(`ID-${i}`)).toBe(i % 10 === 7 ? 'phone' : null);
    expect(calls).toBe(10_000);
    // Inactive now: repeats are scanned again rather than looked up.
    memo.verdict('ID-1');
    expect(calls).toBe(10_001);
  });
});
