import { describe, expect, it } from 'vitest';
import { buildWorkingSet } from '../../../src/data/working-set';
import { DEFAULT_DEFINITIONS } from '../../../src/model/definitions';
import { cohortWomen } from '../../../src/model/cohort/cohort-women';
import { cohortSummary } from '../../../src/model/cohort/cohort-summary';
import { dataEndDay } from '../../../src/model/cohort/incident-rates';
import { cohortTrends, quarterOfKey, quartersBetween } from '../../../src/model/cohort/trends';
import { cellText, determinedEntries, isSuppressed, valueOf, type Cell } from '../../../src/model/disclosure';
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
