import { describe, expect, it } from 'vitest';
import type { WorkingSet } from '../../../src/data/working-set';
import type { CohortWoman } from '../../../src/model/cohort/cohort-women';
import { memoByWomen, memoLast, monthsAfterDay, perWorkingSet, sameGroups, sameWomen } from '../../../src/model/cohort/woman-facts';
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

  it('memoByWomen recomputes when the women, the working set or another input changes', () => {
    let calls = 0;
    const f = memoByWomen((_ws: WorkingSet, women: readonly CohortWoman[], k: number) => ({ n: women.length, k, call: ++calls }), sameWomen);
    const first = f(wsA, [woman(1), woman(2)], 1);
    expect(f(wsA, [woman(1), woman(2, 'City', 16000, 'not_engaged')], 1)).toBe(first);
    expect(f(wsA, [woman(1)], 1)).not.toBe(first);
    expect(f(wsB, [woman(1)], 1).call).toBe(3);
    expect(f(wsB, [woman(1)], 2).call).toBe(4);
  });

  it('memoLast keeps the last result for the same objects or arrays of the same values', () => {
    let calls = 0;
    const f = memoLast((o: object, xs: string[]) => ({ o, xs, call: ++calls }));
    const o = {};
    const a = f(o, ['1', '[c]']);
    expect(f(o, ['1', '[c]'])).toBe(a);
    expect(f(o, ['1', '2'])).not.toBe(a);
    expect(f({}, ['1', '2']).call).toBe(3);
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
