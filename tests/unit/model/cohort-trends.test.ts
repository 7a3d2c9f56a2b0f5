import { describe, expect, it } from 'vitest';
import { buildWorkingSet } from '../../../src/data/working-set';
import { DEFAULT_DEFINITIONS } from '../../../src/model/definitions';
import { cohortWomen } from '../../../src/model/cohort/cohort-women';
import { cohortSummary } from '../../../src/model/cohort/cohort-summary';
import { dataEndDay } from '../../../src/model/cohort/incident-rates';
import { cohortTrends, quarterOfKey, quartersBetween, type Trends } from '../../../src/model/cohort/trends';
import { cellText, clampThreshold, determinedEntries, isSuppressed, valueOf, type Cell, type DisclosureRule, type SumConstraint } from '../../../src/model/disclosure';
import { mulberry32 as rng } from '../../../sample-data/mulberry32';
import { rateInterval, wilson } from '../../../src/model/stats/intervals';
import { day, makeBlock, type RowInput } from '../db/helpers';
import { sampleWorkingSet } from './section4-sample';

const engaged = { engagement_modus: 'engaged', engagement_police: 'engaged' };
const notEngaged = { engagement_modus: 'none', engagement_police: 'not_engaged' };
const CASES: RowInput[] = [
  { case_id: 'A1', area: 'A', referral_date: '2014-01-10', closure_date: '2014-05-02', closure_reason: 'goals_met', ...engaged },
  { case_id: 'A2', area: 'A', referral_date: '2014-02-20', ...notEngaged },
  { case_id: 'A3', area: 'A', referral_date: '2014-04-15', closure_date: '2014-04-30', closure_reason: 'declined', ...engaged },
  { case_id: 'B1', area: 'B', referral_date: '2014-03-31', closure_date: '2014-07-01', ...engaged },
  { case_id: 'B2', area: 'B', referral_date: '2014-05-05' },
];
const INCIDENTS: RowInput[] = [
  { incident_id: 'I1', case_id: 'A1', date: '2014-02-01', kind: 'domestic_incident' },
  { incident_id: 'I2', case_id: 'A1', date: '2014-06-01', kind: 'crime' },
  { incident_id: 'I3', case_id: 'B1', date: '2013-12-01', kind: 'domestic_incident' },
  // The latest date of the data: 30 September 2014.
  { incident_id: 'I4', case_id: 'B2', date: '2014-09-30', kind: 'domestic_incident' },
];
const ws = buildWorkingSet([makeBlock('cases', CASES), makeBlock('incidents', INCIDENTS)]);
const women = cohortWomen(ws, DEFAULT_DEFINITIONS);
const end = dataEndDay(ws);
const texts = (cells: readonly Cell[]) => cells.map((c) => cellText(c));

describe('quarters', () => {
  it('are calendar quarters with their first and last days', () => {
    const q = quarterOfKey(2014 * 4 + 3);
    expect([q.label, q.short, q.start, q.end]).toEqual(['Oct–Dec 2014', 'Q4 2014', day('2014-10-01'), day('2014-12-31')]);
    expect(quartersBetween(day('2013-12-31'), day('2014-01-01')).map((x) => x.label)).toEqual(['Oct–Dec 2013', 'Jan–Mar 2014']);
  });
});

