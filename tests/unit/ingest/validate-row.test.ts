import { describe, expect, it } from 'vitest';
import { FILE_KINDS, FREETEXT_MAX_LENGTH, KINDS, TEXT_MAX_LENGTH } from '../../../src/domain/contract';
import { detectKind } from '../../../src/ingest/detect-kind';
import { FindingCollector, QuarantineCollector } from '../../../src/ingest/report-collectors';
import { CLIP_SHOWN, COLUMN_DROPPED, INVISIBLE_REASON, REQUIRED_MISSING, RowValidator } from '../../../src/ingest/validate-row';
import { ingest, pick, rowsOf, stubScanner } from './helpers';

const csv = (...lines: string[]) => lines.join('\n');
const problems = (text: string, options = {}) =>
  ingest(text, options).report.quarantined.map((q) => [q.line, q.column, q.value, q.reason]);

describe('column blocks', () => {
  it('has one column per contract field, typed by field type, plus __line', () => {
    for (const kind of KINDS) {
      const fields = FILE_KINDS[kind].fields;
      const required = fields.filter((f) => f.required);
      const header = required.map((f) => f.name).join(',');
      const value = (type: string) =>
        ({ id: 'X-1', text: 'City', date: '2014-03-17', vocab: '', freetext: 'x', number: '3', int: '3', yn: 'yes' })[type]!;
      const row = required
        .map((f) => (f.type === 'vocab' ? f.vocab!.terms[0].code : f.name === 'score' ? '3' : value(f.type)))
        .join(',');
      const scale = kind === 'outcomes' ? ',scale_max' : '';
      const result = ingest(csv(header + scale, row + (scale ? ',5' : '')));
      expect(result.report.kind).toBe(kind);
      expect(result.report.quarantined).toEqual([]);
      const [block] = result.blocks;
      expect(block.kind).toBe(kind);
      expect(block.rowCount).toBe(1);
      const expectedType = { id: 'dict', text: 'dict', vocab: 'dict', freetext: 'text', date: 'day', yn: 'yn', int: 'num', number: 'num' };
      for (const f of fields) expect([f.name, block.columns[f.name]?.type]).toEqual([f.name, expectedType[f.type]]);
      expect(block.columns.__line).toEqual({ type: 'num', values: new Float64Array([2]) });
      for (const col of Object.values(block.columns)) if (col.type === 'dict') expect(col.dict[0]).toBe('');
    }
  });

  it('stores absent and empty cells as unknown', () => {
    const result = ingest(csv('case_id,area,referral_date,age,disability,closure_date,ethnicity', 'C-1,City,2014-03-17,,,,'));
    const [row] = rowsOf(result.blocks);
    expect(row).toMatchObject({
      case_id: 'C-1',
      area: 'City',
      referral_date: '2014-03-17',
      age_at_referral: null,
      disability: null,
      closure_date: null,
      ethnicity: null,
      housing: null,
      need_drugs: null,
      display_name: null,
    });
  });

  it('reads unknown words as unknown in every type', () => {
    const result = ingest(
      csv(
        'case_id,area,referral_date,age,disability,closure_date,ethnicity,display_name',
        'C-1,City,2014-03-17,n/k,Not known,missing,-,unknown',
      ),
    );
    expect(result.report.quarantined).toEqual([]);
    expect(pick(rowsOf(result.blocks), 'age_at_referral', 'disability', 'closure_date', 'ethnicity', 'display_name')).toEqual([
      { age_at_referral: null, disability: null, closure_date: null, ethnicity: null, display_name: null },
    ]);
  });

  it('dictionary-encodes ids, text and codes per block', () => {
    const result = ingest(csv('case_id,date,mode,result', 'A,2014-01-01,phone,successful', 'B,2014-01-02,phone,no answer', 'A,2014-01-03,Text message,DNA'));
    const col = result.blocks[0].columns;
    expect(col.case_id).toEqual({ type: 'dict', values: new Uint32Array([1, 2, 1]), dict: ['', 'A', 'B'] });
    expect(pick(rowsOf(result.blocks), 'mode', 'result')).toEqual([
      { mode: 'phone', result: 'successful' },
      { mode: 'phone', result: 'attempted' },
      { mode: 'text', result: 'missed' },
    ]);
  });

  it('trims ids and text; the same id with spaces is one dictionary entry', () => {
    const result = ingest(csv('case_id,date', ' A ,2014-01-01', 'A,2014-01-02'));
    expect(result.blocks[0].columns.case_id).toMatchObject({ values: new Uint32Array([1, 1]), dict: ['', 'A'] });
  });
});

