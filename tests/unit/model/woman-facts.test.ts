import { describe, expect, it } from 'vitest';
import type { WorkingSet } from '../../../src/data/working-set';
import type { CohortWoman } from '../../../src/model/cohort/cohort-women';
import { monthsAfterDay, perWorkingSet, sameGroups, sameWomen } from '../../../src/model/cohort/woman-facts';
import { addMonths } from '../../../src/data/days';

const woman = (ix: number, area = 'City', referral: number | null = 16000, engagement: CohortWoman['engagement'] = 'engaged'): CohortWoman => ({
  ix,
  caseId: `C${ix}`,
  area,
  referral,
  route: null,
  complex: false,
  engagement,
  riskAtReferral: 'medium',
  perpetrator: null,
  mappa: null,
  incidents: 0,
  domesticIncidents: 0,
  crimes: 0,
});
const wsA = {} as WorkingSet;
const wsB = {} as WorkingSet;

describe('woman facts caches', () => {
  it('perWorkingSet builds once per working set and key', () => {
    let builds = 0;
    const of = perWorkingSet((_ws, key) => ({ key, n: ++builds }));
    expect(of(wsA)).toBe(of(wsA));
    expect(of(wsA, 'x')).not.toBe(of(wsA));
    expect(of(wsB)).not.toBe(of(wsA));
    expect(builds).toBe(3);
  });

  it('sameWomen and sameGroups look at case index, area and referral only, in order', () => {
    expect(sameWomen([woman(1), woman(2)], [woman(1, 'City', 16000, 'not_engaged'), woman(2)])).toBe(true);
    expect(sameWomen([woman(1), woman(2)], [woman(2), woman(1)])).toBe(false);
    expect(sameWomen([woman(1)], [woman(1, 'County North')])).toBe(false);
    expect(sameWomen([woman(1)], [woman(1, 'City', 16001)])).toBe(false);
    expect(sameWomen([woman(1)], [woman(1), woman(2)])).toBe(false);
    const g = (key: string, ...w: CohortWoman[]) => ({ key, label: key, women: w });
    expect(sameGroups([g('a', woman(1)), g('b', woman(2))], [g('a', woman(1)), g('b', woman(2))])).toBe(true);
    // A woman moving between groups (a definition change of complex needs, say) is a change.
    expect(sameGroups([g('a', woman(1)), g('b', woman(2))], [g('a'), g('b', woman(1), woman(2))])).toBe(false);
    expect(sameGroups([g('a', woman(1))], [g('b', woman(1))])).toBe(false);
  });

  it('monthsAfterDay gives the day m months after referral, kept beside the working set only', () => {
    const days = monthsAfterDay(wsA, 16070, 14);
    expect(days).toHaveLength(14);
    for (let m = 0; m < 14; m++) expect(days[m]).toBe(addMonths(16070, m));
    expect(monthsAfterDay(wsA, 16070, 14)).toBe(days);
    expect(monthsAfterDay(wsA, 16070, 13)).toHaveLength(13);
    const other = monthsAfterDay(wsB, 16070, 14);
    expect(other).not.toBe(days);
    expect([...other]).toEqual([...days]);
  });
});
