import { describe, expect, it } from 'vitest';
import { buildWorkingSet } from '../../../src/data/working-set';
import { areasOf, filterCases, listCases } from '../../../src/model/case-list';
import { makeBlock } from '../db/helpers';
import { d } from './journey-fixtures';

describe('case list', () => {
  const ws = buildWorkingSet([
    makeBlock('cases', [
      { case_id: 'MRP-0001', area: 'County South', referral_date: '2014-01-06', engagement_modus: 'engaged', engagement_police: 'engaged', display_name: 'Sue' },
      { case_id: 'MRP-0002', area: 'City', referral_date: '2014-03-03', engagement_modus: 'none', engagement_police: null, display_name: 'Megan' },
      { case_id: 'MRP-0003', area: 'City', referral_date: '2014-04-28' },
    ]),
    makeBlock('incidents', [
      { incident_id: 'A', case_id: 'MRP-0002', date: '2014-01-01', kind: 'crime' },
      { incident_id: 'B', case_id: 'MRP-0002', date: '2014-02-01', kind: 'crime' },
      { incident_id: 'C', case_id: 'ORPHAN-1', date: '2014-02-01', kind: 'crime' },
    ]),
  ]);
  const items = listCases(ws);

  it('lists every case id with its case row facts and incident count', () => {
    expect(items.map((i) => [i.caseId, i.displayName, i.area, i.referral, i.engagementModus, i.engagementPolice, i.incidents, i.hasCaseRow])).toEqual([
      ['MRP-0001', 'Sue', 'County South', d('2014-01-06'), 'Engaged', 'Engaged', 0, true],
      ['MRP-0002', 'Megan', 'City', d('2014-03-03'), 'No engagement / refused help', 'Not recorded', 2, true],
      ['MRP-0003', null, 'City', d('2014-04-28'), 'Not recorded', 'Not recorded', 0, true],
      ['ORPHAN-1', null, null, null, 'Not recorded', 'Not recorded', 1, false],
    ]);
    expect(areasOf(items)).toEqual(['City', 'County South']);
  });

  it('searches case ids and display names, and filters by area', () => {
    expect(filterCases(items, { query: 'meg', area: '' }).map((i) => i.caseId)).toEqual(['MRP-0002']);
    expect(filterCases(items, { query: ' mrp-000 ', area: 'City' }).map((i) => i.caseId)).toEqual(['MRP-0002', 'MRP-0003']);
    expect(filterCases(items, { query: '', area: '' })).toHaveLength(4);
    expect(filterCases(items, { query: 'nobody', area: '' })).toEqual([]);
  });
});
