import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITIONS } from '../../../src/model/definitions';
import { cohortWomen } from '../../../src/model/cohort/cohort-women';
import { needCombinations } from '../../../src/model/cohort/aggregates';
import { countNeedSets, needSets, NO_NEEDS, OTHER_COMBINATIONS, publishNeedSets, type NeedSets, type PublishedNeedSets } from '../../../src/model/cohort/need-sets';
import { cellText, determinedEntries, isPrimarySuppressed, isSuppressed, shown, suppressed, valueOf, type Cell, type SumConstraint } from '../../../src/model/disclosure';
import { sampleWorkingSet } from './section4-sample';
import { mulberry32 as rng } from '../../../sample-data/mulberry32';

const LABELS = ['A', 'B', 'C', 'D', 'E', 'F'];

/** Random women: each need with its own prevalence, some needs often together. */
function randomProfiles(next: () => number): number[][] {
  const women = Math.floor(next() * 160);
  const k = 1 + Math.floor(next() * LABELS.length);
  const p = Array.from({ length: k }, () => next() * 0.6);
  return Array.from({ length: women }, () => {
    const own = p.flatMap((q, i) => (next() < q ? [i] : []));
    if (own.includes(0) && k > 1 && next() < 0.5 && !own.includes(1)) own.push(1);
    return own;
  });
}

/**
 * An independent reading of what a reader sees: every combination is an unknown (those merged or
 * hidden are not published); the published totals tie them. Built from the raw counts and the
 * published labels, not from the module's own system.
 */
function readerSystem(data: NeedSets, pub: PublishedNeedSets) {
  const combos = data.combinations;
  const labelOf = (c: { needs: number[] }) => (c.needs.length ? c.needs.map((n) => data.needs[n]).join(' + ') : NO_NEEDS);
  const column = new Map(pub.combinations.filter((c) => !c.other).map((c) => [c.label, c]));
  const values: number[] = combos.map((c) => c.women);
  const hidden: boolean[] = combos.map((c) => {
    const col = column.get(labelOf(c));
    return !col || isSuppressed(col.count);
  });
  const constraints: SumConstraint[] = [];
  const add = (value: number, published: Cell, parts: number[]) => {
    const at = values.push(value) - 1;
    hidden.push(isSuppressed(published));
    constraints.push({ parts, total: at });
  };
  const all = combos.map((_, i) => i);
  const other = pub.combinations.find((c) => c.other);
  const mergedParts = all.filter((i) => !column.has(labelOf(combos[i])));
  if (other) add(mergedParts.reduce((a, i) => a + values[i], 0), other.count, mergedParts);
  else expect(mergedParts).toEqual([]);
  for (const s of pub.sets) {
    const n = data.needs.indexOf(s.label);
    const parts = all.filter((i) => combos[i].needs.includes(n));
    add(parts.reduce((a, i) => a + values[i], 0), s.count, parts);
  }
  add(values.slice(0, combos.length).reduce((a, b) => a + b, 0), pub.total, all);
  const multi = all.filter((i) => combos[i].needs.length >= 2);
  add(multi.reduce((a, i) => a + values[i], 0), pub.multiple, multi);
  return { values, hidden, constraints };
}

function publishedCounts(pub: PublishedNeedSets): Cell[] {
  return [...pub.combinations.map((c) => c.count), ...pub.sets.map((s) => s.count), pub.total, pub.multiple];
}

/** A count as the screen shows it. */
const t = (c: Cell) => cellText(c);

