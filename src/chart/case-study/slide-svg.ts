/**
 * A case study as slides in standalone SVG files: slide 0 is the title and content note, then
 * one slide a step. Everything shown is already redacted (months since referral, no case id, no
 * date) and everything typed by the trainer is escaped. Presenter notes never appear. Pure.
 */
import type { CaseStudy, CaseStudyStep } from '../../model/case-study/case-study';
import { formatPeriod } from '../../model/case-study/redact';
import { slideChart, stepPeriod, type SlideChart } from './slide-layout';
import { SVG_TAGS, type SvgNode } from '../journey-drawing';
import { FONT_FAMILY, MUTED_INK } from '../palette';
import { wrapText } from '../layout/wrap-text';

export { wrapText };

export type SlideStudy = Pick<CaseStudy, 'title' | 'contentNote' | 'steps' | 'journey'>;

export const SLIDE_WIDTH = 1600;
export const SLIDE_HEIGHT = 900;
export const SLIDE_FOOTER = 'Waymark case study · times are months since referral';
const SVG_NS = 'http://www.w3.org/2000/svg';
const INK = '#000000';
export const MARGIN = 60;
export const CONTENT_W = SLIDE_WIDTH - 2 * MARGIN;
/** Average glyph width of a system sans-serif as a share of its size, rounded up for safety. */
const GLYPH = 0.52;

/** Characters XML 1.0 cannot hold at all (most control characters, lone surrogates). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe as XML or HTML text and as a quoted attribute value: the five markup
 * characters escaped, characters XML cannot hold dropped. The one escaper of the exports.
 */
