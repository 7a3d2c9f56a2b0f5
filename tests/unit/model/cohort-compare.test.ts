import { describe, expect, it } from 'vitest';
import { buildWorkingSet } from '../../../src/data/working-set';
import { DEFAULT_DEFINITIONS } from '../../../src/model/definitions';
import { cohortWomen } from '../../../src/model/cohort/cohort-women';
import { DEFAULT_QUERY, groupWomen } from '../../../src/model/cohort/cohort-query';
import { dataEndDay, incidentRates } from '../../../src/model/cohort/incident-rates';
import {
  caveats,
  compareGroups,
  compareOptions,
  estimateText,
  fmtRatio,
  parseSavedFilters,
  problemText,
  ratioSummary,
  savedNameProblem,
  withoutSavedFilter,
  withSavedFilter,
  type CompareOption,
  type Estimate,
} from '../../../src/model/cohort/compare';
import { cellText, isSuppressed } from '../../../src/model/disclosure';
import { Z95, Z_POWER_80 } from '../../../src/model/stats/intervals';
import { makeBlock, type RowInput } from '../db/helpers';
import { sampleWorkingSet } from './section4-sample';

/**
 * Four women, all referred on 1 January 2014; the data ends on 31 December 2014 (N2's last
 * assessment), so each is followed 365 days after referral, and 365 days before.
 * Engaged: E1 (City) and E2 (Town); not engaged: N1 (City) and N2 (Town).
 */
const CASES: RowInput[] = [
  { case_id: 'E1', area: 'City', referral_date: '2014-01-01', engagement_modus: 'engaged', engagement_police: 'engaged' },
  { case_id: 'E2', area: 'Town', referral_date: '2014-01-01', engagement_modus: 'sporadic', engagement_police: 'engaged' },
  { case_id: 'N1', area: 'City', referral_date: '2014-01-01', engagement_modus: 'none', engagement_police: 'not_engaged' },
  { case_id: 'N2', area: 'Town', referral_date: '2014-01-01', engagement_modus: 'none', engagement_police: 'not_engaged' },
];
let no = 0;
const inc = (caseId: string, date: string, kind = 'domestic_incident'): RowInput => ({ incident_id: `I${++no}`, case_id: caseId, date, kind });
const INCIDENTS: RowInput[] = [
  // Engaged: 6 before (E1 4, E2 2), 2 after (E1 1, E2 1).
  inc('E1', '2013-03-01'),
  inc('E1', '2013-06-01'),
  inc('E1', '2013-09-01'),
  inc('E1', '2013-12-01'),
  inc('E1', '2014-06-01'),
  inc('E2', '2013-05-01', 'crime'),
  inc('E2', '2013-10-01'),
  inc('E2', '2014-03-01', 'crime'),
  // more than 12 months before referral: not counted
  inc('E2', '2012-11-01'),
  // Not engaged: 4 before (N1 3, N2 1), 4 after (N1 3, N2 1).
  inc('N1', '2013-02-01'),
  inc('N1', '2013-04-01'),
  inc('N1', '2013-08-01'),
  inc('N1', '2014-02-01'),
  inc('N1', '2014-04-01'),
  inc('N1', '2014-08-01'),
  inc('N2', '2013-07-01'),
  inc('N2', '2014-07-01'),
];
const RISKS: RowInput[] = [
  { case_id: 'E1', date: '2013-12-20', level: 'high', assessor: 'mrp_worker' },
  { case_id: 'E1', date: '2014-06-01', level: 'medium', assessor: 'mrp_worker' },
  { case_id: 'E2', date: '2013-12-20', level: 'medium', assessor: 'mrp_worker' },
  { case_id: 'N2', date: '2014-12-31', level: 'standard', assessor: 'mrp_worker' },
];
const OUTCOMES: RowInput[] = [
  { case_id: 'E1', date: '2014-01-10', tool: 'batteries', domain: 'safety', score: 3 },
  { case_id: 'E1', date: '2014-06-10', tool: 'batteries', domain: 'safety', score: 7 },
  { case_id: 'E2', date: '2014-01-10', tool: 'batteries', domain: 'safety', score: 5 },
  { case_id: 'E2', date: '2014-07-10', tool: 'batteries', domain: 'safety', score: 6 },
  { case_id: 'N1', date: '2014-01-10', tool: 'batteries', domain: 'safety', score: 3 },
  { case_id: 'N1', date: '2014-05-10', tool: 'batteries', domain: 'safety', score: 2 },
];

