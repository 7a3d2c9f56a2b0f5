import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITIONS } from '../../../src/model/definitions';
import { cohortWomen } from '../../../src/model/cohort/cohort-women';
import { groupWomen } from '../../../src/model/cohort/cohort-query';
import { dataEndDay, incidentRates, publishRates, type GroupIncidentRates } from '../../../src/model/cohort/incident-rates';
import { outcomeChange } from '../../../src/model/cohort/outcome-change';
import { riskMix } from '../../../src/model/cohort/risk-mix';
import { supportShares } from '../../../src/model/cohort/aggregates';
import { formatFixed, formatPercent, isPrimarySuppressed, isSuppressed, shown, suppressed, type Cell } from '../../../src/model/disclosure';
import { withInterval, intervalOf, cellIntervalText, boundValue, percentWithInterval } from '../../../src/model/interval-cells';
import { INTERVAL_METHODS, meanInterval, medianInterval, rateInterval, wilson } from '../../../src/model/stats/intervals';
import { section4Figures } from '../../../src/model/section4';
import { qualityReport } from '../../../src/model/quality/quality-report';
import { GLOSSARY } from '../../../src/domain/glossary';
import { rowsOfCase } from '../../../src/data/working-set';
import { sampleWorkingSet } from './section4-sample';

const ws = sampleWorkingSet();
const women = cohortWomen(ws, DEFAULT_DEFINITIONS);
const rule = { threshold: 9 };

/** A suppressed cell has no number of any kind: no value, no bound. */
function expectBare(cell: Cell) {
  expect(isSuppressed(cell)).toBe(true);
  expect(intervalOf(cell)).toBeNull();
  expect(JSON.stringify(cell)).not.toMatch(/\d/);
}

const group = (key: string, women: number, before: [number, number], after: [number, number], afterDays: number): GroupIncidentRates => ({
  key,
  label: key,
  women,
  before: { domestic: before[0], crimes: before[1], days: 365 * women, domesticRate: null, crimeRate: null },
  after: { domestic: after[0], crimes: after[1], days: afterDays, domesticRate: null, crimeRate: null },
  medianFollowUpDays: 200,
});

describe('cells with intervals', () => {
  it('percentages (percentWithInterval) carry the Wilson interval of their count and denominator, on the percentage scale', () => {
    const w = wilson(12, 40)!;
    for (const r of [null, rule]) {
      const c = percentWithInterval(12, 40, false, r);
      expect(c).toEqual({ value: 30, lower: 100 * w.lower, upper: 100 * w.upper });
    }
    expect(cellIntervalText(percentWithInterval(12, 40, false, rule), formatPercent(1))).toBe(`30.0% (${(100 * w.lower).toFixed(1)}% to ${(100 * w.upper).toFixed(1)}%)`);
  });

  it('a suppressed percentage has no interval: the count, the denominator and few women all hide it', () => {
    expectBare(percentWithInterval(3, 40, true, rule));
    expectBare(percentWithInterval(12, 40, false, rule, 8));
    expectBare(withInterval(suppressed('small_count'), wilson(3, 40)));
  });

  it('property: a percentage shown in share mode with an interval rests on a shown count and ten or more women; a hidden one holds no number', () => {
    let seed = 11;
    const rand = (n: number) => ((seed = (seed * 16807) % 2147483647), seed % n);
    for (let k = 0; k < 500; k++) {
      const denominator = rand(40);
      const count = denominator ? rand(denominator + 1) : 0;
      const r = { threshold: 4 + rand(8) };
      const countHidden = isPrimarySuppressed(count, r) || rand(5) === 0;
      const cell = percentWithInterval(count, denominator, countHidden, r);
      if (isSuppressed(cell)) expectBare(cell);
      else {
        expect(countHidden).toBe(false);
        expect(denominator).toBeGreaterThanOrEqual(10);
        const w = wilson(count, denominator)!;
        expect(intervalOf(cell)).toEqual({ estimate: (100 * count) / denominator, lower: 100 * w.lower, upper: 100 * w.upper });
      }
    }
  });

  it('an empty cell or no interval leaves the cell as it is; text falls back to the value', () => {
    expect(withInterval(shown(null), wilson(1, 2))).toEqual({ value: null });
    expect(withInterval(shown(2), null)).toEqual({ value: 2 });
    expect(cellIntervalText(shown(2), formatFixed(1))).toBe('2.0');
  });

  it('gives a CSV its lower and upper bounds as numbers, [c] when suppressed, empty without an interval', () => {
    const c = withInterval(shown(0.5), { estimate: 0.5, lower: -0.1234, upper: 0.98765 });
    expect([boundValue(c, 'lower', 2), boundValue(c, 'upper', 2)]).toEqual([-0.12, 0.99]);
    expect(boundValue(suppressed('few_women'), 'lower', 2)).toBe('[c]');
    expect(boundValue(shown(3), 'upper', 2)).toBe('');
  });
});

