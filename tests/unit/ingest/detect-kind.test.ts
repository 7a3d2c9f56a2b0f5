import { describe, expect, it } from 'vitest';
import { FILE_KINDS, KINDS, type Kind } from '../../../src/domain/contract';
import { detectKind, fieldForHeader } from '../../../src/ingest/detect-kind';

const split = (header: string) => header.split(',');

describe('detectKind', () => {
  const cases: [string, Kind | null][] = [
    // each kind with its required columns only
    ['case_id,area,referral_date', 'cases'],
    ['incident_id,case_id,date,kind', 'incidents'],
    ['case_id,date,level', 'risk_assessments'],
    ['case_id,date,category', 'support'],
    ['case_id,date', 'contacts'],
    ['case_id,date,domain,score', 'outcomes'],
    ['case_id,date,kind', 'milestones'],
    // folding: case, spaces, punctuation
    ['Case ID,Area,Referral Date', 'cases'],
    ['CaseId,AREA,referral-date', 'cases'],
    ['Case ID;x', null],
    // aliases
    ['client_id,locality,referred', 'cases'],
    ['Person Ref,Area,Referral', 'cases'],
    ['pseudonym_id,area,referral_date,age', 'cases'],
    ['occurrence_id,case_id,incident_date,kind', 'incidents'],
    ['Crime Ref,Case ID,Incident Date,Kind', 'incidents'],
    // all columns
    [FILE_KINDS.cases.fields.map((f) => f.name).join(','), 'cases'],
    [FILE_KINDS.incidents.fields.map((f) => f.name).join(','), 'incidents'],
    [FILE_KINDS.risk_assessments.fields.map((f) => f.name).join(','), 'risk_assessments'],
    [FILE_KINDS.support.fields.map((f) => f.name).join(','), 'support'],
    [FILE_KINDS.contacts.fields.map((f) => f.name).join(','), 'contacts'],
    [FILE_KINDS.outcomes.fields.map((f) => f.name).join(','), 'outcomes'],
    [FILE_KINDS.milestones.fields.map((f) => f.name).join(','), 'milestones'],
    // more matched columns wins: contacts' columns are a subset of most kinds'
    ['case_id,date,mode,result', 'contacts'],
    ['case_id,date,kind,detail', 'milestones'],
    ['case_id,date,level,score,tool,assessor', 'risk_assessments'],
    ['case_id,date,tool,domain,score', 'outcomes'],
    // an unknown column does not stop recognition
    ['case_id,date,level,colour', 'risk_assessments'],
    // not recognised
    ['client,when,what', null],
    ['case_id,area', null],
    ['incident_id,date,kind', null],
    ['', null],
    // equally good for two kinds: not guessed
    ['case_id,date,kind,category', null],
  ];
  it.each(cases)('%j -> %s', (header, kind) => {
    expect(detectKind(split(header)).kind).toBe(kind);
  });

  it('maps each column to its field and lists unknown columns as ignored', () => {
    const d = detectKind(['Case ID', 'Area', 'Referral Date', 'Postcode', 'Engagement (Modus)', '']);
    expect(d.kind).toBe('cases');
    expect(d.fields.map((f) => f?.name ?? null)).toEqual(['case_id', 'area', 'referral_date', null, 'engagement_modus', null]);
    expect(d.ignored).toEqual([3, 5]);
    expect(d.unknown).toEqual([3, 5]);
    expect(d.labels).toEqual(['Case ID', 'Area', 'Referral Date', 'Postcode', 'Engagement (Modus)', 'column 6 (no name)']);
  });

  it('reads the first of two columns for the same field and notes the second', () => {
    const d = detectKind(['case_id', 'date', 'kind', 'detail', 'Case ID', 'postcode']);
    expect(d.kind).toBe('milestones');
    expect(d.fields.map((f) => f?.name ?? null)).toEqual(['case_id', 'date', 'kind', 'detail', null, null]);
    expect(d.ignored).toEqual([4, 5]);
    expect(d.unknown).toEqual([5]);
    expect(d.notes[0]).toBe('Column "Case ID" (column 5) is a second case_id column after "case_id" (column 1); only the first is read.');
  });

  it('aliases are per kind: `age` is a cases column only', () => {
    expect(fieldForHeader('cases', 'Age')?.name).toBe('age_at_referral');
    expect(fieldForHeader('incidents', 'Age')).toBeNull();
    expect(fieldForHeader('incidents', 'Incident Date')?.name).toBe('date');
    expect(fieldForHeader('contacts', 'Incident Date')).toBeNull();
  });

  it('explains what was expected when no kind fits', () => {
    const d = detectKind(['case_id', 'date', 'colour']);
    expect(d.kind).toBe('contacts');
    const none = detectKind(['client', 'when', 'what']);
    expect(none.kind).toBeNull();
    expect(none.ignored).toEqual([0, 1, 2]);
    for (const k of KINDS) expect(none.notes[0]).toContain(FILE_KINDS[k].fileName);
    expect(none.notes[0]).toContain('incidents.csv (incident_id, case_id, date, kind)');
    const close = detectKind(['case_id', 'area']);
    expect(close.notes[0]).toContain('Closest: cases.csv, which also needs referral_date.');
  });

  it('every field name and alias of every kind is recognised in its kind', () => {
    for (const k of KINDS) {
      for (const f of FILE_KINDS[k].fields) {
        for (const name of [f.name, ...(f.aliases ?? [])]) expect(fieldForHeader(k, name)?.name).toBe(f.name);
      }
    }
  });
  describe('the join key and the date under their other names, in every kind', () => {
    const aliasCases: [string, Kind][] = [
      ['Person Ref,Incident ID,Incident Date,Kind,Offence', 'incidents'],
      ['victim_ref,crime_ref,event_date,kind', 'incidents'],
      ['client_id,score_date,tool,domain,score', 'outcomes'],
      ['Pseudonym ID,Event Date,Domain,Score,Scale Max', 'outcomes'],
      ['person_id,assessment_date,level,assessor', 'risk_assessments'],
      ['Victim Ref,Support Date,Category,Agency', 'support'],
      ['client_id,contact_date,mode,result', 'contacts'],
      ['person_ref,milestone_date,kind,detail', 'milestones'],
      ['Person ID,area,referral_date', 'cases'],
    ];
    it.each(aliasCases)('%s is %s', (header, kind) => {
      const d = detectKind(split(header));
      expect(d.notes).toEqual([]);
      expect(d.kind).toBe(kind);
      expect(d.fields[0]?.name).toBe('case_id');
      expect(d.fields.some((f) => f?.name === 'date') || kind === 'cases').toBe(true);
      expect(d.ignored).toEqual([]);
    });

    it('every kind accepts every case_id alias, and its own date name and event_date', () => {
      const ownDate: Record<Exclude<Kind, 'cases'>, string> = {
        incidents: 'incident_date',
        risk_assessments: 'assessment_date',
        support: 'support_date',
        contacts: 'contact_date',
        outcomes: 'score_date',
        milestones: 'milestone_date',
      };
      for (const k of KINDS) {
        for (const alias of ['client_id', 'person_ref', 'pseudonym_id', 'person_id', 'victim_ref']) {
          expect(fieldForHeader(k, alias)?.name).toBe('case_id');
        }
        if (k === 'cases') continue;
        expect(fieldForHeader(k, ownDate[k])?.name).toBe('date');
        expect(fieldForHeader(k, 'Event Date')?.name).toBe('date');
      }
    });

    it("another kind's date name is not this kind's date, so no header fits two kinds", () => {
      expect(fieldForHeader('milestones', 'incident_date')).toBeNull();
      expect(fieldForHeader('contacts', 'score_date')).toBeNull();
      // An incidents file without its incident_id is not read as milestones (kind) or contacts.
      expect(detectKind(split('Person Ref,Incident Date,Kind')).kind).toBeNull();
    });
  });
});