const ws = buildWorkingSet([makeBlock('cases', CASES), makeBlock('incidents', INCIDENTS), makeBlock('risk_assessments', RISKS), makeBlock('outcomes', OUTCOMES)]);
const all = cohortWomen(ws, DEFAULT_DEFINITIONS);
const end = dataEndDay(ws);
const options = compareOptions(['City', 'Town'], [
  { name: 'Engaged again', query: 'engagement=engaged' },
  { name: 'City engaged', query: 'area=City&engagement=engaged' },
]);
const opt = (id: string): CompareOption => options.find((o) => o.id === id)!;
const compare = (a: string, b: string, rule: { threshold: number } | null = null) => compareGroups(ws, all, opt(a), opt(b), DEFAULT_DEFINITIONS, end, rule);

const value = (e: Estimate) => (e.value.suppressed ? undefined : e.value.value);

describe('compare: engaged against not engaged, by hand', () => {
  const c = compare('engaged', 'not_engaged');
  const [g1, g2] = c.groups;

  it('has no problem and two groups of two women, followed 365 days each', () => {
    expect(c.problem).toBeNull();
    expect(problemText(c)).toBeNull();
    expect([g1.label, g1.n, g2.label, g2.n]).toEqual(['Engaged', 2, 'Not engaged', 2]);
    expect(g1.followUp).toEqual({ min: 365, median: 365, max: 365 });
    expect([g1.before.count, g1.before.days, g1.after.count, g1.after.days]).toEqual([6, 730, 2, 730]);
    expect([g2.before.count, g2.after.count]).toEqual([4, 4]);
  });

  it('rates per woman per 30 days with exact Poisson limits for fewer than 10 incidents', () => {
    expect(value(g1.before.rate)).toBeCloseTo((6 * 30) / 730, 10);
    expect(value(g1.after.rate)).toBeCloseTo((2 * 30) / 730, 10);
    // poisson.test(2): 0.2422 to 7.2247 events
    expect(g1.after.rate.interval!.lower).toBeCloseTo((0.2422093 * 30) / 730, 5);
    expect(g1.after.rate.interval!.upper).toBeCloseTo((7.2246877 * 30) / 730, 5);
  });

  it('rate ratios after/before by the log method, and the ratio of the ratios', () => {
    expect(value(g1.ratio)).toBeCloseTo(1 / 3, 12);
    const se1 = Math.sqrt(1 / 2 + 1 / 6);
    expect(g1.ratio.interval!.lower).toBeCloseTo((1 / 3) * Math.exp(-Z95 * se1), 10);
    expect(g1.ratio.interval!.upper).toBeCloseTo((1 / 3) * Math.exp(Z95 * se1), 10);
    expect(g1.ratio.interval!.lower).toBeCloseTo(0.0673, 4);
    expect(g1.ratio.interval!.upper).toBeCloseTo(1.6515, 4);
    expect(value(g2.ratio)).toBeCloseTo(1, 12);
    expect(g2.ratio.interval!.lower).toBeCloseTo(Math.exp(-Z95 * Math.SQRT1_2), 10);
    expect(value(c.ratioOfRatios)).toBeCloseTo(1 / 3, 12);
    const se = Math.sqrt(1 / 2 + 1 / 6 + 1 / 4 + 1 / 4);
    expect(c.ratioOfRatios.interval!.lower).toBeCloseTo((1 / 3) * Math.exp(-Z95 * se), 10);
    expect(c.ratioOfRatios.interval!.upper).toBeCloseTo((1 / 3) * Math.exp(Z95 * se), 10);
    // Effective counts 1/(1/2 + 1/6) = 1.5 and 1/(1/4 + 1/4) = 2.
    expect(c.minimumDetectable).toBeCloseTo(Math.exp((Z95 + Z_POWER_80) * Math.sqrt(1 / 1.5 + 1 / 2)), 10);
    expect(c.minimumDetectable).toBeCloseTo(20.61, 1);
  });

  it('agrees with the incident rates chart grouped by engagement', () => {
    const rates = incidentRates(ws, groupWomen(all, 'engagement'), end);
    const engaged = rates.find((r) => r.key === 'engaged')!;
    expect(g1.before.count).toBe(engaged.before.domestic + engaged.before.crimes);
    expect(value(g1.before.rate)).toBeCloseTo(engaged.before.domesticRate! + engaged.before.crimeRate!, 12);
  });

  it('risk at referral and latest as proportions with Wilson intervals', () => {
    const at = Object.fromEntries(g1.riskAtReferral.map((r) => [r.level, r]));
    expect(value(at.high.share)).toBe(50);
    expect(value(at.medium.share)).toBe(50);
    expect(value(at.standard.share)).toBe(0);
    // binom Wilson for 1 of 2: 0.0945 to 0.9055
    expect(at.high.share.interval!.lower).toBeCloseTo(9.4529, 3);
    expect(at.high.share.interval!.upper).toBeCloseTo(90.5471, 3);
    const latest = Object.fromEntries(g1.riskLatest.map((r) => [r.level, r]));
    expect(value(latest.medium.share)).toBe(100);
    expect(latest.medium.share.interval!.lower).toBeCloseTo(34.2380, 3);
    const other = Object.fromEntries(g2.riskAtReferral.map((r) => [r.level, value(r.share)]));
    expect(other).toEqual({ standard: 0, medium: 0, high: 0, not_assessed: 100 });
    const otherLatest = Object.fromEntries(g2.riskLatest.map((r) => [r.level, value(r.share)]));
    expect(otherLatest).toEqual({ standard: 50, medium: 0, high: 0, not_assessed: 50 });
  });

  it('median outcome change with a bootstrap interval; one woman is too few for one', () => {
    expect(c.outcomes).toHaveLength(1);
    const [engaged, notEngaged] = c.outcomes[0].groups;
    expect(engaged.n).toBe(2);
    expect(value(engaged.median)).toBe(2.5);
    // A bootstrap median of two changes (4 and 1) can only be 1, 2.5 or 4.
    expect(engaged.median.interval!.lower).toBeGreaterThanOrEqual(1);
    expect(engaged.median.interval!.upper).toBeLessThanOrEqual(4);
    expect(notEngaged.n).toBe(1);
    expect(value(notEngaged.median)).toBe(-1);
    expect(notEngaged.median.interval).toBeNull();
    expect(estimateText(notEngaged.median, String)).toBe('-1 (no interval: fewer than 2 women)');
  });

  it('writes the caveats panel from the data in view', () => {
    const panel = caveats(c);
    expect(panel.map((p) => p.key)).toEqual(['assignment', 'regression', 'follow-up', 'power']);
    expect(panel[0].text).toMatch(/^Engagement was not assigned at random/);
    expect(panel[0].text).toContain('Engaged (n = 2) and Not engaged (n = 2)');
    expect(panel[1].text).toContain('regression to the mean');
    expect(panel[1].text).toContain('Engaged had 0.25 (');
    expect(panel[2].text).toContain('ranges from 365 to 365 days');
    expect(panel[3].text).toContain(`ratio of rate ratios of ${fmtRatio(c.minimumDetectable!)} or more`);
    expect(ratioSummary(c)).toContain('Engaged 0.33 (0.07 to 1.65), no clear change');
  });

  it('in share mode withholds groups that differ from all women by 1 to the threshold, and shows nothing of them', () => {
    const s = compare('engaged', 'not_engaged', { threshold: 9 });
    expect(s.problem).toEqual({ kind: 'withheld', labels: ['Engaged', 'Not engaged'] });
    expect(s.groups).toEqual([]);
    expect(caveats(s)).toEqual([]);
    expect(problemText(s)).toMatch(/^In share mode Engaged and Not engaged are withheld/);
  });
});

