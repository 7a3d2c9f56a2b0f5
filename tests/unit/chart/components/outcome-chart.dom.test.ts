// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import OutcomeChart from '../../../../src/views/cohort/OutcomeChart.svelte';
import type { GroupOutcomes } from '../../../../src/model/cohort/outcome-change';

/** Two groups: one over ten women with scores, one of three women (hidden in share mode). */
const OUTCOMES: GroupOutcomes[] = [
  {
    label: 'City',
    domains: [
      {
        key: 'confidence',
        label: 'Confidence (Batteries)',
        women: 12,
        firstMedian: 2,
        latestMedian: 5.5,
        changeMedian: 3,
        byMonth: [
          { month: 0, women: 12, q1: 1, median: 2, q3: 3 },
          { month: 6, women: 11, q1: 3, median: 4, q3: 6 },
        ],
      },
    ],
  },
  {
    label: 'County North',
    domains: [
      {
        key: 'confidence',
        label: 'Confidence (Batteries)',
        women: 3,
        firstMedian: null,
        latestMedian: null,
        changeMedian: null,
        byMonth: [{ month: 0, women: 3, q1: null, median: null, q3: null }],
      },
    ],
  },
];

let app: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = '';
});

function render(rule: { threshold: number } | null): HTMLElement {
  const target = document.createElement('div');
  document.body.append(target);
  // What the screen gives the chart: the published outcomes, the share-mode rule and the footer lines.
  app = mount(OutcomeChart, { target, props: { outcomes: OUTCOMES, rule, footer: ['Source: test.', 'Period: 2014.'] } });
  flushSync();
  return target;
}

describe('the outcome chart, mounted', () => {
  it('draws its frame: heading naming the SVG, title, subtitle, footer, data table and downloads', () => {
    const el = render({ threshold: 9 });
    const heading = el.querySelector('h3')!;
    expect(heading.textContent).toBe('Outcome scores: median and interquartile range by months since the first score');
    const svg = el.querySelector('svg')!;
    expect(svg.getAttribute('aria-labelledby')).toBe(heading.id);
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toContain('Source: test.');
    expect(texts).toContain('Period: 2014.');
    expect(el.querySelector('caption')!.textContent).toBe('Distance travelled: first and latest outcome scores (data table)');
    expect([...el.querySelectorAll('button')].map((b) => b.textContent!.split(':')[0])).toEqual(['Download chart as SVG', 'Download chart as PNG', 'Download table as CSV']);
    // City's band and median line are drawn; County North's panel says why it is empty.
    expect(svg.querySelectorAll('path')).toHaveLength(2);
    expect(texts).toContain('[c]: fewer than 10 women');
  });

  it('in share mode never shows a small count or a statistic over few women, even with a threshold typed below the minimum', () => {
    const el = render({ threshold: 1 });
    const rows = [...el.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['City', 'Confidence (Batteries)', '12', '2.0', '5.5', '3.0'],
      ['County North', 'Confidence (Batteries)', '[c]', '[c]', '[c]', '[c]'],
    ]);
    const svgText = el.querySelector('svg')!.textContent!;
    expect(svgText).toContain('(n = [c])');
    expect(svgText).not.toContain('(n = 3)');
  });

  it('shows every count with share mode off', () => {
    const el = render(null);
    expect(el.querySelector('svg')!.textContent).toContain('(n = 3)');
  });
});