describe('quarantine', () => {
  it('lists every problem of a row, with line, column as written, value and reason', () => {
    expect(
      problems(csv('Case ID,Date,Level,Score', 'R-1,2014-02-30,extreme,99', 'R-2,2014-03-01,high,3')),
    ).toEqual([
      [2, 'Date', '2014-02-30', 'day 30 is impossible: February has 28 days'],
      [2, 'Level', 'extreme', 'not a known value; use one of: standard, medium, high (or their labels)'],
      [2, 'Score', '99', '99 is above the maximum 27'],
    ]);
    const result = ingest(csv('Case ID,Date,Level,Score', 'R-1,2014-02-30,extreme,99', 'R-2,2014-03-01,high,3'));
    expect(result.report).toMatchObject({ rowsRead: 2, rowsImported: 1, rowsQuarantined: 1 });
    expect(pick(rowsOf(result.blocks), 'case_id', 'level', '__line')).toEqual([{ case_id: 'R-2', level: 'high', __line: 3 }]);
  });

  it('quarantines rows missing a required value', () => {
    expect(problems(csv('case_id,area,referral_date', ',City,2014-01-01', 'C-2,,2014-01-01', 'C-3,City,', 'C-4,City,unknown'))).toEqual([
      [2, 'case_id', '', REQUIRED_MISSING],
      [3, 'area', '', REQUIRED_MISSING],
      [4, 'referral_date', '', REQUIRED_MISSING],
      [5, 'referral_date', 'unknown', REQUIRED_MISSING],
    ]);
  });

  it('quarantines ids longer than 64 characters, showing only the start of the value', () => {
    const long = 'X'.repeat(65);
    expect(problems(csv('case_id,date', `${long},2014-01-01`))).toEqual([
      [2, 'case_id', 'X'.repeat(CLIP_SHOWN) + '…', '65 characters, longer than the 64 this column allows'],
    ]);
  });

  it(`caps short text at ${TEXT_MAX_LENGTH} characters and free text at ${FREETEXT_MAX_LENGTH}`, () => {
    const huge = 'A'.repeat(2_000_000);
    const result = ingest(
      csv(
        'case_id,date,kind,detail',
        `C-1,2014-01-01,case_closed,${'d'.repeat(FREETEXT_MAX_LENGTH)}`,
        `C-2,2014-01-01,case_closed,${'d'.repeat(FREETEXT_MAX_LENGTH + 1)}`,
        `C-3,2014-01-01,${'k'.repeat(TEXT_MAX_LENGTH + 1)},`,
      ),
    );
    expect(result.report.rowsImported).toBe(1);
    expect(result.report.quarantined.map((q) => [q.line, q.column, q.value, q.reason])).toEqual([
      [3, 'detail', 'd'.repeat(CLIP_SHOWN) + '…', '2,001 characters, longer than the 2,000 this column allows'],
      [4, 'kind', 'k'.repeat(CLIP_SHOWN) + '…', '201 characters, longer than the 200 this column allows'],
    ]);
    const cases = ingest(csv('case_id,area,referral_date', `C-1,${huge},2014-01-01`, `C-2,${'a'.repeat(TEXT_MAX_LENGTH)},2014-01-01`));
    expect(cases.report.rowsImported).toBe(1);
    expect(cases.report.quarantined).toEqual([
      { line: 2, column: 'area', value: 'A'.repeat(CLIP_SHOWN) + '…', reason: '2,000,000 characters, longer than the 200 this column allows' },
    ]);
    const area = cases.blocks[0].columns.area;
    expect(area.type === 'dict' && area.dict).toEqual(['', 'a'.repeat(TEXT_MAX_LENGTH)]);
  });

  it('quarantines ids with invisible or direction-changing characters, shown escaped', () => {
    const result = ingest(
      csv(
        'case_id,date',
        'MRP-0001,2014-01-01',
        'MRP-0001\u200B,2014-01-01',
        'AB\u202Egnp.exe,2014-01-01',
        '\uFEFFMRP-0002,2014-01-01',
        'MRP\u20600003,2014-01-01',
        'MRP-0004\u00AD,2014-01-01',
        '"MRP-0005\u0007",2014-01-01',
        'Ñandú-7,2014-01-01',
      ),
    );
    expect(result.report.rowsImported).toBe(2);
    expect(result.report.quarantined.map((q) => [q.line, q.column, q.value, q.reason])).toEqual([
      [3, 'case_id', 'MRP-0001<U+200B>', INVISIBLE_REASON],
      [4, 'case_id', 'AB<U+202E>gnp.exe', INVISIBLE_REASON],
      [5, 'case_id', '<U+FEFF>MRP-0002', INVISIBLE_REASON],
      [6, 'case_id', 'MRP<U+2060>0003', INVISIBLE_REASON],
      [7, 'case_id', 'MRP-0004<U+00AD>', INVISIBLE_REASON],
      [8, 'case_id', 'MRP-0005<U+0007>', INVISIBLE_REASON],
    ]);
    expect(pick(rowsOf(result.blocks), 'case_id')).toEqual([{ case_id: 'MRP-0001' }, { case_id: 'Ñandú-7' }]);
    // Other id columns too.
    const incidents = problems(csv('incident_id,case_id,date,kind,perpetrator_ref', 'INC-1,C-1,2014-01-01,crime,P-1\u200D'));
    expect(incidents).toEqual([[2, 'perpetrator_ref', 'P-1<U+200D>', INVISIBLE_REASON]]);
  });

  it('reads a value that is only emoji or non-Latin letters as a value, never as missing', () => {
    const result = ingest(csv('case_id,area,referral_date', '🦋,北区,2014-01-01', 'C-2,Кент,2014-01-01', 'C-3,🙂,2014-01-01', 'C-4,-,2014-01-01'));
    expect(pick(rowsOf(result.blocks), 'case_id', 'area')).toEqual([
      { case_id: '🦋', area: '北区' },
      { case_id: 'C-2', area: 'Кент' },
      { case_id: 'C-3', area: '🙂' },
    ]);
    expect(result.report.quarantined.map((q) => [q.line, q.column, q.value, q.reason])).toEqual([[5, 'area', '-', REQUIRED_MISSING]]);
  });

  it('does not let a quarantined row leave anything in the block', () => {
    // C-9 first appears in a bad row; it must not stay in the dictionary, and the next row with
    // the same id must still get a valid code.
    const result = ingest(csv('case_id,date,mode,result', 'C-9,2014-13-01,phone,successful', 'C-9,2014-01-02,phone,successful', 'C-8,bad,letter,weird', 'C-7,2014-01-03,,'));
    expect(result.report.rowsImported).toBe(2);
    const block = result.blocks[0];
    expect(block.columns.case_id).toEqual({ type: 'dict', values: new Uint32Array([1, 2]), dict: ['', 'C-9', 'C-7'] });
    expect(pick(rowsOf(result.blocks), 'case_id', 'date', 'mode', 'result', '__line')).toEqual([
      { case_id: 'C-9', date: '2014-01-02', mode: 'phone', result: 'successful', __line: 3 },
      { case_id: 'C-7', date: '2014-01-03', mode: null, result: null, __line: 5 },
    ]);
  });

  it('quarantines ragged rows; extra values that are all empty are tolerated', () => {
    const result = ingest(csv('case_id,date,level', 'A,2014-01-01,high', 'B,2014-01-02', 'C,2014-01-03,medium,extra', 'D,2014-01-04,standard,,'));
    expect(result.report.quarantined.map((q) => [q.line, q.column, q.reason])).toEqual([
      [3, '', 'the row has 2 values but the header has 3 columns'],
      [4, '', 'the row has 4 values but the header has 3 columns'],
    ]);
    expect(pick(rowsOf(result.blocks), 'case_id')).toEqual([{ case_id: 'A' }, { case_id: 'D' }]);
    expect(result.report.notes).toContain('1 rows had more values than the header, all empty; the empty values were ignored.');
  });

  it('masks quarantined values the privacy guard flags (never stored, so not a finding to decide on)', () => {
    const result = ingest(csv('case_id,date,level', 'A,call 07700 900123,high', 'B,2014-01-01,Mrs Smith'));
    expect(result.report.quarantined).toEqual([
      { line: 2, column: 'date', value: '•••• ••••• ••••••', reason: 'not a date; use a form like 2014-03-17 or 17/03/2014' },
      { line: 3, column: 'level', value: '••• •••••', reason: 'not a known value; use one of: standard, medium, high (or their labels)' },
    ]);
    expect(result.findings).toEqual([]);
    expect(JSON.stringify(result.report)).not.toMatch(/07700|Smith/);
  });

  it('shortens very long offending values', () => {
    const long = 'z'.repeat(5000);
    const [q] = ingest(csv('case_id,date,level', `A,2014-01-01,${long}`)).report.quarantined;
    expect(q.value).toHaveLength(200);
    expect(q.value.endsWith('…')).toBe(true);
  });
});

