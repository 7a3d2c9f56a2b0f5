import { describe, expect, it } from 'vitest';
import { detectionFromMapping } from '../../../src/ingest/detect-kind';
import { makeProfile, type ColumnMapping } from '../../../src/domain/mapping';
import { readMappedRows } from '../../../src/ingest/read-mapped-rows';
import { ingest, pick, rowsOf } from './helpers';

const HEADER = ['Crime Number', 'Client', 'Date of incident', 'Type', 'Client name'];
const MAPPING: ColumnMapping = { kind: 'incidents', fields: ['incident_id', 'case_id', 'date', 'kind', null] };
const TEXT = [
  HEADER.join(','),
  'CR-1,WM-1,12/03/2014,crime,x',
  'CR-2,WM-1,31/12/2014,DI,x',
  'CR-3,WM-2,12/31/2014,crime,x',
  'CR-4,WM-2,01/05/2014,burglary,x',
].join('\n');

describe('detectionFromMapping', () => {
  it('reads each column as its mapped field; columns not imported are ignored and unknown', () => {
    const d = detectionFromMapping(HEADER, MAPPING);
    expect(d.kind).toBe('incidents');
    expect(d.fields.map((f) => f?.name ?? null)).toEqual(MAPPING.fields);
    expect(d.ignored).toEqual([4]);
    expect(d.unknown).toEqual([4]);
    expect(d.labels).toEqual(HEADER);
  });

  it('a mapping of two columns onto one gives no kind and says why', () => {
    const d = detectionFromMapping(HEADER, { kind: 'incidents', fields: ['incident_id', 'case_id', 'date', 'kind', 'case_id'] });
    expect(d.kind).toBeNull();
    expect(d.notes[0]).toMatch(/"Client" and "Client name" are all mapped to case_id/);
  });
});

describe('a mapped file through ingestText', () => {
  it('is not read without a mapping (no kind matches), and keeps a preview for the dialog', () => {
    const r = ingest(TEXT);
    expect(r.report.kind).toBeNull();
    expect(r.blocks).toEqual([]);
    expect(r.preview?.header).toEqual(HEADER);
    expect(r.preview?.rows).toHaveLength(4);
    expect(r.preview?.rows[0]).toEqual(['CR-1', 'WM-1', '12/03/2014', 'crime', 'x']);
  });

  it('with a mapping: read by the same rules, bad rows quarantined, no preview', () => {
    const r = ingest(TEXT, { mapping: MAPPING });
    expect(r.report.kind).toBe('incidents');
    expect(r.preview).toBeUndefined();
    expect(pick(rowsOf(r.blocks), 'incident_id', 'case_id', 'date', 'kind')).toEqual([
      { incident_id: 'CR-1', case_id: 'WM-1', date: '2014-03-12', kind: 'crime' },
      { incident_id: 'CR-2', case_id: 'WM-1', date: '2014-12-31', kind: 'domestic_incident' },
    ]);
    expect(r.report.rowsImported).toBe(2);
    expect(r.report.rowsQuarantined).toBe(2);
    expect(r.report.quarantined.map((q) => [q.line, q.column])).toEqual([
      [4, 'Date of incident'],
      [5, 'Type'],
    ]);
    expect(r.report.ignoredColumns).toEqual(['Client name']);
    expect(r.report.notes).toContain('Columns mapped by hand with “Map columns”');
  });

  it('the privacy guard still flags an identifying column that is not imported', () => {
    const r = ingest(TEXT, { mapping: MAPPING });
    expect(r.findingColumns.map((c) => c.column)).toContain('Client name');
  });

  it('a saved profile with the same header row is applied without a mapping, with a note', () => {
    const profile = makeProfile('Agency B incidents', HEADER.map((h) => h.toLowerCase()), MAPPING, 1);
    const r = ingest(TEXT, { profiles: [profile] });
    expect(r.report.kind).toBe('incidents');
    expect(r.report.rowsImported).toBe(2);
    expect(r.report.notes).toContain('Mapped with profile Agency B incidents');
  });

  it('a profile of another header row is not applied', () => {
    const profile = makeProfile('Other', ['a', 'b', 'c', 'd', 'e'], { kind: 'incidents', fields: MAPPING.fields }, 1);
    const r = ingest(TEXT, { profiles: [profile] });
    expect(r.report.kind).toBeNull();
  });

  it('a mapping of two columns onto one: nothing read, the report says why', () => {
    const r = ingest(TEXT, { mapping: { kind: 'incidents', fields: ['incident_id', 'case_id', 'date', 'kind', 'kind'] } });
    expect(r.report.kind).toBeNull();
    expect(r.blocks).toEqual([]);
    expect(r.report.rowsQuarantined).toBe(4);
    expect(r.report.quarantined[0].reason).toMatch(/"Type" and "Client name" are all mapped to kind/);
  });
});

describe('readMappedRows', () => {
  it('reads rows as the import will: dates as dates, codes as codes, errors as errors', () => {
    const rows = [
      ['CR-1', 'WM-1', '12/03/2014', 'DI', 'x'],
      ['CR-2', '', '12/31/2014', 'burglary', 'x'],
    ];
    const read = readMappedRows(HEADER, rows, MAPPING, 2025);
    expect(read.columns.map((c) => [c.field, c.column])).toEqual([
      ['incident_id', 'Crime Number'],
      ['case_id', 'Client'],
      ['date', 'Date of incident'],
      ['kind', 'Type'],
    ]);
    expect(read.rows[0].map((c) => c.text)).toEqual(['CR-1', 'WM-1', '2014-03-12', 'domestic_incident']);
    expect(read.rows[0].every((c) => c.problem === null)).toBe(true);
    expect(read.rows[1][1]).toMatchObject({ problem: 'required value missing', quarantines: true });
    expect(read.rows[1][2].quarantines).toBe(true);
    expect(read.rows[1][2].problem).toMatch(/month/);
    expect(read.rows[1][3]).toMatchObject({ quarantines: true });
  });

  it('an open vocabulary value is stored as other, with a warning', () => {
    const read = readMappedRows(['id', 'c', 'd', 'k', 'Offence'], [['I-1', 'C-1', '2014-01-01', 'crime', 'burglary']], {
      kind: 'incidents',
      fields: ['incident_id', 'case_id', 'date', 'kind', 'offence'],
    });
    expect(read.rows[0][4]).toMatchObject({ text: 'other', quarantines: false });
  });
});