describe('trends of a small cohort, worked by hand', () => {
  const t = cohortTrends(ws, women, end, null);

  it('counts referrals, cases open at each quarter end and closures by area and reason', () => {
    expect(end).toBe(day('2014-09-30'));
    expect(t.quarters.map((q) => q.label)).toEqual(['Jan–Mar 2014', 'Apr–Jun 2014', 'Jul–Sep 2014']);
    expect(t.referrals.cells).toEqual([
      [2, 1, 0],
      [1, 1, 0],
    ]);
    expect(texts(t.referrals.colTotals)).toEqual(['3', '2', '0']);
    // 31 March: A1, A2 and B1 open; 30 June: A2, B1, B2; 30 September: A2, B2.
    expect(t.open.cells).toEqual([
      [2, 1, 1],
      [1, 2, 1],
    ]);
    expect(t.closuresByArea.cells).toEqual([
      [0, 2, 0],
      [0, 0, 1],
    ]);
    expect(t.closuresByReason.rowLabels).toEqual(['Goals met', 'Declined', 'Reason not recorded']);
    expect(t.closuresByReason.cells).toEqual([
      [0, 1, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expect(texts(t.closuresByReason.totals)).toEqual(['0', '2', '1']);
  });

  it('gives the share engaged per quarter of referral with its Wilson interval', () => {
    // Jan–Mar: A1 and B1 of A1, A2, B1; Apr–Jun: A3 of A3 and B2 (not known); Jul–Sep: nobody referred.
    expect(t.engaged.map((e) => valueOf(e.estimate.value))).toEqual([(100 * 2) / 3, 50, null]);
    const w = wilson(2, 3)!;
    expect(t.engaged[0].estimate.interval).toEqual({ estimate: 100 * w.estimate, lower: 100 * w.lower, upper: 100 * w.upper });
    expect(t.engaged[2].estimate.interval).toBeNull();
  });

  it('gives police incidents per woman per 30 days after referral by quarter of referral, over pooled days', () => {
    // Jan–Mar: A1's two incidents after referral over 264 + 223 + 184 days (A1, A2, B1 to 30 September).
    const r = t.incidentsAfter[0].estimate;
    expect(valueOf(r.value)).toBeCloseTo((30 * 2) / (264 + 223 + 184), 12);
    expect(r.interval).toEqual(rateInterval(2, 264 + 223 + 184));
    // Apr–Jun: B2's incident on the last day, over A3's 169 and B2's 149 days.
    expect(valueOf(t.incidentsAfter[1].estimate.value)).toBeCloseTo(30 / (169 + 149), 12);
  });

  it('hides every count from 1 to the threshold in share mode, and every share and rate over fewer than 10 women', () => {
    const s = cohortTrends(ws, women, end, { threshold: 4 }, cohortSummary(women, { threshold: 4 }));
    const all = [...s.referrals.shown.flat(), ...s.referrals.colTotals, ...s.open.shown.flat(), ...s.open.totals, ...s.closuresByArea.shown.flat(), ...s.closuresByReason.shown.flat()];
    // Every count of this cohort is 0 to 4: the zeros show, the rest are hidden.
    for (const c of all) expect(valueOf(c) === 0 || isSuppressed(c)).toBe(true);
    expect(all.filter(isSuppressed).length).toBeGreaterThan(0);
    expect(s.engaged.every((e) => isSuppressed(e.estimate.value) || valueOf(e.estimate.value) === null)).toBe(true);
    expect(s.engaged.every((e) => e.estimate.interval === null)).toBe(true);
    expect(s.incidentsAfter.every((e) => e.estimate.interval === null)).toBe(true);
  });
});

describe('trends on the sample in share mode', () => {
  const sample = sampleWorkingSet();
  const all = cohortWomen(sample, DEFAULT_DEFINITIONS);
  const rule = { threshold: 9 };
  const summary = cohortSummary(all, rule);
  const t = cohortTrends(sample, all, dataEndDay(sample), rule, summary);

  it('shows the quarters with more than 9 referrals and keeps the summary area totals as the summary shows them', () => {
    expect(texts(t.referrals.colTotals)).toEqual(['[c]', '15', '21', '19', '16', '19', '12', '[c]']);
    expect(texts(t.referrals.rowTotals)).toEqual(summary.slice(0, 3).map((r) => cellText(r.shown.referred)));
    expect(cellText(t.referrals.grandTotal)).toBe('111');
  });

  it('leaves no hidden count of a quarter table that its totals give away', () => {
    for (const table of [t.open, t.closuresByArea]) {
      const Q = t.quarters.length;
      const R = table.cells.length;
      // Entries: the cells row by row, then the quarter totals.
      const hidden = [...table.shown.flat().map(isSuppressed), ...table.totals.map(isSuppressed)];
      const constraints = Array.from({ length: Q }, (_, q) => ({ parts: Array.from({ length: R }, (_, r) => r * Q + q), total: R * Q + q }));
      expect(determinedEntries(hidden.length, constraints, hidden).some((d, i) => d && hidden[i])).toBe(false);
    }
  });

  it('coarsens the share engaged into half-years, where 1 of 8 quarters showed a share and now 2 of 5 half-years do, and says so', () => {
    const quarterly = cohortTrends(sample, all, dataEndDay(sample), null);
    expect(quarterly.engaged).toHaveLength(8);
    expect(t.engagedCoarsened.map((s) => s.id)).toEqual(['half-years']);
    expect(t.engaged.map((e) => e.quarter.label)).toEqual(['Jul–Dec 2013', 'Jan–Jun 2014', 'Jul–Dec 2014', 'Jan–Jun 2015', 'Jul–Dec 2015']);
    expect(t.engaged.map((e) => e.quarter.short)).toEqual(['H2 2013', 'H1 2014', 'H2 2014', 'H1 2015', 'H2 2015']);
    expect(t.engaged.map((e) => cellText(e.women))).toEqual(['[c]', '36', '35', '31', '[c]']);
    // 17 of 36 and 14 of 35 engaged; 1 of 3, 6 of 31 and 0 of 6 stay hidden (their counts, or their women, are 1 to 9).
    expect(t.engaged.map((e) => valueOf(e.estimate.value))).toEqual([null, (100 * 17) / 36, 40, null, null]);
    const w = wilson(17, 36)!;
    expect(t.engaged[1].estimate.interval).toEqual({ estimate: 100 * w.estimate, lower: 100 * w.lower, upper: 100 * w.upper });
    // Without share mode, quarters.
    expect(quarterly.engagedCoarsened).toEqual([]);
  });

  it('gives incident rates with intervals where at least 10 women were referred in the quarter', () => {
    for (const e of t.incidentsAfter) {
      const n = valueOf(e.women);
      if (n !== null && n >= 10) expect(e.estimate.interval).not.toBeNull();
      else expect(e.estimate.interval).toBeNull();
    }
  });
});

describe('a period with no referrals', () => {
  it('has no quarters and nothing to publish', () => {
    const t = cohortTrends(ws, [], end, { threshold: 9 });
    expect(t.quarters).toEqual([]);
    expect(t.engaged).toEqual([]);
    expect(t.incidentsAfter).toEqual([]);
  });
});

/**
 * The published system of the share engaged: each quarter's women (the referrals table), all
 * referred, all engaged (the summary) and all not engaged, and per period its women, engaged
 * and not engaged. A share shown with its women tells the engaged and not engaged exactly.
 */
function engagedSystem(t: Trends, nByQ: number[], eByQ: number[], engagedTotal: Cell) {
  const values: number[] = [];
  const hidden: boolean[] = [];
  const add = (v: number, h: boolean) => (hidden.push(h), values.push(v) - 1);
  const constraints: SumConstraint[] = [];
  const qAt = nByQ.map((n, q) => add(n, isSuppressed(t.referrals.colTotals[q])));
  const N = nByQ.reduce((a, b) => a + b, 0);
  const E = eByQ.reduce((a, b) => a + b, 0);
  const grand = add(N, isSuppressed(t.referrals.grandTotal));
  const eAll = add(E, isSuppressed(engagedTotal));
  const notAll = add(N - E, true);
  constraints.push({ parts: qAt, total: grand }, { parts: [eAll, notAll], total: grand });
  const es: number[] = [];
  const nots: number[] = [];
  for (const p of t.engaged) {
    const ix = t.quarters.flatMap((q, i) => (q.start >= p.quarter.start && q.end <= p.quarter.end ? [i] : []));
    const n = ix.reduce((a, i) => a + nByQ[i], 0);
    const e = ix.reduce((a, i) => a + eByQ[i], 0);
    const nAt = add(n, isSuppressed(p.women));
    constraints.push({ parts: ix.map((i) => qAt[i]), total: nAt });
    const told = n === 0 || !isSuppressed(p.estimate.value);
    es.push(add(e, !told));
    nots.push(add(n - e, !told));
    constraints.push({ parts: [es[es.length - 1], nots[nots.length - 1]], total: nAt });
  }
  constraints.push({ parts: es, total: eAll }, { parts: nots, total: notAll });
  return { values, hidden, constraints };
}

describe('the share engaged coarsened with suppression: property test on random cohorts', () => {
  it('no engaged, not engaged or referred count from 1 to the threshold is shown or follows from what is, at any threshold from 4 to 20, rounding on and off', () => {
    const sample = sampleWorkingSet();
    const everyone = cohortWomen(sample, DEFAULT_DEFINITIONS);
    const end = dataEndDay(sample);
    const next = rng(1404);
    let coarsened = 0;
    for (let run = 0; run < 60; run++) {
      const women = everyone.filter(() => next() < 0.2 + 0.8 * next());
      const rule: DisclosureRule = { threshold: 4 + Math.floor(next() * 17), ...(next() < 0.5 ? { rounding: next() < 0.5 ? 5 : 10 } : {}) };
      const summary = cohortSummary(women, rule);
      const t = cohortTrends(sample, women, end, rule, summary);
      const plain = cohortTrends(sample, women, end, null);
      const nByQ = plain.engaged.map((e) => valueOf(e.women)!);
      const eByQ = plain.engaged.map((e) => Math.round(((valueOf(e.estimate.value) ?? 0) * valueOf(e.women)!) / 100));
      if (t.engagedCoarsened.length) coarsened++;
      const { values, hidden, constraints } = engagedSystem(t, nByQ, eByQ, summary[summary.length - 1].shown.engaged);
      const determined = determinedEntries(values.length, constraints, hidden);
      const what = `run ${run}: ${women.length} women, threshold ${rule.threshold}, rounding ${rule.rounding ?? 'off'}, ${t.engagedCoarsened.map((s) => s.id).join('+') || 'quarters'}`;
      values.forEach((v, i) => {
        if (v >= 1 && v <= clampThreshold(rule.threshold)) {
          expect(hidden[i], `${what}: entry ${i} (${v}) shown`).toBe(true);
          expect(determined[i], `${what}: entry ${i} (${v}) can be worked out`).toBe(false);
        }
      });
      // A share is shown only over 10 women or more, with its women shown (rounded when asked).
      for (const e of t.engaged) {
        if (valueOf(e.estimate.value) === null) continue;
        expect(valueOf(e.women)).toBeGreaterThanOrEqual(10);
        if (rule.rounding) expect(valueOf(e.women)! % rule.rounding).toBe(0);
      }
    }
    expect(coarsened).toBeGreaterThan(0);
  });
});
