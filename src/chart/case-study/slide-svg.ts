/**
 * A case study as slides in standalone SVG files: slide 0 is the title and content note, then
 * one slide a step. Everything shown is already redacted (months since referral, no case id, no
 * date) and everything typed by the trainer is escaped. Presenter notes never appear. Pure.
 */
import type { CaseStudy, CaseStudyStep } from '../../model/case-study/case-study';
import { formatPeriod } from '../../model/case-study/redact';
import { slideChart, type SlideChart, type SlideMark } from './slide-layout';
import { FONT_FAMILY, MUTED_INK } from '../palette';

export type SlideStudy = Pick<CaseStudy, 'title' | 'contentNote' | 'steps' | 'journey'>;

export const SLIDE_WIDTH = 1600;
export const SLIDE_HEIGHT = 900;
export const SLIDE_FOOTER = 'Waymark case study · times are months since referral';
export const SLIDE_LEGEND = 'Risk: ▲ high, ◆ medium, ■ standard; highlighted band = this step';
const SVG_NS = 'http://www.w3.org/2000/svg';
const INK = '#000000';
const MARGIN = 70;
const CONTENT_W = SLIDE_WIDTH - 2 * MARGIN;
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

/**
 * Lines of at most `maxChars` characters, broken between words; a word longer than a line is
 * cut. Line breaks the trainer typed are kept; runs of spaces collapse.
 */
