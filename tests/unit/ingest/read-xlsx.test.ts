import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import * as XLSX from '@e965/xlsx';
import { WorkbookError, WorkbookReader, isDateFormatCode, plausibleSerialToIso, serialToIso } from '../../../src/ingest/read-xlsx';
import { IngestSession } from '../../../src/ingest/ingest-session';
import { ingestSheet } from '../../../src/ingest/ingest-workbook';
import type { PendingImport } from '../../../src/db/import-batch';
import type { ImportSummary } from '../../../src/domain/import-report';
import type { IngestOutMessage } from '../../../src/ingest/ingest-messages';
import { rowsOf, stubScanner } from './helpers';

/** A workbook from raw parts, for what a writer library would not produce. */
function rawBook(sheetXml: string, opts: { shared?: string[]; styles?: string; date1904?: boolean; sheetName?: string } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<Types/>'),
    '_rels/.rels': strToU8(
      '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      `<workbook xmlns:r="r">${opts.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets><sheet name="${opts.sheetName ?? 'Data'}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships><Relationship Id="rId1" Type="http://x/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://x/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://x/relationships/styles" Target="styles.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${sheetXml}</sheetData></worksheet>`),
    'xl/sharedStrings.xml': strToU8(`<sst>${(opts.shared ?? []).map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join('')}</sst>`),
    'xl/styles.xml': strToU8(
      opts.styles ??
        '<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="[h]:mm:ss"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>',
    ),
  };
  return zipSync(files);
}

function rowsOfSheet(book: WorkbookReader, dateColumns: number[] = [], chunkRows = 2) {
  const out: { line: number; row: string[] }[] = [];
  let header: string[] = [];
  book.streamSheet(
    book.sheets[0],
    {
      header: (fields) => {
        header = fields;
        return dateColumns;
      },
      chunk: ({ rows, lines }) => rows.forEach((row, i) => lines[i] && out.push({ line: lines[i], row })),
    },
    chunkRows,
  );
  return { header, rows: out };
}

