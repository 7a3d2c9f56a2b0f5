/**
 * Colours of the UK Government Analysis Function palette, and the fixed encodings of the
 * journey chart. Risk levels differ by band height, fill pattern and label as well as colour,
 * so they read in greyscale and for colour-blind viewers. The patterns are horizontal stripes
 * because zoom stretches the plot horizontally and horizontal stripes are the one texture that
 * stretching leaves unchanged (and so never needs redrawing).
 */
import type { RiskLevel } from '../model/risk-steps';

export const PALETTE = {
  darkBlue: '#12436D',
  turquoise: '#28A197',
  darkPink: '#801650',
  orange: '#F46A25',
  darkGrey: '#3D3D3D',
  lightPurple: '#A285D1',
} as const;

export const INK = '#1d1d1d';
export const MUTED_INK = '#4a4a4a';
export const GRID = '#d8dadc';
export const PAPER = '#ffffff';
export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

export type RiskPattern = 'plain' | 'stripes' | 'dense-stripes';

export interface RiskStyle {
  colour: string;
  pattern: RiskPattern;
  /** Height of the step as a share of its row: the band is a staircase. */
  rank: number;
}

export const RISK_STYLES: Readonly<Record<RiskLevel, RiskStyle>> = {
  standard: { colour: PALETTE.turquoise, pattern: 'plain', rank: 1 / 3 },
  medium: { colour: PALETTE.orange, pattern: 'stripes', rank: 2 / 3 },
  high: { colour: PALETTE.darkPink, pattern: 'dense-stripes', rank: 1 },
};

/** Opacity of the part of a risk step more than six months after its assessment. */
export const STALE_OPACITY = 0.3;

export function riskPatternId(level: RiskLevel): string {
  return `journey-risk-${level}`;
}

export const INCIDENT_COLOURS = { crime: PALETTE.darkPink, domestic_incident: PALETTE.darkBlue } as const;
export const SUPPORT_COLOUR = PALETTE.darkBlue;
export const CONTACT_COLOURS = { successful: PALETTE.turquoise, unanswered: PALETTE.orange, unknown: PALETTE.darkGrey } as const;
export const OUTCOME_COLOUR = PALETTE.darkBlue;
export const MILESTONE_COLOUR = PALETTE.lightPurple;
export const REFERENCE_COLOUR = PALETTE.darkGrey;
export const WINDOW_FILL = '#eceef0';

/**
 * Share of its row a weekly contact cell fills, by count (1, 2, 3, 4 or more): intensity shows
 * as height, not as a paler colour, so even a single contact keeps full contrast.
 */
export function contactShare(count: number): number {
  return count <= 0 ? 0 : Math.min(count, 4) / 4;
}