describe('vocabularies', () => {
  it('strict fields quarantine unknown values', () => {
    expect(problems(csv('case_id,area,referral_date,engagement_police', 'A,City,2014-01-01,engaged', 'B,City,2014-01-01,sort of'))).toEqual([
      [3, 'engagement_police', 'sort of', 'not a known value; use one of: engaged, not_engaged, unknown (or their labels)'],
    ]);
  });

  it('open fields store `other`, keep the raw text in <field>__raw and warn once per distinct value', () => {
    const result = ingest(
      csv('case_id,area,referral_date,housing', 'A,City,2014-01-01,Council flat', 'B,City,2014-01-01,social rented', 'C,City,2014-01-01,Council flat', 'D,City,2014-01-01, Boat '),
    );
    expect(result.report.quarantined).toEqual([]);
    expect(pick(rowsOf(result.blocks), 'housing', 'housing__raw')).toEqual([
      { housing: 'other', housing__raw: 'Council flat' },
      { housing: 'social_rented', housing__raw: null },
      { housing: 'other', housing__raw: 'Council flat' },
      { housing: 'other', housing__raw: 'Boat' },
    ]);
    expect(result.report.notes).toEqual([
      'Column "housing": "Council flat" is not in the vocabulary; stored as "other" with its text kept (first on line 2).',
      'Column "housing": "Boat" is not in the vocabulary; stored as "other" with its text kept (first on line 5).',
    ]);
  });

  it('stores `other` even for open vocabularies without that code, and masks flagged raw text in notes', () => {
    const result = ingest(csv('case_id,date,mode', 'A,2014-01-01,carrier pigeon', 'B,2014-01-01,Mrs Smith phoned'));
    expect(pick(rowsOf(result.blocks), 'mode', 'mode__raw')).toEqual([
      { mode: 'other', mode__raw: 'carrier pigeon' },
      { mode: 'other', mode__raw: 'Mrs Smith phoned' },
    ]);
    expect(result.report.notes[1]).toBe('Column "mode": "••• ••••• ••••••" is not in the vocabulary; stored as "other" with its text kept (first on line 3).');
    expect(result.findingsTotal).toBe(1);
  });

  it('folds codes and labels like headers', () => {
    const result = ingest(csv('case_id,area,referral_date,engagement_police,engagement_modus,referral_route', 'A,City,2014-01-01,Not engaged,NO ENGAGEMENT / REFUSED HELP,Police top repeat victims list'));
    expect(pick(rowsOf(result.blocks), 'engagement_police', 'engagement_modus', 'referral_route')).toEqual([
      { engagement_police: 'not_engaged', engagement_modus: 'none', referral_route: 'top_repeat_list' },
    ]);
  });

  it('lists at most 20 distinct unknown values per column, then counts', () => {
    const lines = ['case_id,area,referral_date,housing'];
    for (let i = 0; i < 25; i++) lines.push(`C${i},City,2014-01-01,place ${i}`);
    const notes = ingest(lines.join('\n')).report.notes;
    expect(notes.filter((n) => n.startsWith('Column "housing": "place'))).toHaveLength(20);
    expect(notes).toContain('Column "housing": 5 more values not in the vocabulary were stored as "other" (their text is kept).');
  });
});