describe('incident rates as published', () => {
  it('with share mode off, every rate carries rateInterval of its events and pooled person-time (per 30 days)', () => {
    const [g] = publishRates([group('A', 5, [3, 1], [12, 0], 900)], [shown(5)], null);
    const expectRate = (cell: Cell, events: number, days: number) => {
      const i = rateInterval(events, days, 30)!;
      expect(cell).toEqual({ value: (30 * events) / days, lower: i.lower, upper: i.upper });
    };
    expectRate(g.before.domestic, 3, 365 * 5);
    expectRate(g.before.crimes, 1, 365 * 5);
    expectRate(g.before.all, 4, 365 * 5);
    expectRate(g.after.domestic, 12, 900);
    expectRate(g.after.crimes, 0, 900);
    expectRate(g.after.all, 12, 900);
    expect(g.allowed).toBe(true);
  });

  it('in share mode hides rates over few women or a hidden n, with their intervals', () => {
    const [few, nHidden] = publishRates([group('few', 8, [40, 30], [20, 20], 900), group('n', 12, [40, 30], [20, 20], 900)], [shown(8), suppressed('secondary')], rule);
    for (const g of [few, nHidden]) {
      expect(g.allowed).toBe(false);
      for (const p of [g.before, g.after]) for (const c of [p.domestic, p.crimes, p.all]) expectBare(c);
    }
    expect(few.before.all).toEqual(suppressed('few_women'));
    expect(nHidden.before.all).toEqual(suppressed('count_hidden'));
  });

  it('in share mode hides a rate over 1 to threshold events (its interval gives the count back), and a second so the sum cannot', () => {
    const [g] = publishRates([group('A', 20, [40, 3], [0, 25], 3000)], [shown(20)], rule);
    expectBare(g.before.crimes);
    expect([g.before.domestic, g.before.all].filter(isSuppressed)).toHaveLength(1);
    // No events is not disclosive: shown with its interval.
    expect(intervalOf(g.after.domestic)).toEqual(rateInterval(0, 3000, 30));
    expect(intervalOf(g.after.all)).toEqual(rateInterval(25, 3000, 30));
  });

  it('property: whatever the counts, a shown interval in share mode never rests on 1 to threshold events, and no suppressed rate holds a number', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 16807) % 2147483647), seed % n);
    for (let k = 0; k < 400; k++) {
      const n = rand(30);
      const g = group('g', n, [rand(20), rand(20)], [rand(20), rand(20)], 1 + rand(5000));
      const [p] = publishRates([g], [rand(4) === 0 ? suppressed('secondary') : shown(n)], rule);
      const pairs: [Cell, number][] = [
        [p.before.domestic, g.before.domestic],
        [p.before.crimes, g.before.crimes],
        [p.before.all, g.before.domestic + g.before.crimes],
        [p.after.domestic, g.after.domestic],
        [p.after.crimes, g.after.crimes],
        [p.after.all, g.after.domestic + g.after.crimes],
      ];
      for (const [cell, events] of pairs) {
        if (isSuppressed(cell)) expectBare(cell);
        else expect(isPrimarySuppressed(events, rule)).toBe(false);
      }
      // Of domestic, crimes and all, never exactly one hidden: it would follow from the other two.
      for (const q of [p.before, p.after]) expect([q.domestic, q.crimes, q.all].filter(isSuppressed).length).not.toBe(1);
    }
  });

  it('on the sample, each group rate equals rateInterval of the incidents counted by hand', () => {
    const end = dataEndDay(ws);
    const groups = groupWomen(women, 'area');
    const rates = incidentRates(ws, groups, end);
    const published = publishRates(rates, groups.map((g) => shown(g.women.length)), null);
    const kind = ws.tables.incidents.text('kind');
    const day = ws.tables.incidents.day('date');
    groups.forEach((g, i) => {
      let after = 0;
      let days = 0;
      for (const w of g.women) {
        if (w.referral === null || end === null || w.referral > end) continue;
        days += end - w.referral + 1;
        for (const r of rowsOfCase(ws, 'incidents', w.ix)) {
          const d = day(r);
          if (d !== null && d >= w.referral && d <= end && (kind(r) === 'domestic_incident' || kind(r) === 'crime')) after++;
        }
      }
      expect(intervalOf(published[i].after.all)).toEqual(rateInterval(after, days, 30));
    });
  });
});

