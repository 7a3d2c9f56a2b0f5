import { describe, expect, it } from 'vitest';
import type { CaseStudy, CaseStudyStep } from '../../../src/model/case-study/case-study';
import type { RedactedEvent, RedactedJourney } from '../../../src/model/case-study/redact';
import { slideChart, SLIDE_CHART_HEIGHT, SLIDE_CHART_WIDTH } from '../../../src/chart/case-study/slide-layout';
import { escapeHtml, escapeXml, slideCount, slideSvg, wrapText } from '../../../src/chart/case-study/slide-svg';
import { OFFLINE_CSP, offlineHtml } from '../../../src/chart/case-study/offline-html';
import { findCalendarDate } from '../../../src/model/case-study/reidentification';
import { sampleCaseStudy, SAMPLE_STUDY_STEPS } from '../../../src/model/case-study/sample-studies';
import { buildJourney } from '../../../src/model/journey';
import { listCases } from '../../../src/model/case-list';
import { recordsOf } from '../../../src/data/working-set';
import { sampleWorkingSet } from '../model/section4-sample';

const XSS = `<script>alert(1)</script> & "x" 'y'`;
const XSS_ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;';
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
/** The browser test's pattern: ISO and UK dates, "3 March", "March 2014", years 19xx and 20xx. */
const CALENDAR_DATE = new RegExp(`\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b|\\b\\d{1,2}\\s+(?:${MONTHS})\\b|\\b(?:${MONTHS})\\s+\\d{4}\\b|\\b(?:19|20)\\d{2}\\b`);

function ev(lane: RedactedEvent['lane'], month: number, label: string, extra: Partial<RedactedEvent> = {}): RedactedEvent {
  return { lane, month, toMonth: null, label, level: null, detail: null, ...extra };
}

function journey(): RedactedJourney {
  return {
    ageBand: '35 to 44',
    area: null,
    ethnicity: null,
    needs: [],
    lastMonth: 8,
    events: [
      ev('risk', -1, 'Risk medium (IDVA)', { level: 'medium' }),
      ev('risk', 0.5, 'Risk standard (IDVA)', { level: 'standard' }),
      ev('milestones', 2, 'Left the relationship', { detail: XSS }),
      ev('support', 1, 'Housing (ongoing)', { toMonth: 7 }),
      ev('contacts', 1.2, '2 contact attempts, 1 successful'),
      ev('risk', 5, 'Risk high (MARAC)', { level: 'high' }),
      ev('milestones', 5.5, 'Moved to a new home'),
      ev('incidents', 6, 'Crime: assault'),
    ],
  };
}

function study(overrides: Partial<CaseStudy> = {}): CaseStudy {
  const steps: CaseStudyStep[] = [
    { id: 'a', fromMonth: 1, toMonth: 3, heading: 'Leaving', text: 'She ended the relationship.', lanes: ['risk', 'milestones'] },
    { id: 'b', fromMonth: 3, toMonth: 6, heading: 'A new home', text: 'She moved.', lanes: ['risk', 'milestones', 'support', 'contacts'] },
  ];
  return { title: "Megan's journey", contentNote: 'Describes abuse.', caseKey: 'MRP-0002', steps, options: { showArea: false, includedDetails: [] }, journey: journey(), updatedAt: 0, ...overrides };
}

function xssStudy(): CaseStudy {
  const s = study({ title: XSS, contentNote: XSS });
  s.steps = s.steps.map((st) => Object.assign({ ...st, heading: XSS, text: `${XSS}\nSecond line` }, { notes: 'PRESENTER-ONLY-NOTE' }));
  s.journey.events = s.journey.events.map((e) => ({ ...e, label: `${e.label} ${XSS}` }));
  return s;
}

