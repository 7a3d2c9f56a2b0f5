import { describe, expect, it } from 'vitest';
import {
  unclosedQuoteReason,
  detectDelimiter,
  detectNewline,
  papaParseOnly,
  parseCsv,
  prepareCsv,
} from '../../../src/ingest/parse-csv';

interface Case {
  description: string;
  input: string;
  header: string[] | null;
  /** [line, fields] per data row. */
  rows: [number, string[]][];
  delimiter?: string;
  problems?: Record<number, string>;
}

// In the manner of PapaParse's tests/test-cases.js: input and expected output.
const CASES: Case[] = [
  { description: 'one row', input: 'a,b,c\n1,2,3', header: ['a', 'b', 'c'], rows: [[2, ['1', '2', '3']]] },
  { description: 'trailing line break', input: 'a,b\n1,2\n', header: ['a', 'b'], rows: [[2, ['1', '2']]] },
  { description: 'CRLF', input: 'a,b\r\n1,2\r\n3,4\r\n', header: ['a', 'b'], rows: [[2, ['1', '2']], [3, ['3', '4']]] },
  { description: 'CR only', input: 'a,b\r1,2\r3,4', header: ['a', 'b'], rows: [[2, ['1', '2']], [3, ['3', '4']]] },
  {
    description: 'mixed line endings',
    input: 'a,b\r\n1,2\n3,4\r5,6\r\n7,8',
    header: ['a', 'b'],
    rows: [[2, ['1', '2']], [3, ['3', '4']], [4, ['5', '6']], [5, ['7', '8']]],
  },
  {
    description: 'blank lines are skipped but counted',
    input: 'a,b\n\n1,2\n\n\n3,4\n',
    header: ['a', 'b'],
    rows: [[3, ['1', '2']], [6, ['3', '4']]],
  },
  {
    description: 'rows of empty cells (Excel) are blank lines',
    input: 'a,b\n1,2\n,\n , \n3,4',
    header: ['a', 'b'],
    rows: [[2, ['1', '2']], [5, ['3', '4']]],
  },
  { description: 'blank lines before the header', input: '\n\na,b\n1,2', header: ['a', 'b'], rows: [[4, ['1', '2']]] },
  {
    description: 'quoted delimiter',
    input: 'a,b\n"1,5",2',
    header: ['a', 'b'],
    rows: [[2, ['1,5', '2']]],
  },
  {
    description: 'escaped quotes',
    input: 'a,b\n"she said ""no""",2',
    header: ['a', 'b'],
    rows: [[2, ['she said "no"', '2']]],
  },
  {
    description: 'quoted newline spans lines; later rows keep physical line numbers',
    input: 'a,b\n"x\ny\nz",2\n3,4',
    header: ['a', 'b'],
    rows: [[2, ['x\ny\nz', '2']], [5, ['3', '4']]],
  },
  {
    description: 'quoted CRLF in a CRLF file',
    input: 'a,b\r\n"x\r\ny",2\r\n3,4\r\n',
    header: ['a', 'b'],
    rows: [[2, ['x\r\ny', '2']], [4, ['3', '4']]],
  },
  {
    description: 'Excel: LF inside cells, CRLF between rows',
    input: 'a,b\r\n"x\ny",2\r\n3,4\r\n',
    header: ['a', 'b'],
    rows: [[2, ['x\ny', '2']], [4, ['3', '4']]],
  },
  {
    description: 'quoted empty value',
    input: 'a,b\n"",2',
    header: ['a', 'b'],
    rows: [[2, ['', '2']]],
  },
  {
    description: 'bare quotes inside an unquoted value are text',
    input: 'a,b\n5" screen,2',
    header: ['a', 'b'],
    rows: [[2, ['5" screen', '2']]],
  },
  {
    description: 'ragged rows are passed on as they are',
    input: 'a,b,c\n1,2\n1,2,3,4',
    header: ['a', 'b', 'c'],
    rows: [[2, ['1', '2']], [3, ['1', '2', '3', '4']]],
  },
  {
    description: 'semicolon detected from the header',
    input: 'a;b;c\n1;2,5;3',
    header: ['a', 'b', 'c'],
    rows: [[2, ['1', '2,5', '3']]],
    delimiter: ';',
  },
  {
    description: 'tab detected from the header',
    input: 'a\tb\tc d\n1\t2\t3',
    header: ['a', 'b', 'c d'],
    rows: [[2, ['1', '2', '3']]],
    delimiter: '\t',
  },
  {
    description: 'delimiters inside quoted header names are not counted',
    input: '"a;x;y;z",b,c\n1,2,3',
    header: ['a;x;y;z', 'b', 'c'],
    rows: [[2, ['1', '2', '3']]],
    delimiter: ',',
  },
  {
    description: 'sep=; first line is honoured and counted as line 1',
    input: 'sep=;\na;b\n1;2',
    header: ['a', 'b'],
    rows: [[3, ['1', '2']]],
    delimiter: ';',
  },
  {
    description: 'sep=, beats a header full of semicolons',
    input: 'sep=,\r\na;b,c\r\n1;2,3',
    header: ['a;b', 'c'],
    rows: [[3, ['1;2', '3']]],
    delimiter: ',',
  },
  {
    description: 'sep=<tab>',
    input: 'sep=\t\na\tb\n1\t2',
    header: ['a', 'b'],
    rows: [[3, ['1', '2']]],
    delimiter: '\t',
  },
  {
    description: 'SEP=; in capitals',
    input: 'SEP=;\na;b\n1;2',
    header: ['a', 'b'],
    rows: [[3, ['1', '2']]],
    delimiter: ';',
  },
  {
    description: 'unclosed quote: the rest of the file is one value, reported on the row with the lines it swallowed',
    input: 'a,b\n1,2\n"3,4\n5,6\n',
    header: ['a', 'b'],
    rows: [[2, ['1', '2']], [3, ['3,4\n5,6\n']]],
    problems: { 3: unclosedQuoteReason(3, 4) },
  },
  { description: 'empty text', input: '', header: null, rows: [] },
  { description: 'only blank lines', input: '\n\r\n\n', header: null, rows: [] },
  { description: 'header only', input: 'a,b,c\n', header: ['a', 'b', 'c'], rows: [] },
  { description: 'one column', input: 'a\n1\n2', header: ['a'], rows: [[2, ['1']], [3, ['2']]] },
];

