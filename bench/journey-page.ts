/**
 * Runs inside Chromium, driven by bench/journey-bench.ts: draws a generated woman with 2,000
 * events and times the first draw after her data is read, then zoom and pan frames driven by
 * real wheel and drag events through d3-zoom, one step per animation frame.
 */
import { flushSync, mount, unmount } from 'svelte';
import '../src/styles.css';
import { buildJourney } from '../src/model/journey';
import JourneyView from '../src/views/journey/JourneyView.svelte';
import { generateWoman } from './journey-woman';

declare global {
  interface Window {
    journeyBench: typeof journeyBench;
  }
}

const target = document.getElementById('journey') as HTMLElement;
const woman = generateWoman(2000);
let app: ReturnType<typeof mount> | null = null;

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
/** Resolves after the next frame has been rendered (rAF, then a task after the paint). */
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function stats(values: number[]): { median: number; worst: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)],
    worst: sorted[sorted.length - 1],
    p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))],
  };
}

function svg(): SVGSVGElement {
  const el = target.querySelector<SVGSVGElement>('.journey-chart svg');
  if (!el) throw new Error('the chart is not drawn');
  return el;
}

/**
 * Runs one input step, applies Svelte's updates and forces style and layout, timing all of it
 * and the script part alone.
 */
function timedStep(step: () => void): { total: number; script: number } {
  const t0 = performance.now();
  step();
  flushSync();
  const t1 = performance.now();
  void document.body.offsetHeight;
  return { total: performance.now() - t0, script: t1 - t0 };
}

async function frames(count: number, stepAt: (i: number) => void): Promise<{ work: number[]; script: number[]; intervals: number[] }> {
  const work: number[] = [];
  const script: number[] = [];
  const intervals: number[] = [];
  let last = await nextFrame();
  for (let i = 0; i < count; i++) {
    const t = timedStep(() => stepAt(i));
    work.push(t.total);
    script.push(t.script);
    const now = await nextFrame();
    intervals.push(now - last);
    last = now;
  }
  return { work, script, intervals };
}

const journeyBench = {
  events: woman.events,

  /** From her records in memory to the first rendered frame of the whole journey view. */
  async firstDraw(): Promise<{ ms: number; deriveMs: number; mountMs: number; svgElements: number; marks: number }> {
    if (app) {
      unmount(app);
      app = null;
      await afterPaint();
    }
    const t0 = performance.now();
    const journey = buildJourney(woman.caseId, woman.records);
    const t1 = performance.now();
    app = mount(JourneyView, { target, props: { journey } });
    flushSync();
    void document.body.offsetHeight;
    const t2 = performance.now();
    await afterPaint();
    const t3 = performance.now();
    return {
      ms: t3 - t0,
      deriveMs: t1 - t0,
      mountMs: t2 - t1,
      svgElements: svg().querySelectorAll('*').length,
      marks: svg().querySelectorAll('[data-key]').length,
    };
  },

  /** Wheel in and out around the middle of the plot, one wheel event per frame. */
  async zoomFrames(count = 60) {
    const el = svg();
    const box = el.getBoundingClientRect();
    const clientX = box.left + box.width * 0.55;
    const clientY = box.top + box.height * 0.5;
    const { work, script, intervals } = await frames(count, (i) => {
      const deltaY = i < count / 2 ? -120 : 120;
      el.dispatchEvent(new WheelEvent('wheel', { deltaY, clientX, clientY, bubbles: true, cancelable: true, view: window }));
    });
    return { work: stats(work), script: stats(script), intervals: stats(intervals) };
  },

  /** Zoomed in four times, drag the plot left then right, one pointer move per frame. */
  async panFrames(count = 60) {
    const el = svg();
    const box = el.getBoundingClientRect();
    const clientY = box.top + box.height * 0.5;
    let clientX = box.left + box.width * 0.5;
    for (let i = 0; i < 8; i++) el.dispatchEvent(new WheelEvent('wheel', { deltaY: -120, clientX, clientY, bubbles: true, cancelable: true, view: window }));
    flushSync();
    el.dispatchEvent(new MouseEvent('mousedown', { clientX, clientY, button: 0, bubbles: true, cancelable: true, view: window }));
    const { work, script, intervals } = await frames(count, (i) => {
      clientX += i < count / 2 ? -12 : 12;
      window.dispatchEvent(new MouseEvent('mousemove', { clientX, clientY, bubbles: true, cancelable: true, view: window }));
    });
    window.dispatchEvent(new MouseEvent('mouseup', { clientX, clientY, bubbles: true, cancelable: true, view: window }));
    return { work: stats(work), script: stats(script), intervals: stats(intervals) };
  },
};

window.journeyBench = journeyBench;
document.body.dataset.ready = 'true';