describe('need sets (UpSet)', () => {
  it('counts each woman once under her exact needs, and each need over all her combinations', () => {
    const data = countNeedSets(['A', 'B', 'C'], [[0, 1], [1, 0], [2], [], [0], [0, 1, 1]]);
    expect(data.combinations).toEqual([
      { needs: [0, 1], women: 3 },
      { needs: [], women: 1 },
      { needs: [0], women: 1 },
      { needs: [2], women: 1 },
    ]);
    const pub = publishNeedSets(data, null);
    expect(pub.sets.map((s) => [s.label, t(s.count)])).toEqual([['A', '4'], ['B', '3'], ['C', '1']]);
    expect(pub.combinations.map((c) => [c.label, t(c.count), c.sets])).toEqual([
      ['A + B', '3', [0, 1]],
      [NO_NEEDS, '1', []],
      ['A', '1', [0]],
      ['C', '1', [2]],
    ]);
    expect([t(pub.total), t(pub.multiple)]).toEqual(['6', '3']);
  });

  it('leaves out needs nobody has, and merges what does not fit into one column', () => {
    const profiles = [...Array.from({ length: 20 }, () => [0]), ...Array.from({ length: 15 }, () => [1]), [0, 1], [1, 2], [0, 2]];
    const data = countNeedSets(['A', 'B', 'C', 'D'], profiles);
    const pub = publishNeedSets(data, null, undefined, 2);
    expect(pub.absent).toEqual(['D']);
    expect(pub.combinations.map((c) => [c.label, t(c.count)])).toEqual([['A', '20'], ['B', '15'], [OTHER_COMBINATIONS, '3']]);
    // One combination left over is shown on its own rather than as a merged column of one.
    expect(publishNeedSets(data, null, undefined, 4).combinations.map((c) => c.label)).toEqual(['A', 'B', 'A + B', 'A + C', 'B + C']);
  });

  it('hides small counts and whatever would give them away, and never draws them', () => {
    const profiles = [...Array.from({ length: 30 }, () => [0]), ...Array.from({ length: 25 }, () => [0, 1]), ...Array.from({ length: 3 }, () => [1])];
    const pub = publishNeedSets(countNeedSets(['A', 'B'], profiles), { threshold: 9 }, shown(58));
    expect(pub.total).toEqual({ value: 58 });
    const b = pub.combinations.find((c) => c.label === 'B')!;
    expect(b.count).toEqual({ suppressed: true, reason: 'small_count' });
    expect(t(b.count)).toBe('[c]');
    // B's 28 and the 58 would give the 3 away with the 25 shown, and A's 55 with the 30: so more is hidden.
    const published = publishedCounts(pub).filter((c) => !isSuppressed(c)).length;
    expect(published).toBeLessThan(publishedCounts(pub).length - 1);
    // Hidden ones come after those shown.
    const firstHidden = pub.combinations.findIndex((c) => valueOf(c.count) === null);
    expect(pub.combinations.slice(firstHidden).every((c) => valueOf(c.count) === null)).toBe(true);
  });

  it('matches the exact combinations of the sample (111 women)', () => {
    const ws = sampleWorkingSet();
    const women = cohortWomen(ws, DEFAULT_DEFINITIONS);
    const data = needSets(ws, women);
    expect(data.combinations.reduce((a, c) => a + c.women, 0)).toBe(111);
    const old = needCombinations(ws, women).map((c) => [c.needs.join(' + '), c.women]);
    expect(data.combinations.map((c) => [c.needs.map((n) => data.needs[n]).join(' + '), c.women]).sort()).toEqual(old.sort());
    const pub = publishNeedSets(data, { threshold: 9 }, shown(111));
    expect(t(pub.total)).toBe('111');
    // A count is either shown with its number or suppressed (never an empty cell).
    for (const c of publishedCounts(pub)) expect(isSuppressed(c) || valueOf(c) !== null).toBe(true);
    const sys = readerSystem(data, pub);
    expect(determinedEntries(sys.values.length, sys.constraints, sys.hidden).some(Boolean)).toBe(false);
  });

  it('on random data: nothing published is from 1 to the threshold, and no hidden count can be worked out', () => {
    const next = rng(20260522);
    for (let trial = 0; trial < 300; trial++) {
      const profiles = randomProfiles(next);
      const data = countNeedSets(LABELS, profiles);
      const threshold = 4 + Math.floor(next() * 8);
      const keep = 1 + Math.floor(next() * 12);
      const total = profiles.length;
      // The total as another table shows it: the number, [c], or not shown at all.
      const totalShown = next() < 0.3 ? undefined : isPrimarySuppressed(total, { threshold }) ? suppressed('small_count') : shown(total);
      const pub = publishNeedSets(data, { threshold }, totalShown, keep);
      const context = `trial ${trial}, threshold ${threshold}, keep ${keep}`;
      for (const c of publishedCounts(pub)) {
        const v = valueOf(c);
        expect(v === null || !isPrimarySuppressed(v, { threshold }), context).toBe(true);
        expect(isSuppressed(c) || v !== null, context).toBe(true);
      }
      if (totalShown !== undefined) expect(t(pub.total), context).toBe(t(totalShown));
      const sys = readerSystem(data, pub);
      const leaks = determinedEntries(sys.values.length, sys.constraints, sys.hidden).flatMap((d, i) => (d ? [i] : []));
      expect(leaks, context).toEqual([]);
      // The columns and the merged column add up to everyone.
      expect(pub.combinations.length).toBeLessThanOrEqual(keep + 1);
    }
  });
});
