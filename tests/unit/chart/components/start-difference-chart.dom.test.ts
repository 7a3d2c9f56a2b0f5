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
    const bars = [...el.querySelectorAll('svg rect')];
    expect(bars.length).toBeGreaterThan(3);
    expect(bars.filter((b) => b.classList.contains('over')).length).toBe(3);
    expect(el.querySelectorAll('svg line.threshold')).toHaveLength(2);
    expect(el.querySelector('#start-chart-summary')!.textContent).toMatch(/and 3 differ by more than 28\s+days either way/);
  });

  it('draws both rules at a threshold of 0 (they meet at zero)', () => {
    const el = render(0);
    const rules = [...el.querySelectorAll('svg line.threshold')];
    expect(rules).toHaveLength(2);
    expect(rules[0].getAttribute('x1')).toBe(rules[1].getAttribute('x1'));
  });
});
