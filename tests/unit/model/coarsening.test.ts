/**
 * Share mode that coarsens before it hides (issue 14, point 1): the threshold and rounding rules,
 * the coarsening ladder, and property tests over random cohorts drawn from the sample (random
 * women, groupings and filters, thresholds 4 to 20, rounding on and off) showing that no hidden
 * count can be worked out from what a coarsened chart shows, its totals and the unfiltered view.
 */
import { describe, expect, it } from 'vitest';
import {
  checkRoundingBase,
  checkThreshold,
  clampThreshold,
  coarsenUntilShown,
  countCell,
  determinedEntries,
  isSuppressed,
  percentCell,
  primaryCount,
  roundCount,
  valueOf,
  type Cell,
  type DisclosureRule,
  type SumConstraint,
} from '../../../src/model/disclosure';
import { DEFAULT_DEFINITIONS } from '../../../src/model/definitions';
import { cohortWomen, type CohortWoman } from '../../../src/model/cohort/cohort-women';
import { groupWomen, type Grouping } from '../../../src/model/cohort/cohort-query';
import { coarsenedRiskMix, mixHiddenShare, type CoarsenedRiskMix } from '../../../src/model/cohort/risk-mix';
import { coarsenedTransitions, type PublishedTable } from '../../../src/model/cohort/aggregates';
import { coarsenedOutcomes, outcomeChange, outcomesHiddenShare } from '../../../src/model/cohort/outcome-change';
import { dataEndDay } from '../../../src/model/cohort/incident-rates';
import { mulberry32 as rng } from '../../../sample-data/mulberry32';
import { sampleWorkingSet } from './section4-sample';

describe('share mode: threshold and rounding as the user types them', () => {
  it.each(['3', '100', '4.5', '', 'nine', '-9', '1e3'])('refuses the threshold %j with a message', (v) => {
    const c = checkThreshold(v);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.message).toBe(`The threshold must be a whole number from 4 to 99; "${v}" was not applied.`);
  });

  it.each([
    ['4', 4],
    [' 9 ', 9],
    ['99', 99],
  ])('takes the threshold %j', (v, want) => expect(checkThreshold(v)).toEqual({ ok: true, value: want }));

  it('clamps a stored threshold to 4 to 99 (no longer up to 1000)', () => {
    expect(clampThreshold(1000)).toBe(99);
    expect(clampThreshold(2)).toBe(4);
  });

  it.each(['0', '1', '2', '7', '25', '', 'five', '5.5'])('refuses the rounding base %j with a message', (v) => {
    const c = checkRoundingBase(v);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.message).toBe(`Counts can be rounded to the nearest 5 or 10 only; "${v}" was not applied.`);
  });

  it('takes 5 and 10', () => {
    expect(checkRoundingBase('5')).toEqual({ ok: true, value: 5 });
    expect(checkRoundingBase(10)).toEqual({ ok: true, value: 10 });
  });

  it('rounds shown counts to the nearest base (halves up), hides small ones first, and works shares out from the rounded counts', () => {
    expect([0, 2, 3, 12, 13, 111].map((v) => roundCount(v, 5))).toEqual([0, 0, 5, 10, 15, 110]);
    expect(roundCount(15, 10)).toBe(20);
    const rule: DisclosureRule = { threshold: 9, rounding: 5 };
    expect(countCell(111, false, rule)).toEqual({ value: 110 });
    expect(countCell(7, true, rule)).toEqual({ suppressed: true, reason: 'small_count' });
    expect(primaryCount(12, rule)).toEqual({ value: 10 });
    expect(primaryCount(0, rule)).toEqual({ value: 0 });
    // 13 of 111: 15 of 110 shown, so 13.6%, not 11.7%.
    expect(valueOf(percentCell(13, 111, false, rule))).toBeCloseTo((100 * 15) / 110, 9);
    expect(valueOf(percentCell(13, 111, false, { threshold: 9 }))).toBeCloseTo((100 * 13) / 111, 9);
  });
});