describe('yes/no, numbers and ages', () => {
  it('reads yes/no in all spellings', () => {
    const rows = ['case_id,area,referral_date,disability'];
    const spellings = ['yes', 'Y', 'TRUE', '1', 'no', 'n', 'False', '0', 'unknown', 'u', ''];
    spellings.forEach((s, i) => rows.push(`C${i},City,2014-01-01,${s}`));
    rows.push('X,City,2014-01-01,perhaps');
    const result = ingest(rows.join('\n'));
    expect(rowsOf(result.blocks).map((r) => r.disability)).toEqual(['yes', 'yes', 'yes', 'yes', 'no', 'no', 'no', 'no', null, null, null]);
    expect(result.report.quarantined.map((q) => q.value)).toEqual(['perhaps']);
  });

  it('bounds integers', () => {
    expect(problems(csv('case_id,area,referral_date,age,children_under_17', 'A,City,2014-01-01,15,-1', 'B,City,2014-01-01,111,2.5', 'C,City,2014-01-01,110,0'))).toEqual([
      [2, 'age', '15', '15 is below the minimum 16'],
      [2, 'children_under_17', '-1', '-1 is below the minimum 0'],
      [3, 'age', '111', '111 is above the maximum 110'],
      [3, 'children_under_17', '2.5', '2.5 is not a whole number'],
    ]);
  });

  it('accepts either age_at_referral or age_band, or both', () => {
    const result = ingest(csv('case_id,area,referral_date,age_at_referral,age_band', 'A,City,2014-01-01,34,', 'B,City,2014-01-01,,25-34', 'C,City,2014-01-01,30,25-34', 'D,City,2014-01-01,,'));
    expect(result.report.quarantined).toEqual([]);
    expect(pick(rowsOf(result.blocks), 'age_at_referral', 'age_band')).toEqual([
      { age_at_referral: 34, age_band: null },
      { age_at_referral: null, age_band: '25-34' },
      { age_at_referral: 30, age_band: '25-34' },
      { age_at_referral: null, age_band: null },
    ]);
  });
});