describe('compare: bad input shows no figures', () => {
  it('a group compared with itself', () => {
    const c = compare('engaged', 'engaged');
    expect(c.problem).toEqual({ kind: 'same' });
    expect(c.groups).toEqual([]);
    expect(caveats(c)).toEqual([]);
    expect(problemText(c)).toMatch(/compared with itself/);
  });

  it('an empty group', () => {
    const none = compareOptions(['Nowhere'], [])[4];
    const c = compareGroups(ws, all, opt('engaged'), none, DEFAULT_DEFINITIONS, end, null);
    expect(c.problem).toEqual({ kind: 'empty', labels: ['Nowhere'] });
    expect(c.groups).toEqual([]);
    expect(problemText(c)).toBe('Nowhere has no women in the data loaded, so there is nothing to compare. Choose another group.');
    // no woman has complex needs here
    expect(compare('complex', 'not_complex').problem).toEqual({ kind: 'empty', labels: ['Complex needs'] });
  });

  it('overlapping groups, and two groups that hold the same women', () => {
    const c = compare('engaged', 'area:City');
    expect(c.problem).toMatchObject({ kind: 'overlap', identical: false });
    expect(c.groups).toEqual([]);
    expect(problemText(c)).toMatch(/^1 women are in both Engaged and City/);
    const same = compare('engaged', 'saved:Engaged again');
    expect(same.problem).toMatchObject({ kind: 'overlap', identical: true });
    expect(problemText(same)).toMatch(/hold the same women/);
    expect(compare('saved:City engaged', 'not_engaged').problem).toBeNull();
  });

  it('groups with no incidents on a side of referral say so instead of an interval', () => {
    const c = compare('area:City', 'area:Town');
    expect(c.problem).toBeNull();
    expect(value(c.ratioOfRatios)).toBeDefined();
    const none = compareGroups(
      buildWorkingSet([makeBlock('cases', CASES), makeBlock('risk_assessments', RISKS)]),
      cohortWomen(buildWorkingSet([makeBlock('cases', CASES), makeBlock('risk_assessments', RISKS)]), DEFAULT_DEFINITIONS),
      opt('engaged'),
      opt('not_engaged'),
      DEFAULT_DEFINITIONS,
      end,
      null,
    );
    expect(none.groups[0].ratio.interval).toBeNull();
    expect(estimateText(none.groups[0].ratio, String)).toBe('– (no interval: a side of referral has no incidents)');
    expect(none.ratioOfRatios.interval).toBeNull();
    expect(none.minimumDetectable).toBeNull();
    expect(caveats(none)[3].text).toContain('too small to estimate the difference they could detect');
  });
});

