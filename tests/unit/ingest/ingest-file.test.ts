import { describe, expect, it } from 'vitest';
import { HEADER_MAX_CHARS, HEADER_MAX_COLUMNS, KINDS } from '../../../src/domain/contract';
import { ingestBytes, ingestText } from '../../../src/ingest/ingest-file';
import { fixtureBytes, pick, rowsOf, stubScanner } from './helpers';

const read = (name: string, options = {}) => ingestBytes(fixtureBytes(name), name, { currentYear: 2025, ...options });

describe('good fixtures: one file per kind, sharing case ids', () => {
  const files = KINDS.map((k) => `good/${k}.csv`);

  it.each(files)('%s is recognised and imports every row', (name) => {
    const { report, findingsTotal } = read(name);
    expect(report.kind).toBe(name.slice(5, -4));
    expect(report.rowsQuarantined).toBe(0);
    expect(report.quarantined).toEqual([]);
    expect(report.rowsImported).toBe(report.rowsRead);
    expect(report.rowsRead).toBeGreaterThan(2);
    expect(report.ignoredColumns).toEqual([]);
    expect(report.encoding).toBe('utf-8');
    expect(findingsTotal).toBe(0);
  });

  it('every case id in the event files is in cases.csv', () => {
    const cases = new Set(rowsOf(read('good/cases.csv').blocks).map((r) => r.case_id));
    for (const name of files) for (const r of rowsOf(read(name).blocks)) expect(cases.has(r.case_id)).toBe(true);
  });

  it('reads cases.csv values exactly', () => {
    expect(pick(rowsOf(read('good/cases.csv').blocks), 'case_id', 'referral_date', 'engagement_modus', 'engagement_police', 'age_at_referral', 'disability', 'complex_needs', '__line')).toEqual([
      { case_id: 'WM-001', referral_date: '2014-03-17', engagement_modus: 'engaged', engagement_police: 'engaged', age_at_referral: 34, disability: 'no', complex_needs: null, __line: 2 },
      { case_id: 'WM-002', referral_date: '2014-04-02', engagement_modus: 'sporadic', engagement_police: 'not_engaged', age_at_referral: 41, disability: 'yes', complex_needs: 'yes', __line: 3 },
      { case_id: 'WM-003', referral_date: '2014-03-17', engagement_modus: 'none', engagement_police: 'unknown', age_at_referral: null, disability: null, complex_needs: 'no', __line: 4 },
      { case_id: 'WM-004', referral_date: '2014-05-02', engagement_modus: null, engagement_police: null, age_at_referral: 25, disability: 'no', complex_needs: null, __line: 5 },
    ]);
  });

  it('reads incidents with labels and Home Office outcome numbers', () => {
    expect(pick(rowsOf(read('good/incidents.csv').blocks), 'incident_id', 'kind', 'outcome')).toEqual([
      { incident_id: 'INC-1001', kind: 'crime', outcome: 'nfa' },
      { incident_id: 'INC-1002', kind: 'domestic_incident', outcome: null },
      { incident_id: 'INC-1003', kind: 'crime', outcome: 'charge_summons' },
      { incident_id: 'INC-1004', kind: 'crime', outcome: 'pending' },
      { incident_id: 'INC-1005', kind: 'domestic_incident', outcome: null },
    ]);
  });
});

