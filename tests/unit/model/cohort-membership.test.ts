import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITIONS, type Definitions } from '../../../src/model/definitions';
import { cohortWomen } from '../../../src/model/cohort/cohort-women';
import { parseCohortQuery } from '../../../src/model/cohort/cohort-query';
import { cohortView, membershipKey, shownWomenKey } from '../../../src/model/cohort/differencing';
import { sameGroups, sameWomen } from '../../../src/model/cohort/woman-facts';
import type { DisclosureRule } from '../../../src/model/disclosure';
import { incidentRates, dataEndDay } from '../../../src/model/cohort/incident-rates';
import { outcomeChange } from '../../../src/model/cohort/outcome-change';
import { cjOutcomesByArea } from '../../../src/model/cohort/aggregates';
import { needSets } from '../../../src/model/cohort/need-sets';
import { riskMix } from '../../../src/model/cohort/risk-mix';
import { sampleWorkingSet } from './section4-sample';

const ws = sampleWorkingSet();

const QUERIES = [
  '',
  'align=calendar',
  'group=area',
  'group=complex',
  'group=area_complex&align=calendar',
  'group=engagement',
  'complex=yes',
  'engagement=engaged&group=area',
  'risk=high',
  'area=City&group=complex',
  'mappa=yes',
];
const DEFINITIONS: Definitions[] = [
  DEFAULT_DEFINITIONS,
  { ...DEFAULT_DEFINITIONS, engaged: 'worker' },
  { ...DEFAULT_DEFINITIONS, engaged: 'police' },
  { ...DEFAULT_DEFINITIONS, complexNeeds: 'rule_only' },
  { ...DEFAULT_DEFINITIONS, riskAssessor: 'police' },
  { ...DEFAULT_DEFINITIONS, riskAssessor: 'idva' },
  { ...DEFAULT_DEFINITIONS, repeatThreshold: 3, repeatWindow: 'before_referral' },
];
const RULES: (DisclosureRule | null)[] = [null, { threshold: 5 }, { threshold: 9 }];

describe('membershipKey: which women are in which group', () => {
  const views = QUERIES.flatMap((query) =>
    DEFINITIONS.flatMap((defs) =>
      RULES.map((rule) => {
        const q = parseCohortQuery(query);
        return { query, defs, rule, key: membershipKey(q, defs, rule), groups: cohortView(cohortWomen(ws, defs), q, rule).shownGroups };
      }),
    ),
  );

  it('is the same only for views whose groups hold the same women', () => {
    const byKey = new Map<string, (typeof views)[number]>();
    let shared = 0;
    for (const v of views) {
      const first = byKey.get(v.key);
      if (!first) {
        byKey.set(v.key, v);
        continue;
      }
      shared++;
      const what = `${v.query} ${JSON.stringify(v.defs)} ${JSON.stringify(v.rule)}`;
      expect(sameGroups(first.groups, v.groups), what).toBe(true);
      // So the figures worked out from the groups kept are the figures of the groups now shown.
      const end = dataEndDay(ws);
      const q = parseCohortQuery(v.query);
      expect(incidentRates(ws, first.groups, end), what).toEqual(incidentRates(ws, v.groups, end));
      expect(outcomeChange(ws, first.groups, v.rule !== null), what).toEqual(outcomeChange(ws, v.groups, v.rule !== null));
      expect(riskMix(ws, first.groups, v.defs, q.alignment, end, v.rule), what).toEqual(riskMix(ws, v.groups, v.defs, q.alignment, end, v.rule));
    }
    // Most changes of definitions, share mode or time axis keep the groups: the key says so.
    expect(shared).toBeGreaterThan(views.length / 2);
  });

  it('changes with the filters and grouping, and with a definition that moves women', () => {
    const key = (query: string, defs: Definitions = DEFAULT_DEFINITIONS, rule: DisclosureRule | null = null) => membershipKey(parseCohortQuery(query), defs, rule);
    expect(key('align=calendar')).toBe(key(''));
    expect(key('', { ...DEFAULT_DEFINITIONS, engaged: 'worker' }, { threshold: 9 })).toBe(key(''));
    expect(key('group=area')).not.toBe(key(''));
    expect(key('complex=yes')).not.toBe(key('complex=no'));
    expect(key('group=complex', { ...DEFAULT_DEFINITIONS, complexNeeds: 'rule_only' })).not.toBe(key('group=complex'));
    expect(key('group=engagement', { ...DEFAULT_DEFINITIONS, engaged: 'police' })).not.toBe(key('group=engagement'));
    expect(key('risk=high', { ...DEFAULT_DEFINITIONS, riskAssessor: 'police' })).not.toBe(key('risk=high'));
    // In share mode with a filter, every definition and the threshold can withhold a group.
    expect(key('area=City', { ...DEFAULT_DEFINITIONS, repeatThreshold: 3 }, { threshold: 9 })).not.toBe(key('area=City', DEFAULT_DEFINITIONS, { threshold: 9 }));
    expect(key('area=City', DEFAULT_DEFINITIONS, { threshold: 5 })).not.toBe(key('area=City', DEFAULT_DEFINITIONS, { threshold: 9 }));
  });
});

describe('shownWomenKey: which women are shown, whatever their groups', () => {
  const views = QUERIES.flatMap((query) =>
    DEFINITIONS.flatMap((defs) =>
      RULES.map((rule) => {
        const q = parseCohortQuery(query);
        return { query, defs, rule, key: shownWomenKey(q, defs, rule), women: cohortView(cohortWomen(ws, defs), q, rule).shownWomen };
      }),
    ),
  );

  it('is the same only for views that show the same women, so crimes by area and need sets can stay', () => {
    const byKey = new Map<string, (typeof views)[number]>();
    let shared = 0;
    for (const v of views) {
      const first = byKey.get(v.key);
      if (!first) {
        byKey.set(v.key, v);
        continue;
      }
      shared++;
      const what = `${v.query} ${JSON.stringify(v.defs)} ${JSON.stringify(v.rule)}`;
      expect(sameWomen(first.women, v.women), what).toBe(true);
      expect(cjOutcomesByArea(ws, first.women), what).toEqual(cjOutcomesByArea(ws, v.women));
      expect(needSets(ws, first.women), what).toEqual(needSets(ws, v.women));
    }
    expect(shared).toBeGreaterThan(views.length / 2);
  });

  it('stays with a grouping change, unless share mode compares a filtered view (the grouping then decides what is withheld)', () => {
    const key = (query: string, rule: DisclosureRule | null = null) => shownWomenKey(parseCohortQuery(query), DEFAULT_DEFINITIONS, rule);
    expect(key('group=area')).toBe(key(''));
    expect(key('group=complex', { threshold: 9 })).toBe(key('', { threshold: 9 }));
    expect(key('complex=yes&group=area')).toBe(key('complex=yes'));
    expect(key('complex=yes&group=area', { threshold: 9 })).not.toBe(key('complex=yes', { threshold: 9 }));
    expect(key('complex=yes')).not.toBe(key(''));
  });
});
