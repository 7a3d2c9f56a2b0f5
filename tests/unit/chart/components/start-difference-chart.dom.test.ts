// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import StartDifferenceChart from '../../../../src/views/quality/StartDifferenceChart.svelte';

const differences = [-40, -3, 0, 2, 5, 30, 31].map((days, i) => ({ caseId: `W${i}`, policeStart: 100 + days, firstContact: 100, days }));

let app: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = '';
});

function render(threshold: number): HTMLElement {
  const target = document.createElement('div');
  document.body.append(target);
  app = mount(StartDifferenceChart, { target, props: { differences, threshold } });
  flushSync();
  return target;
}

describe('the start-difference chart, mounted', () => {
  it('draws a bar per weekly bin, orange beyond the threshold, and a dashed rule either side', () => {
    const el = render(28);
    const bars = [...el.querySelectorAll('svg rect')].filter((r) => r.getAttribute('fill') !== '#ffffff');
    expect(bars.length).toBeGreaterThan(3);
    expect(bars.filter((b) => b.classList.contains('over')).length).toBe(3);
    expect(el.querySelectorAll('svg line.threshold')).toHaveLength(2);
    expect(el.querySelector('#start-chart-summary')!.textContent).toMatch(/and 3 differ by more than 28\s+days either way/);
  });

  it('sits on the chart frame: a fourth-level heading, the SVG named by title and summary, footer, data table and downloads', () => {
    const el = render(28);
    expect(el.querySelector('h4')!.textContent).toBe("Police start date minus the worker's first-contact date, in days");
    const svg = el.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toMatch(/^Police start date minus the worker's first-contact date, in days\. Of 7 women with both dates, the median difference is 2 days/);
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toContain('Weekly bins; n = 7 women with both dates. Dashed lines: the threshold of 28 days.');
    expect(texts).toContain('Source: cases file, all referrals loaded.');
    // Colours are in the SVG itself, so an exported image keeps them.
    const over = [...svg.querySelectorAll('rect.over')];
    expect(over.every((r) => r.getAttribute('fill') === '#F46A25')).toBe(true);
    expect([...svg.querySelectorAll('line.threshold')].every((l) => l.getAttribute('stroke-dasharray') === '4 3')).toBe(true);
    expect(el.querySelector('caption')!.textContent).toBe('Police start against first contact: women per week of difference');
    const rows = [...el.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['-42 to -36 days', '1'],
      ['-7 to -1 days', '1'],
      ['0 to 6 days', '3'],
      ['28 to 34 days', '2'],
    ]);
    expect([...el.querySelectorAll('button')].map((b) => b.textContent!.split(':')[0])).toEqual(['Download chart as SVG', 'Download chart as PNG', 'Download table as CSV']);
  });

  it('says so, and draws nothing, when no woman has both dates', () => {
    const target = document.createElement('div');
    document.body.append(target);
    app = mount(StartDifferenceChart, { target, props: { differences: [], threshold: 28 } });
    flushSync();
    expect(target.querySelector('svg')).toBeNull();
    expect(target.textContent).toBe('No woman has both a police start date and a first-contact date.');
  });

  it('draws both rules at a threshold of 0 (they meet at zero)', () => {
    const el = render(0);
    const rules = [...el.querySelectorAll('svg line.threshold')];
    expect(rules).toHaveLength(2);
    expect(rules[0].getAttribute('x1')).toBe(rules[1].getAttribute('x1'));
  });
});