describe('outcome scales', () => {
  const header = 'case_id,date,tool,domain,score,scale_min,scale_max';
  it.each([
    ['batteries, default 1..8', 'A,2014-01-01,batteries,safety,8,,', null, [1, 8]],
    ['batteries, 9 is out', 'A,2014-01-01,batteries,safety,9,,', 'score 9 is outside the scale 1 to 8', null],
    ['batteries, 0 is out', 'A,2014-01-01,batteries,safety,0,,', 'score 0 is outside the scale 1 to 8', null],
    ['Empowerment Star, default 1..10', 'A,2014-01-01,Empowerment Star,safety,10,,', null, [1, 10]],
    ['empowerment_star, 11 is out', 'A,2014-01-01,empowerment_star,safety,11,,', 'score 11 is outside the scale 1 to 10', null],
    ['other tool with scale_max', 'A,2014-01-01,outcomes_tool,safety,4.5,0,5', null, [0, 5]],
    ['other tool, scale_min given', 'A,2014-01-01,outcomes_tool,safety,0,0,5', null, [0, 5]],
    ['scale_max given overrides the default', 'A,2014-01-01,batteries,safety,9,,10', null, [1, 10]],
    ['other tool without scale_max', 'A,2014-01-01,outcomes_tool,safety,4,,', 'scale_max is required: only batteries (1 to 8) and empowerment_star (1 to 10) have a default scale', null],
    ['no tool, no scale_max', 'A,2014-01-01,,safety,4,,', 'scale_max is required: only batteries (1 to 8) and empowerment_star (1 to 10) have a default scale', null],
    ['scale_min not below scale_max', 'A,2014-01-01,x,safety,4,5,5', 'scale_min 5 is not below scale_max 5', null],
    ['score missing', 'A,2014-01-01,batteries,safety,,,', REQUIRED_MISSING, null],
  ])('%s', (_name, row, reason, scale) => {
    const result = ingest(csv(header, row));
    expect(result.report.quarantined.map((q) => q.reason)).toEqual(reason ? [reason] : []);
    if (scale) expect(pick(rowsOf(result.blocks), 'scale_min', 'scale_max')).toEqual([{ scale_min: scale[0], scale_max: scale[1] }]);
  });

  it('applies the default scale when the scale columns are absent', () => {
    const result = ingest(csv('case_id,date,tool,domain,score', 'A,2014-01-01,batteries,safety,5', 'B,2014-01-01,batteries,safety,12'));
    expect(pick(rowsOf(result.blocks), 'score', 'scale_min', 'scale_max')).toEqual([{ score: 5, scale_min: 1, scale_max: 8 }]);
    expect(result.report.quarantined[0]).toMatchObject({ line: 3, column: 'score', reason: 'score 12 is outside the scale 1 to 8' });
  });
});

