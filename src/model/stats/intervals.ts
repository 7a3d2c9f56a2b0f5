/**
 * 95% intervals for the estimates Waymark shows, by the methods public health analysts in England
 * use (OHID Fingertips, `PHEindicatormethods`):
 * - proportions: Wilson score interval;
 * - rates (events over person-time): exact Poisson limits for fewer than 10 events, Byar's
 *   method otherwise, on the pooled person-time;
 * - ratios of rates (after/before, and the ratio of two such ratios): the log method;
 * - means: a t interval;
 * - medians: a percentile bootstrap with a fixed seed (2,000 resamples), drawn exactly from the
 *   distribution of the resampled median's order statistics, so it is fast at any n.
 * Every function returns `null` when there is nothing to estimate (n = 0, no person-time).
 * Pure; no dependencies.
 */

export interface Interval {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
}

/** The 97.5th percentile of the standard normal distribution. */
export const Z95 = 1.959963984540054;
/** The 99.9th percentile: two-sided 99.8% limits (funnel plots' outer limits). */
export const Z998 = 3.090232306167813;
/** The 80th percentile: 80% power. */
export const Z_POWER_80 = 0.8416212335729143;

export const BOOTSTRAP_RESAMPLES = 2000;
export const BOOTSTRAP_SEED = 20_240_601;

/** What each method is called, for charts' footers and the glossary. */
export const INTERVAL_METHODS = {
  proportion: 'Wilson score interval',
  rate: "exact Poisson limits for fewer than 10 events, Byar's method otherwise, on the pooled person-time",
  ratio: 'log method (rate ratios)',
  mean: 't interval',
  median: `percentile bootstrap, ${BOOTSTRAP_RESAMPLES.toLocaleString('en-GB')} resamples with a fixed seed`,
} as const;
export type IntervalMethod = keyof typeof INTERVAL_METHODS;

/** The footer line that names a chart's interval methods. */
export function intervalFooter(methods: readonly IntervalMethod[]): string {
  const names = [...new Set(methods)].map((m) => INTERVAL_METHODS[m]);
  return `Bars show 95% intervals: ${names.join('; ')}.`;
}

/** Wilson score interval for `successes` out of `n`. */
export function wilson(successes: number, n: number, z = Z95): Interval | null {
  if (!(n > 0) || successes < 0 || successes > n) return null;
  const p = successes / n;
  const z2 = z * z;
  const centre = 2 * successes + z2;
  const spread = z * Math.sqrt(z2 + 4 * successes * (1 - p));
  const denominator = 2 * (n + z2);
  return {
    estimate: p,
    lower: Math.max(0, (centre - spread) / denominator),
    upper: Math.min(1, (centre + spread) / denominator),
  };
}

/** P(X <= k) for X ~ Poisson(lambda), by summing terms (k is small here). */
function poissonCdf(k: number, lambda: number): number {
  if (k < 0) return 0;
  let term = Math.exp(-lambda);
  let sum = term;
  for (let i = 1; i <= k; i++) {
    term *= lambda / i;
    sum += term;
  }
  return sum;
}