export function escapeXml(text: string): string {
  return String(text)
    .replace(NOT_XML, '')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
/** HTML text and attributes escape the same way: one implementation, two names. */
export const escapeHtml = escapeXml;


/** At most `max` lines; the last kept line ends in an ellipsis when some were left out. */
function clip(lines: string[], max: number, maxChars: number): string[] {
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  const last = kept[max - 1];
  kept[max - 1] = `${last.length + 2 > maxChars ? last.slice(0, Math.max(0, maxChars - 2)) : last} …`;
  return kept;
}

function charsFor(fontSize: number, width = CONTENT_W): number {
  return Math.floor(width / (fontSize * GLYPH));
}

function num(v: number): string {
  return String(Math.round(v * 100) / 100);
}

/** One element of a drawing as SVG markup; only the drawing's own tags, every value escaped. */
export function nodeMarkup(node: SvgNode): string {
  if (!SVG_TAGS.has(node.tag)) return '';
  let attrs = '';
  for (const [name, v] of Object.entries(node.attrs)) {
    if (v === undefined) continue;
    attrs += ` ${name}="${typeof v === 'number' ? num(v) : escapeXml(v)}"`;
  }
  const inner = (node.text !== undefined ? escapeXml(node.text) : '') + (node.children ?? []).map(nodeMarkup).join('');
  return inner ? `<${node.tag}${attrs}>${inner}</${node.tag}>` : `<${node.tag}${attrs}/>`;
}

/** The marks of a chart as SVG markup, in drawing order, without a surrounding element. */
export function chartMarks(chart: SlideChart): string {
  return chart.nodes.map(nodeMarkup).join('');
}

/**
 * The chart as an <svg> element with role="img" and its label. `standalone` adds the SVG
 * namespace a file needs; inline in HTML it is left out so the page names no URL at all.
 */
export function chartSvg(chart: SlideChart, options: { standalone?: boolean; className?: string } = {}): string {
  const ns = options.standalone ? ` xmlns="${SVG_NS}"` : '';
  const cls = options.className ? ` class="${escapeXml(options.className)}"` : '';
  return `<svg${ns} viewBox="0 0 ${num(chart.width)} ${num(chart.height)}" role="img" aria-label="${escapeXml(chart.ariaLabel)}"${cls} font-family="${escapeXml(FONT_FAMILY)}">${chartMarks(chart)}</svg>`;
}

/** The title slide and one slide a step. */
export function slideCount(study: Pick<CaseStudy, 'steps'>): number {
  return study.steps.length + 1;
}

/** The heading a slide shows: what the trainer typed, or a plain stand-in when it is blank. */
export function slideTitle(study: Pick<CaseStudy, 'title'>): string {
  return (study.title ?? '').trim() || 'Untitled case study';
}
export function stepHeading(step: Pick<CaseStudyStep, 'heading'>, stepIndex: number): string {
  return (step.heading ?? '').trim() || `Step ${stepIndex + 1}`;
}
/** "Step 2 of 4: months 1 to 3 since referral", as the present mode says it (the period clamped into her journey). */
export function stepPeriodLine(study: Pick<CaseStudy, 'steps' | 'journey'>, stepIndex: number): string {
  const { from, to } = stepPeriod(study.journey, study.steps[stepIndex]);
  return `Step ${stepIndex + 1} of ${study.steps.length}: ${formatPeriod(from, to)} since referral`;
}

interface TextLine {
  text: string;
  y: number;
  size: number;
  weight?: 'bold';
  fill?: string;
  anchor?: 'start' | 'end';
  x?: number;
}

function textMarkup(l: TextLine): string {
  const weight = l.weight ? ` font-weight="${l.weight}"` : '';
  const anchor = l.anchor === 'end' ? ' text-anchor="end"' : '';
  return `<text x="${num(l.x ?? MARGIN)}" y="${num(l.y)}" font-size="${l.size}"${weight}${anchor} fill="${l.fill ?? INK}">${escapeXml(l.text)}</text>`;
}

/** Lines of a block of text starting with its first baseline at `y`; returns the next free y. */
function block(out: TextLine[], lines: string[], y: number, size: number, lineHeight: number, extra: Partial<TextLine> = {}): number {
  let at = y;
  for (const text of lines) {
    if (text) out.push({ text, y: at, size, ...extra });
    at += lineHeight;
  }
  return at - lineHeight;
}

function svgDocument(label: string, body: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="${SVG_NS}" width="${SLIDE_WIDTH}" height="${SLIDE_HEIGHT}" viewBox="0 0 ${SLIDE_WIDTH} ${SLIDE_HEIGHT}" role="img" aria-label="${escapeXml(label)}" font-family="${escapeXml(FONT_FAMILY)}">` +
    `<title>${escapeXml(label)}</title>` +
    `<rect x="0" y="0" width="${SLIDE_WIDTH}" height="${SLIDE_HEIGHT}" fill="#ffffff"/>` +
    body +
    `</svg>\n`
  );
}

function footer(slideIndex: number, count: number): string {
  const y = SLIDE_HEIGHT - 24;
  return (
    `<line x1="${MARGIN}" x2="${SLIDE_WIDTH - MARGIN}" y1="${SLIDE_HEIGHT - 62}" y2="${SLIDE_HEIGHT - 62}" stroke="${MUTED_INK}" stroke-width="1"/>` +
    textMarkup({ text: SLIDE_FOOTER, y, size: FOOTER_SIZE, fill: MUTED_INK }) +
    textMarkup({ text: `Slide ${slideIndex + 1} of ${count}`, y, size: FOOTER_SIZE, fill: MUTED_INK, anchor: 'end', x: SLIDE_WIDTH - MARGIN })
  );
}

function titleSlide(study: SlideStudy): string {
  const lines: TextLine[] = [];
  const title = slideTitle(study);
  lines.push({ text: 'Case study', y: 110, size: 30, fill: MUTED_INK });
  let y = block(lines, clip(wrapText(title, charsFor(64)), 3, charsFor(64)), 190, 64, 76, { weight: 'bold' });
  y = block(lines, ['Content note'], y + 100, 40, 50, { weight: 'bold' });
  const noteTop = y + 56;
  const noteLines = Math.max(1, Math.floor((690 - noteTop) / 44) + 1);
  block(lines, clip(wrapText(study.contentNote, charsFor(32)), noteLines, charsFor(32)), noteTop, 32, 44);
  const steps = study.steps.length;
  const next = steps === 0 ? 'No steps follow yet.' : `${steps} ${steps === 1 ? 'step follows' : 'steps follow'}, one a slide; each shows only what happened up to its end.`;
  block(lines, clip(wrapText(next, charsFor(28)), 2, charsFor(28)), 752, 28, 38, { fill: MUTED_INK });
  return svgDocument(`${title}: content note`, lines.map(textMarkup).join('') + footer(0, slideCount(study)));
}

/* A step slide, 1600 by 900: heading, period, the trainer's text, then the chart filling the rest. */
export const HEADING_SIZE = 46;
export const HEADING_LINE = 54;
export const HEADING_LINES = 2;
export const PERIOD_SIZE = 28;
export const TEXT_SIZE = 28;
export const TEXT_LINE = 38;
/** The step text a slide holds: the editor refuses more, so a slide never overflows. */
export const TEXT_LINES = 3;
export const FOOTER_SIZE = 20;
const HEADING_TOP = 40;
const FOOTER_TOP = SLIDE_HEIGHT - 62;

/** Characters of step text a slide holds, with room for the longest words to wrap. */
export const STEP_TEXT_MAX_CHARS = Math.floor(TEXT_LINES * charsFor(TEXT_SIZE) * 0.88);

/** Why a step's text does not fit its slide, or null when it does. */
export function stepTextProblem(text: string): string | null {
  const t = (text ?? '').trim();
  const lines = wrapText(t, charsFor(TEXT_SIZE)).length;
  if (t.length > STEP_TEXT_MAX_CHARS) return `Too long for a slide: ${STEP_TEXT_MAX_CHARS} characters fit, and this has ${t.length}. Shorten it, or split the step in two; longer thoughts belong in the presenter notes.`;
  if (lines > TEXT_LINES) return `Too long for a slide: ${STEP_TEXT_MAX_CHARS} characters fit on at most ${TEXT_LINES} lines, and this makes ${lines} lines. Use fewer line breaks.`;
  return null;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where everything of a step slide goes: the one layout of the present mode and the SVG slide. */
export interface StepSlideLayout {
  heading: string[];
  period: string;
  text: string[];
  /** Top of the heading, period and text blocks (the top of their first line box). */
  headingTop: number;
  periodTop: number;
  textTop: number;
  chart: SlideChart;
  /** Where the chart is drawn, keeping its shape, centred in the room left. */
  chartBox: Box;
  footerTop: number;
}

export function stepSlideLayout(study: SlideStudy, stepIndex: number, idPrefix = 'slide'): StepSlideLayout {
  const step = study.steps[stepIndex];
  const chart = slideChart(study, stepIndex, idPrefix);
  const heading = clip(wrapText(stepHeading(step, stepIndex), charsFor(HEADING_SIZE)), HEADING_LINES, charsFor(HEADING_SIZE));
  const text = clip(wrapText(step.text, charsFor(TEXT_SIZE)), TEXT_LINES, charsFor(TEXT_SIZE));
  const headingTop = HEADING_TOP;
  const periodTop = headingTop + heading.length * HEADING_LINE + 8;
  const textTop = periodTop + Math.round(PERIOD_SIZE * 1.35) + 10;
  const room = { x: MARGIN, y: textTop + text.length * TEXT_LINE + 20, width: CONTENT_W, height: 0 };
  room.height = FOOTER_TOP - 16 - room.y;
  const scale = chart.height > 0 ? Math.min(room.width / chart.width, room.height / chart.height) : 1;
  const width = chart.height > 0 ? chart.width * scale : room.width;
  const height = chart.height > 0 ? chart.height * scale : room.height;
  return {
    heading,
    period: stepPeriodLine(study, stepIndex),
    text,
    headingTop,
    periodTop,
    textTop,
    chart,
    chartBox: { x: room.x + (room.width - width) / 2, y: room.y, width, height },
    footerTop: FOOTER_TOP,
  };
}

/** A line's baseline from the top of its line box. */
function baseline(top: number, size: number, lineHeight: number): number {
  return top + (lineHeight - size) / 2 + size * 0.8;
}

function stepSlide(study: SlideStudy, stepIndex: number): string {
  const layout = stepSlideLayout(study, stepIndex);
  const { chart, chartBox } = layout;
  const lines: TextLine[] = [];
  layout.heading.forEach((text, i) => lines.push({ text, y: baseline(layout.headingTop + i * HEADING_LINE, HEADING_SIZE, HEADING_LINE), size: HEADING_SIZE, weight: 'bold' }));
  lines.push({ text: layout.period, y: baseline(layout.periodTop, PERIOD_SIZE, Math.round(PERIOD_SIZE * 1.35)), size: PERIOD_SIZE, weight: 'bold' });
  layout.text.forEach((text, i) => lines.push({ text, y: baseline(layout.textTop + i * TEXT_LINE, TEXT_SIZE, TEXT_LINE), size: TEXT_SIZE }));
  let chartMarkup: string;
  if (chart.empty) {
    const empty = wrapText(chart.empty, charsFor(TEXT_SIZE));
    chartMarkup = empty.map((t, i) => textMarkup({ text: t, y: baseline(chartBox.y + 20 + i * TEXT_LINE, TEXT_SIZE, TEXT_LINE), size: TEXT_SIZE })).join('');
  } else {
    const scale = chartBox.width / chart.width;
    chartMarkup =
      `<g transform="translate(${num(chartBox.x)} ${num(chartBox.y)}) scale(${num(scale)})" data-chart="journey">` +
      `<title>${escapeXml(chart.ariaLabel)}</title>${chartMarks(chart)}</g>`;
  }
  const heading = stepHeading(study.steps[stepIndex], stepIndex);
  return svgDocument(`${heading}. ${layout.period}. ${chart.ariaLabel}.`, lines.map(textMarkup).join('') + chartMarkup + footer(stepIndex + 1, slideCount(study)));
}

/** Slide `slideIndex` (0 is the title and content note) as a complete SVG file, 1600 by 900. */
export function slideSvg(study: SlideStudy, slideIndex: number): string {
  if (!Number.isInteger(slideIndex) || slideIndex < 0 || slideIndex >= slideCount(study)) {
    throw new RangeError(`There is no slide ${slideIndex + 1} in this case study.`);
  }
  return slideIndex === 0 ? titleSlide(study) : stepSlide(study, slideIndex - 1);
}
