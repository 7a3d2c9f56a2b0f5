import { describe, expect, it } from 'vitest';
import { barBlocks, maxShown } from '../../../../src/chart/layout/bars';

const G = { width: 760, left: 250, right: 80, bar: 14, step: 18, top: 48, footerLines: 2, colours: ['a', 'b'], ink: 'ink', mutedInk: 'muted', grid: 'grid' };

describe('bar blocks', () => {
  it('scales bars from zero to the largest value shown, and a hidden value draws no bar but its text', () => {
    const l = barBlocks(
      [
        { label: 'City', bars: [{ label: 'Charge', value: 86, text: '86' }, { label: 'Caution', value: null, text: '[c]' }] },
        { label: 'North', bars: [{ label: 'Charge', value: 43, text: '43' }] },
      ],
      G,
    );
    expect(l.rects.map((r) => [r.key, r.x, r.y, r.width, r.height, r.fill])).toEqual([
      ['City:Charge', 250, 68, 430, 14, 'a'],
      ['North:Charge', 250, 48 + 64 + 20, 215, 14, 'a'],
    ]);
    const hidden = l.texts.find((t) => t.key === 'City:Caution:value')!;
    expect([hidden.x, hidden.text, hidden.fill]).toEqual([255, '[c]', 'muted']);
    const shownText = l.texts.find((t) => t.key === 'City:Charge:value')!;
    expect([shownText.x, shownText.text]).toEqual([250 + 430 + 5, '86']);
    // Each block: heading, axis, one row per bar; the height leaves room for the footer.
    expect(l.rules.map((r) => [r.y1, r.y2])).toEqual([[66, 104], [130, 150]]);
    expect(l.height).toBe(112 + 28 + 18 + 10 + 2 * 14);
  });

  it('stays finite when every value is hidden or there are no blocks', () => {
    expect(maxShown([null, null])).toBeGreaterThan(0);
    const l = barBlocks([{ label: 'A', bars: [{ label: 'x', value: null, text: '[c]' }] }], G);
    expect(l.rects).toEqual([]);
    expect(barBlocks([], G).height).toBe(48 + 10 + 28);
  });
});
