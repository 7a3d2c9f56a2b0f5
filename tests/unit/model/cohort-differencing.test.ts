import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITIONS } from '../../../src/model/definitions';
import { cohortWomen, type CohortWoman } from '../../../src/model/cohort/cohort-women';
import { DEFAULT_QUERY, groupWomen, parseCohortQuery, type CohortQuery, type Grouping } from '../../../src/model/cohort/cohort-query';
import {
  cohortView,
  differencingCellReasons,
  differencingCells,
  differencingWithheld,
  filterActive,
  journeyShareDecision,
  summaryDifferencing,
  summaryDifferencingReasons,
  type GroupCount,
} from '../../../src/model/cohort/differencing';
import { cohortTables, cohortTableSystem, SUMMARY_COLUMNS } from '../../../src/model/cohort/cohort-summary';
import { cellText, determinedEntries, isSuppressed, SUPPRESSED } from '../../../src/model/disclosure';
import { dayFromIso } from '../../../src/data/days';
import { sampleWorkingSet } from './section4-sample';
import { mulberry32 as prng } from '../../../sample-data/mulberry32';

const RULE = { threshold: 9 };
const counts = (o: Record<string, number>): GroupCount[] => Object.entries(o).map(([key, n]) => ({ key, n }));
const withheldOf = (r: ReturnType<typeof differencingWithheld>) => Object.fromEntries(r.withheld);

describe('differencing: the rule', () => {
  it('withholds a group whose n differs from its unfiltered n by 1 to the threshold, and the total', () => {
    const r = differencingWithheld(counts({ City: 35, North: 34, South: 37 }), counts({ City: 40, North: 34, South: 37 }), RULE);
    expect(withheldOf(r)).toEqual({ City: 'difference' });
    expect(r.totalWithheld).toBe(true);
  });

  it('keeps differences of 0 and of more than the threshold; 9 is withheld, 10 is not', () => {
    const r = differencingWithheld(counts({ A: 31, B: 30, C: 20, D: 40 }), counts({ A: 40, B: 40, C: 20, D: 60 }), RULE);
    expect(withheldOf(r)).toEqual({ A: 'difference' });
    expect(r.totalWithheld).toBe(false);
  });

  it('follows the threshold, never below 4', () => {
    expect(withheldOf(differencingWithheld(counts({ A: 35 }), counts({ A: 40 }), { threshold: 4 }))).toEqual({});
    expect(withheldOf(differencingWithheld(counts({ A: 36 }), counts({ A: 40 }), { threshold: 4 }))).toEqual({ A: 'difference' });
    expect(withheldOf(differencingWithheld(counts({ A: 36 }), counts({ A: 40 }), { threshold: 2 }))).toEqual({ A: 'difference' });
    expect(withheldOf(differencingWithheld(counts({ A: 28 }), counts({ A: 40 }), { threshold: 12 }))).toEqual({ A: 'difference' });
  });

  it('withholds a group the filter leaves unchanged when the unfiltered view hides its n', () => {
    const r = differencingWithheld(counts({ A: 50, B: 40 }), counts({ A: 50, B: 55, C: 6 }), RULE, { unfilteredHidden: new Set(['A', 'C']) });
    expect(withheldOf(r)).toEqual({ A: 'unfiltered_hidden' });
  });

  it('withholds every group when only the total gives a few women away', () => {
    // C is emptied by the filter: the groups left would add up to 111 - 6.
    const r = differencingWithheld(counts({ A: 50, B: 55 }), counts({ A: 50, B: 55, C: 6 }), RULE);
    expect(r.totalWithheld).toBe(true);
    expect(withheldOf(r)).toEqual({ A: 'whole_cohort', B: 'whole_cohort' });
  });

  it('is a filter only when something other than grouping and time axis is set', () => {
    expect(filterActive(DEFAULT_QUERY)).toBe(false);
    expect(filterActive({ ...DEFAULT_QUERY, grouping: 'area', alignment: 'calendar' })).toBe(false);
    expect(filterActive({ ...DEFAULT_QUERY, risk: 'high' })).toBe(true);
    expect(filterActive({ ...DEFAULT_QUERY, areas: ['City'] })).toBe(true);
  });

  it('property: every group left differs from its unfiltered n by 0 or more than the threshold, and so does their sum', () => {
    const rand = prng(20260101);
    for (let trial = 0; trial < 2000; trial++) {
      const threshold = 4 + Math.floor(rand() * 9);
      const k = 1 + Math.floor(rand() * 6);
      const unfiltered: GroupCount[] = [];
      const filtered: GroupCount[] = [];
      for (let i = 0; i < k; i++) {
        const n = Math.floor(rand() * 60);
        unfiltered.push({ key: `g${i}`, n });
        // mostly small removals, the case that matters
        const removed = rand() < 0.3 ? 0 : Math.min(n, rand() < 0.6 ? Math.floor(rand() * (threshold + 2)) : Math.floor(rand() * n + 1));
        if (n - removed > 0) filtered.push({ key: `g${i}`, n: n - removed });
      }
      const r = differencingWithheld(filtered, unfiltered, { threshold });
      const unf = new Map(unfiltered.map((g) => [g.key, g.n]));
      let sumDiff = 0;
      for (const g of filtered) {
        if (r.withheld.has(g.key)) continue;
        const d = unf.get(g.key)! - g.n;
        expect(d === 0 || d > threshold, `trial ${trial}: ${g.key} differs by ${d}`).toBe(true);
        sumDiff += d;
      }
      expect(sumDiff === 0 || sumDiff > threshold).toBe(true);
      const total = (gs: GroupCount[]) => gs.reduce((a, g) => a + g.n, 0);
      const d = total(unfiltered) - total(filtered);
      expect(r.totalWithheld).toBe(d >= 1 && d <= threshold);
      // A withheld total is never the sum of the groups left (unless nothing is left).
      if (r.totalWithheld && filtered.length) expect(filtered.some((g) => r.withheld.has(g.key))).toBe(true);
    }
  });
});