describe('bad fixtures', () => {
  it('incidents-bad.csv: valid rows imported, each bad row quarantined with line, column, value and reason', () => {
    const { report, blocks } = read('bad/incidents-bad.csv');
    expect(report).toMatchObject({ kind: 'incidents', rowsRead: 10, rowsImported: 2, rowsQuarantined: 8 });
    expect(report.quarantined.map((q) => [q.line, q.column, q.value, q.reason])).toEqual([
      [3, 'incident_date', '12/31/2014', 'month 31 is impossible; dates must be day/month/year'],
      [4, 'incident_date', '29/02/2015', '29 February 2015 does not exist (2015 is not a leap year)'],
      [5, 'kind', 'burglary', 'not a known value; use one of: domestic_incident, crime (or their labels)'],
      [7, 'dash_risk', 'extreme', 'not a known value; use one of: standard, medium, high, not_assessed (or their labels)'],
      [8, 'case_id', '', 'required value missing'],
      [9, '', '', 'the row has 7 values but the header has 6 columns'],
      [10, 'incident_date', '31/04/2014', 'day 31 is impossible: April has 30 days'],
      [11, 'incident_date', '2014-13-01', 'month 13 is impossible; ISO dates must be year-month-day'],
    ]);
    expect(pick(rowsOf(blocks), 'incident_id', 'offence', 'offence__raw', '__line')).toEqual([
      { incident_id: 'I-1', offence: 'common_assault', offence__raw: null, __line: 2 },
      { incident_id: 'I-5', offence: 'other', offence__raw: '<img src=x onerror=alert(1)>', __line: 6 },
    ]);
  });

  it('empty file: not recognised, one note, nothing quarantined', () => {
    const { report, blocks } = read('bad/empty.csv');
    expect(report).toMatchObject({ kind: null, rowsRead: 0, rowsQuarantined: 0, quarantined: [] });
    expect(report.notes).toEqual(['The file is empty: it has no header row and no data.']);
    expect(blocks).toEqual([]);
  });

  it('header only: recognised, no rows, a note', () => {
    const { report } = read('bad/header-only.csv');
    expect(report).toMatchObject({ kind: 'risk_assessments', rowsRead: 0, rowsImported: 0 });
    expect(report.notes).toContain('The file has a header row but no data rows.');
  });

  it('binary file: rejected with "not a text file", no exception', () => {
    const { report, blocks } = read('bad/binary.csv');
    expect(report.kind).toBeNull();
    expect(report.notes[0]).toMatch(/bad\/binary\.csv is not a text file/);
    expect(report.quarantined).toHaveLength(1);
    expect(report.quarantined[0].reason).toMatch(/^The file was not read: .*not a text file/);
    expect(blocks).toEqual([]);
  });

  it('ragged rows', () => {
    const { report } = read('bad/ragged.csv');
    expect(report).toMatchObject({ rowsRead: 4, rowsImported: 2, rowsQuarantined: 2 });
    expect(report.quarantined.map((q) => q.line)).toEqual([3, 4]);
  });

  it('unclosed quote: the swallowed lines are counted as quarantined, the file is held, no crash', () => {
    const result = read('bad/unclosed-quote.csv');
    const { report, blocks } = result;
    expect(report).toMatchObject({ kind: 'milestones', rowsRead: 3, rowsImported: 1, rowsQuarantined: 2 });
    const reason =
      'an unterminated quote from line 3 swallowed lines 3–4 (2 lines): they were read as one value, so none of them was imported; close the quote and import the file again';
    expect(report.quarantined).toEqual([{ line: 3, column: '', value: '', reason }]);
    expect(result.held).toBe(reason);
    expect(report.notes).toContain('A quoted value opened on line 3 is never closed, so lines 3–4 could not be read as rows; they are counted as quarantined.');
    expect(rowsOf(blocks).map((r) => r.case_id)).toEqual(['WM-001']);
  });

  it('unclosed quote without a final line break, and with CRLF line endings: the same lines', () => {
    for (const nl of ['\n', '\r\n']) {
      for (const end of ['', nl]) {
        const text = ['case_id,date', 'A,2014-01-01', 'B,"2014-01-02', 'C,2014-01-03', 'D,2014-01-04'].join(nl) + end;
        const result = ingestText(text, 'q.csv');
        expect(result.report).toMatchObject({ rowsRead: 4, rowsImported: 1, rowsQuarantined: 3 });
        expect(result.held).toContain('swallowed lines 3–5 (3 lines)');
      }
    }
  });

  it('duplicate headers: the first column is read, the second ignored and noted', () => {
    const { report, blocks } = read('bad/duplicate-headers.csv');
    expect(report.kind).toBe('milestones');
    expect(report.ignoredColumns).toEqual(['Case ID', 'Detail']);
    expect(report.notes).toEqual([
      'Column "Case ID" (column 5) is a second case_id column after "case_id" (column 1); only the first is read.',
      'Column "Detail" (column 6) is a second detail column after "detail" (column 4); only the first is read.',
    ]);
    expect(pick(rowsOf(blocks), 'case_id', 'detail')).toEqual([{ case_id: 'WM-001', detail: 'first detail' }]);
  });

  it('formula-like and HTML cells are imported as plain text', () => {
    const { report, blocks } = read('bad/formula-cells.csv');
    expect(report.rowsImported).toBe(3);
    expect(pick(rowsOf(blocks), 'agency', 'detail')).toEqual([
      { agency: '=1+1', detail: '=HYPERLINK("http://example.invalid")' },
      { agency: '+44 is not a phone', detail: '-2+3' },
      { agency: '@SUM(A1)', detail: '<img src=x onerror=alert(1)>' },
    ]);
  });

  it('unknown kind: not read, says what was expected, every row counted as quarantined', () => {
    const { report, blocks, findingsTotal } = read('bad/unknown-kind.csv');
    expect(report).toMatchObject({ kind: null, rowsRead: 1, rowsImported: 0, rowsQuarantined: 1, ignoredColumns: ['client', 'when', 'what'] });
    expect(report.notes[0]).toMatch(/^The header row does not match any kind of file/);
    expect(report.quarantined).toHaveLength(1);
    expect(report.quarantined[0]).toMatchObject({ line: 1, column: '', value: '' });
    expect(report.quarantined[0].reason).toMatch(/^The file was not read: The header row does not match/);
    expect(blocks).toEqual([]);
    expect(findingsTotal).toBe(0);
  });
});