describe('outcome change and shares on the sample', () => {
  it('the median change carries medianInterval of the women’s changes; hidden over few women in share mode', () => {
    const groups = groupWomen(women, 'area');
    const open = outcomeChange(ws, groups, false);
    const shared = outcomeChange(ws, groups, true);
    let checked = 0;
    open.forEach((g, gi) =>
      g.domains.forEach((d, di) => {
        const s = shared[gi].domains[di];
        if (d.women < 10) expectBare(s.change);
        else expect(s.change).toEqual(d.change);
        if (d.women < 2) return;
        expect(intervalOf(d.change)!.estimate).toBe(d.changeMedian);
        checked++;
      }),
    );
    expect(checked).toBeGreaterThan(0);
    // Recomputed by hand for the largest domain of the first group.
    const d = open[0].domains[0];
    const t = ws.tables.outcomes;
    const changes: number[] = [];
    for (const w of groups[0].women) {
      const rows = rowsOfCase(ws, 'outcomes', w.ix).filter((r) => t.day('date')(r) !== null && !Number.isNaN(t.nums('score')[r]) && `${t.text('domain')(r)}` === d.key.split('\u001f')[1] && `${t.text('tool')(r) ?? 'other'}` === d.key.split('\u001f')[0]);
      if (rows.length) changes.push(t.nums('score')[rows[rows.length - 1]] - t.nums('score')[rows[0]]);
    }
    expect(changes).toHaveLength(d.women);
    expect(intervalOf(d.change)).toEqual(medianInterval(changes));
  });

  it('risk-mix shares and support shares carry the Wilson interval of their counts; suppressed ones none', () => {
    const groups = groupWomen(women, 'area');
    const mix = riskMix(ws, groups, DEFAULT_DEFINITIONS, 'referral', dataEndDay(ws), rule);
    let shownCount = 0;
    for (const g of mix)
      for (const c of g.columns)
        c.shownShares.forEach((cell, i) => {
          if (isSuppressed(cell)) return expectBare(cell);
          if (c.n === 0) return;
          const w = wilson(c.counts[i], c.n)!;
          expect(intervalOf(cell)).toEqual({ estimate: (100 * c.counts[i]) / c.n, lower: 100 * w.lower, upper: 100 * w.upper });
          shownCount++;
        });
    expect(shownCount).toBeGreaterThan(0);
    const s = supportShares(ws, groupWomen(women, 'none'), null, { perGroup: [undefined], total: shown(38) });
    const w = wilson(s.rows[0].counts[0], 38)!;
    expect(intervalOf(s.rows[0].percents[0])).toEqual({ estimate: (100 * s.rows[0].counts[0]) / 38, lower: 100 * w.lower, upper: 100 * w.upper });
  });
});

describe('the glossary', () => {
  it('names every interval method the charts name', () => {
    const text = GLOSSARY.map((e) => `${e.term}: ${e.definition}`).join(' ');
    for (const m of ['proportion', 'rate', 'median'] as const) expect(text).toContain(INTERVAL_METHODS[m].split(',')[0]);
    expect(GLOSSARY.map((e) => e.term)).toEqual(expect.arrayContaining(['95% interval', 'Wilson score interval']));
  });
});

describe('section 4 figures', () => {
  const tables = section4Figures(ws, DEFAULT_DEFINITIONS);
  const figure = (label: string) => tables.flatMap((t) => t.figures).find((f) => f.label === label)!;

  it('give each percentage the Wilson interval of its count and denominator', () => {
    const f = figure('Ethnicity not recorded');
    const count = Number(f.value.split(' ')[0]);
    const w = wilson(count, 111)!;
    expect(f.method).toBe('proportion');
    expect(f.interval).toBe(`${(100 * w.lower).toFixed(1)}% to ${(100 * w.upper).toFixed(1)}%`);
  });

  it('give each mean its t interval, and counts, ranges and dates none', () => {
    const ages = ws.tables.cases.nums('age_at_referral');
    const known: number[] = [];
    for (const w of women) {
      let row = -1;
      for (let r = 0; r < ws.tables.cases.rowCount; r++) if (ws.tables.cases.caseIx[r] === w.ix) ((row = r), (r = Infinity));
      if (!Number.isNaN(ages[row])) known.push(ages[row]);
    }
    const m = meanInterval(known)!;
    const f = figure('Age at referral: mean');
    expect([f.value, f.method, f.interval]).toEqual([m.estimate.toFixed(1), 'mean', `${m.lower.toFixed(1)} to ${m.upper.toFixed(1)}`]);
    for (const label of ['Women referred', 'Age at referral: range', 'Earliest referral']) expect(figure(label).interval).toBeUndefined();
  });
});

describe('data quality: use of the outcome tool', () => {
  it('gives each share of engaged women with two scores the Wilson interval of its counts', () => {
    const use = qualityReport(ws, [], { engaged: 'both' }).outcomeTool;
    expect(use.share).toEqual(wilson(use.withTwoScores, use.engaged));
    expect(use.rows.length).toBeGreaterThan(0);
    for (const r of use.rows) expect(r.share).toEqual(wilson(r.withTwoScores, r.engaged));
  });
});
