// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import ReportScreen from '../../../src/views/report/ReportScreen.svelte';
import { reportHtml } from '../../../src/views/report/report-html';
import { REPORT_SECTIONS } from '../../../src/views/report/report-sections';
import { AppData } from '../../../src/views/shared/app-data.svelte';
import { DefinitionsState } from '../../../src/views/shared/definitions.svelte';
import { ShareMode } from '../../../src/views/shared/share-mode.svelte';
import { appStateContext } from '../../../src/views/shared/context';
import { OFFLINE_CSP_NO_SCRIPT } from '../../../src/chart/offline-document';
import type { WorkingSet } from '../../../src/data/working-set';
import type { ImportSummary } from '../../../src/domain/import-report';
import { sampleWorkingSet } from '../model/section4-sample';
import { collectFigures, smallCounts } from '../../support/small-counts';

const sample = sampleWorkingSet();
/** The sample's 111 women spread over 40 areas: 2 or 3 women in each. */
const tiny = sampleWorkingSet((kind, row, index) => {
  if (kind === 'cases') row.area = `Area ${String((index % 40) + 1).padStart(2, '0')}`;
});
const HISTORY = [
  { id: 1, importedAt: Date.UTC(2026, 10, 1, 9, 30), rolledBack: false, files: [{ fileName: 'cases.csv', kind: 'cases' }, { fileName: 'incidents <2>.csv', kind: 'incidents' }] },
] as unknown as ImportSummary[];

let app: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = '';
});

/** The report screen as the app mounts it, with the screen's share mode OFF: the report must not follow it. */
function render(ws: WorkingSet, query = '', threshold = 9): { el: HTMLElement; html: () => string; screen: ShareMode } {
  const data = new AppData();
  data.workingSet = ws;
  data.history = HISTORY;
  data.loading = false;
  const screen = new ShareMode();
  screen.on = false;
  screen.threshold = threshold;
  const el = document.createElement('div');
  document.body.append(el);
  app = mount(ReportScreen, { target: el, props: { query }, context: appStateContext({ data, definitions: new DefinitionsState(() => false), shareMode: screen }) });
  flushSync();
  const article = el.querySelector<HTMLElement>('article.report-document')!;
  return { el, screen, html: () => reportHtml(article, "Commissioner's report") };
}

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('the small-count checker', () => {
  it('finds counts from 1 to the threshold in cells and text, and not statistics, percentages or the rule', () => {
    const doc = parse(`<table><thead><tr><th>Area</th><th>Women</th><th>Number of needs</th><th>Median days</th></tr></thead>
      <tbody><tr><th>A</th><td>12 (40.0%)</td><td>2</td><td>7</td></tr><tr><th>B</th><td>3</td><td>1</td><td>0.5</td></tr></tbody></table>
      <p>Rates hidden: fewer than 10 women. Counts from 1 to 9 are shown as [c].</p><p>City (n = 4)</p><svg><text>5 women</text></svg><p>0.45 and 7%</p>`);
    expect(smallCounts(collectFigures(doc), 9)).toEqual(['table cell (Women): 3', 'text: City (n = 4)', 'text: 5 women']);
    expect(smallCounts(collectFigures(doc), 12)).toHaveLength(4);
  });
});

describe('the commissioner\'s report, mounted', () => {
  it('draws its sections in order, in share mode whatever the screen says, and says so on its first page', () => {
    const { el } = render(sample);
    const h2 = [...el.querySelectorAll('article h2')].map((h) => h.textContent);
    expect(el.querySelector('article h1')!.textContent).toBe("Commissioner's report");
    expect(h2).toEqual([
      'Period covered',
      'Sources',
      'Definitions in force',
      'Small numbers (share mode)',
      ...REPORT_SECTIONS.filter((s) => s.id !== 'first-page').map((s) => s.title),
    ]);
    expect(el.textContent).toContain("This report is always made in share mode, whatever the Cohort screen's setting.");
    expect(el.textContent).toContain('Imported');
    expect(el.textContent).toContain('cases.csv, incidents <2>.csv');
    expect(el.querySelector('caption')!.textContent).toBe('Cohort summary');
    expect(el.textContent).toContain('[c]');
    // The checklist leaves a chart out.
    const box = el.querySelector<HTMLInputElement>('#report-choose-need-sets')!;
    box.click();
    flushSync();
    expect([...el.querySelectorAll('article h2')].map((h) => h.textContent)).not.toContain('Needs that occur together');
  });

  it('downloads as one offline file: strict CSP, no script, no URL, no button, charts inline, no count from 1 to the threshold', () => {
    for (const threshold of [9, 15]) {
      const { html } = render(sample, 'group=area', threshold);
      const text = html();
      expect(text).toContain(`<meta http-equiv="Content-Security-Policy" content="${OFFLINE_CSP_NO_SCRIPT}">`);
      expect(OFFLINE_CSP_NO_SCRIPT).not.toContain('script-src');
      expect(text).not.toMatch(/<script|<button|<a\s|href=|src=|https?:|\/\//i);
      expect(text).toContain('incidents &lt;2&gt;.csv');
      const doc = parse(text);
      expect(doc.querySelectorAll('svg[role="img"]').length).toBeGreaterThanOrEqual(4);
      expect(doc.querySelectorAll('details:not([open])')).toHaveLength(0);
      const figures = collectFigures(doc);
      expect(figures.cells.length).toBeGreaterThan(100);
      expect(smallCounts(figures, threshold)).toEqual([]);
      if (app) unmount(app);
      app = null;
      document.body.innerHTML = '';
    }
  });

  it('with 40 areas of 1 to 3 women each says that everything by area is hidden instead of drawing empty charts', () => {
    const { html } = render(tiny, 'group=area');
    const doc = parse(html());
    expect(doc.body.textContent).toContain('Every area has too few women to show its figures on its own');
    const empty = [...doc.querySelectorAll('.report-empty')].map((p) => p.closest('section')!.querySelector('h2')!.textContent);
    expect(empty).toEqual(expect.arrayContaining(['Risk mix', 'Police incidents per woman per 30 days', 'Outcome scores']));
    const summaryRows = [...doc.querySelectorAll('table')].find((t) => t.querySelector('caption')!.textContent === 'Cohort summary')!.querySelectorAll('tbody tr');
    expect(summaryRows).toHaveLength(41);
    for (const row of [...summaryRows].slice(0, 40)) expect(row.querySelectorAll('td')[0].textContent).toBe('[c]');
    expect(smallCounts(collectFigures(doc), 9)).toEqual([]);
  });

  it('says there is nothing to report for a period with no referrals', () => {
    const { el } = render(sample, 'from=2030-01-01&to=2030-12-31');
    expect(el.textContent).toContain('No women were referred in this period');
    expect(el.querySelectorAll('article svg')).toHaveLength(0);
    expect(el.querySelectorAll('article table')).toHaveLength(0);
  });
});
