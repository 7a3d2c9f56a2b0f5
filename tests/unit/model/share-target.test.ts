/**
 * Issue 14's target for share mode: on the sample, at threshold 9, every cohort chart shows at
 * least half of its groups with visible values. The commissioner's view: grouped by area, with
 * small areas allowed to merge into "Other areas". Each chart's model is run as its section runs
 * it; a group "shows" when it has at least one value that is neither hidden nor empty.
 */
import { describe, expect, it } from 'vitest';
import { cellText, clampThreshold, determinedEntries, isSuppressed, statisticAllowed, valueOf, type Cell, type DisclosureRule, type SumConstraint } from '../../../src/model/disclosure';
import { mulberry32 as rng } from '../../../sample-data/mulberry32';
import { DEFAULT_DEFINITIONS } from '../../../src/model/definitions';
import { cohortWomen } from '../../../src/model/cohort/cohort-women';
import { groupWomen } from '../../../src/model/cohort/cohort-query';
import { cohortTables } from '../../../src/model/cohort/cohort-summary';
import { coarsenedRiskMix } from '../../../src/model/cohort/risk-mix';
import { cjOutcomesByArea, coarsenedSupportShares, coarsenedTransitions, publishCrimeOutcomes } from '../../../src/model/cohort/aggregates';
import { coarsenedOutcomes } from '../../../src/model/cohort/outcome-change';
import { dataEndDay, incidentRates } from '../../../src/model/cohort/incident-rates';
import { areaProfile } from '../../../src/model/cohort/area-profile';
import { cohortTrends } from '../../../src/model/cohort/trends';
import { needSets, publishNeedSets } from '../../../src/model/cohort/need-sets';
import { sampleWorkingSet } from './section4-sample';

const ws = sampleWorkingSet();
const end = dataEndDay(ws);
const all = cohortWomen(ws, DEFAULT_DEFINITIONS);
const rule: DisclosureRule = { threshold: 9 };
const groups = groupWomen(all, 'area');
const { summary } = cohortTables(all, groups, 'area', rule);
const allShown = summary[summary.length - 1];
const visible = (c: Cell) => !isSuppressed(c) && valueOf(c) !== null;
const positive = (c: Cell) => visible(c) && valueOf(c)! > 0;

/** The share of a chart's groups that show a value. */
const shareShowing = (shows: boolean[]) => shows.filter(Boolean).length / shows.length;