describe('differencing: cohort views', () => {
  function randomCohort(rand: () => number, n: number): CohortWoman[] {
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
    return Array.from({ length: n }, (_, ix) => ({
      ix,
      caseId: `C${ix}`,
      area: pick(['City', 'County North', 'County South']),
      referral: rand() < 0.05 ? null : 16000 + Math.floor(rand() * 600),
      route: pick([null, 'other', 'top_repeat_list', 'complex_needs_list']),
      complex: rand() < 0.35,
      engagement: pick(['engaged', 'not_engaged', 'unknown'] as const),
      riskAtReferral: pick(['standard', 'medium', 'medium', 'high', 'not_assessed'] as const),
      perpetrator: null,
      mappa: null,
      incidents: 0,
      domesticIncidents: 0,
      crimes: 0,
    }));
  }

  it('property: on random cohorts and filters, every group shown differs from the unfiltered group by 0 or more than the threshold', () => {
    const rand = prng(7);
    const groupings: Grouping[] = ['none', 'area', 'complex', 'area_complex', 'engagement'];
    let withheldSeen = 0;
    for (let trial = 0; trial < 300; trial++) {
      const all = randomCohort(rand, 20 + Math.floor(rand() * 200));
      const threshold = 4 + Math.floor(rand() * 9);
      const rule = { threshold };
      const q: CohortQuery = {
        ...DEFAULT_QUERY,
        grouping: groupings[Math.floor(rand() * groupings.length)],
        risk: rand() < 0.3 ? 'medium' : 'all',
        complex: rand() < 0.2 ? 'no' : 'all',
        engagement: rand() < 0.2 ? 'unknown' : 'all',
        from: rand() < 0.4 ? 16000 + Math.floor(rand() * 60) : null,
        to: rand() < 0.3 ? 16600 - Math.floor(rand() * 60) : null,
        areas: rand() < 0.15 ? ['City', 'County South'] : [],
      };
      const view = cohortView(all, q, rule);
      const unfiltered = new Map(groupWomen(all, q.grouping).map((g) => [g.key, g.women.length]));
      for (const g of view.shownGroups) {
        const d = (unfiltered.get(g.key) ?? 0) - g.women.length;
        expect(d === 0 || d > threshold, `trial ${trial}: ${g.label} differs by ${d}`).toBe(true);
      }
      const shownDiff = view.shownGroups.reduce((a, g) => a + (unfiltered.get(g.key) ?? 0) - g.women.length, 0);
      expect(shownDiff === 0 || shownDiff > threshold).toBe(true);
      expect(view.shownWomen.length).toBe(view.shownGroups.reduce((a, g) => a + g.women.length, 0));
      expect(view.withheld.filter((x) => x.kind === 'group').length + view.shownGroups.length).toBe(view.groups.length);
      // and so does every area of the summary table
      const unfilteredAreas = new Map(groupWomen(all, 'area').map((g) => [g.key, g.women.length]));
      for (const a of groupWomen(view.shownWomen, 'area')) {
        const d = unfilteredAreas.get(a.key)! - a.women.length;
        expect(d === 0 || d > threshold, `trial ${trial}: area ${a.label} differs by ${d}`).toBe(true);
      }
      if (view.withheld.length) {
        withheldSeen++;
        expect(view.totalWithheld).toBe(true);
      }
      expect(cohortView(all, q, null).withheld).toEqual([]);
      expect(cohortView(all, { ...DEFAULT_QUERY, grouping: q.grouping }, rule).withheld).toEqual([]);
    }
    expect(withheldSeen).toBeGreaterThan(20);
  });

  const all = cohortWomen(sampleWorkingSet(), DEFAULT_DEFINITIONS);
  const fromJan = parseCohortQuery('from=2014-01-01&group=area');

  it('the sample: referred from 1 January 2014 drops 3 women of County North, so County North is withheld', () => {
    const view = cohortView(all, fromJan, RULE);
    expect(view.groups.map((g) => [g.label, g.women.length])).toEqual([
      ['City', 40],
      ['County North', 31],
      ['County South', 37],
    ]);
    expect(view.withheld.map((x) => [x.kind, x.label, x.reason])).toEqual([['group', 'County North', 'difference']]);
    expect(view.shownGroups.map((g) => g.label)).toEqual(['City', 'County South']);
    expect(view.shownWomen).toHaveLength(77);
    expect(view.shownWomen.every((w) => w.area !== 'County North')).toBe(true);
    expect(view.totalWithheld).toBe(true);
    expect(fromJan.from).toBe(dayFromIso('2014-01-01'));
  });

  it('the sample: women without complex needs, by area, withhold County North (34 - 26 = 8)', () => {
    const view = cohortView(all, parseCohortQuery('complex=no&group=area'), RULE);
    expect(view.withheld.map((x) => [x.kind, x.label])).toEqual([['group', 'County North']]);
  });

  it('the sample: not grouped, the summary rows by area are protected too (County North 34 - 26 = 8)', () => {
    const view = cohortView(all, parseCohortQuery('complex=no'), RULE);
    expect(view.withheld.map((x) => [x.kind, x.label, x.reason])).toEqual([['area', 'County North', 'difference']]);
    expect(view.shownGroups.map((g) => [g.label, g.women.length])).toEqual([['All women', 46]]);
    expect(view.shownWomen.every((w) => w.area !== 'County North')).toBe(true);
  });
});

