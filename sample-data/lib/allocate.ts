/** Exact allocation helpers: the sample's figures are handed out in exact numbers, never searched for. */
import { clamp } from './dates';
import type { Rng } from './random';

export function chooseK<T>(
  rng: Rng,
  pool: readonly T[],
  k: number,
  opts: { in?: (t: T) => boolean; out?: (t: T) => boolean; weight?: (t: T) => number } = {},
): Set<T> {
  const forced = pool.filter((t) => opts.in?.(t));
  if (forced.length > k) throw new Error(`chooseK: ${forced.length} forced in, but only ${k} wanted`);
  const rest = pool.filter((t) => !opts.in?.(t) && !opts.out?.(t));
  return new Set([...forced, ...rng.sample(rest, k - forced.length, opts.weight)]);
}

/** Hands out values in exact numbers: fixed ones first, the rest shuffled over the others. */
export function allocate<W, V>(rng: Rng, women: readonly W[], quotas: readonly (readonly [V, number])[], fixed: (w: W) => V | undefined): Map<W, V> {
  const left = new Map<V, number>(quotas.map(([v, n]) => [v, n]));
  const out = new Map<W, V>();
  const free: W[] = [];
  for (const w of women) {
    const v = fixed(w);
    if (v === undefined) free.push(w);
    else {
      const n = left.get(v) ?? 0;
      if (n <= 0) throw new Error(`allocate: no ${String(v)} left for a fixed woman`);
      left.set(v, n - 1);
      out.set(w, v);
    }
  }
  const values: V[] = [];
  for (const [v, n] of left) for (let i = 0; i < n; i++) values.push(v);
  if (values.length !== free.length) throw new Error(`allocate: ${values.length} values for ${free.length} women`);
  rng.shuffle(values);
  free.forEach((w, i) => out.set(w, values[i]));
  return out;
}

/** Splits `sum` into n integers in [min, max], right-skewed. */
export function splitTotal(rng: Rng, n: number, sum: number, min: number, max: number): number[] {
  if (n === 0) {
    if (sum !== 0) throw new Error('splitTotal: nobody to give it to');
    return [];
  }
  const weights = Array.from({ length: n }, () => {
    const u = rng.float();
    return 0.25 + u * u * 2.5 + rng.float() * 0.5;
  });
  const tw = weights.reduce((a, b) => a + b, 0);
  const vals = weights.map((x) => clamp(Math.floor((sum * x) / tw), min, max));
  let diff = sum - vals.reduce((a, b) => a + b, 0);
  for (let guard = 0; diff !== 0; guard++) {
    if (guard > 100000) throw new Error('splitTotal: cannot reach the sum');
    const i = rng.int(0, n - 1);
    if (diff > 0 && vals[i] < max) {
      vals[i]++;
      diff--;
    } else if (diff < 0 && vals[i] > min) {
      vals[i]--;
      diff++;
    }
  }
  return vals;
}

/** Moves single units between values of the same group until the sample sd lands in [lo, hi). */
export function tuneSd(values: number[], groups: { members: number[]; min: number; max: number }[], lo: number, hi: number): void {
  const n = values.length;
  const sum = values.reduce((a, b) => a + b, 0);
  const ssOf = () => values.reduce((a, v) => a + v * v, 0) - (sum * sum) / n;
  const ssLo = lo * lo * (n - 1);
  const ssHi = hi * hi * (n - 1);
  const target = (ssLo + ssHi) / 2;
  for (let guard = 0; guard < 10000; guard++) {
    const ss = ssOf();
    if (ss >= ssLo && ss < ssHi) return;
    let best: [number, number] | null = null;
    let bestDist = Math.abs(ss - target);
    for (const g of groups)
      for (const i of g.members)
        for (const j of g.members) {
          if (i === j || values[i] - 1 < g.min || values[j] + 1 > g.max) continue;
          const next = ss + 2 * (values[j] - values[i]) + 2;
          const dist = Math.abs(next - target);
          if (dist < bestDist) {
            bestDist = dist;
            best = [i, j];
          }
        }
    if (!best) throw new Error('tuneSd: stuck');
    values[best[0]]--;
    values[best[1]]++;
  }
  throw new Error('tuneSd: did not converge');
}