describe('share mode at threshold 9 on the sample, by area, small areas allowed to merge: every cohort chart shows at least half of its groups', () => {
  it('Trends: referrals, open cases and closures per quarter, the share engaged (in half-years) and the incident rate', () => {
    const t = cohortTrends(ws, all, end, rule, summary);
    for (const series of [t.referrals.colTotals, t.open.totals, t.closuresByArea.totals]) expect(shareShowing(series.map(visible))).toBeGreaterThanOrEqual(0.5);
    // One group (all areas): it shows the share engaged in 2 of its 5 half-years (1 of 8 quarters before coarsening).
    expect(t.engaged.some((e) => visible(e.estimate.value))).toBe(true);
    expect(shareShowing(t.incidentsAfter.map((e) => visible(e.estimate.value)))).toBeGreaterThanOrEqual(0.5);
  });

  it('Each area against the whole: every indicator shows at least half the areas (County North and County South as "Other areas")', () => {
    const before = areaProfile(ws, all, end, rule, summary);
    expect(before.indicators.map((ind) => shareShowing(ind.areas.map((a) => visible(a.estimate.value))))).toEqual([1 / 3, 1 / 3, 1, 1]);
    const p = areaProfile(ws, all, end, rule, summary, true);
    expect(p.areas).toEqual(['City', 'Other areas']);
    expect(p.coarsened.map((c) => c.id)).toEqual(['other-areas']);
    for (const ind of p.indicators) expect(shareShowing(ind.areas.map((a) => visible(a.estimate.value))), ind.indicator.label).toBeGreaterThanOrEqual(0.5);
    // "Other areas" shows only what the summary already tells: all areas less City.
    const other = p.indicators[0].areas[1];
    expect(valueOf(other.women)).toBe(111 - 40);
    expect(valueOf(other.estimate.value)).toBeCloseTo((100 * (38 - 20)) / 71, 10);
  });

  it('Risk mix over time', () => {
    const mix = coarsenedRiskMix(ws, groups, DEFAULT_DEFINITIONS, 'referral', end, rule, null, undefined, true);
    expect(shareShowing(mix.groups.map((g) => g.columns.some((c) => c.shares.some((s) => s !== null))))).toBeGreaterThanOrEqual(0.5);
  });

  it('Police incidents', () => {
    expect(shareShowing(incidentRates(ws, groups, end).map((r) => statisticAllowed(r.women)))).toBeGreaterThanOrEqual(0.5);
  });

  it('Outcome scores (County North and County South only as "Other areas")', () => {
    const o = coarsenedOutcomes(ws, groups, rule, 'area', true);
    expect(shareShowing(o.groups.map((g) => g.domains.some((d) => visible(d.change) || d.byMonth.some((m) => m.median !== null))))).toBeGreaterThanOrEqual(0.5);
  });

  it('Criminal justice outcomes', () => {
    const t = publishCrimeOutcomes(cjOutcomesByArea(ws, all), summary, rule);
    expect(shareShowing(t.shown.map((row) => row.some(positive)))).toBeGreaterThanOrEqual(0.5);
  });

  it('Risk transitions', () => {
    const { table } = coarsenedTransitions(ws, all, DEFAULT_DEFINITIONS, rule, allShown.shown.referred);
    expect(shareShowing(table.shown.map((row) => row.some(positive)))).toBeGreaterThanOrEqual(0.5);
  });

  it('Support by category (County North and County South as "Other areas")', () => {
    const links = {
      perGroup: groups.map((g) => summary.find((r) => r.label === g.key)?.shown.engaged),
      total: allShown.shown.engaged,
      areaOfGroup: groups.map((g) => g.women[0]?.area ?? null),
      areaShown: Object.fromEntries(summary.map((r) => [r.label, r.shown.engaged])),
    };
    expect(shareShowing(coarsenedSupportShares(ws, groups, rule, links, true, false).rows.map((r) => r.percents.some(visible)))).toBe(1 / 3);
    const sup = coarsenedSupportShares(ws, groups, rule, links, true, true);
    expect(sup.rows.map((r) => r.label)).toEqual(['City', 'Other areas']);
    expect(sup.coarsened.map((c) => c.id)).toEqual(['other-areas']);
    expect(sup.rows.map((r) => cellText(r.engagedShown))).toEqual(['20', '18']);
    expect(shareShowing(sup.rows.map((r) => r.percents.some(visible)))).toBeGreaterThanOrEqual(0.5);
  });

  it('Needs', () => {
    const data = publishNeedSets(needSets(ws, all), rule, allShown.shown.referred);
    expect(shareShowing(data.sets.map((s) => positive(s.count)))).toBeGreaterThanOrEqual(0.5);
  });
});

/** `runs` random cohorts of the sample, each with a random rule: threshold 4 to 20, rounding off, to 5 or to 10. */
function* randomCohorts(seed: number, runs: number) {
  const next = rng(seed);
  for (let run = 0; run < runs; run++) {
    const women = all.filter(() => next() < 0.15 + 0.85 * next());
    const r: DisclosureRule = { threshold: 4 + Math.floor(next() * 17), ...(next() < 0.5 ? { rounding: next() < 0.5 ? 5 : 10 } : {}) };
    yield { women, r, what: `run ${run}: ${women.length} women, threshold ${r.threshold}, rounding ${r.rounding ?? 'off'}` };
  }
}

/**
 * With "Other areas" (the sum of the entries at `parts`, as the merged view shows it) added when
 * there is one: no entry of 1 to the threshold is shown, or follows from the rest and the sums.
 */
function expectNothingRecoverable(
  values: number[],
  hidden: boolean[],
  constraints: SumConstraint[],
  other: { parts: number[]; value: number; hidden: boolean } | null,
  t: number,
  what: string,
) {
  if (other) {
    values.push(other.value);
    hidden.push(other.hidden);
    constraints.push({ parts: other.parts, total: values.length - 1 });
  }
  const determined = determinedEntries(values.length, constraints, hidden);
  values.forEach((v, i) => {
    if (v >= 1 && v <= t) {
      expect(hidden[i], `${what} entry ${i} (${v}) shown`).toBe(true);
      expect(determined[i], `${what} entry ${i} (${v}) follows from the views`).toBe(false);
    }
  });
}

