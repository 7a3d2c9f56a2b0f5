/**
 * What the generic marks draw: already-scaled shapes in SVG user units. Layout functions (pure,
 * in this folder) turn data and a size into these; the marks only draw them.
 */
export interface RectShape {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  /** A CSS class instead of (or as well as) a fill, for charts styled by the page. */
  className?: string;
  fillOpacity?: number;
  stroke?: string;
  strokeWidth?: number;
}

export interface TextShape {
  key: string;
  x: number;
  y: number;
  text: string;
  size?: number;
  anchor?: 'start' | 'middle' | 'end';
  weight?: number;
  fill?: string;
  dy?: string;
}

export interface RuleShape {
  key: string;
  x1: number;
  x2: number;
  y1: number;
  y2: number;
  stroke?: string;
  strokeWidth?: number;
  /** A dash pattern (stroke-dasharray), e.g. '4 3'. */
  dash?: string;
  className?: string;
}

export interface PathShape {
  key: string;
  d: string;
  fill: string;
  fillOpacity?: number;
  stroke?: string;
  strokeWidth?: number;
  /** A dash pattern (stroke-dasharray), e.g. '4 3'. */
  dash?: string;
}

export interface DotShape {
  key: string;
  cx: number;
  cy: number;
  r: number;
  fill: string;
}