export function wrapText(text: string, maxChars: number): string[] {
  const width = Math.max(1, Math.floor(maxChars));
  const out: string[] = [];
  for (const paragraph of String(text ?? '').split(/\r\n|\r|\n/)) {
    const words = paragraph.split(/\s+/).filter((w) => w.length > 0);
    if (words.length === 0) {
      out.push('');
      continue;
    }
    let line = '';
    for (let word of words) {
      while (word.length > width) {
        if (line) {
          out.push(line);
          line = '';
        }
        out.push(word.slice(0, width));
        word = word.slice(width);
      }
      if (!line) line = word;
      else if (line.length + 1 + word.length <= width) line += ` ${word}`;
      else {
        out.push(line);
        line = word;
      }
    }
    if (line) out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  while (out.length > 0 && out[0] === '') out.shift();
  return out;
}

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

/** One chart mark as SVG markup. */
function markMarkup(m: SlideMark): string {
  const opt = (name: string, v: string | number | undefined) => (v === undefined ? '' : ` ${name}="${typeof v === 'number' ? num(v) : escapeXml(v)}"`);
  switch (m.kind) {
    case 'rect':
      return `<rect x="${num(m.x)}" y="${num(m.y)}" width="${num(m.width)}" height="${num(m.height)}" fill="${escapeXml(m.fill)}"${opt('stroke', m.stroke)}${opt('stroke-width', m.strokeWidth)}${opt('opacity', m.opacity)}/>`;
    case 'path':
      return `<path d="${escapeXml(m.d)}" fill="${escapeXml(m.fill)}"${opt('stroke', m.stroke)}/>`;
    case 'circle':
      return `<circle cx="${num(m.cx)}" cy="${num(m.cy)}" r="${num(m.r)}" fill="${escapeXml(m.fill)}"${opt('stroke', m.stroke)}/>`;
    case 'line':
      return `<line x1="${num(m.x1)}" x2="${num(m.x2)}" y1="${num(m.y1)}" y2="${num(m.y2)}" stroke="${escapeXml(m.stroke)}"/>`;
    case 'text':
      return `<text x="${num(m.x)}" y="${num(m.y)}" font-size="${num(m.fontSize)}" fill="${escapeXml(m.fill)}"${opt('text-anchor', m.anchor)}>${escapeXml(m.text)}</text>`;
  }
}

/** The marks of a chart as SVG markup, in drawing order, without a surrounding element. */
export function chartMarks(chart: SlideChart): string {
  return chart.marks.map(markMarkup).join('');
}

/**
 * The chart as an <svg> element with role="img" and its label. `standalone` adds the SVG
 * namespace a file needs; inline in HTML it is left out so the page names no URL at all.
 */
export function chartSvg(chart: SlideChart, options: { standalone?: boolean; className?: string } = {}): string {
  const ns = options.standalone ? ` xmlns="${SVG_NS}"` : '';
  const cls = options.className ? ` class="${escapeXml(options.className)}"` : '';
  return `<svg${ns} viewBox="0 0 ${chart.width} ${chart.height}" role="img" aria-label="${escapeXml(chart.ariaLabel)}"${cls} font-family="${escapeXml(FONT_FAMILY)}">${chartMarks(chart)}</svg>`;
}

/** The title slide and one slide a step. */
export function slideCount(study: Pick<CaseStudy, 'steps'>): number {
  return study.steps.length + 1;
}

function month(v: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** The heading a slide shows: what the trainer typed, or a plain stand-in when it is blank. */
export function slideTitle(study: Pick<CaseStudy, 'title'>): string {
  return (study.title ?? '').trim() || 'Untitled case study';
}
export function stepHeading(step: Pick<CaseStudyStep, 'heading'>, stepIndex: number): string {
  return (step.heading ?? '').trim() || `Step ${stepIndex + 1}`;
}
/** "Step 2 of 4: months 1 to 3 since referral", as the present mode says it. */
export function stepPeriodLine(study: Pick<CaseStudy, 'steps'>, stepIndex: number): string {
  const step = study.steps[stepIndex];
  return `Step ${stepIndex + 1} of ${study.steps.length}: ${formatPeriod(month(step.fromMonth), month(step.toMonth))} since referral`;
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
  const y = SLIDE_HEIGHT - 34;
  return (
    `<line x1="${MARGIN}" x2="${SLIDE_WIDTH - MARGIN}" y1="${y - 32}" y2="${y - 32}" stroke="${MUTED_INK}" stroke-width="1"/>` +
    textMarkup({ text: SLIDE_FOOTER, y, size: 22, fill: MUTED_INK }) +
    textMarkup({ text: `Slide ${slideIndex + 1} of ${count}`, y, size: 22, fill: MUTED_INK, anchor: 'end', x: SLIDE_WIDTH - MARGIN })
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

/** The trainer's text at the largest size that leaves the chart room, clipped if even that fails. */
function fitText(text: string, top: number, bottom: number): { lines: string[]; size: number; lineHeight: number } {
  for (const size of [28, 25, 22]) {
    const lineHeight = Math.round(size * 1.35);
    const lines = wrapText(text, charsFor(size));
    if (top + lineHeight * Math.max(0, lines.length - 1) <= bottom) return { lines, size, lineHeight };
  }
  const size = 22;
  const lineHeight = Math.round(size * 1.35);
  const max = Math.max(1, Math.floor((bottom - top) / lineHeight) + 1);
  return { lines: clip(wrapText(text, charsFor(size)), max, charsFor(size)), size, lineHeight };
}

function stepSlide(study: SlideStudy, stepIndex: number): string {
  const step = study.steps[stepIndex];
  const heading = stepHeading(step, stepIndex);
  const chart = slideChart(study, stepIndex);
  const lines: TextLine[] = [];
  let y = block(lines, clip(wrapText(heading, charsFor(52)), 2, charsFor(52)), 96, 52, 62, { weight: 'bold' });
  y = block(lines, [stepPeriodLine(study, stepIndex)], y + 52, 30, 40);

  const legendY = SLIDE_HEIGHT - 98;
  const chartBottom = legendY - 36;
  const minChartH = chart.height * 0.9;
  const text = fitText(step.text, y + 54, chartBottom - minChartH - 30);
  if (text.lines.length > 0) y = block(lines, text.lines, y + 54, text.size, text.lineHeight);

  const chartTop = y + 30;
  const scale = Math.max(0.5, Math.min(CONTENT_W / chart.width, (chartBottom - chartTop) / chart.height));
  const chartX = MARGIN + (CONTENT_W - chart.width * scale) / 2;
  lines.push({ text: SLIDE_LEGEND, y: legendY, size: 24 });

  const chartMarkup =
    `<g transform="translate(${num(chartX)} ${num(chartTop)}) scale(${num(scale)})">` +
    `<title>${escapeXml(chart.ariaLabel)}</title>${chartMarks(chart)}</g>`;
  return svgDocument(`${heading}. ${stepPeriodLine(study, stepIndex)}. ${chart.ariaLabel}.`, lines.map(textMarkup).join('') + chartMarkup + footer(stepIndex + 1, slideCount(study)));
}

/** Slide `slideIndex` (0 is the title and content note) as a complete SVG file, 1600 by 900. */
export function slideSvg(study: SlideStudy, slideIndex: number): string {
  if (!Number.isInteger(slideIndex) || slideIndex < 0 || slideIndex >= slideCount(study)) {
    throw new RangeError(`There is no slide ${slideIndex + 1} in this case study.`);
  }
  return slideIndex === 0 ? titleSlide(study) : stepSlide(study, slideIndex - 1);
}
