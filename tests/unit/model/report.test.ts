import { describe, expect, it } from 'vitest';
import { ALL_REPORT_CHARTS, ALWAYS_SHARE_MODE, buildReport, reportSources, type ReportInput } from '../../../src/model/report/report';
import { DEFAULT_DEFINITIONS } from '../../../src/model/definitions';
import { DEFAULT_QUERY, parseCohortQuery } from '../../../src/model/cohort/cohort-query';
import { cellText, isSuppressed, valueOf } from '../../../src/model/disclosure';
import { dayFromIso } from '../../../src/data/days';
import type { ImportSummary } from '../../../src/domain/import-report';
import { sampleWorkingSet } from './section4-sample';
import { cohortTrends } from '../../../src/model/cohort/trends';
import { areaProfile } from '../../../src/model/cohort/area-profile';
import { dataEndDay } from '../../../src/model/cohort/incident-rates';

const ws = sampleWorkingSet();
/** The sample's 111 women spread over 40 areas: 2 or 3 women in each. */
const tiny = sampleWorkingSet((kind, row, index) => {
  if (kind === 'cases') row.area = `Area ${String((index % 40) + 1).padStart(2, '0')}`;
});

const input = (over: Partial<ReportInput> = {}): ReportInput => ({
  ws,
  defs: DEFAULT_DEFINITIONS,
  history: [],
  query: { ...DEFAULT_QUERY },
  threshold: 9,
  charts: ALL_REPORT_CHARTS,
  ...over,
});

describe('the commissioner\'s report', () => {
  it('includes Trends and each area against the whole only when chosen, worked out as the Cohort screen does, in share mode', () => {
    const without = buildReport(input());
    expect(without.trends).toBeUndefined();
    expect(without.profile).toBeUndefined();
    const r = buildReport(input({ trends: true, areaComparison: true, rounding: 5 }));
    expect(r.rule).toEqual({ threshold: 9, rounding: 5 });
    const trends = cohortTrends(ws, r.view.shownWomen, dataEndDay(ws), r.rule, r.tables.summary);
    expect(r.trends).toEqual(trends);
    expect(r.profile).toEqual(areaProfile(ws, r.view.shownWomen, dataEndDay(ws), r.rule, r.tables.summary));
    expect(r.profile!.areas).toHaveLength(3);
    // Nothing to report: no section data.
    const none = buildReport(input({ trends: true, areaComparison: true, query: { ...DEFAULT_QUERY, from: dayFromIso('2030-01-01') } }));
    expect(none.status).toBe('no-referrals');
    expect(none.trends).toBeUndefined();
  });

  it('is always made in share mode, at the threshold given, made valid', () => {
    expect(buildReport(input()).rule).toEqual({ threshold: 9 });
    expect(buildReport(input({ threshold: 2 })).rule).toEqual({ threshold: 4 });
    expect(buildReport(input({ threshold: 'x' })).rule).toEqual({ threshold: 9 });
    expect(ALWAYS_SHARE_MODE).toBe("This report is always made in share mode, whatever the Cohort screen's setting.");
    // Share mode applies: the sample's smaller areas have counts the summary hides.
    const r = buildReport(input());
    expect(r.tables.summary.flatMap((row) => Object.values(row.shown)).some(isSuppressed)).toBe(true);
    for (const row of r.tables.summary)
      for (const cell of Object.values(row.shown)) {
        const v = valueOf(cell);
        expect(v !== null && v >= 1 && v <= 9, `${row.label}: ${cellText(cell)}`).toBe(false);
      }
  });

  it('computes only the charts chosen, in the report order, each with its data', () => {
    const r = buildReport(input({ charts: ['cj-outcomes', 'risk-mix'] }));
    expect(r.chosen).toEqual(['risk-mix', 'cj-outcomes']);
    expect(Object.keys(r.charts).sort()).toEqual(['cj-outcomes', 'risk-mix']);
    expect(r.charts['risk-mix']!.data.groups.length).toBe(1);
    expect(r.charts['cj-outcomes']!.data.published.rowLabels).toEqual(['City', 'County North', 'County South']);
    const all = buildReport(input());
    expect(all.status).toBe('ok');
    expect(all.everyAreaHidden).toBe(false);
    // Every chart has something to show: the risk mix coarsens its months before it hides them.
    for (const id of ['risk-mix', 'incident-rates', 'outcomes', 'need-sets', 'cj-outcomes'] as const) expect(all.charts[id]!.empty, id).toBe(false);
  });

  it('states the period covered, the definitions, the suppression rule and the sources', () => {
    const r = buildReport(input({ query: parseCohortQuery('from=2014-01-01&to=2014-12-31&group=area') }));
    expect(r.periodCovered).toMatch(/^Women referred from 1 January 2014 to 31 December 2014: referrals from \d+ \w+ 2014 to \d+ \w+ 2014\.$/);
    expect(r.selection[0]).toBe('Charts grouped by: area; time axis: months since referral.');
    expect(r.definitionLines).toHaveLength(4);
    expect(r.suppressionLines[0]).toContain('Counts from 1 to 9 are shown as [c]');
    const history = [
      { id: 2, importedAt: Date.UTC(2026, 10, 2), rolledBack: false, files: [{ fileName: 'incidents.csv', kind: 'incidents' }, { fileName: 'notes.csv', kind: null }] },
      { id: 1, importedAt: Date.UTC(2026, 10, 1), rolledBack: false, files: [{ fileName: 'cases.csv', kind: 'cases' }] },
      { id: 3, importedAt: Date.UTC(2026, 10, 3), rolledBack: true, files: [{ fileName: 'bad.csv', kind: 'cases' }] },
    ] as unknown as ImportSummary[];
    expect(reportSources(history).map((s) => s.files.map((f) => f.name))).toEqual([['cases.csv'], ['incidents.csv']]);
  });

  it('says there is nothing to report for a period with no referrals', () => {
    const r = buildReport(input({ query: { ...DEFAULT_QUERY, from: dayFromIso('2030-01-01'), to: dayFromIso('2030-12-31') } }));
    expect(r.status).toBe('no-referrals');
    expect(r.periodCovered).toBe('Women referred from 1 January 2030 to 31 December 2030: no referrals in this period.');
    expect(r.charts).toEqual({});
  });

  it('with 40 areas of 1 to 3 women each, every area is hidden and no chart by area is drawn', () => {
    const r = buildReport(input({ ws: tiny, query: parseCohortQuery('group=area') }));
    expect(r.status).toBe('ok');
    expect(r.tables.summary).toHaveLength(41);
    expect(r.everyAreaHidden).toBe(true);
    for (const id of ['risk-mix', 'incident-rates', 'outcomes'] as const) expect(r.charts[id]!.empty, id).toBe(true);
    // The women as one group: the whole is large enough to show, the areas are not.
    const whole = buildReport(input({ ws: tiny }));
    expect(whole.everyAreaHidden).toBe(true);
    expect(whole.charts['incident-rates']!.empty).toBe(false);
  });
});
