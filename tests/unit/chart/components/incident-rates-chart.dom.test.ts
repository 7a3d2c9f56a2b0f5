// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import IncidentRatesChart from '../../../../src/views/cohort/IncidentRatesChart.svelte';
import type { GroupIncidentRates } from '../../../../src/model/cohort/incident-rates';
import { shown, suppressed } from '../../../../src/model/disclosure';
import { INTERVAL_METHODS, rateInterval } from '../../../../src/model/stats/intervals';
import { ShareMode } from '../../../../src/views/shared/share-mode.svelte';
import { appStateContext } from '../../../../src/views/shared/context';

const period = (domestic: number, crimes: number, days: number) => ({ domestic, crimes, days, domesticRate: (30 * domestic) / days, crimeRate: (30 * crimes) / days });
/** City: 40 women with plenty of incidents; County North: 6 women (hidden in share mode). */
const RATES: GroupIncidentRates[] = [
  { key: 'City', label: 'City', women: 40, before: period(353, 120, 40 * 365), after: period(150, 60, 12_000), medianFollowUpDays: 310 },
  { key: 'County North', label: 'County North', women: 6, before: period(20, 12, 6 * 365), after: period(8, 3, 1_500), medianFollowUpDays: 250 },
];

let app: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

function render(on: boolean): HTMLElement {
  const shareMode = new ShareMode();
  shareMode.on = on;
  const target = document.createElement('div');
  document.body.append(target);
  app = mount(IncidentRatesChart, {
    target,
    props: { rates: RATES, groupCounts: [shown(40), on ? suppressed('small_count') : shown(6)], period: 'referrals in 2014', definitionLines: ['Engaged: test.'] },
    context: appStateContext({ shareMode }),
  });
  flushSync();
  return target;
}

const f = (v: number) => v.toFixed(2);
const withInterval = (events: number, days: number) => {
  const i = rateInterval(events, days, 30)!;
  return `${f(i.estimate)} (${f(i.lower)} to ${f(i.upper)})`;
};

describe('the incident rates chart, mounted', () => {
  it('draws an error bar for each period of each group shown, and names the method in its footer', () => {
    const el = render(false);
    const svg = el.querySelector('svg')!;
    expect(svg.querySelectorAll('line.error-bar')).toHaveLength(4);
    expect([...svg.querySelectorAll('text')].map((t) => t.textContent)).toContain(`${INTERVAL_METHODS.rate}.`);
  });

  it('its data table shows each rate as "x (a to b)", with the interval of the pooled person-time', () => {
    const el = render(false);
    const head = [...el.querySelectorAll('thead th')].map((c) => c.textContent);
    const city = [...el.querySelectorAll('tbody tr')][0];
    const cells = Object.fromEntries([...city.querySelectorAll('td')].map((c, i) => [head[i + 1], c.textContent]));
    expect(cells['All incidents before']).toBe(withInterval(473, 40 * 365));
    expect(cells['Domestic incidents after']).toBe(withInterval(150, 12_000));
    expect(cells['Crimes after']).toMatch(/^\d+\.\d\d \(\d+\.\d\d to \d+\.\d\d\)$/);
    expect(el.querySelector('p')!.textContent).toContain(`City (n = 40): ${withInterval(473, 40 * 365)} incidents per woman per 30 days before referral`);
  });

  it('in share mode shows no rate, interval or error bar for a hidden group', () => {
    const el = render(true);
    expect(el.querySelector('svg')!.querySelectorAll('line.error-bar')).toHaveLength(2);
    const north = [...el.querySelectorAll('tbody tr')][1];
    expect([...north.querySelectorAll('td')].map((c) => c.textContent)).toEqual(['[c]', '[c]', '[c]', '[c]', '[c]', '[c]', '[c]', '[c]']);
  });

  it('downloads a CSV with separate lower and upper columns', async () => {
    let blob: Blob | null = null;
    URL.createObjectURL = (b: Blob) => ((blob = b), 'blob:test');
    URL.revokeObjectURL = () => {};
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const el = render(false);
    [...el.querySelectorAll('button')].find((b) => b.textContent!.startsWith('Download table as CSV'))!.click();
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(blob!);
    });
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    const header = lines[0].split(',');
    expect(header.slice(0, 5)).toEqual(['Group', 'Women (n)', 'Domestic incidents before', 'Domestic incidents before (95% interval lower)', 'Domestic incidents before (95% interval upper)']);
    const city = lines[1].split(',');
    const i = rateInterval(473, 40 * 365, 30)!;
    const at = header.indexOf('All incidents before');
    expect(city.slice(at, at + 3)).toEqual([f(i.estimate), String(Number(i.lower.toFixed(2))), String(Number(i.upper.toFixed(2)))]);
  });
});