describe('differencing: journeys opened from a cohort view', () => {
  const all = cohortWomen(sampleWorkingSet(), DEFAULT_DEFINITIONS);
  const inGroup = (query: string, area: string) => all.find((w) => w.area === area && cohortView(all, parseCohortQuery(query), RULE).women.includes(w))!;

  it('hides her journey when her group is withheld', () => {
    const w = inGroup('from=2014-01-01&group=area', 'County North');
    expect(journeyShareDecision(all, 'from=2014-01-01&group=area', w.caseId, RULE)).toEqual({ hidden: true, reason: 'difference', group: 'County North' });
    expect(journeyShareDecision(all, 'from=2014-01-01&group=area', 'MRP-0100', RULE)).toMatchObject({ hidden: true });
  });

  it('hides her journey when her group has at most the threshold of women', () => {
    const w = inGroup('risk=high&group=area', 'County North');
    expect(journeyShareDecision(all, 'risk=high&group=area', w.caseId, RULE)).toEqual({ hidden: true, reason: 'small_group', group: 'County North' });
  });

  it('shows her journey when her group is shown, share mode is off, or she is not in the view', () => {
    const city = inGroup('from=2014-01-01&group=area', 'City');
    expect(journeyShareDecision(all, 'from=2014-01-01&group=area', city.caseId, RULE)).toEqual({ hidden: false });
    const north = inGroup('from=2014-01-01&group=area', 'County North');
    expect(journeyShareDecision(all, 'from=2014-01-01&group=area', north.caseId, null)).toEqual({ hidden: false });
    expect(journeyShareDecision(all, 'area=City', north.caseId, RULE)).toEqual({ hidden: false });
    expect(journeyShareDecision(all, '', north.caseId, RULE)).toEqual({ hidden: false });
  });
});

