/**
 * The lines of a chart frame around its marks: the title and subtitle at the top and the footer
 * (source, period, n and definitions) at the bottom, inside the SVG so every exported image
 * carries them. Pure.
 */
import { INK, MUTED_INK } from '../palette';
import type { TextShape } from './types';
import { wrapText } from './wrap-text';

/** Characters of 11-unit footer text that fit a 760-unit chart. */
export const FOOTER_CHARS = 118;

/** Footer lines broken between words so that none runs past the chart's width (a chart sizes itself by the lines it gets). */
export function footerLines(lines: readonly string[], maxChars = FOOTER_CHARS): string[] {
  return lines.flatMap((line) => (line.length <= maxChars ? [line] : wrapText(line, maxChars)));
}

/** Footer lines: by default the last sits 6 units above the bottom; `top` puts the first there instead. */
export function footerTexts(lines: readonly string[], at: { height: number; top?: number }): TextShape[] {
  return lines.map((text, k) => ({
    key: `footer${k}`,
    x: 8,
    y: at.top === undefined ? at.height - 6 - (lines.length - 1 - k) * 14 : at.top + k * 14,
    text,
    size: 11,
    fill: MUTED_INK,
  }));
}

export function headTexts(title: string, subtitle: string | undefined): TextShape[] {
  const out: TextShape[] = [{ key: 'title', x: 8, y: 20, text: title, size: 15, weight: 700, fill: INK }];
  if (subtitle) out.push({ key: 'subtitle', x: 8, y: 38, text: subtitle, size: 12, fill: MUTED_INK });
  return out;
}