const ENTITY = /^&(?:amp|lt|gt|quot|#39|#\d+|#x[0-9a-f]+);/i;

/**
 * Well-formedness by a tag stack: every tag closes in order, attribute values are quoted and
 * hold no "<", text holds no raw "<" or ">", every "&" starts an entity. HTML mode allows void
 * elements and valueless attributes; script and style contents are skipped.
 */
function checkMarkup(markup: string, html = false): void {
  const voids = new Set(html ? ['meta', 'link', 'br', 'img', 'input', 'hr'] : []);
  let s = markup.replace(/^<\?xml [^?]*\?>\s*/, '').replace(/^<!DOCTYPE html>\s*/, '');
  if (html) s = s.replace(/<(script|style)>[\s\S]*?<\/\1>/g, '<$1></$1>');
  const attr = html ? String.raw`\s+[\w:-]+(?:="(?:[^"<&]|&(?:amp|lt|gt|quot|#39);)*")?` : String.raw`\s+[\w:-]+="(?:[^"<&]|&(?:amp|lt|gt|quot|#39);)*"`;
  const tag = new RegExp(String.raw`<(/?)([A-Za-z][\w:-]*)((?:${attr})*)\s*(/?)>`, 'y');
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '<') {
      tag.lastIndex = i;
      const m = tag.exec(s);
      if (!m) throw new Error(`Malformed tag at ${i}: ${s.slice(i, i + 60)}`);
      const [, close, name, , self] = m;
      if (close) {
        const open = stack.pop();
        if (open !== name) throw new Error(`</${name}> closes <${open}> at ${i}`);
      } else if (!self && !voids.has(name)) {
        if (stack.length === 0) roots++;
        stack.push(name);
      } else if (stack.length === 0) roots++;
      i = tag.lastIndex;
    } else if (c === '>') {
      throw new Error(`Raw ">" at ${i}: ${s.slice(Math.max(0, i - 40), i + 20)}`);
    } else if (c === '&') {
      if (!ENTITY.test(s.slice(i))) throw new Error(`Raw "&" at ${i}: ${s.slice(i, i + 20)}`);
      i++;
    } else i++;
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
}

/** The text of one slide's section in the offline HTML. */
function sectionOf(html: string, n: number): string {
  const m = new RegExp(`<section class="slide" id="slide-${n}"[\\s\\S]*?</section>`).exec(html);
  if (!m) throw new Error(`no section ${n}`);
  return m[0];
}

describe('slideChart', () => {
  it('labels the chart as the present mode always has', () => {
    expect(slideChart(study(), 0).ariaLabel).toBe('Her journey up to month 3, months 1 to 3 highlighted');
    const s = study();
    s.steps[0] = { ...s.steps[0], fromMonth: -1, toMonth: 0 };
    expect(slideChart(s, 0).ariaLabel).toBe('Her journey up to month 0, 1 month before referral to month 0 highlighted');
    s.steps[0] = { ...s.steps[0], fromMonth: 4, toMonth: 4 };
    expect(slideChart(s, 0).ariaLabel).toBe('Her journey up to month 4, month 4 highlighted');
  });

  it('draws the band, the lanes of the step, the revealed events and the month axis in that order', () => {
    const c = slideChart(study(), 0);
    expect([c.width, c.height]).toEqual([SLIDE_CHART_WIDTH, SLIDE_CHART_HEIGHT]);
    expect(c.marks[0]).toMatchObject({ kind: 'rect', fill: '#ffe9a8' });
    const texts = c.marks.filter((m) => m.kind === 'text').map((m) => (m.kind === 'text' ? m.text : ''));
    expect(texts.slice(0, 2)).toEqual(['Risk', 'Milestones']);
    // Domain -1 to 8: a tick every month.
    expect(texts.slice(2)).toEqual(['-1', '0', '1', '2', '3', '4', '5', '6', '7', '8']);
    // Risk at -1 and 0.5 (a diamond and a square), the milestone at 2: nothing after month 3.
    expect(c.marks.filter((m) => m.kind === 'path').map((m) => (m.kind === 'path' ? m.fill : ''))).toEqual(['#F46A25', '#28A197']);
    expect(c.marks.filter((m) => m.kind === 'circle')).toHaveLength(1);
    expect(c.inPeriod.map((e) => e.label)).toEqual(['Left the relationship']);
  });

  it('cuts a lasting support bar at the end of the step and keeps every mark inside the chart', () => {
    const c = slideChart(study(), 1);
    const bar = c.marks.find((m) => m.kind === 'rect' && m.opacity !== undefined);
    expect(bar).toBeDefined();
    const x = (m: number) => 200 + ((m + 1) / 9) * 780;
    if (bar?.kind === 'rect') expect(bar.x + bar.width).toBeCloseTo(x(6), 1);
    for (const m of c.marks) {
      const xs = m.kind === 'line' ? [m.x1, m.x2] : m.kind === 'circle' ? [m.cx] : m.kind === 'path' ? [] : [m.x];
      for (const v of xs) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(c.width);
      }
    }
  });

  it('refuses a step that is not there', () => {
    expect(() => slideChart(study(), 2)).toThrow(RangeError);
  });
});

