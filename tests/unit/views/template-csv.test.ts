import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { FILE_KINDS, KINDS } from '../../../src/domain/contract';
import { templateCsv } from '../../../src/views/help/template-csv';
import { detectKind } from '../../../src/ingest/detect-kind';

describe('templateCsv', () => {
  it.each(KINDS)('%s has every contract column and one example row', (kind) => {
    const parsed = Papa.parse<string[]>(templateCsv(kind).trim(), { header: false });
    const [header, row] = parsed.data;
    const expected = FILE_KINDS[kind].fields.map((f) => f.name).filter((n) => !(kind === 'cases' && n === 'age_band'));
    expect(header).toEqual(expected);
    expect(row).toHaveLength(expected.length);
    for (const field of FILE_KINDS[kind].fields) {
      if (field.required) expect(row[header.indexOf(field.name)], field.name).not.toBe('');
    }
  });

  it.each(KINDS)('%s is still recognised with each join-key and date alias in its header', (kind) => {
    const [header] = Papa.parse<string[]>(templateCsv(kind).trim(), { header: false }).data;
    const field = (name: string) => FILE_KINDS[kind].fields.find((f) => f.name === name);
    for (const alias of field('case_id')?.aliases ?? []) {
      expect(detectKind(header.map((h) => (h === 'case_id' ? alias : h))).kind).toBe(kind);
    }
    for (const alias of field('date')?.aliases ?? []) {
      expect(detectKind(header.map((h) => (h === 'date' ? alias : h))).kind).toBe(kind);
    }
    expect(field('case_id')?.aliases).toContain('victim_ref');
  });
});