describe('support by category across views: property test on random cohorts', () => {
  it('no count of 1 to the threshold shows, or follows from the ungrouped view, the view by area and the view with "Other areas" together', () => {
    let mergedRuns = 0;
    for (const { women, r, what } of randomCohorts(1405, 40)) {
      const areas = groupWomen(women, 'area');
      const s = cohortTables(women, areas, 'area', r).summary;
      const total = s[s.length - 1].shown.engaged;
      const links = { perGroup: areas.map((g) => s.find((x) => x.label === g.key)?.shown.engaged), total, areaOfGroup: areas.map((g) => g.key), areaShown: Object.fromEntries(s.map((x) => [x.label, x.shown.engaged])) };
      const none = coarsenedSupportShares(ws, groupWomen(women, 'none'), r, { perGroup: [total], total }, false, false);
      const byArea = coarsenedSupportShares(ws, areas, r, links, true, false);
      const merged = coarsenedSupportShares(ws, areas, r, links, true, true);
      const other = merged.rows.find((x) => x.label === 'Other areas');
      if (other) mergedRuns++;
      const t = clampThreshold(r.threshold);
      byArea.categories.forEach((c, j) => {
        const counts = byArea.rows.map((x) => x.counts[j]);
        const values = [...counts, counts.reduce((a, b) => a + b, 0)];
        const hidden = [...byArea.rows.map((x) => isSuppressed(x.shown[j])), isSuppressed(none.rows[0].shown[none.categories.findIndex((k) => k.code === c.code)])];
        const constraints: SumConstraint[] = [{ parts: counts.map((_, i) => i), total: counts.length }];
        // Areas kept beside "Other areas" show as they do without it.
        for (const x of merged.rows) if (x !== other) expect(isSuppressed(x.shown[j]), `${what}: ${x.label} ${c.label}`).toBe(isSuppressed(byArea.rows.find((y) => y.label === x.label)!.shown[j]));
        const parts = byArea.rows.flatMap((x, i) => (merged.rows.some((y) => y.label === x.label) ? [] : [i]));
        expectNothingRecoverable(values, hidden, constraints, other ? { parts, value: other.counts[j], hidden: isSuppressed(other.shown[j]) } : null, t, `${what}: ${c.label}`);
      });
    }
    expect(mergedRuns).toBeGreaterThan(0);
  });
});

describe('outcome scores across views: property test on random cohorts', () => {
  it('no number of women scored of 1 to the threshold shows, or follows from the ungrouped view, the view by area and the view with "Other areas" together', () => {
    let mergedRuns = 0;
    for (const { women, r, what } of randomCohorts(1406, 40)) {
      const areas = groupWomen(women, 'area');
      const none = coarsenedOutcomes(ws, groupWomen(women, 'none'), r, 'none');
      const byArea = coarsenedOutcomes(ws, areas, r, 'area');
      const merged = coarsenedOutcomes(ws, areas, r, 'area', true);
      const other = merged.groups.find((g) => g.label === 'Other areas');
      if (other) mergedRuns++;
      const t = clampThreshold(r.threshold);
      for (const d0 of none.groups[0]?.domains ?? []) {
        const domains = byArea.groups.map((g) => g.domains.find((d) => d.key === d0.key));
        const values = [...domains.map((d) => d?.women ?? 0), d0.women];
        const hidden = [...domains.map((d) => (d ? isSuppressed(d.womenShown!) : false)), isSuppressed(d0.womenShown!)];
        const constraints: SumConstraint[] = [{ parts: domains.map((_, i) => i), total: domains.length }];
        const od = other?.domains.find((d) => d.key === d0.key);
        const parts = byArea.groups.flatMap((g, i) => (merged.groups.some((m) => m.label === g.label) ? [] : [i]));
        expectNothingRecoverable(values, hidden, constraints, other ? { parts, value: od?.women ?? 0, hidden: od ? isSuppressed(od.womenShown!) : false } : null, t, `${what}: ${d0.label}`);
      }
    }
    expect(mergedRuns).toBeGreaterThan(0);
  });
});
