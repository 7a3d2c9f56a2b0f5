import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITIONS } from '../../../src/model/definitions';
import { cohortWomen, complexOf, engagementOf } from '../../../src/model/cohort/cohort-women';
import { DEFAULT_QUERY, filterWomen, formatCohortQuery, groupWomen, parseCohortQuery } from '../../../src/model/cohort/cohort-query';
import { cohortSummary, cohortTables } from '../../../src/model/cohort/cohort-summary';
import { dayFromIso } from '../../../src/data/days';
import { cellText, isSuppressed } from '../../../src/model/disclosure';
import { sampleWorkingSet } from './section4-sample';

const ws = sampleWorkingSet();

describe('cohort: definitions', () => {
  it.each([
    ['engaged', 'engaged', 'both', 'engaged'],
    ['sporadic', 'engaged', 'both', 'engaged'],
    ['none', 'engaged', 'both', 'unknown'],
    ['none', 'not_engaged', 'both', 'not_engaged'],
    [null, 'engaged', 'both', 'unknown'],
    ['unknown', 'engaged', 'police', 'engaged'],
    ['sporadic', null, 'worker', 'engaged'],
    ['none', 'engaged', 'worker', 'not_engaged'],
  ] as const)('modus %s, police %s, definition %s: %s', (m, p, d, want) => {
    expect(engagementOf(m, p, d)).toBe(want);
  });

  it('complex needs: column where known, else the rule; or the rule only', () => {
    expect(complexOf(false, 'complex_needs_list', 0, 'column_or_rule')).toBe(false);
    expect(complexOf(false, 'complex_needs_list', 0, 'rule_only')).toBe(true);
    expect(complexOf(null, null, 2, 'column_or_rule')).toBe(true);
    expect(complexOf(null, null, 1, 'column_or_rule')).toBe(false);
  });
});

describe('cohort: query in the URL', () => {
  it('round-trips and leaves out defaults', () => {
    expect(formatCohortQuery(DEFAULT_QUERY)).toBe('');
    const q = { ...DEFAULT_QUERY, areas: ['City', 'County & North'], complex: 'yes' as const, from: dayFromIso('2014-01-01'), grouping: 'area_complex' as const, alignment: 'calendar' as const };
    expect(parseCohortQuery(formatCohortQuery(q))).toEqual(q);
  });

  it('filters by the main perpetrator and MAPPA, kept in the URL', () => {
    const q = { ...DEFAULT_QUERY, perpetrator: 'family_member', mappa: 'yes' as const };
    expect(formatCohortQuery(q)).toBe('perpetrator=family_member&mappa=yes');
    expect(parseCohortQuery('perpetrator=family_member&mappa=yes')).toEqual(q);
    expect(parseCohortQuery('perpetrator=<b>&mappa=maybe')).toEqual(DEFAULT_QUERY);
    const women = cohortWomen(ws, DEFAULT_DEFINITIONS);
    const engaged = filterWomen(women, { ...DEFAULT_QUERY, engagement: 'engaged' });
    const count = (extra: Partial<typeof DEFAULT_QUERY>) => filterWomen(engaged, { ...DEFAULT_QUERY, ...extra }).length;
    expect(count({ perpetrator: 'ex_partner' }) + count({ perpetrator: 'partner' })).toBe(33);
    expect(count({ perpetrator: 'family_member' })).toBe(2);
    expect(count({ perpetrator: 'unknown' })).toBe(3);
    expect(count({ mappa: 'yes' })).toBe(2);
    expect(count({ mappa: 'no' })).toBe(36);
    expect(filterWomen(women, { ...DEFAULT_QUERY, mappa: 'yes' })).toHaveLength(2);
  });

  it('drops invalid values', () => {
    const q = parseCohortQuery('complex=maybe&group=x&from=2014-13-45&risk=high&engagement=<b>');
    expect(q).toEqual({ ...DEFAULT_QUERY, risk: 'high' });
  });
});

describe('cohort: the sample', () => {
  const women = cohortWomen(ws, DEFAULT_DEFINITIONS);
  it('has 111 women grouped by area with their n', () => {
    expect(women).toHaveLength(111);
    expect(groupWomen(women, 'area').map((g) => [g.label, g.women.length])).toEqual([
      ['City', 40],
      ['County North', 34],
      ['County South', 37],
    ]);
    expect(groupWomen(women, 'engagement').map((g) => [g.key, g.women.length])).toEqual([
      ['engaged', 38],
      ['not_engaged', 19],
      ['unknown', 54],
    ]);
  });

  it('filters by area and engagement', () => {
    const q = { ...DEFAULT_QUERY, areas: ['City'], engagement: 'engaged' as const };
    const city = filterWomen(women, { ...DEFAULT_QUERY, areas: ['City'] });
    expect(city).toHaveLength(40);
    expect(filterWomen(women, q).length).toBeLessThan(40);
  });

  it('summarises by area, with All areas, and suppresses in share mode', () => {
    const open = cohortSummary(women, null);
    expect(open.map((r) => [r.label, r.values.referred, r.values.incidents])).toEqual([
      ['City', 40, 561],
      ['County North', 34, expect.any(Number)],
      ['County South', 37, expect.any(Number)],
      ['All areas', 111, 1120],
    ]);
    expect(open.at(-1)!.values.engaged).toBe(38);
    const shared = cohortSummary(women, { threshold: 9 });
    for (const row of shared) for (const [k, v] of Object.entries(row.values)) if (v >= 1 && v <= 9) expect(cellText(row.shown[k as keyof typeof row.shown])).toBe('[c]');
  });
});

describe('cohort: the summary and the groups are suppressed together', () => {
  const women = cohortWomen(ws, DEFAULT_DEFINITIONS);
  it('never lets an area total minus a shown group give a hidden group away', () => {
    for (const threshold of [4, 9, 12, 20]) {
      const groups = groupWomen(women, 'area_complex');
      const t = cohortTables(women, groups, 'area_complex', { threshold });
      for (const row of t.summary.slice(0, -1)) {
        const mine = groups.map((g, i) => [g, t.groupCounts[i]] as const).filter(([g]) => g.women[0].area === row.label);
        const hiddenGroups = mine.filter(([, s]) => isSuppressed(s)).length;
        if (!isSuppressed(row.shown.referred)) expect(hiddenGroups).not.toBe(1);
        const complexGroup = mine.find(([g]) => g.women[0].complex);
        if (complexGroup) expect(isSuppressed(complexGroup[1])).toBe(isSuppressed(row.shown.complex));
      }
    }
  });
});

describe('cohort: incidents per woman per 30 days before and after referral', () => {
  it('pools follow-up per woman so unequal follow-up does not bias the rate', async () => {
    const { incidentRates, dataEndDay } = await import('../../../src/model/cohort/incident-rates');
    const women = cohortWomen(ws, DEFAULT_DEFINITIONS);
    const end = dataEndDay(ws)!;
    expect(end).toBe(dayFromIso('2015-07-31'));
    const [all] = incidentRates(ws, groupWomen(women, 'none'), end);
    expect(all.women).toBe(111);
    // every sample incident lies from 12 months before referral to the end: all are counted once
    expect(all.before.domestic + all.before.crimes + all.after.domestic + all.after.crimes).toBe(1120);
    expect(all.before.days).toBe(111 * 365);
    expect(all.after.days).toBe(women.reduce((s, w) => s + (end - w.referral! + 1), 0));
    expect(all.before.domesticRate).toBeCloseTo((30 * all.before.domestic) / (111 * 365), 10);
  });
});
