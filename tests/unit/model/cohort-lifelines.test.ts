import { describe, expect, it } from 'vitest';
import { buildWorkingSet } from '../../../src/data/working-set';
import { DEFAULT_DEFINITIONS } from '../../../src/model/definitions';
import { cohortWomen } from '../../../src/model/cohort/cohort-women';
import { groupWomen } from '../../../src/model/cohort/cohort-query';
import { buildLifelines, LIFELINE_SORT_LABELS, type LifelineSort } from '../../../src/model/cohort/lifelines';
import { makeBlock, type RowInput } from '../db/helpers';

/**
 * Five women, built so that every sort gives its own order; each order below would change if its
 * sort key broke (wrong window, wrong direction, counting changes instead of rises, and so on).
 */
const CASES: RowInput[] = [
  // W1: engagement unknown (no worker coding)
  { case_id: 'W1', area: 'City', referral_date: '2014-01-10', engagement_modus: null, engagement_police: 'engaged' },
  // W2: not engaged by both
  { case_id: 'W2', area: 'City', referral_date: '2014-02-10', engagement_modus: 'none', engagement_police: 'not_engaged' },
  // W3: engaged by both
  { case_id: 'W3', area: 'City', referral_date: '2014-03-10', engagement_modus: 'engaged', engagement_police: 'engaged' },
  // W4: the sources disagree: unknown
  { case_id: 'W4', area: 'City', referral_date: '2014-04-10', engagement_modus: 'engaged', engagement_police: 'not_engaged' },
  // W5: sporadic counts as engaged
  { case_id: 'W5', area: 'City', referral_date: '2014-05-10', engagement_modus: 'sporadic', engagement_police: 'engaged' },
];

let incidentNo = 0;
const incident = (caseId: string, date: string): RowInput => ({ incident_id: `I${++incidentNo}`, case_id: caseId, date, kind: 'domestic_incident' });

const INCIDENTS: RowInput[] = [
  // Before referral (12 months): W3 3, W5 2, W1 1, W2 0 (her 4 are more than 12 months before), W4 0.
  incident('W3', '2014-03-01'),
  incident('W3', '2013-09-01'),
  incident('W3', '2013-04-01'),
  incident('W5', '2014-05-01'),
  incident('W5', '2013-06-01'),
  incident('W1', '2014-01-01'),
  incident('W2', '2012-12-01'),
  incident('W2', '2012-12-02'),
  incident('W2', '2012-12-03'),
  incident('W2', '2012-12-04'),
  // After referral (the referral day counts as after): W4 3, W2 2, W5 1, W1 0, W3 0.
  incident('W4', '2014-04-10'),
  incident('W4', '2014-06-10'),
  incident('W4', '2015-06-10'),
  incident('W2', '2014-03-10'),
  incident('W2', '2014-08-10'),
  incident('W5', '2014-09-10'),
];

const RISKS: RowInput[] = [
  // Escalations (rises of level): W5 2, W1 1, W3 0 (a fall), W4 0 (no change), W2 none assessed.
  { case_id: 'W5', date: '2014-05-01', level: 'standard' },
  { case_id: 'W5', date: '2014-06-01', level: 'medium' },
  { case_id: 'W5', date: '2014-07-01', level: 'high' },
  { case_id: 'W1', date: '2014-01-05', level: 'standard' },
  { case_id: 'W1', date: '2014-02-05', level: 'high' },
  { case_id: 'W3', date: '2014-03-05', level: 'high' },
  { case_id: 'W3', date: '2014-04-05', level: 'standard' },
  { case_id: 'W4', date: '2014-04-05', level: 'medium' },
  { case_id: 'W4', date: '2014-05-05', level: 'medium' },
];

const score = (caseId: string, date: string, domain: string, value: number): RowInput => ({ case_id: caseId, date, tool: 'batteries', domain, score: value });
const OUTCOMES: RowInput[] = [
  // Outcome change: W1 +4, W5 +3 (mean of +7 and -1), W2 +1, W4 -2, W3 scored once (last).
  score('W1', '2014-02-01', 'safety', 2),
  score('W1', '2014-06-01', 'safety', 6),
  score('W5', '2014-06-01', 'safety', 1),
  score('W5', '2014-09-01', 'safety', 8),
  score('W5', '2014-06-01', 'wellbeing', 5),
  score('W5', '2014-09-01', 'wellbeing', 4),
  score('W2', '2014-03-01', 'safety', 3),
  score('W2', '2014-05-01', 'safety', 4),
  score('W4', '2014-05-01', 'safety', 5),
  score('W4', '2014-08-01', 'safety', 3),
  score('W3', '2014-04-01', 'safety', 7),
];