describe('coarsening: the ladder', () => {
  it('takes no step when nothing is hidden, stops at the first step that hides nothing, and otherwise takes the step hiding least', () => {
    const seen: number[] = [];
    const build = (shares: number[]) => (step: number) => (seen.push(step), shares[step]);
    expect(coarsenUntilShown(3, build([0, 0.5, 0, 0]), (x) => x)).toEqual({ step: 0, table: 0 });
    seen.length = 0;
    expect(coarsenUntilShown(3, build([0.6, 0.3, 0, 0]), (x) => x)).toEqual({ step: 2, table: 0 });
    expect(seen).toEqual([0, 1, 2]);
    // A step that helps nothing is not taken; a later, better one is.
    expect(coarsenUntilShown(3, build([0.6, 0.7, 0.4, 0.5]), (x) => x)).toEqual({ step: 2, table: 0.4 });
    expect(coarsenUntilShown(3, build([0.6, 0.7, 0.8, 0.9]), (x) => x)).toEqual({ step: 0, table: 0.6 });
  });
});

const ws = sampleWorkingSet();
const end = dataEndDay(ws);
const all = cohortWomen(ws, DEFAULT_DEFINITIONS);
const GROUPINGS: Grouping[] = ['none', 'area', 'complex', 'area_complex', 'engagement'];

/** No hidden entry can be solved for from the entries shown and the sums that tie them. */
function noneDetermined(values: number[], hidden: boolean[], constraints: SumConstraint[], what: string) {
  const determined = determinedEntries(values.length, constraints, hidden);
  for (let i = 0; i < values.length; i++) if (hidden[i]) expect(determined[i], `${what}: entry ${i} (${values[i]}) can be worked out`).toBe(false);
}

function checkRounded(cell: Cell, rule: DisclosureRule, what: string) {
  const v = valueOf(cell);
  if (rule.rounding && v !== null) expect(v % rule.rounding, `${what}: ${v} is not rounded to ${rule.rounding}`).toBe(0);
}

/** Within each column the levels sum to n: nothing hidden follows from what is shown; 1 to the threshold women are always hidden. */
function checkMix(mix: CoarsenedRiskMix, rule: DisclosureRule, what: string) {
  const t = clampThreshold(rule.threshold);
  for (const g of mix.groups)
    for (const c of g.columns) {
      const L = c.counts.length;
      const cells = [...c.shownCounts, c.shownN];
      const hidden = cells.map(isSuppressed);
      noneDetermined([...c.counts, c.n], hidden, [{ parts: c.counts.map((_, i) => i), total: L }], `${what} ${g.label} ${c.label}`);
      c.womenBehind.forEach((w, i) => {
        if (w >= 1 && w <= t) expect(hidden[i], `${what} ${g.label} ${c.label}: ${w} women shown`).toBe(true);
      });
      cells.forEach((cell) => checkRounded(cell, rule, what));
      // A share is shown only with its count and n, over 10 women or more.
      c.shownShares.forEach((s, i) => {
        if (valueOf(s) !== null) expect(!hidden[i] && !hidden[L] && c.womenBehind[L] >= 10, `${what} ${g.label} ${c.label} share ${i}`).toBe(true);
      });
    }
}

function checkTable(t: PublishedTable, rule: DisclosureRule, grandLocked: boolean, what: string) {
  const R = t.rowLabels.length;
  const C = t.colLabels.length;
  const at = (r: number, c: number) => r * (C + 1) + c;
  const values: number[] = [];
  const hidden: boolean[] = [];
  for (let r = 0; r <= R; r++)
    for (let c = 0; c <= C; c++) {
      const cell = r < R && c < C ? t.shown[r][c] : r < R ? t.rowTotals[r] : c < C ? t.colTotals[c] : t.grandTotal;
      const v =
        r < R && c < C ? t.cells[r][c]
        : r < R ? t.cells[r].reduce((a, b) => a + b, 0)
        : c < C ? t.cells.reduce((a, row) => a + row[c], 0)
        : t.cells.flat().reduce((a, b) => a + b, 0);
      values.push(v);
      hidden.push(isSuppressed(cell));
      checkRounded(cell, rule, what);
      if (v >= 1 && v <= clampThreshold(rule.threshold)) expect(isSuppressed(cell), `${what}: ${v} shown`).toBe(true);
    }
  const constraints: SumConstraint[] = [];
  for (let r = 0; r <= R; r++) constraints.push({ parts: Array.from({ length: C }, (_, c) => at(r, c)), total: at(r, C) });
  for (let c = 0; c <= C; c++) constraints.push({ parts: Array.from({ length: R }, (_, r) => at(r, c)), total: at(R, c) });
  noneDetermined(values, hidden, constraints, what);
  if (grandLocked) expect(hidden[at(R, C)]).toBe(false);
}

