import { describe, expect, it } from 'vitest';
import { buildJourney } from '../../../src/model/journey';
import { journeyAt, monthsPhrase, readoutLines } from '../../../src/model/journey-at';
import { d, emptyRecords, meganRecords, rows } from './journey-fixtures';

describe('journey at a date (the cursor readout)', () => {
  const megan = buildJourney('MRP-0002', meganRecords());

  it('reads the risk in force, who graded it, disagreements and the latest scores', () => {
    const at = journeyAt(megan, d('2014-04-09'));
    expect(at.monthsSinceReferral).toBe(1);
    expect(at.risk).toMatchObject({ level: 'high', assessor: 'police' });
    expect(at.byAssessor.map((a) => [a.label, a.reading.level])).toEqual([['Police', 'high'], ['Worker', 'medium']]);
    expect(readoutLines(at)).toEqual([
      '9 April 2014 (month 1 after referral)',
      'Risk: High, Police, 8 Apr 2014',
      'Worker said: Medium, 10 Mar 2014',
      'Latest scores: Safety 3 of 8, Wellbeing 2 of 8',
    ]);
  });

  it('flags a grading over six months old', () => {
    const at = journeyAt(megan, d('2015-09-01'));
    expect(at.riskStale).toBe(true);
    expect(readoutLines(at)[1]).toBe('Risk: Standard, Police, 21 Feb 2015 (over 6 months old)');
    const records = emptyRecords();
    records.risk_assessments = rows('date,level,assessor', [['2012-06-12', 'high', 'idva']]);
    records.incidents = rows('incident_id,date,kind,dash_risk', [['I-1', '2013-09-21', 'domestic_incident', 'medium']]);
    expect(readoutLines(journeyAt(buildJourney('C', records), d('2013-09-22')))).toEqual([
      '22 September 2013',
      'Risk: Medium, Police, 21 Sep 2013',
      'IDVA said: High, 12 Jun 2012 (over 6 months old)',
    ]);
  });

  it('before any grading', () => {
    expect(readoutLines(journeyAt(megan, d('2013-03-10')))).toEqual(['10 March 2013 (12 months before referral)', 'Risk: no grading yet']);
    expect(monthsPhrase(-1)).toBe('1 month before referral');
    expect(monthsPhrase(0)).toBe('month 0 after referral');
  });
});
