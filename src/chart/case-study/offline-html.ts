/**
 * A case study as one self-contained HTML file a trainer can present with no Waymark and no
 * network: the content note first, then one slide a step, each with its chart drawn inline.
 * Its Content-Security-Policy forbids every request, and it names no URL at all. Everything the
 * trainer typed is escaped markup; no data is embedded as JSON; presenter notes never appear.
 * Pure.
 */
import { formatMonth } from '../../model/case-study/redact';
import { slideChart, SLIDE_CHART_NOTE } from './slide-layout';
import { chartSvg, escapeHtml, slideCount, slideTitle, stepHeading, stepPeriodLine, SLIDE_FOOTER, type SlideStudy } from './slide-svg';
import { FONT_FAMILY } from '../palette';
import { offlineDocument, OFFLINE_CSP } from '../offline-document';

export { OFFLINE_CSP };

export const OFFLINE_KEYS_HINT =
  'Arrow keys, Page Up and Page Down, Space or a click move between slides; Home and End go to the first and last; Escape leaves full screen.';

const STYLE = `
*, *::before, *::after { box-sizing: border-box; }
html { font-family: ${FONT_FAMILY}; color: #000; background: #fff; }
body { margin: 0; font-size: 1.6rem; line-height: 1.45; }
main { max-width: 84rem; margin: 0 auto; padding: 1rem 3rem 2rem; }
main:focus { outline: none; }
.bar { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; font-size: 1.1rem; margin: 0 0 1rem; }
.bar p { margin: 0 auto 0 0; font-weight: bold; }
button { font: inherit; font-size: 1.1rem; padding: 0.4rem 1rem; border: 2px solid #12436D; border-radius: 4px; background: #12436D; color: #fff; cursor: pointer; }
button:disabled { background: #fff; color: #4a4a4a; border-color: #4a4a4a; cursor: default; }
button:focus-visible { outline: 4px solid #000; outline-offset: 3px; }
h1 { font-size: 2.6rem; line-height: 1.2; margin: 0.5rem 0; }
h2 { font-size: 1.9rem; line-height: 1.25; margin: 1.5rem 0 0.5rem; }
.kicker { font-size: 1.2rem; color: #4a4a4a; margin: 0; }
.period { font-weight: bold; margin: 0 0 0.75rem; }
.text, .note { white-space: pre-line; margin: 0 0 1rem; }
.keys { font-size: 1.2rem; color: #4a4a4a; }
.chart { display: block; width: 100%; height: auto; max-height: 45vh; }
.axis { font-size: 1.2rem; margin: 0.5rem 0; }
.events { margin: 0; padding-left: 1.5em; }
footer { max-width: 84rem; margin: 0 auto; padding: 0 3rem 1rem; font-size: 1rem; color: #4a4a4a; }
[hidden] { display: none !important; }
@media print {
  .bar { display: none !important; }
  section.slide[hidden] { display: block !important; }
  section.slide { break-after: page; }
}
`;

/** When scripts cannot run, every slide shows, one after another. */
const NO_SCRIPT_STYLE = 'section.slide[hidden] { display: block !important; } .bar { display: none !important; }';

// Deliberately free of "//" and of any URL: the file must name nothing it could load.
const SCRIPT = `
(function () {
  'use strict';
  var slides = document.querySelectorAll('section.slide');
  var counter = document.getElementById('counter');
  var prev = document.getElementById('prev');
  var next = document.getElementById('next');
  var full = document.getElementById('full');
  var main = document.querySelector('main');
  var root = document.documentElement;
  var at = 0;
  function show(n) {
    var last = slides.length - 1;
    at = Math.max(0, Math.min(last, n));
    for (var k = 0; k < slides.length; k += 1) slides[k].hidden = k !== at;
    counter.textContent = 'Slide ' + (at + 1) + ' of ' + slides.length;
    prev.disabled = at === 0;
    next.disabled = at === last;
    var active = document.activeElement;
    if (active && active.disabled) main.focus();
  }
  prev.addEventListener('click', function () { show(at - 1); });
  next.addEventListener('click', function () { show(at + 1); });
  if (root.requestFullscreen) {
    full.addEventListener('click', function () {
      var p = root.requestFullscreen();
      if (p && p.catch) p.catch(function () {});
    });
  } else {
    full.hidden = true;
  }
  main.addEventListener('click', function (e) {
    var t = e.target;
    if (t && t.closest && t.closest('button, a, .bar')) return;
    var sel = window.getSelection ? window.getSelection() : null;
    if (sel && String(sel).length > 0) return;
    show(at + 1);
  });
  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var k = e.key;
    var t = e.target;
    if (t && t.closest && t.closest('button') && (k === ' ' || k === 'Enter')) return;
    if (k === 'ArrowRight' || k === 'ArrowDown' || k === 'PageDown' || k === ' ' || k === 'Spacebar') show(at + 1);
    else if (k === 'ArrowLeft' || k === 'ArrowUp' || k === 'PageUp') show(at - 1);
    else if (k === 'Home') show(0);
    else if (k === 'End') show(slides.length - 1);
    else if (k === 'Escape') {
      if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen();
      return;
    } else return;
    e.preventDefault();
  });
  show(0);
})();
`;

