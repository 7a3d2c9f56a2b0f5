import { describe, expect, it } from 'vitest';
import {
  bootstrapMedians,
  excludes,
  formatInterval,
  meanInterval,
  medianInterval,
  minimumDetectableRateRatio,
  mulberry32,
  normalCdf,
  percentileOfSorted,
  poissonLimits,
  rateInterval,
  rateRatio,
  ratioOfRateRatios,
  tQuantile,
  wilson,
  Z95,
  Z998,
} from '../../../src/model/stats/intervals';

// Reference values: R's poisson.test (exact chi-squared limits), prop.test(correct = FALSE)
// (Wilson), qt(), and Byar's formula as PHEindicatormethods writes it. Computed with R's
// equivalents in SciPy (chi2.ppf, t.ppf, norm.ppf) and written in here.
const POISSON_EXACT: [number, number, number][] = [
  [0, 0, 3.6888794541139354],
  [1, 0.025317807984289876, 5.571643390938898],
  [2, 0.24220927854396496, 7.22468766772396],
  [5, 1.6234863901184207, 11.66833207932267],
  [9, 4.115373097378334, 17.084803451419166],
];
const BYAR: [number, number, number][] = [
  [10, 4.787449913967563, 18.391458605756473],
  [25, 16.174265921657202, 36.90645069218536],
  [100, 81.36210549052788, 121.6279375792065],
  [1234, 1166.1012539623116, 1304.8207747690428],
];
const WILSON: [number, number, number, number][] = [
  [0, 1, 0, 0.7934506856227626],
  [1, 1, 0.20654931437723742, 1],
  [0, 10, 0, 0.2775327998628892],
  [3, 10, 0.10779126740630099, 0.6032218525388546],
  [5, 10, 0.236593090512564, 0.763406909487436],
  [51, 100, 0.4134801193402717, 0.6057800106955887],
  [37, 111, 0.2525113750360454, 0.42530532652841874],
  [4500, 10000, 0.44027035560859995, 0.4597680442284676],
];
const T975: [number, number][] = [
  [1, 12.706204736174694],
  [2, 4.302652729749462],
  [5, 2.5705818356363146],
  [10, 2.228138851986274],
  [30, 2.0422724563012378],
  [110, 1.981765282132372],
  [1000, 1.9623390808264083],
];

describe('intervals against published reference values', () => {
  it.each(POISSON_EXACT)('exact Poisson limits for %i events', (x, lower, upper) => {
    const limits = poissonLimits(x);
    expect(limits.lower).toBeCloseTo(lower, 8);
    expect(limits.upper).toBeCloseTo(upper, 8);
  });

  it.each(BYAR)("Byar's limits for %i events", (x, lower, upper) => {
    const limits = poissonLimits(x);
    expect(limits.lower).toBeCloseTo(lower, 8);
    expect(limits.upper).toBeCloseTo(upper, 8);
  });

  it.each(WILSON)('Wilson score interval for %i of %i', (x, n, lower, upper) => {
    const interval = wilson(x, n)!;
    expect(interval.estimate).toBe(x / n);
    expect(interval.lower).toBeCloseTo(lower, 10);
    expect(interval.upper).toBeCloseTo(upper, 10);
  });

  it.each(T975)('t quantile at 0.975 with %i degrees of freedom', (df, q) => {
    expect(tQuantile(0.975, df)).toBeCloseTo(q, 8);
  });

  it('t interval for a mean (R: t.test(c(1, 2, 3, 4, 10)))', () => {
    const interval = meanInterval([1, 2, 3, 4, 10])!;
    expect(interval.estimate).toBe(4);
    expect(interval.lower).toBeCloseTo(-0.3899451654254138, 8);
    expect(interval.upper).toBeCloseTo(8.389945165425413, 8);
  });

  it('normal CDF and the 99.8% z', () => {
    expect(normalCdf(Z95)).toBeCloseTo(0.975, 6);
    expect(normalCdf(Z998)).toBeCloseTo(0.999, 6);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
  });

  it('a rate per 30 days scales the Poisson limits by person-time', () => {
    // 51 incidents over 3,000 woman-days: 0.51 per woman per 30 days.
    const rate = rateInterval(51, 3000, 30)!;
    expect(rate.estimate).toBeCloseTo(0.51, 12);
    const { lower, upper } = poissonLimits(51);
    expect(rate.lower).toBeCloseTo((lower * 30) / 3000, 12);
    expect(rate.upper).toBeCloseTo((upper * 30) / 3000, 12);
    expect(formatInterval(rate, (v) => v.toFixed(2))).toBe('0.51 (0.38 to 0.67)');
  });

  it('rate ratios by the log method, and the ratio of two ratios', () => {
    const rr = rateRatio(20, 100, 40, 100)!;
    expect(rr.estimate).toBeCloseTo(0.5, 12);
    const se = Math.sqrt(1 / 20 + 1 / 40);
    expect(rr.lower).toBeCloseTo(0.5 * Math.exp(-Z95 * se), 12);
    expect(rr.upper).toBeCloseTo(0.5 * Math.exp(Z95 * se), 12);
    const rrr = ratioOfRateRatios(
      { eventsBefore: 40, timeBefore: 100, eventsAfter: 20, timeAfter: 100 },
      { eventsBefore: 30, timeBefore: 100, eventsAfter: 30, timeAfter: 100 },
    )!;
    expect(rrr.estimate).toBeCloseTo(0.5, 12);
    const se2 = Math.sqrt(1 / 40 + 1 / 20 + 1 / 30 + 1 / 30);
    expect(rrr.upper).toBeCloseTo(0.5 * Math.exp(Z95 * se2), 12);
  });

  it('minimum detectable rate ratio at 80% power, 5% two-sided', () => {
    // 100 expected events in each group: exp(2.8016 * sqrt(0.02)) = 1.486.
    expect(minimumDetectableRateRatio(100, 100)).toBeCloseTo(1.4861, 3);
    expect(minimumDetectableRateRatio(0, 100)).toBeNull();
  });
});