describe('hostile cells', () => {
  it('keeps cells starting with =, +, -, @ and HTML as plain text', () => {
    const values = ['=1+1', '+44 20', '-2+3', '@SUM(A1)', '<img src=x onerror=alert(1)>', '=HYPERLINK("http://x")'];
    const result = ingest(['case_id,date,category,agency,detail', ...values.map((v, i) => `C${i},2014-01-01,other,"${v.replace(/"/g, '""')}","${v.replace(/"/g, '""')}"`)].join('\n'));
    expect(result.report.quarantined).toEqual([]);
    const rows = rowsOf(result.blocks);
    expect(rows.map((r) => r.agency)).toEqual(values);
    expect(rows.map((r) => r.detail)).toEqual(values);
  });

  it('reads a 1 MB free-text field and quarantines it, with only its start in the report', () => {
    const big = 'a'.repeat(1 << 20);
    const result = ingest(csv('case_id,date,kind,detail', `A,2014-01-01,separated,"${big}"`, 'B,2014-01-02,rehoused,small'));
    expect(result.report.rowsImported).toBe(1);
    expect(result.report.quarantined).toEqual([
      { line: 2, column: 'detail', value: 'a'.repeat(CLIP_SHOWN) + '…', reason: '1,048,576 characters, longer than the 2,000 this column allows' },
    ]);
    expect(rowsOf(result.blocks)[0].detail).toBe('small');
  });
});

