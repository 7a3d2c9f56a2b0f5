/**
 * The generator's files, read by the app's own reader (src/ingest/ingest-file.ts, the step the
 * import worker runs): every file recognised as its kind, every row imported, nothing quarantined;
 * and the generator's check, which is that reader, refuses a file that breaks the contract.
 */
import { describe, expect, it } from 'vitest';
import { FILE_KINDS, KINDS } from '../../../src/domain/contract';
import { ingestText } from '../../../src/ingest/ingest-file';
import { generateCohort, generateSample } from '../../../sample-data/generate';
import { assertFilesAccepted, readerProblems } from '../../../sample-data/lib/contract-check';

const dataRows = (text: string) => text.split('\n').length - 2;

function expectEveryRowImported(files: Record<string, string>) {
  for (const kind of KINDS) {
    const name = FILE_KINDS[kind].fileName;
    const { report, findingsTotal } = ingestText(files[name], name);
    expect(report.kind, name).toBe(kind);
    expect(report.rowsRead, name).toBe(dataRows(files[name]));
    expect(report.rowsImported, name).toBe(report.rowsRead);
    expect(report.rowsQuarantined, name).toBe(0);
    expect(report.quarantined, name).toEqual([]);
    expect(report.ignoredColumns, name).toEqual([]);
    expect(report.notes, name).toEqual([]);
    expect(findingsTotal, name).toBe(0);
  }
}

describe('generated files through the app reader', () => {
  const cohort = generateCohort({ women: 120, seed: 11 });

  it('a small cohort: every file recognised, every row imported, nothing quarantined', () => {
    expect(dataRows(cohort['cases.csv'])).toBe(120);
    for (const kind of KINDS) expect(dataRows(cohort[FILE_KINDS[kind].fileName]), kind).toBeGreaterThan(0);
    expectEveryRowImported(cohort);
  });

  it('the sample: every file recognised, every row imported, nothing quarantined', () => {
    expectEveryRowImported(generateSample().files);
  });

  it('is deterministic: the same seed gives the same bytes, another seed other bytes', () => {
    expect(generateCohort({ women: 120, seed: 11 })).toEqual(cohort);
    const other = generateCohort({ women: 120, seed: 12 });
    expect(other['incidents.csv']).not.toBe(cohort['incidents.csv']);
    expect(generateSample().files).toEqual(generateSample().files);
  });
});

describe("the generator's check is the app reader", () => {
  const files = generateCohort({ women: 20, seed: 3 });

  it('accepts the generated files', () => {
    expect(() => assertFilesAccepted(files)).not.toThrow();
  });

  it('refuses a file with an impossible date, naming the line, column and reason', () => {
    const lines = files['contacts.csv'].split('\n');
    lines[2] = lines[2].replace(/\d{4}-\d{2}-\d{2}/, '2015-02-30');
    const broken = { ...files, 'contacts.csv': lines.join('\n') };
    expect(readerProblems('contacts', broken['contacts.csv'])).toContain('1 rows quarantined');
    expect(() => assertFilesAccepted(broken)).toThrow(/contacts\.csv does not keep the contract:\n {2}line 3 quarantined: date = "2015-02-30"/);
  });

  it('refuses a code an open vocabulary would store as other, a file it does not recognise, and a missing file', () => {
    const wrongCode = files['risk_assessments.csv'].replace(',dash,', ',dashboard,');
    expect(readerProblems('risk_assessments', wrongCode)).toEqual([expect.stringMatching(/^Column "tool": "dashboard" is not in the vocabulary; stored as "other"/)]);
    expect(readerProblems('cases', 'colour,size\nred,2\n')[0]).toBe('recognised as no kind of file, not cases');
    const { ['milestones.csv']: _omitted, ...rest } = files;
    expect(() => assertFilesAccepted(rest)).toThrow('milestones.csv was not generated');
  });
});
