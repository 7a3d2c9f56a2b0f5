/**
 * Per-woman facts that do not depend on the filters, grouping or (where noted) the definitions,
 * worked out once per working set and kept beside it (WeakMaps keyed by the working set, which is
 * never changed in place), so that a filter, grouping or definition change only sums them up.
 * Nothing is kept but beside a working set. What depends on the filters is derived by the
 * screen from its stable groups (CohortScreen's membership), not remembered here.
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
