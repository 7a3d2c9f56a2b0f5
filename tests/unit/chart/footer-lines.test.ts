import { describe, expect, it } from 'vitest';
import { FOOTER_CHARS, footerLines } from '../../../src/chart/layout/frame';

describe('footerLines', () => {
  it('keeps short lines and breaks a long one between words, none past the width', () => {
    const long = 'Coarsened for share mode: months since the first score grouped into half-years and County North and County South shown together as "Other areas", since each of their medians would be hidden.';
    const out = footerLines(['Source: outcome scores.', long]);
    expect(out[0]).toBe('Source: outcome scores.');
    expect(out.length).toBe(3);
    expect(out.slice(1).join(' ')).toBe(long);
    for (const line of out) expect(line.length).toBeLessThanOrEqual(FOOTER_CHARS);
  });
});
