import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { FILE_KINDS, KINDS } from '../../../src/domain/contract';
import { templateCsv } from '../../../src/views/help/template-csv';

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
});