/** The lambda at which the decreasing function f(lambda) crosses target, by bisection. */
function solveDecreasing(f: (lambda: number) => number, target: number, hi: number): number {
  let lo = 0;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * 95% limits for a Poisson count: exact (the chi-squared limits of `poisson.test`) for fewer
 * than 10 events, Byar's approximation from 10 events on, as `PHEindicatormethods` does.
 */
export function poissonLimits(count: number, z = Z95): { lower: number; upper: number } {
  const x = Math.max(0, Math.round(count));
  if (x < 10) {
    const tail = z === Z95 ? 0.025 : z === Z998 ? 0.001 : 1 - normalCdf(z);
    const upper = solveDecreasing((l) => poissonCdf(x, l), tail, 60);
    const lower = x === 0 ? 0 : solveDecreasing((l) => poissonCdf(x - 1, l), 1 - tail, 60);
    return { lower, upper };
  }
  const lower = x * (1 - 1 / (9 * x) - z / (3 * Math.sqrt(x))) ** 3;
  const upper = (x + 1) * (1 - 1 / (9 * (x + 1)) + z / (3 * Math.sqrt(x + 1))) ** 3;
  return { lower, upper };
}

/** A rate of `events` per `per` units of `personTime` (for example per 30 days), with its limits. */
export function rateInterval(events: number, personTime: number, per = 30, z = Z95): Interval | null {
  if (!(personTime > 0) || events < 0) return null;
  const { lower, upper } = poissonLimits(events, z);
  const scale = per / personTime;
  return { estimate: events * scale, lower: lower * scale, upper: upper * scale };
}

/**
 * The ratio of two rates (a over b) with the log method: log RR +/- z sqrt(1/a + 1/b). Null when
 * either count is zero (the ratio or its interval is not defined) or person-time is missing.
 */
export function rateRatio(eventsA: number, timeA: number, eventsB: number, timeB: number, z = Z95): Interval | null {
  if (!(timeA > 0 && timeB > 0 && eventsA > 0 && eventsB > 0)) return null;
  const estimate = eventsA / timeA / (eventsB / timeB);
  const se = Math.sqrt(1 / eventsA + 1 / eventsB);
  return { estimate, lower: estimate * Math.exp(-z * se), upper: estimate * Math.exp(z * se) };
}

/** Counts and person-time for one group before and after referral. */
export interface BeforeAfter {
  eventsBefore: number;
  timeBefore: number;
  eventsAfter: number;
  timeAfter: number;
}

/**
 * The ratio of two groups' after/before rate ratios (group 1 over group 2), with the log method
 * over all four counts. Null when any count is zero.
 */
export function ratioOfRateRatios(g1: BeforeAfter, g2: BeforeAfter, z = Z95): Interval | null {
  const r1 = rateRatio(g1.eventsAfter, g1.timeAfter, g1.eventsBefore, g1.timeBefore, z);
  const r2 = rateRatio(g2.eventsAfter, g2.timeAfter, g2.eventsBefore, g2.timeBefore, z);
  if (!r1 || !r2) return null;
  const estimate = r1.estimate / r2.estimate;
  const se = Math.sqrt(1 / g1.eventsAfter + 1 / g1.eventsBefore + 1 / g2.eventsAfter + 1 / g2.eventsBefore);
  return { estimate, lower: estimate * Math.exp(-z * se), upper: estimate * Math.exp(z * se) };
}

/**
 * The smallest rate ratio (above 1; its reciprocal below) that a comparison of two rates could
 * detect with 80% power at the 5% level (two-sided), given the events expected in each group
 * under no difference: |log RR| = (z_0.975 + z_0.8) sqrt(1/E1 + 1/E2). Null when either group
 * expects no events.
 */
export function minimumDetectableRateRatio(expectedA: number, expectedB: number): number | null {
  if (!(expectedA > 0 && expectedB > 0)) return null;
  return Math.exp((Z95 + Z_POWER_80) * Math.sqrt(1 / expectedA + 1 / expectedB));
}

/** Mean with a t interval. Needs at least two values. */
export function meanInterval(values: ArrayLike<number>): Interval | null {
  const n = values.length;
  if (n < 2) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  const half = tQuantile(0.975, n - 1) * Math.sqrt(ss / (n - 1) / n);
  return { estimate: mean, lower: mean - half, upper: mean + half };
}

/** Median with a seeded percentile bootstrap. Needs at least two values. */
export function medianInterval(values: ArrayLike<number>, seed = BOOTSTRAP_SEED, resamples = BOOTSTRAP_RESAMPLES): Interval | null {
  const n = values.length;
  if (n < 2) return null;
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  const medians = bootstrapMedians(sorted, seed, resamples).sort();
  return {
    estimate: medianOfSorted(sorted),
    lower: percentileOfSorted(medians, 0.025),
    upper: percentileOfSorted(medians, 0.975),
  };
}

export function medianOfSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  const mid = n >> 1;
  return n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Percentile by linear interpolation between order statistics (R's type 7). */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * The medians of `resamples` bootstrap resamples of `sorted` (n values drawn with replacement).
 * Drawing n indices with replacement and taking the k-th smallest is the same as taking the
 * k-th smallest of n uniforms, which is Beta(k, n - k + 1); the next order statistic is the
 * smallest of the remaining n - k uniforms above it. So each resample costs O(1), not O(n).
 */
export function bootstrapMedians(sorted: ArrayLike<number>, seed: number, resamples: number): Float64Array {
  const n = sorted.length;
  const random = mulberry32(seed);
  const out = new Float64Array(resamples);
  const k = n % 2 ? (n + 1) / 2 : n / 2;
  const at = (u: number) => sorted[Math.min(n - 1, Math.floor(u * n))];
  for (let b = 0; b < resamples; b++) {
    const u = betaSample(k, n - k + 1, random);
    if (n % 2) out[b] = at(u);
    else {
      const next = u + (1 - u) * (1 - Math.pow(1 - random(), 1 / (n - k)));
      out[b] = (at(u) + at(next)) / 2;
    }
  }
  return out;
}

/** A small, fast, seeded PRNG (mulberry32); values in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normalSample(random: () => number): number {
  let u = 0;
  while (u === 0) u = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Gamma(shape, 1) by Marsaglia and Tsang (shape >= 1). */
function gammaSample(shape: number, random: () => number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normalSample(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

function betaSample(a: number, b: number, random: () => number): number {
  const x = gammaSample(a, random);
  const y = gammaSample(b, random);
  return x / (x + y);
}

/** Standard normal CDF (erfc with a Chebyshev fit; relative error under 1.2e-7). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** log Gamma by Lanczos (g = 7, n = 9). */
function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularised incomplete beta I_x(a, b) by Lentz's continued fraction. */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - x, b, a);
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x)) / a;
  const tiny = 1e-300;
  let f = 1;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  f = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let num = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + num * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + num / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    f *= d * c;
    num = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + num * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + num / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return front * f;
}

/** Student's t CDF with `df` degrees of freedom. */
export function tCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** Student's t quantile, by bisection on the CDF. */
export function tQuantile(p: number, df: number): number {
  let lo = -1e3;
  let hi = 1e3;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (tCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Does the interval exclude `value`? (Used to call a difference higher or lower.) */
export function excludes(interval: Interval, value: number): 'higher' | 'lower' | 'similar' {
  if (interval.lower > value) return 'higher';
  if (interval.upper < value) return 'lower';
  return 'similar';
}

/** "0.51 (0.45 to 0.58)": an estimate and its interval at a fixed number of decimals. */
export function formatInterval(interval: Interval, format: (value: number) => string): string {
  return `${format(interval.estimate)} (${format(interval.lower)} to ${format(interval.upper)})`;
}