describe('edge cases', () => {
  it('has nothing to estimate from nothing', () => {
    expect(wilson(0, 0)).toBeNull();
    expect(wilson(3, 2)).toBeNull();
    expect(rateInterval(3, 0)).toBeNull();
    expect(rateRatio(0, 10, 5, 10)).toBeNull();
    expect(meanInterval([3])).toBeNull();
    expect(medianInterval([3])).toBeNull();
  });

  it('zero events: the rate is 0 with an upper limit from the exact method', () => {
    const rate = rateInterval(0, 300, 30)!;
    expect(rate.estimate).toBe(0);
    expect(rate.lower).toBe(0);
    expect(rate.upper).toBeCloseTo((3.6888794541139354 * 30) / 300, 8);
  });

  it('calls a difference only where the interval excludes the comparator', () => {
    expect(excludes({ estimate: 0.6, lower: 0.55, upper: 0.65 }, 0.5)).toBe('higher');
    expect(excludes({ estimate: 0.4, lower: 0.35, upper: 0.45 }, 0.5)).toBe('lower');
    expect(excludes({ estimate: 0.52, lower: 0.45, upper: 0.58 }, 0.5)).toBe('similar');
  });
});

describe('the bootstrap', () => {
  it('is seeded: the same data give the same interval', () => {
    const values = Array.from({ length: 37 }, (_, i) => (i * 7) % 11);
    expect(medianInterval(values)).toEqual(medianInterval(values));
  });

  it("matches a naive bootstrap's percentiles (order-statistic sampling is exact)", () => {
    const random = mulberry32(7);
    for (const n of [9, 24, 101]) {
      const sorted = Float64Array.from({ length: n }, () => Math.round(random() * 20 - 10)).sort();
      const fast = bootstrapMedians(sorted, 11, 20000).sort();
      const naive = new Float64Array(20000);
      const draw = mulberry32(12);
      const resample = new Float64Array(n);
      for (let b = 0; b < naive.length; b++) {
        for (let i = 0; i < n; i++) resample[i] = sorted[Math.floor(draw() * n)];
        resample.sort();
        naive[b] = n % 2 ? resample[(n - 1) / 2] : (resample[n / 2 - 1] + resample[n / 2]) / 2;
      }
      naive.sort();
      for (const p of [0.025, 0.25, 0.5, 0.75, 0.975]) {
        expect(Math.abs(percentileOfSorted(fast, p) - percentileOfSorted(naive, p))).toBeLessThanOrEqual(1);
      }
      let meanFast = 0;
      let meanNaive = 0;
      for (let b = 0; b < fast.length; b++) ((meanFast += fast[b]), (meanNaive += naive[b]));
      expect(Math.abs(meanFast - meanNaive) / fast.length).toBeLessThan(0.15);
    }
  });

  it('at 50,000 values it is quick and centred', () => {
    const random = mulberry32(3);
    const values = Float64Array.from({ length: 50_000 }, () => Math.floor(random() * 9) - 4);
    const interval = medianInterval(values)!;
    expect(interval.lower).toBeLessThanOrEqual(interval.estimate);
    expect(interval.upper).toBeGreaterThanOrEqual(interval.estimate);
  });
});

describe('properties', () => {
  const random = mulberry32(2026);
  const width = (i: { lower: number; upper: number }) => i.upper - i.lower;

  it('every interval contains its estimate', () => {
    for (let trial = 0; trial < 500; trial++) {
      const n = 1 + Math.floor(random() * 5000);
      const x = Math.floor(random() * (n + 1));
      const p = wilson(x, n)!;
      expect(p.lower).toBeLessThanOrEqual(p.estimate + 1e-12);
      expect(p.upper).toBeGreaterThanOrEqual(p.estimate - 1e-12);
      const time = 1 + random() * 1e5;
      const r = rateInterval(x, time)!;
      expect(r.lower).toBeLessThanOrEqual(r.estimate + 1e-9);
      expect(r.upper).toBeGreaterThanOrEqual(r.estimate - 1e-9);
      const values = Array.from({ length: 2 + (n % 200) }, () => Math.round(random() * 10));
      for (const m of [meanInterval(values)!, medianInterval(values, trial)!]) {
        expect(m.lower).toBeLessThanOrEqual(m.estimate + 1e-9);
        expect(m.upper).toBeGreaterThanOrEqual(m.estimate - 1e-9);
      }
    }
  });

  it('intervals narrow as n grows at the same proportion or rate', () => {
    for (let trial = 0; trial < 200; trial++) {
      const p = random();
      const rate = 0.01 + random();
      let lastP = Infinity;
      let lastR = Infinity;
      for (const n of [10, 40, 160, 640, 2560, 10240]) {
        const successes = Math.round(p * n);
        const wp = width(wilson(successes, n)!);
        expect(wp).toBeLessThanOrEqual(lastP + 1e-12);
        lastP = wp;
        // The same rate over n times the person-time.
        const wr = width(rateInterval(Math.round(rate * n * 30) , n * 30 * 30)!);
        expect(wr).toBeLessThanOrEqual(lastR + 1e-12);
        lastR = wr;
      }
    }
  });
});
