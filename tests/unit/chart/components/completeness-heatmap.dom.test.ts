// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import CompletenessHeatmap from '../../../../src/views/quality/CompletenessHeatmap.svelte';
import type { Completeness } from '../../../../src/model/quality/completeness';

const COMPLETENESS: Completeness = {
  areas: ['City', 'County North'],
  fields: ['ethnicity', 'need_debt'],
  cells: {
    ethnicity: [{ known: 9, total: 10 }, { known: 0, total: 0 }],
    need_debt: [{ known: 1, total: 10 }, { known: 3, total: 4 }],
  },
  overall: { ethnicity: { known: 9, total: 10 }, need_debt: { known: 4, total: 14 } },
};

let app: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = '';
});

function render(completeness: Completeness): HTMLElement {
  const target = document.createElement('div');
  document.body.append(target);
  app = mount(CompletenessHeatmap, { target, props: { completeness } });
  flushSync();
  return target;
}

describe('the completeness heatmap, mounted', () => {
  it('draws a shaded cell with its percentage per field and area on the chart frame, with legend, summary, data table and downloads', () => {
    const el = render(COMPLETENESS);
    const title = 'Completeness: share of women with a known value, by field and area';
    expect(el.querySelector('h3')!.textContent).toBe(title);
    expect(el.querySelector('#completeness-summary')!.textContent).toBe('Across all areas, the fields least often known are need debt (29%).');
    const svg = el.querySelector('svg')!;
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    for (const t of ['90% or more', 'under 25%', 'City', 'County North', 'All areas', 'ethnicity', 'need debt', '90%', '–', '10%', '75%', '29%']) expect(texts).toContain(t);
    // The data table keeps the counts beside each percentage.
    expect(el.querySelector('caption')!.textContent).toBe(title);
    const rows = [...el.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));
    expect(rows).toEqual([
      ['ethnicity', '90% (9/10)', '– (0/0)', '90% (9/10)'],
      ['need debt', '10% (1/10)', '75% (3/4)', '29% (4/14)'],
    ]);
    expect([...el.querySelectorAll('button')].map((b) => b.textContent!.split(':')[0])).toEqual(['Download chart as SVG', 'Download chart as PNG', 'Download table as CSV']);
  });

  it('says so when no cases are loaded', () => {
    const el = render({ areas: [], fields: [], cells: {}, overall: {} });
    expect(el.querySelector('svg')).toBeNull();
    expect(el.textContent).toBe('No cases are loaded.');
  });
});