/** Slide `index` as a section labelled by its heading; only the first shows until the script runs. */
function section(index: number, body: (headingId: string) => string): string {
  const id = `slide-${index + 1}`;
  const hidden = index === 0 ? '' : ' hidden';
  return `<section class="slide" id="${id}" aria-labelledby="${id}-heading"${hidden}>\n${body(`${id}-heading`)}\n</section>`;
}

function titleBody(study: SlideStudy, headingId: string): string {
  return [
    `<p class="kicker">Case study</p>`,
    `<h1 id="${headingId}">${escapeHtml(slideTitle(study))}</h1>`,
    `<h2>Content note</h2>`,
    `<p class="note">${escapeHtml(study.contentNote)}</p>`,
    `<p class="keys">${escapeHtml(OFFLINE_KEYS_HINT)}</p>`,
  ].join('\n');
}

function stepBody(study: SlideStudy, stepIndex: number, headingId: string): string {
  const step = study.steps[stepIndex];
  const chart = slideChart(study, stepIndex, `slide-${stepIndex + 2}`);
  const events = chart.inPeriod.filter((e) => e.lane !== 'contacts');
  const text = (step.text ?? '').trim();
  const out = [
    `<h1 id="${headingId}">${escapeHtml(stepHeading(step, stepIndex))}</h1>`,
    `<p class="period">${escapeHtml(stepPeriodLine(study, stepIndex))}</p>`,
    text ? `<p class="text">${escapeHtml(text)}</p>` : '',
    chart.empty ? `<p class="empty">${escapeHtml(chart.empty)}</p>` : chartSvg(chart, { className: 'chart' }),
    `<p class="axis">${escapeHtml(SLIDE_CHART_NOTE)}</p>`,
  ];
  if (events.length > 0) {
    out.push(`<h2>In this period</h2>`, `<ul class="events">`);
    for (const e of events) out.push(`<li>${escapeHtml(`${formatMonth(e.month)}: ${e.label}${e.detail ? ` — “${e.detail}”` : ''}`)}</li>`);
    out.push(`</ul>`);
  }
  return out.filter((line) => line !== '').join('\n');
}

/** The whole case study as one HTML file that makes no request and names no URL. */
export function offlineHtml(study: SlideStudy): string {
  const count = slideCount(study);
  const sections = [section(0, (id) => titleBody(study, id))];
  study.steps.forEach((_, i) => sections.push(section(i + 1, (id) => stepBody(study, i, id))));
  return offlineDocument({
    title: `${slideTitle(study)} · case study`,
    style: STYLE,
    head: `<noscript><style>${NO_SCRIPT_STYLE}</style></noscript>\n`,
    body: `<main tabindex="-1">
<div class="bar">
<p id="counter" aria-live="polite">Slide 1 of ${count}</p>
<button type="button" id="prev" disabled>Previous</button>
<button type="button" id="next"${count === 1 ? ' disabled' : ''}>Next</button>
<button type="button" id="full">Full screen</button>
</div>
${sections.join('\n')}
</main>
<footer><p>${escapeHtml(SLIDE_FOOTER)}</p></footer>
<script>${SCRIPT}</script>`,
  });
}
