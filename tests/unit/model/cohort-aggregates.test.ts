import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITIONS } from '../../../src/model/definitions';
import { cohortWomen } from '../../../src/model/cohort/cohort-women';
import { groupWomen } from '../../../src/model/cohort/cohort-query';
import { cjOutcomesByArea, needCombinations, publishCombinations, publishTable, riskTransitions, supportShares } from '../../../src/model/cohort/aggregates';
import { cellText, determinedEntries, formatPercent, isSuppressed, shown, suppressed, valueOf } from '../../../src/model/disclosure';
import { sampleWorkingSet } from './section4-sample';

const ws = sampleWorkingSet();
const women = cohortWomen(ws, DEFAULT_DEFINITIONS);

describe('cohort aggregates on the sample', () => {
  it('counts City crime outcomes as the report does', () => {
    const cj = cjOutcomesByArea(ws, women);
    const city = cj.cells[cj.areas.indexOf('City')];
    const byCode = Object.fromEntries(cj.outcomes.flatMap((o, i) => (city[i] ? [[o, city[i]]] : [])));
    expect(byCode).toEqual({ nfa: 125, charge_summons: 78, dvpn: 2, undetected: 2, caution: 1 });
  });

  it('keeps totals shown elsewhere, and hides cells so that they cannot be worked out from them', () => {
    const cj = cjOutcomesByArea(ws, women);
    const t = publishTable(cj.areas, cj.labels, cj.cells, { threshold: 9 }, { rowTotals: [shown(208), shown(104), shown(111)], grandTotal: shown(423) });
    expect(t.rowTotals.map((c) => cellText(c))).toEqual(['208', '104', '111']);
    for (let r = 0; r < cj.areas.length; r++) expect(t.shown[r].filter(isSuppressed).length).not.toBe(1);
  });

  it('puts every woman in exactly one risk transition cell and one needs combination', () => {
    const tr = riskTransitions(ws, women, DEFAULT_DEFINITIONS);
    expect(tr.cells.flat().reduce((a, b) => a + b, 0)).toBe(111);
    const combos = needCombinations(ws, women);
    expect(combos.reduce((a, c) => a + c.women, 0)).toBe(111);
    const published = publishCombinations(combos, { threshold: 9 }, shown(111));
    expect(published.reduce((a, c) => a + c.women, 0)).toBe(111);
    expect(published.filter((c) => isSuppressed(c.shown)).length).not.toBe(1);
  });

  it('gives support as a share of the 38 engaged women (section 4.4)', () => {
    const s = supportShares(ws, groupWomen(women, 'none'), null, { perGroup: [undefined], total: shown(38) });
    const housing = s.categories.findIndex((c) => c.code === 'housing');
    expect(s.rows[0].engaged).toBe(38);
    expect(s.rows[0].counts[housing]).toBe(20);
    expect(cellText(s.rows[0].percents[housing], formatPercent(1))).toBe('52.6%');
  });

  it('links the engaged n per group to the area totals when groups split areas', () => {
    const groups = groupWomen(women, 'area_complex');
    const areaShown = { City: shown(20), 'County North': suppressed('small_count'), 'County South': suppressed('small_count') };
    const s = supportShares(ws, groups, { threshold: 9 }, { perGroup: groups.map(() => undefined), total: shown(38), areaOfGroup: groups.map((g) => g.women[0].area), areaShown });
    for (const area of Object.keys(areaShown)) {
      const mine = s.rows.filter((_, i) => groups[i].women[0].area === area);
      if (!isSuppressed(areaShown[area as keyof typeof areaShown])) expect(mine.filter((r) => isSuppressed(r.engagedShown)).length).not.toBe(1);
    }
    expect(determinedEntries(1, [], [false])).toEqual([false]);
  });
});

describe('risk mix by month since referral', () => {
  it('counts every woman followed that far once per month, under the risk definition', async () => {
    const { riskMix } = await import('../../../src/model/cohort/risk-mix');
    const { dataEndDay } = await import('../../../src/model/cohort/incident-rates');
    const end = dataEndDay(ws);
    const [all] = riskMix(ws, groupWomen(women, 'none'), DEFAULT_DEFINITIONS, 'referral', end, null);
    expect(all.columns).toHaveLength(13);
    expect(all.columns[0].n).toBe(111);
    for (const c of all.columns) expect(c.counts.reduce((a, b) => a + b, 0)).toBe(c.n);
    expect(all.columns[12].n).toBeLessThan(111);
    // At referral, the level is the risk at referral.
    const atReferral = [0, 0, 0, 0];
    const order = ['standard', 'medium', 'high', 'not_assessed'];
    for (const w of women) atReferral[order.indexOf(w.riskAtReferral)]++;
    expect(all.columns[0].counts).toEqual(atReferral);
    const shared = riskMix(ws, groupWomen(women, 'area_complex'), DEFAULT_DEFINITIONS, 'referral', end, { threshold: 9 });
    for (const g of shared) for (const c of g.columns) {
      expect(c.shownCounts.filter(isSuppressed).length).not.toBe(1);
      for (const [i, s] of c.shownShares.entries()) if (isSuppressed(c.shownCounts[i])) expect(valueOf(s)).toBeNull();
      if (c.n < 10) expect(c.shares.every((s) => s === null)).toBe(true);
    }
  });
});

describe('outcome scores: distance travelled and median by month', () => {
  it('takes each woman first and latest score per tool and domain; hides medians over fewer than 10 women', async () => {
    const { outcomeChange, quantile } = await import('../../../src/model/cohort/outcome-change');
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([], 0.5)).toBeNull();
    const [all] = outcomeChange(ws, groupWomen(women, 'none'), true);
    expect(all.domains.length).toBeGreaterThan(0);
    for (const d of all.domains) {
      if (d.women < 10) expect([d.firstMedian, d.latestMedian, d.changeMedian]).toEqual([null, null, null]);
      for (const m of d.byMonth) if (m.women < 10) expect(m.median).toBeNull();
    }
    const open = outcomeChange(ws, groupWomen(women, 'area_complex'), false);
    expect(open.flatMap((g) => g.domains).every((d) => d.women === 0 || d.firstMedian !== null)).toBe(true);
  });
});
