import { describe, expect, it } from 'vitest';
import { FILE_KINDS } from '../../../src/domain/contract';
import {
  columnScore,
  editDistance,
  headerWords,
  nameScore,
  suggestFields,
  suggestMapping,
  valueScore,
} from '../../../src/ingest/suggest-mapping';

const field = (kind: keyof typeof FILE_KINDS, name: string) => FILE_KINDS[kind].fields.find((f) => f.name === name)!;

const HEADER = ['Crime Number', 'Client', 'Date of incident', 'Type'];
const ROWS = [
  ['CR-1001', 'WM-0001', '12/03/2014', 'crime'],
  ['CR-1002', 'WM-0001', '2014-04-02', 'DI'],
  ['CR-1003', 'WM-0002', '03/05/2014', 'Crime'],
  ['CR-1004', 'WM-0003', '17/06/2014', 'domestic incident'],
];

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions', () => {
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('referal', 'referral')).toBe(1);
    expect(editDistance('casied', 'caseid')).toBe(1);
    expect(editDistance('same', 'same')).toBe(0);
  });
});

describe('names', () => {
  it('splits words, drops filler words and merges synonyms', () => {
    expect(headerWords('Date of incident')).toEqual(['date', 'incident']);
    expect(headerWords('crimeRef')).toEqual(['crime', 'id']);
    expect(headerWords('Crime Number')).toEqual(['crime', 'id']);
  });

  it('an exact folded name or alias scores 1', () => {
    expect(nameScore('Case ID', field('incidents', 'case_id'))).toBe(1);
    expect(nameScore('Incident Date', field('incidents', 'date'))).toBe(1);
  });

  it('a misspelling within the edit-distance threshold scores high, a different word does not', () => {
    expect(nameScore('Referal Date', field('cases', 'referral_date'))).toBeGreaterThan(0.8);
    expect(nameScore('Refferal Date', field('cases', 'referral_date'))).toBeGreaterThanOrEqual(0.7);
    expect(nameScore('Area', field('cases', 'referral_date'))).toBe(0);
  });

  it('shared words count: "Date of incident" is the incident date, "Crime Number" the crime reference', () => {
    expect(nameScore('Date of incident', field('incidents', 'date'))).toBeCloseTo(0.9);
    expect(nameScore('Crime Number', field('incidents', 'incident_id'))).toBeCloseTo(0.9);
  });
});

describe('values', () => {
  it('dates read by the app are evidence for a date field', () => {
    expect(valueScore(['12/03/2014', '2014-04-02', ''], field('incidents', 'date'), 2025)).toBeCloseTo(0.6);
    expect(valueScore(['crime', 'DI'], field('incidents', 'date'), 2025)).toBe(0);
  });

  it('vocabulary codes and labels are evidence for a vocabulary field', () => {
    expect(valueScore(['crime', 'DI', 'Domestic incident'], field('incidents', 'kind'), 2025)).toBeCloseTo(0.6);
    expect(valueScore(['CR-1', 'CR-2'], field('incidents', 'kind'), 2025)).toBe(0);
  });

  it('many distinct short tokens with digits look like identifiers', () => {
    expect(valueScore(['CR-1', 'CR-2', 'CR-3'], field('incidents', 'incident_id'), 2025)).toBeCloseTo(0.3);
    expect(valueScore(['a long sentence here', 'another one', 'x'], field('incidents', 'incident_id'), 2025)).toBe(0);
  });

  it('a value-only match needs no name', () => {
    expect(columnScore('Type', ['crime', 'DI'], field('incidents', 'kind'), 2025)).toBeGreaterThanOrEqual(0.5);
  });
});

describe('suggestMapping', () => {
  it('suggests the incidents kind and every column of the unrecognised incidents file', () => {
    const s = suggestMapping(HEADER, ROWS, 2025);
    expect(s.mapping).toEqual({ kind: 'incidents', fields: ['incident_id', 'case_id', 'date', 'kind'] });
  });

  it('never suggests one field for two columns', () => {
    const header = ['Client', 'Client ref', 'Date', 'Incident date', 'Type'];
    const rows = [['WM-1', 'WM-1', '2014-01-01', '2014-01-02', 'crime']];
    const s = suggestFields(header, rows, 'incidents', 2025);
    const mapped = s.mapping.fields.filter((f) => f !== null);
    expect(new Set(mapped).size).toBe(mapped.length);
    expect(s.mapping.fields.filter((f) => f === 'date')).toHaveLength(1);
    expect(s.mapping.fields.filter((f) => f === 'case_id')).toHaveLength(1);
  });

  it('leaves a column with no evidence as not imported', () => {
    const s = suggestFields([...HEADER, 'Officer notes'], ROWS.map((r) => [...r, 'went well']), 'incidents', 2025);
    expect(s.mapping.fields[4]).toBeNull();
  });

  it('suggests a cases file from its columns', () => {
    const s = suggestMapping(['Person Ref', 'Locality', 'Referred on', 'Age'], [['WM-1', 'City', '17/03/2014', '34']], 2025);
    expect(s.mapping).toEqual({ kind: 'cases', fields: ['case_id', 'area', 'referral_date', 'age_at_referral'] });
  });

  it('follows a chosen kind', () => {
    const s = suggestFields(['Client', 'Session date', 'Method'], [['WM-1', '2014-03-01', 'phone']], 'contacts', 2025);
    expect(s.mapping.fields).toEqual(['case_id', 'date', 'mode']);
  });
});