describe('coarsening with suppression: property tests on random cohorts', () => {
  it('risk mix: every step keeps 1 to the threshold women hidden, nothing hidden follows from a column, counts rounded when asked', () => {
    const next = rng(1401);
    for (let run = 0; run < 40; run++) {
      const women = all.filter(() => next() < 0.3 + 0.7 * next());
      const grouping = GROUPINGS[Math.floor(next() * GROUPINGS.length)];
      const rule: DisclosureRule = { threshold: 4 + Math.floor(next() * 17), ...(next() < 0.5 ? { rounding: next() < 0.5 ? 5 : 10 } : {}) };
      const alignment = next() < 0.7 ? 'referral' : 'calendar';
      const groups = groupWomen(women, grouping);
      const what = `run ${run}: ${women.length} women by ${grouping}, ${alignment}, threshold ${rule.threshold}, rounding ${rule.rounding ?? 'off'}`;
      const chosen = coarsenedRiskMix(ws, groups, DEFAULT_DEFINITIONS, alignment, end, rule);
      checkMix(chosen, rule, what);
      for (let step = 0; step <= 3; step++) {
        const m = coarsenedRiskMix(ws, groups, DEFAULT_DEFINITIONS, alignment, end, rule, null, step);
        checkMix(m, rule, `${what}, step ${step}`);
        // The chart takes the step that hides the smallest share of cells (the first, of equals).
        if (step < chosen.step) expect(mixHiddenShare(m)).toBeGreaterThan(0);
        expect(mixHiddenShare(chosen)).toBeLessThanOrEqual(mixHiddenShare(m) + (step < chosen.step ? 0 : 1e-12));
      }
    }
  });

  it('risk mix, filtered beside unfiltered: every cell shown differs from the unfiltered cell by 0 women (and that one is shown) or by more than the threshold', () => {
    const next = rng(1402);
    const areas = [...new Set(all.map((w) => w.area))];
    const filters: [string, (w: CohortWoman) => boolean][] = [
      ['complex', (w) => w.complex],
      ['not complex', (w) => !w.complex],
      ['engaged', (w) => w.engagement === 'engaged'],
      ['high at referral', (w) => w.riskAtReferral === 'high'],
      ['one area', (w) => w.area === areas[0]],
      ['half', () => next() < 0.5],
      ['most', () => next() < 0.9],
    ];
    for (let run = 0; run < 40; run++) {
      const [name, keep] = filters[run % filters.length];
      const filtered = all.filter(keep);
      const grouping = GROUPINGS[Math.floor(next() * GROUPINGS.length)];
      const rule: DisclosureRule = { threshold: 4 + Math.floor(next() * 17), ...(next() < 0.5 ? { rounding: 5 as const } : {}) };
      const alignment = next() < 0.7 ? 'referral' : 'calendar';
      const unfilteredGroups = groupWomen(all, grouping);
      const mix = coarsenedRiskMix(ws, groupWomen(filtered, grouping), DEFAULT_DEFINITIONS, alignment, end, rule, unfilteredGroups);
      const what = `run ${run}: ${name} by ${grouping}, ${alignment}, threshold ${rule.threshold}`;
      checkMix(mix, rule, what);
      // The unfiltered view at the same step, as it would be shown.
      const versus = coarsenedRiskMix(ws, unfilteredGroups, DEFAULT_DEFINITIONS, alignment, end, rule, null, mix.step);
      const t = clampThreshold(rule.threshold);
      for (const g of mix.groups) {
        const u = versus.groups.find((x) => x.label === g.label)!;
        g.columns.forEach((c, ci) => {
          const uc = u.columns[ci];
          expect(uc.label).toBe(c.label);
          [...c.shownCounts, c.shownN].forEach((cell, i) => {
            if (isSuppressed(cell)) return;
            const d = uc.womenBehind[i] - c.womenBehind[i];
            expect(d === 0 || d > t, `${what} ${g.label} ${c.label} entry ${i}: ${d} women apart`).toBe(true);
            if (d === 0 && c.womenBehind[i] > 0) expect(isSuppressed([...uc.shownCounts, uc.shownN][i]), `${what} ${g.label} ${c.label} entry ${i}`).toBe(false);
          });
        });
      }
    }
  });

  it('risk mix by area, small areas merged only with leave: "Other areas" holds the areas merged, hides less, and keeps every property', () => {
    const next = rng(1404);
    let merged = 0;
    for (let run = 0; run < 30; run++) {
      const women = all.filter(() => next() < 0.3 + 0.7 * next());
      const rule: DisclosureRule = { threshold: 4 + Math.floor(next() * 17), ...(next() < 0.5 ? { rounding: 5 as const } : {}) };
      const groups = groupWomen(women, 'area');
      const without = coarsenedRiskMix(ws, groups, DEFAULT_DEFINITIONS, 'referral', end, rule);
      const withLeave = coarsenedRiskMix(ws, groups, DEFAULT_DEFINITIONS, 'referral', end, rule, null, undefined, true);
      expect(without.groups.map((g) => g.label)).not.toContain('Other areas');
      checkMix(withLeave, rule, `run ${run}, threshold ${rule.threshold}`);
      const other = withLeave.groups.find((g) => g.label === 'Other areas');
      if (!other) {
        expect(withLeave).toEqual(without);
        continue;
      }
      merged++;
      expect(withLeave.coarsened.map((x) => x.id)).toContain('other-areas');
      expect(mixHiddenShare(withLeave)).toBeLessThan(mixHiddenShare(without));
      const kept = new Set(withLeave.groups.map((g) => g.label));
      const inOther = groups.filter((g) => !kept.has(g.label));
      expect(inOther.length).toBeGreaterThanOrEqual(2);
      expect(other.columns[0].womenBehind.at(-1)).toBe(inOther.reduce((a, g) => a + g.women.filter((w) => w.referral !== null && w.referral <= end!).length, 0));
    }
    expect(merged).toBeGreaterThan(0);
  });

  it('outcome scores: the step chosen from the counts alone is the one their medians would choose', () => {
    const next = rng(1407);
    const pools = [1, 3, 6] as const;
    for (let run = 0; run < 20; run++) {
      const women = all.filter(() => next() < 0.3 + 0.7 * next());
      const grouping = GROUPINGS[Math.floor(next() * GROUPINGS.length)];
      const r: DisclosureRule = { threshold: 4 + Math.floor(next() * 17) };
      const groups = groupWomen(women, grouping);
      const chosen = coarsenedOutcomes(ws, groups, r, grouping);
      const byMedians = coarsenUntilShown(2, (step) => outcomeChange(ws, groups, true, 12, pools[step]), outcomesHiddenShare);
      expect(chosen.coarsened.map((s) => s.id), `run ${run} by ${grouping}`).toEqual([[], ['quarters'], ['half-years']][byMedians.step]);
      expect(chosen.groups.map((g) => g.domains.map((d) => [d.key, d.changeMedian, d.byMonth.map((m) => m.median)]))).toEqual(
        byMedians.table.map((g) => g.domains.map((d) => [d.key, d.changeMedian, d.byMonth.map((m) => m.median)])),
      );
    }
  });

  it('risk transitions: coarsened or not, no hidden cell follows from the margins and the grand total shown in the summary', () => {
    const next = rng(1403);
    for (let run = 0; run < 60; run++) {
      const women = all.filter(() => next() < 0.2 + 0.8 * next());
      const rule: DisclosureRule = { threshold: 4 + Math.floor(next() * 17), ...(next() < 0.5 ? { rounding: next() < 0.5 ? 5 : 10 } : {}) };
      const grand = countCell(women.length, false, rule);
      const { table, coarsened } = coarsenedTransitions(ws, women, DEFAULT_DEFINITIONS, rule, grand);
      checkTable(table, rule, true, `run ${run}: ${women.length} women, threshold ${rule.threshold}, ${coarsened.map((s) => s.id).join('+') || 'not coarsened'}`);
      expect(table.rowLabels.length).toBe([4, 3, 1][coarsened.length]);
    }
  });
});