describe('encodings, delimiters and line endings', () => {
  it('Windows-1252: decoded, and the report says so', () => {
    const { report, blocks } = read('windows-1252.csv');
    expect(report.encoding).toBe('windows-1252');
    expect(report.notes[0]).toMatch(/Windows-1252/);
    expect(rowsOf(blocks).map((r) => r.area)).toEqual(['Café', 'Niño Street’s']);
    expect(rowsOf(blocks).map((r) => r.referral_date)).toEqual(['2014-03-17', '2014-03-18']);
  });

  it('UTF-8 with BOM: the BOM is not part of the first header', () => {
    const { report, blocks } = read('utf8-bom.csv');
    expect(report).toMatchObject({ encoding: 'utf-8-bom', kind: 'cases', rowsImported: 1 });
    expect(rowsOf(blocks)[0].area).toBe('Café');
  });

  it('semicolons with an Excel sep= line; line numbers count the sep= line', () => {
    const { report, blocks } = read('semicolon-sep.csv');
    expect(report).toMatchObject({ kind: 'cases', delimiter: ';', rowsImported: 2 });
    expect(report.notes[0]).toMatch(/sep=/);
    expect(pick(rowsOf(blocks), 'case_id', 'area', 'engagement_modus', 'age_at_referral', '__line')).toEqual([
      { case_id: 'SC-1', area: 'City', engagement_modus: 'engaged', age_at_referral: 34, __line: 3 },
      { case_id: 'SC-2', area: 'County; North', engagement_modus: 'sporadic', age_at_referral: 41, __line: 4 },
    ]);
  });

  it('tab-delimited', () => {
    const { report, blocks } = read('tab-delimited.csv');
    expect(report).toMatchObject({ kind: 'contacts', delimiter: '\t', rowsImported: 2 });
    expect(pick(rowsOf(blocks), 'date', 'result')).toEqual([
      { date: '2014-03-20', result: 'successful' },
      { date: '2014-03-21', result: 'attempted' },
    ]);
  });

  it('mixed line endings with a quoted CRLF and a blank line: physical line numbers', () => {
    const { report, blocks } = read('mixed-line-endings.csv');
    expect(report.rowsImported).toBe(4);
    expect(pick(rowsOf(blocks), 'case_id', 'detail', '__line')).toEqual([
      { case_id: 'ML-1', detail: 'two\nlines', __line: 2 },
      { case_id: 'ML-2', detail: 'lf', __line: 4 },
      { case_id: 'ML-3', detail: 'cr', __line: 5 },
      { case_id: 'ML-4', detail: 'after blank', __line: 7 },
    ]);
  });

  it('the same file gives the same result whatever the chunk size', () => {
    const lines = ['case_id,date,kind,detail'];
    for (let i = 0; i < 300; i++) lines.push(i % 7 === 0 ? `C${i},2014-01-01,separated,"multi\nline ${i}"` : i % 11 === 0 ? '' : `C${i},2014-01-0${1 + (i % 9)},rehoused,x${i}`);
    lines.push('BAD,2014-02-30,separated,');
    const text = lines.join('\r\n');
    const whole = ingestText(text, 'f.csv', { scanner: stubScanner });
    expect(whole.blocks).toHaveLength(1);
    for (const chunkSize of [50, 333, 4096]) {
      const chunked = ingestText(text, 'f.csv', { scanner: stubScanner, chunkSize });
      expect(chunked.blocks.length).toBeGreaterThan(1);
      expect(rowsOf(chunked.blocks)).toEqual(rowsOf(whole.blocks));
      expect(chunked.report).toEqual(whole.report);
    }
  });

  it('reports progress per chunk', () => {
    const text = ['case_id,date', ...Array.from({ length: 1000 }, (_, i) => `C${i},2014-01-01`)].join('\n');
    const seen: { charsDone: number; rowsDone: number }[] = [];
    ingestText(text, 'f.csv', { chunkSize: 2000, scanner: null }, (p) => seen.push(p));
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.at(-1)).toEqual({ charsDone: text.length, charsTotal: text.length, rowsDone: 1000 });
    for (let i = 1; i < seen.length; i++) expect(seen[i].charsDone).toBeGreaterThanOrEqual(seen[i - 1].charsDone);
  });
});