const ws = buildWorkingSet([
  makeBlock('cases', CASES),
  makeBlock('incidents', INCIDENTS),
  makeBlock('risk_assessments', RISKS),
  makeBlock('outcomes', OUTCOMES),
  makeBlock('support', [{ case_id: 'W1', date: '2014-02-01', category: 'financial' }]),
]);
const women = cohortWomen(ws, DEFAULT_DEFINITIONS);
const oneGroup = groupWomen(women, 'none');

const order = (sort: LifelineSort) => buildLifelines(ws, oneGroup, DEFAULT_DEFINITIONS, 'referral', sort, 0).lines.map((l) => l.woman.caseId);

describe('lifelines: sorts', () => {
  it.each<[LifelineSort, string[]]>([
    ['referral', ['W1', 'W2', 'W3', 'W4', 'W5']],
    ['before', ['W3', 'W5', 'W1', 'W2', 'W4']],
    ['after', ['W4', 'W2', 'W5', 'W1', 'W3']],
    ['escalations', ['W5', 'W1', 'W2', 'W3', 'W4']],
    ['engagement', ['W3', 'W5', 'W2', 'W1', 'W4']],
    ['outcome', ['W1', 'W5', 'W2', 'W4', 'W3']],
  ])('by %s', (sort, expected) => {
    expect(order(sort)).toEqual(expected);
  });

  it('covers every sort the screen offers', () => {
    expect(Object.keys(LIFELINE_SORT_LABELS).sort()).toEqual(['after', 'before', 'engagement', 'escalations', 'outcome', 'referral']);
  });

  it('gives each woman the counts her sort keys are made of', () => {
    const lines = buildLifelines(ws, oneGroup, DEFAULT_DEFINITIONS, 'referral', 'referral', 0).lines;
    const of = Object.fromEntries(lines.map((l) => [l.woman.caseId, [l.before, l.after, l.escalations, l.outcomeChange, l.woman.engagement]]));
    expect(of).toEqual({
      W1: [1, 0, 1, 4, 'unknown'],
      W2: [0, 2, 0, 1, 'not_engaged'],
      W3: [3, 0, 0, null, 'engaged'],
      W4: [0, 3, 0, -2, 'unknown'],
      W5: [2, 1, 2, 3, 'engaged'],
    });
  });

  it('sorts within each group and keeps the groups in order', () => {
    const byEngagement = groupWomen(women, 'engagement');
    const set = buildLifelines(ws, byEngagement, DEFAULT_DEFINITIONS, 'referral', 'after', 0);
    expect(set.groups.map((g) => [g.label, g.start, g.count])).toEqual([
      ['Engaged', 0, 2],
      ['Not engaged', 2, 1],
      ['Not known or sources disagree', 3, 2],
    ]);
    // engaged: W5 (1 after) before W3 (0); unknown: W4 (3) before W1 (0)
    expect(set.lines.map((l) => l.woman.caseId)).toEqual(['W5', 'W3', 'W2', 'W4', 'W1']);
  });

  it('shifts days to the referral, or keeps calendar days', () => {
    const [w1] = buildLifelines(ws, oneGroup, DEFAULT_DEFINITIONS, 'referral', 'referral', 0).lines;
    expect(w1.shift).toBe(w1.woman.referral);
    const [c1] = buildLifelines(ws, oneGroup, DEFAULT_DEFINITIONS, 'calendar', 'referral', 0).lines;
    expect(c1.shift).toBe(0);
  });

  it('does not draw groups at or under the threshold (share mode)', () => {
    const hidden = buildLifelines(ws, oneGroup, DEFAULT_DEFINITIONS, 'referral', 'referral', 5);
    expect(hidden.lines).toEqual([]);
    expect(hidden.groups).toEqual([{ label: 'All women', start: 0, count: 0, hidden: true }]);
    const drawn = buildLifelines(ws, oneGroup, DEFAULT_DEFINITIONS, 'referral', 'referral', 4);
    expect(drawn.lines).toHaveLength(5);
    expect(drawn.groups[0].hidden).toBe(false);
  });
});