describe('compare: saved filters', () => {
  it('saves filters by name (the same name replaces), removes them, and reads back only valid entries', () => {
    let list = withSavedFilter([], ' City complex ', { ...DEFAULT_QUERY, areas: ['City'], complex: 'yes', grouping: 'area' });
    expect(list).toEqual([{ name: 'City complex', query: 'area=City&complex=yes' }]);
    list = withSavedFilter(list, 'City complex', { ...DEFAULT_QUERY, areas: ['City'] });
    expect(list).toEqual([{ name: 'City complex', query: 'area=City' }]);
    list = withSavedFilter(list, 'High', { ...DEFAULT_QUERY, risk: 'high' });
    expect(withoutSavedFilter(list, 'City complex')).toEqual([{ name: 'High', query: 'risk=high' }]);
    expect(parseSavedFilters([...list, { name: 'High', query: 'x' }, { name: '', query: '' }, 3, null, { name: 'Bad', query: 'complex=maybe&group=area' }])).toEqual([
      ...list,
      { name: 'Bad', query: '' },
    ]);
    expect(parseSavedFilters('nope')).toEqual([]);
    expect(savedNameProblem('  ')).toBe('Give the filters a name.');
    expect(savedNameProblem('x'.repeat(61))).toMatch(/at most 60/);
    expect(savedNameProblem('ok')).toBeNull();
  });
});