describe('privacy fixtures (real privacy guard)', () => {
  it('cases-with-postcode.csv: the Postcode column by name and values, the phone number in detail', () => {
    const result = read('privacy/cases-with-postcode.csv');
    expect(result.report).toMatchObject({ kind: 'cases', ignoredColumns: ['Postcode', 'detail'] });
    expect(result.findingColumns.map((c) => [c.column, c.kinds, c.count])).toEqual([
      ['Postcode', ['identifying_column', 'postcode'], 2],
      ['detail', ['phone'], 1],
    ]);
    expect(result.findingsTotal).toBe(4);
    const shown = JSON.stringify(result.findings);
    for (const raw of ['NG1', '5FS', '07700', '900123']) expect(shown).not.toContain(raw);
  });

  it('dropping the flagged columns leaves nothing flagged and lists them as dropped', () => {
    const result = read('privacy/cases-with-postcode.csv', { dropColumns: new Set(['Postcode', 'detail']) });
    expect(result.findingsTotal).toBe(0);
    expect(result.report).toMatchObject({ rowsImported: 2, ignoredColumns: [], droppedColumns: ['Postcode', 'detail'] });
  });

  it('support-with-phone.csv: a phone number in a free-text detail field', () => {
    const result = read('privacy/support-with-phone.csv');
    expect(result.findings.map((f) => [f.column, f.line, f.kind])).toEqual([['detail', 2, 'phone']]);
    const dropped = read('privacy/support-with-phone.csv', { dropColumns: new Set(['detail']) });
    expect(pick(rowsOf(dropped.blocks), 'case_id', 'detail')).toEqual([
      { case_id: 'PV-001', detail: null },
      { case_id: 'PV-002', detail: null },
    ]);
  });

  it('caps the listed findings but counts them all', () => {
    const lines = ['case_id,date,category,detail'];
    for (let i = 0; i < 300; i++) lines.push(`C${i},2014-01-01,housing,ring 07700 900${String(i).padStart(3, '0')}`);
    const result = ingestText(lines.join('\n'), 'f.csv', { scanner: stubScanner, findingsCap: 200 });
    expect(result.findings).toHaveLength(200);
    expect(result.findingsTotal).toBe(300);
    expect(result.findingColumns).toEqual([{ fileIndex: 0, fileName: 'f.csv', column: 'detail', kinds: ['phone'], count: 300 }]);
  });
});

describe('header rows over the limits', () => {
  const lead = `has a header row of at least`;
  it(`refuses a header row of more than ${HEADER_MAX_COLUMNS} columns before reading anything, and quickly`, () => {
    const text = 'case_id,date' + ',x'.repeat(2_000_000) + '\nA,2014-01-01\n';
    const started = performance.now();
    const result = ingestText(text, 'wide.csv');
    expect(performance.now() - started).toBeLessThan(3000);
    expect(result.blocks).toEqual([]);
    expect(result.report.rowsImported).toBe(0);
    expect(result.report.quarantined).toHaveLength(1);
    expect(result.report.quarantined[0].reason).toBe(
      `The file was not read: wide.csv ${lead} 501 columns: Waymark reads header rows of at most 500 columns and 65,536 characters (64 KB). Nothing of the file was read: check that it is the export you meant.`,
    );
  });

  it(`refuses a header row longer than ${HEADER_MAX_CHARS} characters`, () => {
    const result = ingestText('case_id,date,' + 'y'.repeat(HEADER_MAX_CHARS) + '\nA,2014-01-01,\n', 'long.csv');
    expect(result.report.quarantined[0].reason).toContain(`long.csv ${lead} 65,537 characters`);
    expect(result.blocks).toEqual([]);
  });

  it('reads a header row at the limits, and counts only delimiters outside quotes', () => {
    const atLimit = 'case_id,date' + ',x'.repeat(HEADER_MAX_COLUMNS - 2) + '\nA,2014-01-01' + ','.repeat(HEADER_MAX_COLUMNS - 2) + '\n';
    expect(ingestText(atLimit, 'ok.csv').report.rowsImported).toBe(1);
    const quoted = 'case_id,date,"' + ','.repeat(600) + '"\nA,2014-01-01,\n';
    expect(ingestText(quoted, 'q.csv').report.rowsImported).toBe(1);
    const over = 'case_id,date' + ',x'.repeat(HEADER_MAX_COLUMNS - 1) + '\nA,2014-01-01\n';
    expect(ingestText(over, 'no.csv').report.quarantined[0].reason).toContain(`no.csv ${lead} 501 columns`);
  });
});