describe('differencing: cells of the cohort summary', () => {
  const T = { threshold: 9 };
  const none = (rows: number, cols: number) => Array.from({ length: rows }, () => new Array<boolean>(cols).fill(false));

  it('hides a cell that differs from the unfiltered cell by 1 to the threshold; 0 and threshold + 1 stay', () => {
    const filtered = [[20, 11, 30, 0, 50, 45]];
    const unfiltered = [[21, 20, 40, 9, 50, 55]];
    expect(differencingCells(filtered, unfiltered, none(1, 6), T)).toEqual([[true, true, false, true, false, false]]);
  });

  it('counts incidents like women: a few incidents fewer is hidden, whatever the size of the count', () => {
    expect(differencingCells([[1111, 1110, 1100]], [[1120, 1120, 1120]], none(1, 3), T)).toEqual([[true, false, false]]);
  });

  it('follows the threshold, never below 4', () => {
    expect(differencingCells([[36, 35]], [[40, 40]], none(1, 2), { threshold: 4 })).toEqual([[true, false]]);
    expect(differencingCells([[36, 35]], [[40, 40]], none(1, 2), { threshold: 2 })).toEqual([[true, false]]);
    expect(differencingCells([[28, 27]], [[40, 40]], none(1, 2), { threshold: 12 })).toEqual([[true, false]]);
  });

  it('hides a cell equal to an unfiltered cell that is hidden there, zero included; not one that differs by more than the threshold', () => {
    const hidden = [[true, true, true, false]];
    expect(differencingCells([[12, 0, 2, 12]], [[12, 0, 30, 12]], hidden, T)).toEqual([[true, true, false, false]]);
    expect(differencingCellReasons([[12, 3]], [[12, 5]], [[true, true]], T)).toEqual([['unfiltered_hidden', 'difference']]);
  });

  it('treats a cell with no unfiltered counterpart as against 0', () => {
    expect(differencingCells([[5, 40]], [], [], T)).toEqual([[true, false]]);
  });

  const all = cohortWomen(sampleWorkingSet(), DEFAULT_DEFINITIONS);

  it('has no effect with share mode off or no filter', () => {
    for (const [query, rule] of [
      ['from=2014-01-01&group=area', null],
      ['group=area', RULE],
      ['', RULE],
      ['group=area_complex&align=calendar', RULE],
    ] as const) {
      const q = parseCohortQuery(query);
      const view = cohortView(all, q, rule);
      expect(view.unfilteredSummary).toBeNull();
      expect(summaryDifferencing(view.unfilteredSummary, rule)).toBeUndefined();
      const plain = cohortTables(view.shownWomen, view.shownGroups, q.grouping, rule);
      expect(cohortTables(view.shownWomen, view.shownGroups, q.grouping, rule, summaryDifferencing(view.unfilteredSummary, rule))).toEqual(plain);
    }
    // The unfiltered summary is there to compare with only in share mode with a filter.
    expect(cohortView(all, parseCohortQuery('complex=no'), RULE).unfilteredSummary).not.toBeNull();
    expect(summaryDifferencing(cohortView(all, parseCohortQuery('complex=no'), RULE).unfilteredSummary, null)).toBeUndefined();
  });

  it('cohortTables without forceHidden, or with nothing forced, publishes what it did before', () => {
    const groups = groupWomen(all, 'area_complex');
    const plain = cohortTables(all, groups, 'area_complex', RULE);
    expect(plain.forced).toBeUndefined();
    expect(plain.summary.map((r) => Object.values(r.shown).map((c) => cellText(c)))).toEqual([
      ['40', '20', '19', '561', '353', '208'],
      ['34', '[c]', '[c]', '263', '159', '104'],
      ['37', '[c]', '[c]', '296', '185', '111'],
      ['111', '38', '39', '1,120', '697', '423'],
    ]);
    const nothing = cohortTables(all, groups, 'area_complex', RULE, none(4, 6));
    expect({ ...nothing, forced: undefined }).toEqual(plain);
    expect(nothing.forced).toEqual(none(4, 6));
    // With share mode off, nothing is forced and nothing hidden.
    expect(cohortTables(all, groups, 'area_complex', null, () => [[true]])).toEqual(cohortTables(all, groups, 'area_complex', null));
  });

  it('treats forced cells as primary suppression, then secondary suppression protects them', () => {
    const groups = groupWomen(all, 'none');
    const mask = none(4, 6);
    mask[0][3] = true; // City's 561 police incidents
    const sys = cohortTableSystem(all, groups, 'none', RULE, mask);
    const shown = sys.tables.summary.map((r) => Object.values(r.shown).map((c) => cellText(c)));
    expect(shown[0][3]).toBe('[c]');
    // City's incidents = its domestic incidents + crimes, and the areas add up to All areas: partners go too.
    expect(shown[0].filter((s) => s === '[c]').length).toBeGreaterThanOrEqual(2);
    expect(shown.map((r) => r[3]).filter((s) => s === '[c]').length).toBeGreaterThanOrEqual(2);
    expect(determinedEntries(sys.values.length, sys.constraints, sys.hidden).some(Boolean)).toBe(false);
  });

  it('the sample: referred from 1 January 2014 by area hides All areas engaged (38 - 31 = 7) and complex (39 - 31 = 8), and County South engaged and complex, which equal unfiltered cells hidden there', () => {
    const q = parseCohortQuery('from=2014-01-01&group=area');
    const view = cohortView(all, q, RULE);
    const tables = cohortTables(view.shownWomen, view.shownGroups, q.grouping, RULE, summaryDifferencing(view.unfilteredSummary, RULE));
    expect(tables.summary.map((r) => [r.label, ...Object.values(r.shown).map((c) => cellText(c))])).toEqual([
      ['City', '40', '20', '19', '561', '353', '208'],
      ['County South', '37', '[c]', '[c]', '296', '185', '111'],
      ['All areas', '77', '[c]', '[c]', '857', '538', '319'],
    ]);
    expect(tables.groupCounts.map((c) => cellText(c))).toEqual(['40', '37']);
    expect(cellText(tables.total)).toBe('77');
    expect(summaryDifferencingReasons(tables.summary, view.unfilteredSummary, RULE)).toEqual(new Set(['difference', 'unfiltered_hidden']));
    // Without the cell rule, County South's 11 engaged and 12 with complex needs would be shown, undoing the unfiltered [c].
    const unforced = cohortTables(view.shownWomen, view.shownGroups, q.grouping, RULE).summary[1].shown;
    expect([unforced.engaged, unforced.complex]).toEqual([{ value: 11 }, { value: 12 }]);
  });

  function randomCohortWithIncidents(rand: () => number, n: number): CohortWoman[] {
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
    const areas = ['City', 'County North', 'County South', 'Coast'].slice(0, 1 + Math.floor(rand() * 4));
    return Array.from({ length: n }, (_, ix) => {
      const crimes = Math.floor(rand() * rand() * 12);
      const domesticIncidents = Math.floor(rand() * rand() * 15);
      return {
        ix,
        caseId: `C${ix}`,
        area: areas[Math.floor(rand() * rand() * areas.length)],
        referral: rand() < 0.05 ? null : 16000 + Math.floor(rand() * 600),
        route: pick([null, 'other', 'top_repeat_list', 'complex_needs_list']),
        complex: rand() < 0.35,
        engagement: pick(['engaged', 'not_engaged', 'unknown'] as const),
        riskAtReferral: pick(['standard', 'medium', 'medium', 'high', 'not_assessed'] as const),
        perpetrator: null,
        mappa: null,
        incidents: crimes + domesticIncidents,
        domesticIncidents,
        crimes,
      };
    });
  }

  it('property: every published cell of a filtered summary differs from its unfiltered cell by 0 (and that one is published) or more than the threshold, and no hidden cell can be worked out', () => {
    const rand = prng(31337);
    const groupings: Grouping[] = ['none', 'area', 'complex', 'area_complex', 'engagement'];
    let forcedSeen = 0;
    let equalHiddenSeen = 0;
    for (let trial = 0; trial < 400; trial++) {
      const all = randomCohortWithIncidents(rand, 20 + Math.floor(rand() * 250));
      const threshold = 4 + Math.floor(rand() * 9);
      const rule = { threshold };
      const q: CohortQuery = {
        ...DEFAULT_QUERY,
        grouping: groupings[Math.floor(rand() * groupings.length)],
        risk: rand() < 0.25 ? 'medium' : 'all',
        complex: rand() < 0.15 ? 'no' : 'all',
        engagement: rand() < 0.15 ? 'unknown' : 'all',
        from: rand() < 0.5 ? 16000 + Math.floor(rand() * 40) : null,
        to: rand() < 0.4 ? 16600 - Math.floor(rand() * 40) : null,
        areas: rand() < 0.35 ? ['City', 'County South'] : [],
      };
      if (!filterActive(q)) continue;
      const view = cohortView(all, q, rule);
      expect(view.unfilteredSummary).not.toBeNull();
      // Every group withheld: the screen publishes no summary at all.
      if (!view.shownWomen.length) continue;
      const unfiltered = new Map(view.unfilteredSummary!.map((r) => [r.label, r]));
      const sys = cohortTableSystem(view.shownWomen, view.shownGroups, q.grouping, rule, summaryDifferencing(view.unfilteredSummary, rule));
      const K = SUMMARY_COLUMNS.length;
      sys.tables.summary.forEach((row, r) =>
        SUMMARY_COLUMNS.forEach((c, j) => {
          const u = unfiltered.get(row.label)!;
          const d = Math.abs(u.values[c.key] - row.values[c.key]);
          const where = `trial ${trial}: ${row.label} ${c.key} = ${row.values[c.key]}, unfiltered ${u.values[c.key]} (${cellText(u.shown[c.key])})`;
          expect(isSuppressed(row.shown[c.key])).toBe(sys.hidden[r * K + j]);
          if (sys.tables.forced![r][j]) expect(cellText(row.shown[c.key]), where).toBe(SUPPRESSED);
          if (isSuppressed(row.shown[c.key])) {
            if (d >= 1 && d <= threshold && row.values[c.key] > threshold) forcedSeen++;
            if (d === 0 && isSuppressed(u.shown[c.key]) && row.values[c.key] > threshold) equalHiddenSeen++;
            return;
          }
          expect(d === 0 || d > threshold, where).toBe(true);
          if (d === 0) expect(cellText(u.shown[c.key]), where).not.toBe(SUPPRESSED);
        }),
      );
      // Primary suppression still holds, and the published cells and margins give no hidden cell away.
      sys.values.forEach((v, i) => v >= 1 && v <= threshold && expect(sys.hidden[i]).toBe(true));
      expect(determinedEntries(sys.values.length, sys.constraints, sys.hidden).some(Boolean), `trial ${trial}`).toBe(false);
    }
    // The rule did hide cells that would have been published (above the threshold themselves).
    expect(forcedSeen).toBeGreaterThan(100);
    expect(equalHiddenSeen).toBeGreaterThan(2);
  });
});
