import { describe, expect, it } from 'vitest';
import {
  ProfileFileError,
  findProfile,
  freeName,
  headerSignature,
  makeProfile,
  mappingErrors,
  parseProfileFile,
  profileFileText,
  type MappingProfile,
} from '../../../src/domain/mapping';

const HEADER = ['Crime Number', 'Client', 'Date of incident', 'Type', 'Notes'];
const GOOD = { kind: 'incidents' as const, fields: ['incident_id', 'case_id', 'date', 'kind', null] };

describe('headerSignature', () => {
  it('ignores case, spaces and punctuation but not order or names', () => {
    expect(headerSignature(['Crime Number', 'Client'])).toBe(headerSignature(['crime_number', ' CLIENT ']));
    expect(headerSignature(['Crime Number', 'Client'])).not.toBe(headerSignature(['Client', 'Crime Number']));
    expect(headerSignature(['Crime Number', 'Client'])).not.toBe(headerSignature(['Crime Number', 'Client', 'x']));
  });
});

describe('mappingErrors', () => {
  it('accepts a mapping with every required field once', () => {
    expect(mappingErrors(HEADER, GOOD)).toEqual([]);
  });

  it('two columns onto one field is an error naming both columns', () => {
    const errors = mappingErrors(HEADER, { kind: 'incidents', fields: ['incident_id', 'case_id', 'date', 'kind', 'case_id'] });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('"Client"');
    expect(errors[0]).toContain('"Notes"');
    expect(errors[0]).toContain('case_id');
  });

  it('lists the required fields left unmapped', () => {
    const errors = mappingErrors(HEADER, { kind: 'incidents', fields: ['incident_id', null, 'date', null, null] });
    expect(errors).toEqual(['Required columns not mapped: case_id, kind.']);
  });

  it('rejects a field the kind does not have and a wrong column count', () => {
    expect(mappingErrors(HEADER, { kind: 'incidents', fields: ['incident_id', 'case_id', 'date', 'kind', 'area'] })[0]).toContain('area');
    expect(mappingErrors(HEADER, { kind: 'incidents', fields: ['incident_id'] })[0]).toContain('1 columns but the file has 5');
  });
});

describe('findProfile', () => {
  const old = makeProfile('Old', HEADER, GOOD, 1);
  const newer = makeProfile('Newer', HEADER.map((h) => h.toUpperCase()), GOOD, 2);
  const other = makeProfile('Other', ['a', 'b'], { kind: 'incidents', fields: [null, null] }, 3);
  it('finds the newest profile with the same header signature', () => {
    expect(findProfile([old, newer, other], HEADER)?.name).toBe('Newer');
    expect(findProfile([old, other], HEADER)?.name).toBe('Old');
    expect(findProfile([other], HEADER)).toBeNull();
  });
});

describe('profile files', () => {
  const profiles: MappingProfile[] = [makeProfile('Agency B incidents', HEADER, GOOD, 1_700_000_000_000)];

  it('round-trip through JSON with the file marker and version', () => {
    const text = profileFileText(profiles);
    expect(JSON.parse(text)).toMatchObject({ waymark: 'mapping-profiles', version: 1 });
    expect(parseProfileFile(text)).toEqual(profiles);
  });

  it('keep header names and fields only: anything else in the file is dropped', () => {
    const text = JSON.stringify({
      waymark: 'mapping-profiles',
      version: 1,
      profiles: [{ ...profiles[0], rows: [['CR-1', 'WM-1']], sample: 'x' }],
    });
    const [p] = parseProfileFile(text);
    expect(Object.keys(p).sort()).toEqual(['createdAt', 'fields', 'header', 'kind', 'name']);
  });

  it.each([
    ['not JSON', 'case_id,area\nWM-1,City', /not JSON/],
    ['JSON without the marker', '{"profiles": []}', /no "waymark": "mapping-profiles" marker/],
    ['a JSON array', '[1,2]', /marker/],
    ['another version', '{"waymark":"mapping-profiles","version":2,"profiles":[]}', /version 2/],
    ['no profile list', '{"waymark":"mapping-profiles","version":1}', /no list of profiles/],
    ['a profile without a kind', JSON.stringify({ waymark: 'mapping-profiles', version: 1, profiles: [{ name: 'x', header: ['a'], fields: [null] }] }), /no known kind/],
    ['a profile mapping two columns onto one', JSON.stringify({ waymark: 'mapping-profiles', version: 1, profiles: [{ name: 'x', header: HEADER, kind: 'incidents', fields: ['incident_id', 'case_id', 'date', 'kind', 'kind'] }] }), /"Type" and "Notes" are all mapped to kind/],
    ['two profiles of one name', JSON.stringify({ waymark: 'mapping-profiles', version: 1, profiles: [profiles[0], profiles[0]] }), /two profiles named/],
  ])('%s: a clear error', (_, text, message) => {
    expect(() => parseProfileFile(text)).toThrow(ProfileFileError);
    expect(() => parseProfileFile(text)).toThrow(message);
  });
});

describe('freeName', () => {
  it('keeps a free name and numbers a taken one', () => {
    expect(freeName('A', new Set())).toBe('A');
    expect(freeName('A', new Set(['A']))).toBe('A (2)');
    expect(freeName('A', new Set(['A', 'A (2)']))).toBe('A (3)');
    expect(freeName('A', new Set(['A']), 'imported')).toBe('A (imported)');
    expect(freeName('A', new Set(['A', 'A (imported)']), 'imported')).toBe('A (imported 2)');
  });
});
