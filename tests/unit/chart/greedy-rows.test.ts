import { describe, expect, it } from 'vitest';
import { greedyRows, labelSide, textWidth } from '../../../src/chart/greedy-rows';

describe('greedy label rows', () => {
  const items = [
    { x0: 0, x1: 50 },
    { x0: 30, x1: 80 },
    { x0: 60, x1: 100 },
    { x0: 120, x1: 150 },
  ];

  it('puts each label on the first row free where it starts', () => {
    expect(greedyRows(items, 3)).toEqual({
      rows: 2,
      placements: [
        { row: 0, showLabel: true },
        { row: 1, showLabel: true },
        { row: 0, showLabel: true },
        { row: 0, showLabel: true },
      ],
    });
  });

  it('hides the labels that do not fit and keeps their marks where they fit alone', () => {
    const withMarks = items.map((i) => ({ ...i, markX0: i.x0, markX1: i.x0 + 10 }));
    expect(greedyRows(withMarks, 1).placements).toEqual([
      { row: 0, showLabel: true },
      { row: 0, showLabel: false },
      { row: 0, showLabel: true },
      { row: 0, showLabel: true },
    ]);
  });

  it('handles items given out of order', () => {
    expect(greedyRows([items[3], items[0], items[1]], 3).placements.map((p) => p.row)).toEqual([0, 0, 1]);
    expect(greedyRows([], 3)).toEqual({ rows: 1, placements: [] });
  });

  it('flips labels near the right edge to the left of their mark', () => {
    expect(textWidth('Order granted')).toBe(81);
    expect(labelSide(900, 81, 1000, 8)).toBe('right');
    expect(labelSide(950, 81, 1000, 8)).toBe('left');
  });
});
