import { describe, expect, it } from 'vitest';
import { escapeCell, toCsv } from '../../../src/views/shared/csv';

describe('escapeCell', () => {
  it.each([
    ['plain', 'plain'],
    ['=1+1', "'=1+1"],
    ['+44', "'+44"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['a,b', '"a,b"'],
    ['line\nbreak', '"line\nbreak"'],
    ['say "hi"', '"say ""hi"""'],
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
  ])('%j -> %j', (input, expected) => {
    expect(escapeCell(input)).toBe(expected);
  });

  it('keeps numbers (including negative ones) as numbers', () => {
    expect(escapeCell(-3)).toBe('-3');
    expect(escapeCell(12)).toBe('12');
    expect(escapeCell(null)).toBe('');
  });
});

describe('toCsv', () => {
  it('writes a header and rows with CRLF line endings', () => {
    expect(toCsv(['a', 'b'], [['1', '=2'], [3, null]])).toBe("a,b\r\n1,'=2\r\n3,\r\n");
  });
});
