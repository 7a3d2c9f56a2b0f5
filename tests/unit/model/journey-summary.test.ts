import { describe, expect, it } from 'vitest';
import { buildJourney } from '../../../src/model/journey';
import { listPhrase, outcomeStory, policeStory, riskStory, summarizeJourney } from '../../../src/model/journey-summary';
import { outcomeSeries } from '../../../src/model/outcome-series';
import { emptyRecords, meganRecords, rows } from './journey-fixtures';

describe('journey summary', () => {
  const megan = buildJourney('MRP-0002', meganRecords());

  it('tells Megan\'s risk story from referral, with what came with each change', () => {
    expect(riskStory(megan)).toBe(
      'Referred March 2014 at medium risk (worker); ' +
        'high risk from April 2014 (police) after threats to kill; ' +
        'separation from the perpetrator, an order, a MARAC referral and 3 more turning points followed; ' +
        'medium risk from July 2014 (worker); high risk from December 2014 (worker); ' +
        'standard risk from January 2015 (worker); a move to a new home followed; ' +
        'case closed July 2015 (goals met).',
    );
  });

  it('counts police incidents before and after referral', () => {
    expect(policeStory(megan)).toBe('11 police incidents on record (6 recorded as crimes): 5 in the 12 months before referral and 6 after.');
  });

  it('gives the direction of outcome scores per tool', () => {
    expect(outcomeStory(megan.outcomes)).toBe('Outcome scores (Batteries, 1 to 8) rose from 2.5 to 6.5 on average across 2 domains.');
    const one = outcomeSeries(rows('date,tool,domain,score', [['2014-05-01', 'empowerment_star', 'safety', 6], ['2014-09-01', 'empowerment_star', 'safety', 4]]));
    expect(outcomeStory(one)).toBe('The safety score (Empowerment star, 1 to 10) fell from 6 to 4.');
    expect(outcomeStory([])).toBeNull();
  });

  it('names the silent sources, so absence is not read as safety', () => {
    const records = { ...meganRecords(), incidents: [], outcomes: [] };
    const text = summarizeJourney(buildJourney('MRP-0002', records));
    expect(text).toContain(
      'Referred March 2014 at medium risk; separation from the perpetrator followed; high risk from April 2014; an order, a MARAC referral, a child protection plan and 2 more turning points followed;',
    );
    expect(text).toContain('No records from the police (incidents.csv). No records from outcome measures (outcomes.csv).');
  });

  it('says when a grading is old at referral, and when there is none', () => {
    const records = emptyRecords();
    records.cases = rows('case_id,referral_date,first_contact_date', [['C', '2014-04-28', '2014-05-12']]);
    records.risk_assessments = rows('date,level,assessor', [['2012-06-12', 'high', 'idva'], ['2015-06-29', 'medium', 'mrp_worker']]);
    expect(riskStory(buildJourney('C', records))).toBe(
      'Referred April 2014 at high risk (IDVA), last graded June 2012; medium risk from June 2015 (worker); still open at the last record (June 2015).',
    );
    records.risk_assessments = [];
    expect(riskStory(buildJourney('C', records))).toBe('Referred April 2014 with no risk grading on record; still open at the last record (May 2014).');
  });

  it('joins lists the English way', () => {
    expect(listPhrase(['a'])).toBe('a');
    expect(listPhrase(['a', 'b'])).toBe('a and b');
    expect(listPhrase(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