describe('WorkbookReader', () => {
  it('reads shared strings, inline strings, numbers, booleans, gaps and entities', () => {
    const sheet =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>flag</t></is></c><c r="D1" t="s"><v>2</v></c></row>' +
      '<row r="3"><c r="A3" t="s"><v>3</v></c><c r="C3" t="b"><v>1</v></c><c r="D3"><v>4.0999999999999996</v></c></row>' +
      '<row r="4"><c r="A4"><v>12345</v></c><c r="B4" t="inlineStr"><is><r><t>Tom </t></r><r><t>&amp; Jerry</t></r></is></c><c r="C4" t="b"><v>0</v></c></row>';
    const book = new WorkbookReader(rawBook(sheet, { shared: ['case_id', 'note', 'score', 'A&amp;B &lt;1&gt;'], sheetName: 'Q1 &amp; Q2' }), 'book.xlsx');
    expect(book.sheets.map((s) => s.name)).toEqual(['Q1 & Q2']);
    const { header, rows } = rowsOfSheet(book);
    expect(header).toEqual(['case_id', 'note', 'flag', 'score']);
    expect(rows).toEqual([
      { line: 3, row: ['A&B <1>', '', 'TRUE', '4.1'] },
      { line: 4, row: ['12345', 'Tom & Jerry', 'FALSE', ''] },
    ]);
  });

  it('reads cells typed as dates as ISO dates, and plain numbers in date columns as serials', () => {
    const sheet =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>date</t></is></c><c r="B1" t="inlineStr"><is><t>n</t></is></c><c r="C1" t="inlineStr"><is><t>t</t></is></c></row>' +
      '<row r="2"><c r="A2" s="1"><v>41715</v></c><c r="B2"><v>41715</v></c><c r="C2" s="3"><v>1.5</v></c></row>' +
      '<row r="3"><c r="A3" s="2"><v>41715.75</v></c><c r="B3" s="2"><v>1</v></c></row>' +
      '<row r="4"><c r="A4"><v>41715</v></c></row>';
    const { rows } = rowsOfSheet(new WorkbookReader(rawBook(sheet), 'd.xlsx'), [0]);
    expect(rows.map((r) => r.row)).toEqual([
      ['2014-03-17', '41715', '1.5'],
      ['2014-03-17', '1900-01-01', ''],
      ['2014-03-17', '', ''],
    ]);
  });

  it('reads a plain number in a date column as a serial only from 1990 to 2100; a cell styled as a date is a date in any year', () => {
    const sheet =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>date</t></is></c></row>' +
      '<row r="2"><c r="A2"><v>2014</v></c></row>' +
      '<row r="3"><c r="A3"><v>12</v></c></row>' +
      '<row r="4"><c r="A4"><v>32874</v></c></row>' +
      '<row r="5"><c r="A5"><v>73416</v></c></row>' +
      '<row r="6"><c r="A6" s="1"><v>31048</v></c></row>' +
      '<row r="7"><c r="A7" s="1"><v>41715</v></c></row>';
    const { rows } = rowsOfSheet(new WorkbookReader(rawBook(sheet), 'd.xlsx'), [0]);
    expect(rows.map((r) => r.row[0])).toEqual(['2014', '12', '1990-01-01', '73416', '1985-01-01', '2014-03-17']);
    expect(plausibleSerialToIso(73415, false)).toBe('2100-12-31');
    expect(plausibleSerialToIso(32874 - 1462, true)).toBe('1990-01-01');
    expect(plausibleSerialToIso(32873 - 1462, true)).toBeNull();
  });

  it('skips a sheet whose header row has more than 500 columns, with why', () => {
    const cells = Array.from({ length: 600 }, (_, i) => `<c t="inlineStr"><is><t>c${i}</t></is></c>`).join('');
    const sheet = `<row r="1">${cells}</row><row r="2"><c t="inlineStr"><is><t>A</t></is></c></row>`;
    const result = ingestSheet(new WorkbookReader(rawBook(sheet), 'wide.xlsx'), { name: 'Data', part: 'xl/worksheets/sheet1.xml', size: 1 });
    expect(result.blocks).toEqual([]);
    expect(result.report.skipped).toBe(
      'Skipped: it has a header row of 600 columns: Waymark reads header rows of at most 500 columns and 65,536 characters (64 KB). Nothing of the file was read: check that it is the export you meant',
    );
  });

  it('honours the 1904 date system', () => {
    const sheet = '<row r="1"><c r="A1" t="inlineStr"><is><t>date</t></is></c></row><row r="2"><c r="A2" s="1"><v>40253</v></c></row><row r="3"><c r="A3"><v>0</v></c></row>';
    const { rows } = rowsOfSheet(new WorkbookReader(rawBook(sheet, { date1904: true }), 'd.xlsx'), [0]);
    // A date-styled cell is a date; a plain 0 in a date column is no plausible serial, so it stays a number.
    expect(rows.map((r) => r.row[0])).toEqual(['2014-03-17', '0']);
    expect(serialToIso(60, false)).toBeNull();
    expect(serialToIso(61, false)).toBe('1900-03-01');
  });

  it('tells date formats from times and numbers', () => {
    for (const code of ['dd/mm/yyyy', 'd-mmm-yy', 'mmm yyyy', '[$-809]dd mmmm yyyy', 'yyyy-mm-dd hh:mm']) expect(isDateFormatCode(code)).toBe(true);
    for (const code of ['General', '0.00', '[h]:mm:ss', 'mm:ss', 'h:mm AM/PM', '#,##0', '"day"0', '[Red]0.0']) expect(isDateFormatCode(code)).toBe(false);
  });

  it('says what is wrong with a corrupt, password-protected, old-format or empty file', () => {
    const cfb = (extra: string) => {
      const bytes = new Uint8Array(2048);
      bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      [...extra].forEach((c, i) => (bytes[600 + 2 * i] = c.charCodeAt(0)));
      return bytes;
    };
    const message = (bytes: Uint8Array, name: string) => {
      try {
        new WorkbookReader(bytes, name);
      } catch (e) {
        expect(e).toBeInstanceOf(WorkbookError);
        return (e as Error).message;
      }
      throw new Error('no error');
    };
    expect(message(cfb('EncryptionInfo'), 'secret.xlsx')).toMatch(/password-protected.*save it again/);
    expect(message(cfb('Workbook'), 'old.xls')).toMatch(/old Excel 97-2003 format \(\.xls\).*Excel Workbook \(\.xlsx\).*CSV/);
    const good = rawBook('<row r="1"><c r="A1"><v>1</v></c></row>');
    expect(message(good.slice(0, good.length - 30), 'cut.xlsx')).toMatch(/damaged/);
    expect(message(strToU8('case_id,date\n'), 'text.xlsx')).toMatch(/not an Excel workbook/);
    expect(message(new Uint8Array(0), 'empty.xlsx')).toMatch(/empty/);
  });
});

