/**
 * Per-woman facts that do not depend on the filters, grouping or (where noted) the definitions,
 * worked out once per working set and kept beside it (WeakMaps keyed by the working set, which is
 * never changed in place), so that a filter, grouping or definition change only sums them up.
 * Nothing is kept but beside a working set. (memoByWomen and memoLast remain only for
 * AggregateCharts.svelte, until it reads results derived from the screen's stable groups.)
 */
import type { WorkingSet } from '../../data/working-set';
import { addMonths } from '../../data/days';
import type { CohortWoman } from './cohort-women';

/** A value cached per working set (and a key of further inputs). */
export function perWorkingSet<T>(build: (ws: WorkingSet, key: string) => T): (ws: WorkingSet, key?: string) => T {
  const cache = new WeakMap<WorkingSet, Map<string, T>>();
  return (ws, key = '') => {
    let m = cache.get(ws);
    if (!m) cache.set(ws, (m = new Map()));
    let v = m.get(key);
    if (v === undefined) m.set(key, (v = build(ws, key)));
    return v;
  };
}

/** Per working set and count, the days of each referral day met (kept as long as the working set). */
const monthsAfterByRef = perWorkingSet(() => new Map<number, Int32Array>());

/** Day m months after `ref` for m < count: worked out once per referral day of the working set. */
export function monthsAfterDay(ws: WorkingSet, ref: number, count: number): Int32Array {
  const byRef = monthsAfterByRef(ws, String(count));
  let days = byRef.get(ref);
  if (!days) byRef.set(ref, (days = Int32Array.from({ length: count }, (_, m) => addMonths(ref, m))));
  return days;
}

/** Whether two lists of groups hold the same women (by case index, area and referral day) under the same keys and labels. */
export function sameGroups(
  a: readonly { key?: string; label: string; women: readonly CohortWoman[] }[],
  b: readonly { key?: string; label: string; women: readonly CohortWoman[] }[],
): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let g = 0; g < a.length; g++) {
    if (a[g].key !== b[g].key || a[g].label !== b[g].label || !sameWomen(a[g].women, b[g].women)) return false;
  }
  return true;
}

/** Whether two lists hold the same women in the same order (case index, area and referral day). */
export function sameWomen(a: readonly CohortWoman[], b: readonly CohortWoman[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== y && (x.ix !== y.ix || x.area !== y.area || x.referral !== y.referral)) return false;
  }
  return true;
}

/**
 * A function of (working set, women or groups, other inputs) remembered for its last inputs:
 * called again with the same working set, the same other inputs (by identity) and the same women
 * in the same groups, it returns the same result without working it out again. For results that
 * read only the women's case index, area and referral day (which no definition changes).
 */
export function memoByWomen<W extends readonly unknown[], A extends unknown[], R>(
  fn: (ws: WorkingSet, women: W, ...rest: A) => R,
  same: (a: W, b: W) => boolean,
): (ws: WorkingSet, women: W, ...rest: A) => R {
  let last: { ws: WorkingSet; women: W; rest: A; result: R } | null = null;
  return (ws, women, ...rest) => {
    if (last && last.ws === ws && last.rest.length === rest.length && last.rest.every((v, i) => Object.is(v, rest[i])) && same(last.women, women))
      return last.result;
    const result = fn(ws, women, ...rest);
    last = { ws, women, rest, result };
    return result;
  };
}

/** Whether two arguments are the same: identical, or arrays of the same primitives. */
function sameArg(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i]) || (typeof a[i] === 'object' && a[i] !== null)) return false;
  return true;
}

/**
 * A pure function remembered for its last arguments (each the same object, or an array of the
 * same strings or numbers): called again with them, it returns the same result.
 */
export function memoLast<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args) => {
    if (last && last.args.length === args.length && last.args.every((v, i) => sameArg(v, args[i]))) return last.result;
    const result = fn(...args);
    last = { args, result };
    return result;
  };
}
