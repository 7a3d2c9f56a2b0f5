/**
 * A national cohort in one group: no model function may pass one argument per woman to a call
 * (Math.min(...days), out.push(...lines)), which overflows the call stack near 120,000 women.
 * The 250,000-woman bench cohort found the first such call in the lifelines.
 */
import { describe, expect, it } from 'vitest';
import { buildWorkingSet } from '../../../src/data/working-set';
import { dayFromIso } from '../../../src/data/days';
import { DEFAULT_DEFINITIONS } from '../../../src/model/definitions';
import { cohortWomen } from '../../../src/model/cohort/cohort-women';
import { groupWomen } from '../../../src/model/cohort/cohort-query';
import { buildLifelines } from '../../../src/model/cohort/lifelines';
import { riskMix } from '../../../src/model/cohort/risk-mix';
import { section4Figures } from '../../../src/model/section4';
import { makeBlock, type RowInput } from '../db/helpers';

const WOMEN = 200_000;
const cases: RowInput[] = [];
for (let i = 0; i < WOMEN; i++) {
  const day = 16_000 + (i % 1_000);
  cases.push({ case_id: `N${i}`, area: 'City', referral_date: new Date(day * 86_400_000).toISOString().slice(0, 10), engagement_modus: 'engaged', engagement_police: 'engaged' });
}
const ws = buildWorkingSet([makeBlock('cases', cases)]);
const women = cohortWomen(ws, DEFAULT_DEFINITIONS);
const all = groupWomen(women, 'none');

describe(`${WOMEN.toLocaleString('en-GB')} women in one group`, () => {
  it('lifelines list every woman', () => {
    expect(buildLifelines(ws, all, DEFAULT_DEFINITIONS, 'referral', 'referral', 0).lines).toHaveLength(WOMEN);
  });

  it('the risk mix by calendar month starts at the earliest referral', () => {
    const mix = riskMix(ws, all, DEFAULT_DEFINITIONS, 'calendar', 16_999, null);
    expect(mix[0].columns[0].label).toBe('October 2013');
  });

  it('the Section 4 figures give the earliest and latest referral', () => {
    const referrals = section4Figures(ws, DEFAULT_DEFINITIONS).flatMap((t) => t.figures);
    expect(referrals.find((r) => r.label === 'Earliest referral')?.value).toBe('22 October 2013');
    expect(referrals.find((r) => r.label === 'Latest referral')?.value).toBe('17 July 2016');
    expect(dayFromIso('2013-10-22')).toBe(16_000);
  });
});