describe('compare: the sample', () => {
  const sample = sampleWorkingSet();
  const women = cohortWomen(sample, DEFAULT_DEFINITIONS);
  const areas = [...new Set(women.map((w) => w.area))].sort();
  const opts = compareOptions(areas, []);
  const c = compareGroups(sample, women, opts[0], opts[1], DEFAULT_DEFINITIONS, dataEndDay(sample), { threshold: 9 });

  it('engaged against not engaged in share mode: every interval shown contains its estimate', () => {
    expect(c.problem).toBeNull();
    expect(c.groups.map((g) => g.n)).toEqual([
      women.filter((w) => w.engagement === 'engaged').length,
      women.filter((w) => w.engagement === 'not_engaged').length,
    ]);
    const estimates = [
      c.ratioOfRatios,
      ...c.groups.flatMap((g) => [g.before.rate, g.after.rate, g.ratio, ...g.riskAtReferral.map((r) => r.share), ...g.riskLatest.map((r) => r.share)]),
      ...c.outcomes.flatMap((o) => o.groups.map((g) => g.median)),
    ];
    let withInterval = 0;
    for (const e of estimates) {
      if (!e.interval) continue;
      withInterval++;
      expect(e.value.suppressed).toBeUndefined();
      expect(e.interval.lower).toBeLessThanOrEqual(value(e)! + 1e-9);
      expect(e.interval.upper).toBeGreaterThanOrEqual(value(e)! - 1e-9);
    }
    expect(withInterval).toBeGreaterThan(10);
    expect(c.minimumDetectable).toBeGreaterThan(1);
    expect(caveats(c)[2].text).toMatch(/ranges from [\d,]+ to [\d,]+ days/);
  });

  it('hides a share whose count is hidden, with its interval, and keeps the rest', () => {
    const shares = c.groups.flatMap((g) => [...g.riskAtReferral, ...g.riskLatest]);
    const hidden = shares.filter((r) => isSuppressed(r.count));
    expect(hidden.length).toBeGreaterThan(0);
    for (const r of hidden) {
      expect(isSuppressed(r.share.value)).toBe(true);
      expect(r.share.interval).toBeNull();
    }
    expect(shares.some((r) => !isSuppressed(r.share.value) && r.share.interval)).toBe(true);
    const open = compareGroups(sample, women, opts[0], opts[1], DEFAULT_DEFINITIONS, dataEndDay(sample), null);
    expect(open.groups.flatMap((g) => [...g.riskAtReferral, ...g.riskLatest]).every((r) => !isSuppressed(r.share.value) && r.share.interval)).toBe(true);
  });

  it('overlapping groups in share mode: the number in both is a count like any other', () => {
    const city = compareGroups(sample, women, opts[0], opts.find((o) => o.id === 'area:City')!, DEFAULT_DEFINITIONS, dataEndDay(sample), { threshold: 9 });
    expect(city.problem).toMatchObject({ kind: 'overlap', identical: false });
    const both = women.filter((w) => w.engagement === 'engaged' && w.area === 'City').length;
    expect(problemText(city)).toMatch(new RegExp(`^${both > 9 ? both : '\\[c\\]'} women are in both Engaged and City`));
  });
});
