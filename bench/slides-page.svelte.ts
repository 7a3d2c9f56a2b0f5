/**
 * Runs inside Chromium, driven by bench/slides-bench.ts: a case study of a generated woman with
 * 2,000 events (ten slides: the content note and nine steps, every lane shown), presented as
 * present mode draws a slide at 1280 by 720. Times moving to the next slide until the frame is
 * painted, every frame of the reveal that follows, and exporting all ten slides as PNG the way
 * the editor does (SVG text, drawn on a canvas, stored in one ZIP).
 */
import { flushSync, mount } from 'svelte';
import '../src/styles.css';
import { buildJourney } from '../src/model/journey';
import { newCaseStudy } from '../src/model/case-study/case-study';
import { CASE_STUDY_LANES } from '../src/model/case-study/redact';
import { journeyMonths, stepPeriod } from '../src/chart/case-study/slide-layout';
import { slideCount, slideSvg } from '../src/chart/case-study/slide-svg';
import { svgToPng } from '../src/chart/export-image';
import { zipStore } from '../src/domain/zip';
import SlideStage from '../src/views/case-studies/SlideStage.svelte';
import { generateWoman } from './journey-woman';

declare global {
  interface Window {
    slidesBench: typeof slidesBench;
  }
}

const STEPS = 9;
const woman = generateWoman(2000);
const study = newCaseStudy(buildJourney(woman.caseId, woman.records), woman.caseId, () => 'step');
const [lo, hi] = journeyMonths(study.journey);
const span = (hi - lo) / STEPS;
study.steps = Array.from({ length: STEPS }, (_, i) => ({
  id: `s${i}`,
  fromMonth: Math.round(lo + i * span),
  toMonth: Math.round(lo + (i + 1) * span),
  heading: `Step ${i + 1} of her journey`,
  text: 'What happened in these months and why it mattered, in the two or three lines a slide holds for the room to read.',
  lanes: CASE_STUDY_LANES.map((l) => l.key),
  notes: '',
}));

const target = document.getElementById('slides') as HTMLElement;
// As in present mode, the case study is not made deeply reactive: it never changes while shown.
const state = $state({ slide: 0, revealFrom: null as number | null });
let shown = $state.raw(study);
mount(SlideStage, {
  target,
  props: {
    get study() {
      return shown;
    },
    get slide() {
      return state.slide;
    },
    get revealFrom() {
      return state.revealFrom;
    },
    width: 1280,
    height: 720,
    idPrefix: 'present',
  },
});
flushSync();

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const slidesBench = {
  events: woman.events,
  slides: slideCount(study),

  /** Moves through every slide as present mode does: the redraw until painted, then the reveal's frames. */
  async nextSlides(): Promise<{ redrawMs: number[]; scriptMs: number[]; layoutMs: number[]; frameMs: number[]; longTasks: number[]; svgElements: number }> {
    const redrawMs: number[] = [];
    const scriptMs: number[] = [];
    const layoutMs: number[] = [];
    const frameMs: number[] = [];
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push(e.duration);
    });
    observer.observe({ type: 'longtask' });
    state.slide = 0;
    state.revealFrom = null;
    flushSync();
    await afterPaint();
    let svgElements = 0;
    for (let s = 1; s < slideCount(study); s++) {
      const before = s >= 2 ? stepPeriod(study.journey, study.steps[s - 2]).to : null;
      let last = await nextFrame();
      const t0 = performance.now();
      state.revealFrom = before;
      state.slide = s;
      flushSync();
      const t1 = performance.now();
      void document.body.offsetHeight;
      const t2 = performance.now();
      await afterPaint();
      redrawMs.push(performance.now() - t0);
      scriptMs.push(t1 - t0);
      layoutMs.push(t2 - t1);
      svgElements = Math.max(svgElements, target.querySelectorAll('svg *').length);
      // The reveal runs for 450 ms: every frame of it and a little after.
      last = await nextFrame();
      const until = performance.now() + 600;
      while (performance.now() < until) {
        const now = await nextFrame();
        frameMs.push(now - last);
        last = now;
      }
    }
    await wait(100);
    observer.disconnect();
    return { redrawMs, scriptMs, layoutMs, frameMs, longTasks, svgElements };
  },

  /**
   * The same moves with nothing laid out ahead: each slide of a fresh copy of the case study, so
   * the redraw includes laying the slide out (present mode lays the next slide out while the
   * room reads the current one).
   */
  async coldSlides(): Promise<{ redrawMs: number[] }> {
    const redrawMs: number[] = [];
    for (let s = 1; s < slideCount(study); s++) {
      const copy = structuredClone(study);
      await nextFrame();
      const t0 = performance.now();
      shown = copy;
      state.revealFrom = null;
      state.slide = s;
      flushSync();
      void document.body.offsetHeight;
      await afterPaint();
      redrawMs.push(performance.now() - t0);
    }
    shown = study;
    flushSync();
    return { redrawMs };
  },

  /** All ten slides as PNG in one ZIP, as the editor's "Export slides (PNG)" makes it. */
  async exportPng(): Promise<{ ms: number; bytes: number; slides: number }> {
    const t0 = performance.now();
    const files = [];
    for (let i = 0; i < slideCount(study); i++) {
      const png = await svgToPng(slideSvg(study, i), 1600, 900, 1);
      files.push({ name: `slide-${String(i + 1).padStart(2, '0')}.png`, data: new Uint8Array(await png.arrayBuffer()) });
    }
    const zip = zipStore(files);
    return { ms: performance.now() - t0, bytes: zip.length, slides: files.length };
  },
};

window.slidesBench = slidesBench;
document.body.dataset.ready = 'true';
