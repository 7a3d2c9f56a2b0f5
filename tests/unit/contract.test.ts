import { describe, expect, it } from 'vitest';
import { CASE_ID_ALIASES, DATE_FORMS, FILE_KINDS, KINDS, fold } from '../../src/domain/contract';
import { SERIAL_MAX, SERIAL_MIN } from '../../src/ingest/read-value';

describe('contract', () => {
  it('states the range of Excel serials the date reader accepts', () => {
    const serial = DATE_FORMS.find((f) => f.example === '41715')!;
    expect(serial.note).toContain(`from ${SERIAL_MIN} (1 January 1990) to ${SERIAL_MAX} (31 December 2100)`);
  });

  it('folds headers case-insensitively, ignoring non-alphanumerics', () => {
    expect(fold('Case ID')).toBe(fold('case_id'));
    expect(fold('CaseId')).toBe('caseid');
    expect(fold('Engagement (Modus)')).toBe(fold('engagement_modus'));
  });
  it('defines all seven kinds with case_id', () => {
    expect(KINDS).toHaveLength(7);
    for (const k of KINDS) expect(FILE_KINDS[k].fields.some((f) => f.name === 'case_id')).toBe(true);
  });
  it("accepts case_id's aliases in every kind, and date under the kind's own name and event_date", () => {
    expect(CASE_ID_ALIASES).toEqual(['client_id', 'person_ref', 'pseudonym_id', 'person_id', 'victim_ref']);
    const ownDate: Record<string, string> = {
      incidents: 'incident_date',
      risk_assessments: 'assessment_date',
      support: 'support_date',
      contacts: 'contact_date',
      outcomes: 'score_date',
      milestones: 'milestone_date',
    };
    for (const k of KINDS) {
      const fields = FILE_KINDS[k].fields;
      expect(fields.find((f) => f.name === 'case_id')?.aliases, k).toEqual(CASE_ID_ALIASES);
      const date = fields.find((f) => f.name === 'date');
      if (k === 'cases') expect(date).toBeUndefined();
      else expect(date?.aliases, k).toEqual([ownDate[k], 'event_date']);
    }
  });
  it("keys support by agency as well as case, date, category and detail", () => {
    expect(FILE_KINDS.support.naturalKey).toEqual(['case_id', 'date', 'category', 'agency', 'detail']);
    expect(FILE_KINDS.support.naturalKeyNote).toContain('two agencies');
  });
});
