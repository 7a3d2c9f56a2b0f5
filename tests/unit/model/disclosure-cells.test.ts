import { describe, expect, it } from 'vitest';
import {
  cellText,
  countCell,
  formatFixed,
  formatPercent,
  hiddenIn,
  shown,
  suppressed,
  isSuppressed,
  percentCell,
  primaryCount,
  statisticCell,
  suppressEntries,
  valueOf,
  type Cell,
} from '../../../src/model/disclosure';

const rule = { threshold: 9 };

describe('typed disclosure cells', () => {
  it('a suppressed cell carries a reason and no number: nothing can read its value', () => {
    const c = primaryCount(3, rule);
    expect(c).toEqual({ suppressed: true, reason: 'small_count' });
    expect(isSuppressed(c)).toBe(true);
    expect(valueOf(c)).toBeNull();
    expect(Object.values(c)).not.toContain(3);
    expect(JSON.stringify(c)).not.toMatch(/\d/);
  });

  it('zero and counts over the threshold are shown; no rule shows every count', () => {
    expect(primaryCount(0, rule)).toEqual({ value: 0 });
    expect(primaryCount(10, rule)).toEqual({ value: 10 });
    expect(primaryCount(3, null)).toEqual({ value: 3 });
  });

  it('clamps the threshold: a rule below the minimum still hides counts up to it', () => {
    expect(isSuppressed(primaryCount(4, { threshold: 1 }))).toBe(true);
    expect(isSuppressed(primaryCount(5, { threshold: 1 }))).toBe(false);
  });

  it('names secondary suppression by its value: a hidden count over the threshold is secondary', () => {
    const values = [3, 20, 23];
    const hidden = suppressEntries(values, [{ parts: [0, 1], total: 2 }], rule);
    const cells = values.map((v, i) => countCell(v, hidden[i], rule));
    expect(cells.filter(isSuppressed).map((c) => (c as { reason: string }).reason).sort()).toEqual(['secondary', 'small_count']);
    expect(cells.every((c) => !isSuppressed(c) || valueOf(c) === null)).toBe(true);
  });

  it('suppresses a percentage whose count is hidden or over fewer than ten women', () => {
    expect(percentCell(5, 40, true, rule)).toEqual({ suppressed: true, reason: 'count_hidden' });
    expect(percentCell(5, 9, false, rule)).toEqual({ suppressed: true, reason: 'few_women' });
    expect(percentCell(0, 0, false, rule)).toEqual({ suppressed: true, reason: 'few_women' });
    expect(valueOf(percentCell(20, 38, false, rule))).toBeCloseTo(52.63, 2);
    expect(percentCell(3, 0, false, null)).toEqual({ value: null });
  });

  it('suppresses a statistic over fewer than ten women only in share mode', () => {
    expect(statisticCell(1.5, 9, true)).toEqual({ suppressed: true, reason: 'few_women' });
    expect(statisticCell(1.5, 9, false)).toEqual({ value: 1.5 });
    expect(statisticCell(Number.NaN, 20, true)).toEqual({ value: null });
  });

  it('turns cells into the text the screens show only at the edge', () => {
    const cells: Cell[] = [{ value: 1234 }, { suppressed: true, reason: 'secondary' }, { value: null }];
    expect(cells.map((c) => cellText(c))).toEqual(['1,234', '[c]', '–']);
    expect(cellText({ value: 52.631 }, formatPercent(1))).toBe('52.6%');
    expect(cellText({ value: 2 }, formatFixed(2))).toBe('2.00');
  });

  it('reads how another table published a count', () => {
    expect([hiddenIn(suppressed('secondary')), hiddenIn(shown(12)), hiddenIn(undefined)]).toEqual([true, false, undefined]);
  });
});