/** Runs one file through an ingest session and returns what it would commit. */
async function importQuietly(file: File): Promise<PendingImport[]> {
  const committed: PendingImport[] = [];
  const session = new IngestSession({
    post: () => undefined,
    commit: async (pending) => {
      committed.push(pending);
      return {} as ImportSummary;
    },
    scanner: stubScanner,
  });
  await session.run([file], false);
  return committed;
}

describe('a workbook through the ingest session', () => {
  it('imports every sheet that matches a kind as "FILE › SHEET" and lists the others as skipped', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['case_id', 'area', 'referral_date'],
        ['C1', 'North', new Date(2014, 2, 17)],
        ['C2', 'South', '2015-01-02'],
      ]),
      'Cases',
    );
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['incident_id', 'Person Ref', 'date', 'kind'],
        [1001, 'C1', 41715, 'crime'],
        [1002, 'C2', 41716, 'non_crime'],
        [1003, 'C2', 'not a date', 'crime'],
      ]),
      'Police',
    );
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Totals', 'Count'], ['All', 3]]), 'Notes');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([]), 'Blank');
    const bytes = XLSX.write(wb, { type: 'array', bookType: 'xlsx', cellDates: true }) as ArrayBuffer;

    const posted: IngestOutMessage[] = [];
    const committed: PendingImport[] = [];
    const session = new IngestSession({
      post: (m) => posted.push(m),
      commit: async (pending) => {
        committed.push(pending);
        return { files: pending.files, rowsImported: 0 } as unknown as ImportSummary;
      },
      currentYear: 2025,
      scanner: stubScanner,
      chunkSize: 64,
    });
    await session.run([new File([bytes], 'export.xlsx')], false);
    expect(posted.filter((m) => m.type === 'error')).toEqual([]);
    const { files, blocks } = committed[0];
    expect(files.map((f) => [f.fileName, f.kind, f.rowsImported, f.rowsQuarantined, f.skipped ?? null])).toEqual([
      ['export.xlsx › Cases', 'cases', 2, 0, null],
      ['export.xlsx › Police', 'incidents', 2, 1, null],
      ['export.xlsx › Notes', null, 0, 0, 'Skipped: its header row matches no kind of file'],
      ['export.xlsx › Blank', null, 0, 0, 'Skipped: the sheet is empty'],
    ]);
    expect(files[2].notes[0]).toBe('Skipped: its header row matches no kind of file.');
    expect(files[1].quarantined[0]).toMatchObject({ line: 4, column: 'date' });
    const cases = rowsOf(blocks.filter((b) => b.fileIndex === 0).map((b) => b.block));
    expect(cases.map((r) => [r.case_id, r.referral_date])).toEqual([
      ['C1', '2014-03-17'],
      ['C2', '2015-01-02'],
    ]);
    const incidents = rowsOf(blocks.filter((b) => b.fileIndex === 1).map((b) => b.block));
    expect(incidents.map((r) => [r.incident_id, r.case_id, r.date])).toEqual([
      ['1001', 'C1', '2014-03-17'],
      ['1002', 'C2', '2014-03-18'],
    ]);
    const done = posted.find((m) => m.type === 'done');
    expect(done?.type === 'done' && done.previews?.map((p) => [p.fileIndex, p.fileName, p.header])).toEqual([[0, 'export.xlsx › Notes', ['Totals', 'Count']]]);
  });

  it('says so on every sheet when no sheet of a workbook matches a kind, and stores nothing', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Totals', 'Count'], ['All', 3]]), 'Notes');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Region', 'Budget'], ['North', 12000]]), 'Money');
    const bytes = XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
    const committed = await importQuietly(new File([bytes], 'summary.xlsx'));
    expect(committed[0].blocks).toEqual([]);
    expect(committed[0].files.map((f) => [f.fileName, f.kind, f.rowsImported])).toEqual([
      ['summary.xlsx › Notes', null, 0],
      ['summary.xlsx › Money', null, 0],
    ]);
    for (const f of committed[0].files) {
      expect(f.notes[0]).toBe(
        'No sheet of summary.xlsx has a header row that matches a kind of file, so nothing was read from it. Use "Map columns" on a sheet, or check that each sheet\'s first row holds the column names.',
      );
    }
  });

  it('stores nothing from a workbook that cannot be read', async () => {
    const committed = await importQuietly(new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])], 'broken.xlsx'));
    expect(committed[0].blocks).toEqual([]);
    expect(committed[0].files[0].notes[0]).toMatch(/broken\.xlsx could not be read as an Excel workbook/);
  });
});