describe('wrapText and escapeXml', () => {
  const table: [string, number, string[]][] = [
    ['', 10, []],
    ['one two three four', 9, ['one two', 'three', 'four']],
    ['one two three', 13, ['one two three']],
    ['  spaced    out  ', 20, ['spaced out']],
    ['abcdefghijkl', 5, ['abcde', 'fghij', 'kl']],
    ['a\nb\n\nc', 10, ['a', 'b', '', 'c']],
  ];
  it.each(table)('wraps %j at %i characters', (text, width, expected) => {
    expect(wrapText(text, width)).toEqual(expected);
  });

  it('never makes a line longer than asked', () => {
    const text = 'Weekly outcome "batteries" gave her a sense of progress. With help on housing options she moved.';
    for (const w of [5, 12, 30]) for (const line of wrapText(text, w)) expect(line.length).toBeLessThanOrEqual(w);
  });

  it('escapes the five markup characters and drops what XML cannot hold', () => {
    expect(escapeXml(XSS)).toBe(XSS_ESCAPED);
    expect(escapeXml('a\u0000b\u0007c\td')).toBe('abc\td');
    expect(escapeXml('😀')).toBe('😀');
    expect(escapeHtml).toBe(escapeXml);
  });
});

describe('slideSvg', () => {
  it('makes a title slide and one slide a step, each a standalone 16:9 SVG file', () => {
    const s = study();
    expect(slideCount(s)).toBe(3);
    for (let i = 0; i < slideCount(s); i++) {
      const svg = slideSvg(s, i);
      expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900"')).toBe(true);
      expect(svg).toContain('<rect x="0" y="0" width="1600" height="900" fill="#ffffff"/>');
      expect(svg).toContain('Waymark case study · times are months since referral');
      expect(svg).toContain(`Slide ${i + 1} of 3`);
      checkMarkup(svg);
    }
    expect(() => slideSvg(s, 3)).toThrow(RangeError);
    expect(() => slideSvg(s, -1)).toThrow(RangeError);
  });

  it('shows the title and content note first, then each step with its period, text, chart and legend', () => {
    const s = study();
    const title = slideSvg(s, 0);
    expect(title).toContain('Megan&#39;s journey');
    expect(title).toContain('>Content note<');
    expect(title).toContain('>Describes abuse.<');
    const step = slideSvg(s, 2);
    expect(step).toContain('>A new home<');
    expect(step).toContain('>Step 2 of 2: months 3 to 6 since referral<');
    expect(step).toContain('>She moved.<');
    expect(step).toContain('Risk: ▲ high, ◆ medium, ■ standard; highlighted band = this step');
    expect(step).toContain('Her journey up to month 6, months 3 to 6 highlighted');
  });

  it('reveals nothing after the end of the step', () => {
    const s = study();
    const first = slideSvg(s, 1);
    const second = slideSvg(s, 2);
    // The high risk at month 5 is the one dark-pink triangle; the month 5.5 milestone a second circle.
    expect(first).not.toContain('fill="#801650"');
    expect(second).toContain('fill="#801650"');
    expect(first.match(/<circle /g)).toHaveLength(1);
    expect(second.match(/<circle /g)!.length).toBeGreaterThan(1);
    // The incident at month 6 is on no lane of these steps.
    const s2 = study();
    s2.steps[1] = { ...s2.steps[1], lanes: ['incidents'], toMonth: 5.9 };
    expect(slideSvg(s2, 2)).not.toContain('<circle ');
    s2.steps[1] = { ...s2.steps[1], toMonth: 6 };
    expect(slideSvg(s2, 2)).toContain('<circle ');
  });

  it('wraps long text into lines that fit and clips what cannot fit', () => {
    const s = study();
    s.steps[0] = { ...s.steps[0], text: 'word '.repeat(2000) };
    const svg = slideSvg(s, 1);
    checkMarkup(svg);
    expect(svg).toContain('…');
    const ys = [...svg.matchAll(/<text x="70" y="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.max(...ys)).toBeLessThan(900);
  });
});

describe('offlineHtml', () => {
  it('is one file with the strict CSP, a main landmark and one section a slide, the first showing', () => {
    const s = study();
    const html = offlineHtml(s);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${OFFLINE_CSP}">`);
    expect(OFFLINE_CSP).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:/);
    expect(html.match(/<main[ >]/g)).toHaveLength(1);
    expect(html.match(/<section /g)).toHaveLength(slideCount(s));
    expect(html.match(/<section [^>]* hidden>/g)).toHaveLength(slideCount(s) - 1);
    expect(html.match(/<h1 /g)).toHaveLength(slideCount(s));
    expect(html).toContain('<p id="counter" aria-live="polite">Slide 1 of 3</p>');
    for (const name of ['Previous', 'Next', 'Full screen']) expect(html).toContain(`>${name}</button>`);
    expect(html.match(/<svg [^>]*role="img" aria-label="Her journey up to month \d+, [^"]+ highlighted"/g)).toHaveLength(2);
    expect(sectionOf(html, 1)).toContain('>Content note</h2>');
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    checkMarkup(html, true);
  });

  it('names no URL and loads nothing: no http, no "//", no src or href', () => {
    const html = offlineHtml(study());
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toContain('//');
    expect(html).not.toMatch(/\s(?:src|href|xmlns|action|srcset)=/i);
    expect(html).not.toMatch(/url\(|@import/i);
  });

  it('moves by keys, buttons and clicks in its own inline script', () => {
    const html = offlineHtml(study());
    const script = /<script>([\s\S]*)<\/script>/.exec(html)![1];
    for (const key of ['ArrowRight', 'ArrowLeft', 'PageDown', 'PageUp', "' '", 'Home', 'End', 'Escape']) expect(script).toContain(key);
    expect(script).toContain('exitFullscreen');
    expect(() => new Function(script)).not.toThrow();
  });

  it('lists the events of the period, revealing nothing after the step', () => {
    const html = offlineHtml(study());
    expect(sectionOf(html, 2)).toContain('month 2: Left the relationship');
    expect(sectionOf(html, 2)).not.toContain('Moved to a new home');
    expect(sectionOf(html, 3)).toContain('month 5.5: Moved to a new home');
    expect(sectionOf(html, 3)).not.toContain('contact attempts');
  });
});

describe('every export', () => {
  it('escapes everything the trainer typed and never shows presenter notes', () => {
    const s = xssStudy();
    const outputs = [...Array.from({ length: slideCount(s) }, (_, i) => slideSvg(s, i)), offlineHtml(s)];
    for (const out of outputs) {
      expect(out).not.toContain('<script>alert');
      expect(out).not.toContain('& "x"');
      expect(out).not.toContain("'y'");
      expect(out).toContain(XSS_ESCAPED);
      expect(out).not.toContain('PRESENTER-ONLY-NOTE');
      expect(out).not.toContain('MRP-0002');
    }
    for (const svg of outputs.slice(0, -1)) checkMarkup(svg);
    checkMarkup(outputs[outputs.length - 1], true);
    // The included detail of the milestone at month 2 is shown escaped in the list.
    expect(sectionOf(offlineHtml(s), 2)).toContain(`— “${XSS_ESCAPED}”`);
  });

  it('of the sample studies holds no calendar date and no case id', () => {
    const ws = sampleWorkingSet();
    const named = listCases(ws).filter((c) => c.displayName && SAMPLE_STUDY_STEPS[c.displayName]);
    expect(named).toHaveLength(3);
    let n = 0;
    for (const c of named) {
      const s = sampleCaseStudy(buildJourney(c.caseId, recordsOf(ws, c.caseId)), c.caseId, () => `t${++n}`, 1)!;
      const outputs = [...Array.from({ length: slideCount(s) }, (_, i) => slideSvg(s, i)), offlineHtml(s)];
      expect(outputs).toHaveLength(s.steps.length + 2);
      for (const out of outputs) {
        // The SVG namespace (".../2000/svg") is the one 20xx a file must hold; it is no date.
        const text = out.replace(/<script>[\s\S]*?<\/script>/, '').replace(' xmlns="http://www.w3.org/2000/svg"', '');
        expect(text).not.toContain('2000/svg');
        expect(text.match(CALENDAR_DATE)).toBeNull();
        expect(findCalendarDate(text.replace(/<[^>]*>/g, ' '))).toBeNull();
        const lower = out.toLowerCase();
        for (const id of ws.caseIds) expect(lower).not.toContain(id.toLowerCase());
      }
      for (const svg of outputs.slice(0, -1)) checkMarkup(svg);
      checkMarkup(outputs[outputs.length - 1], true);
    }
  });
});
