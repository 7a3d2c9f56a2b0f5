// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import OutcomeChart from '../../../../src/views/cohort/OutcomeChart.svelte';
import type { GroupOutcomes } from '../../../../src/model/cohort/outcome-change';
import { ShareMode } from '../../../../src/views/shared/share-mode.svelte';
import { appStateContext } from '../../../../src/views/shared/context';

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
        change: { value: 3, lower: 1, upper: 4.5 },
        byMonth: [
          { month: 0, to: 0, women: 12, q1: 1, median: 2, q3: 3 },
          { month: 6, to: 6, women: 11, q1: 3, median: 4, q3: 6 },
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
        change: { suppressed: true, reason: 'few_women' },
        byMonth: [{ month: 0, to: 0, women: 3, q1: null, median: null, q3: null }],
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

/** Share mode as App.svelte provides it: on with the given threshold, or off (null). */
function shareModeOf(rule: { threshold: number } | null): ShareMode {
  const shareMode = new ShareMode();
  shareMode.on = rule !== null;
  // Set as typed (not through setThreshold's clamp): the chart's own test must clamp it.
  if (rule) shareMode.threshold = rule.threshold;
  return shareMode;
}

function render(shareMode: ShareMode): HTMLElement {
  const target = document.createElement('div');
  document.body.append(target);
  // What the screen gives the chart: the published outcomes and the footer lines; share mode comes by context.
  app = mount(OutcomeChart, { target, props: { outcomes: OUTCOMES, footer: ['Source: test.', 'Period: 2014.'] }, context: appStateContext({ shareMode }) });
  flushSync();
  return target;
}

describe('the outcome chart, mounted', () => {
  it('draws its frame: heading naming the SVG, title, subtitle, footer, data table and downloads', () => {
    const el = render(shareModeOf({ threshold: 9 }));
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
    const el = render(shareModeOf({ threshold: 1 }));
    const rows = [...el.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['City', 'Confidence (Batteries)', '12', '2.0', '5.5', '3.0 (1.0 to 4.5)'],
      ['County North', 'Confidence (Batteries)', '[c]', '[c]', '[c]', '[c]'],
    ]);
    const svgText = el.querySelector('svg')!.textContent!;
    expect(svgText).toContain('(n = [c])');
    expect(svgText).not.toContain('(n = 3)');
  });

  it('shows every count with share mode off', () => {
    const el = render(shareModeOf(null));
    expect(el.querySelector('svg')!.textContent).toContain('(n = 3)');
  });

  it('follows share mode in context as it is switched, without being mounted again', () => {
    const shareMode = shareModeOf({ threshold: 9 });
    const el = render(shareMode);
    const countOf = (group: string) => [...el.querySelectorAll('tbody tr')].find((r) => r.querySelector('th')!.textContent === group)!.querySelectorAll('td')[1].textContent;
    expect(countOf('County North')).toBe('[c]');
    expect(el.querySelector('svg')!.textContent).toContain('(n = [c])');
    shareMode.on = false;
    flushSync();
    expect(countOf('County North')).toBe('3');
    expect(el.querySelector('svg')!.textContent).toContain('(n = 3)');
    expect(el.querySelector('svg')!.textContent).not.toContain('(n = [c])');
    shareMode.on = true;
    flushSync();
    expect(countOf('County North')).toBe('[c]');
  });
});