describe('privacy guard during validation', () => {
  it('scans id, text and free-text cells and every cell of unknown columns', () => {
    const result = ingest(
      csv('case_id,date,category,agency,detail,notes,Postcode', 'A,2014-01-01,housing,Mrs Jones Ltd,ring 07700 900123,me@x.example,AB1 2CD', 'A,2014-01-02,housing,Mrs Jones Ltd,ok,,'),
    );
    expect(result.findings.map((f) => [f.column, f.line, f.kind])).toEqual([
      ['Postcode', 1, 'identifying_column'],
      ['agency', 2, 'titled_name'],
      ['detail', 2, 'phone'],
      ['notes', 2, 'email'],
      ['agency', 3, 'titled_name'],
    ]);
    expect(result.findingColumns).toEqual([
      { fileIndex: 0, fileName: 'test.csv', column: 'Postcode', kinds: ['identifying_column'], count: 1 },
      { fileIndex: 0, fileName: 'test.csv', column: 'agency', kinds: ['titled_name'], count: 2 },
      { fileIndex: 0, fileName: 'test.csv', column: 'detail', kinds: ['phone'], count: 1 },
      { fileIndex: 0, fileName: 'test.csv', column: 'notes', kinds: ['email'], count: 1 },
    ]);
    for (const f of result.findings) expect(f.masked).not.toMatch(/[\p{L}\p{N}]/u);
  });

  it('counts every cell with a value in a column flagged by its name, not only the flagged values', () => {
    const result = ingest(csv('case_id,date,full_name,Postcode', 'A,2014-01-01,Jane,AB1 2CD', 'B,2014-01-01,Mary,', 'C,2014-01-01,,', 'D,2014-01-01,Ann,'));
    expect(result.findingColumns.map((c) => [c.column, c.kinds, c.count])).toEqual([
      ['full_name', ['identifying_column'], 3],
      ['Postcode', ['identifying_column'], 1],
    ]);
  });

  it('does not scan values that parsed as dates, yes/no, numbers or codes', () => {
    let calls: string[] = [];
    const scanner = { ...stubScanner, scanValue: (v: string) => (calls.push(v), null) };
    ingest(csv('case_id,area,referral_date,age,disability,housing', 'A,City,2014-01-01,34,yes,refuge'), { scanner });
    expect(calls.sort()).toEqual(['A', 'City']);
    calls = [];
    ingest(csv('case_id,area,referral_date,age', 'A,City,nope,old'), { scanner });
    expect(calls.sort()).toEqual(['A', 'City', 'nope', 'old']);
  });

  it('treats dropped columns as absent: optional ones unknown, required ones quarantine the row', () => {
    const text = csv('case_id,area,referral_date,display_name,Postcode', 'A,City,2014-01-01,Mrs Smith,AB1 2CD');
    const result = ingest(text, { dropColumns: new Set(['display_name', 'Postcode']) });
    expect(result.findings).toEqual([]);
    expect(result.report.droppedColumns).toEqual(['display_name', 'Postcode']);
    expect(result.report.ignoredColumns).toEqual([]);
    expect(pick(rowsOf(result.blocks), 'case_id', 'display_name')).toEqual([{ case_id: 'A', display_name: null }]);

    const dropArea = ingest(text, { dropColumns: new Set(['area']) });
    expect(dropArea.report.rowsImported).toBe(0);
    expect(dropArea.report.quarantined).toEqual([{ line: 2, column: 'area', value: '', reason: COLUMN_DROPPED }]);
  });
});

describe('RowValidator', () => {
  it('can be driven row by row', () => {
    const detection = detectKind(['case_id', 'date', 'level']);
    const findings = new FindingCollector(0, 'f.csv', stubScanner.maskValue);
    const quarantine = new QuarantineCollector();
    const v = new RowValidator({ kind: 'risk_assessments', detection, scanner: stubScanner, findings, quarantine, currentYear: 2025 });
    v.begin(4);
    expect(v.addRow(['A', '17/3/14', 'High'], 2)).toBe(true);
    expect(v.addRow(['B', '17/3/14', 'huge'], 3)).toBe(false);
    expect(v.addRow(['C', '18/3/14', 'medium'], 4, 'a quoted value is never closed')).toBe(false);
    const block = v.end()!;
    expect(block.rowCount).toBe(1);
    expect(pick(rowsOf([block]), 'case_id', 'date', 'level', '__line')).toEqual([{ case_id: 'A', date: '2014-03-17', level: 'high', __line: 2 }]);
    expect(quarantine.list.map((q) => q.line)).toEqual([3, 4]);
    v.begin(2);
    expect(v.end()).toBeNull();
  });
});

describe('ignored columns', () => {
  it('lists unknown columns, but not nameless ones that are always empty', () => {
    const result = ingest(csv('case_id,date,colour,,', 'A,2014-01-01,red,,', 'B,2014-01-02,,,x'));
    expect(result.report.ignoredColumns).toEqual(['colour', 'column 5 (no name)']);
  });
});