describe('parseCsv', () => {
  for (const chunkSize of [1 << 20, 7, 3]) {
    describe(`chunks of ${chunkSize} characters`, () => {
      it.each(CASES)('$description', ({ input, header, rows, delimiter, problems }) => {
        const parsed = parseCsv(input, chunkSize);
        expect(parsed.header).toEqual(header);
        expect(parsed.rows.map((r) => [r.line, r.fields])).toEqual(rows);
        if (delimiter) expect(parsed.layout.delimiter).toBe(delimiter);
        const got: Record<number, string> = {};
        for (const r of parsed.rows) if (r.problem) got[r.line] = r.problem;
        expect(got).toEqual(problems ?? {});
      });
    });
  }

  it('reports a quote with text after it as a problem on its row', () => {
    const parsed = parseCsv('a,b\n"x"y,2\n3,"4"\n5,6');
    expect(parsed.rows[0].line).toBe(2);
    expect(parsed.rows[0].problem).toMatch(/text after its closing quote/);
    expect(parsed.rows[1]).toEqual({ line: 4, fields: ['5', '6'], problem: null });
  });

  it('notes the sep= line, and an unsupported one', () => {
    expect(prepareCsv('sep=;\na;b').notes[0]).toMatch(/honoured/);
    const pipe = prepareCsv('sep=|\na,b\n1,2');
    expect(pipe.delimiter).toBe(',');
    expect(pipe.notes[0]).toMatch(/unsupported delimiter/);
    expect(pipe.firstLine).toBe(2);
  });

  it('counts lines right across chunk boundaries with long quoted values', () => {
    const big = 'x'.repeat(5000);
    const text = `a,b\n"${big}\n${big}",1\n2,3\n\n"q\nq",4\n5,6`;
    for (const size of [64, 1000, 4999, 5001, 1 << 20]) {
      const parsed = parseCsv(text, size);
      expect(parsed.rows.map((r) => r.line)).toEqual([2, 4, 6, 8]);
    }
  });

  it('keeps a 1 MB field whole', () => {
    const field = 'y'.repeat(1 << 20);
    const parsed = parseCsv(`a,b\n1,"${field}"\n2,x\n`);
    expect(parsed.rows).toHaveLength(2);
    expect(parsed.rows[0].fields[1]).toHaveLength(1 << 20);
    expect(parsed.rows[1]).toEqual({ line: 3, fields: ['2', 'x'], problem: null });
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c', ','],
    ['a;b;c', ';'],
    ['a\tb\tc', '\t'],
    ['a', ','],
    ['a;b,c', ','],
    ['Case ID;Area;Referral date', ';'],
    ['"a,b";c;d', ';'],
    ['\n\n a;b', ';'],
    ['a\tb,c\td', '\t'],
  ])('%j -> %j', (input, expected) => {
    expect(detectDelimiter(input)).toBe(expected);
  });
});

describe('detectNewline', () => {
  it.each([
    ['a\nb\n', '\n'],
    ['a\r\nb\r\n', '\r\n'],
    ['a\rb\r', '\r'],
    ['a\r\nb\nc', null],
    ['a\rb\nc', null],
    ['a', '\n'],
  ])('%j -> %j', (input, expected) => {
    expect(detectNewline(input)).toBe(expected);
  });
});

describe('papaParseOnly', () => {
  it('counts the rows PapaParse returns, for the benchmark floor', () => {
    expect(papaParseOnly('a,b\n1,2\n3,4')).toBe(3);
  });
});