describe('coarsening on the sample, share mode at threshold 9', () => {
  const rule: DisclosureRule = { threshold: 9 };
  const visibleShare = (mix: CoarsenedRiskMix) => {
    // Columns with anyone followed (a calendar month before a group's first referral has nothing to show).
    const cols = mix.groups.flatMap((g) => g.columns).filter((c) => c.n > 0);
    return cols.filter((c) => c.shares.some((s) => s !== null)).length / cols.length;
  };

  it('by area: 2 of the 39 monthly columns showed every share; coarsened into quarters and "medium or high", at least half the columns show values', () => {
    const groups = groupWomen(all, 'area');
    const months = coarsenedRiskMix(ws, groups, DEFAULT_DEFINITIONS, 'referral', end, rule, null, 0);
    expect(months.groups.flatMap((g) => g.columns).filter((c) => c.shares.every((s) => s !== null))).toHaveLength(2);
    const mix = coarsenedRiskMix(ws, groups, DEFAULT_DEFINITIONS, 'referral', end, rule);
    expect(mix.coarsened.map((s) => s.id)).toEqual(['quarters', 'medium-or-high']);
    expect(mix.groups[0].columns.map((c) => c.label)).toEqual(['Months 0–2', 'Months 3–5', 'Months 6–8', 'Months 9–11', 'Month 12']);
    expect(mix.levels.map((l) => l.label)).toEqual(['Standard', 'Medium or high', 'Not assessed']);
    expect(visibleShare(mix)).toBeGreaterThanOrEqual(0.5);
  });

  it.each(GROUPINGS)('grouped by %s, by either time axis, at least half the risk-mix columns show values', (grouping) => {
    for (const alignment of ['referral', 'calendar'] as const) {
      const mix = coarsenedRiskMix(ws, groupWomen(all, grouping), DEFAULT_DEFINITIONS, alignment, end, rule);
      expect(visibleShare(mix), `${alignment}`).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('outcome scores by area: County North and County South showed no median; with the user\'s leave they show together as "Other areas", pooled into half-years', () => {
    const groups = groupWomen(all, 'area');
    const shows = (g: { domains: { change: Cell; byMonth: { median: number | null }[] }[] }) => g.domains.some((d) => valueOf(d.change) !== null || d.byMonth.some((m) => m.median !== null));
    // By month, as before: only City shows a median.
    expect(outcomeChange(ws, groups, true).map(shows)).toEqual([true, false, false]);
    // Pooling months cannot help an area with fewer than 10 women scored: it is still City alone.
    const pooled = coarsenedOutcomes(ws, groups, rule, 'area');
    expect(pooled.coarsened.map((s) => s.id)).toEqual(['half-years']);
    expect(pooled.groups.map(shows)).toEqual([true, false, false]);
    expect(pooled.groups[0].domains[0].byMonth.map((m) => [m.month, m.to])).toEqual([[0, 5], [6, 11], [12, 12]]);
    // Allowed to merge small areas: both groups show medians.
    const merged = coarsenedOutcomes(ws, groups, rule, 'area', true);
    expect(merged.coarsened.map((s) => s.id)).toEqual(['half-years', 'other-areas']);
    expect(merged.coarsened[1].label).toBe('County North and County South shown together as "Other areas", since each of their medians would be hidden');
    expect(merged.groups.map((g) => g.label)).toEqual(['City', 'Other areas']);
    expect(merged.groups.map(shows)).toEqual([true, true]);
    expect(merged.groups[1].domains[0].women).toBe(12);
    expect(outcomesHiddenShare(merged.groups)).toBeLessThan(outcomesHiddenShare(pooled.groups));
    // Every median shown stands on 10 women or more.
    for (const g of merged.groups) for (const d of g.domains) for (const m of d.byMonth) if (m.median !== null) expect(m.women).toBeGreaterThanOrEqual(10);
    // Without share mode: months, no merging.
    const open = coarsenedOutcomes(ws, groups, null, 'area', true);
    expect(open.coarsened).toEqual([]);
    expect(open.groups[0].domains[0].byMonth).toHaveLength(13);
  });

  it('risk transitions: coarsened to "medium or high", then summarised as lower, the same or higher, they show values', () => {
    const grand = countCell(all.length, false, rule);
    const { table, coarsened } = coarsenedTransitions(ws, all, DEFAULT_DEFINITIONS, rule, grand);
    expect(coarsened.map((s) => s.id)).toEqual(['medium-or-high', 'directions']);
    expect(table.colLabels).toEqual(['Lower', 'The same', 'Higher', 'Not assessed at referral or since']);
    const rows = table.shown.filter((row) => row.some((c) => !isSuppressed(c) && valueOf(c)! > 0));
    expect(rows.length).toBeGreaterThanOrEqual(table.rowLabels.length / 2);
  });
});
