/** Each data-quality finding on small hand-made tables, including the empty cases. */
import { wilson } from '../../../src/model/stats/intervals';
import { describe, expect, it } from 'vitest';
import { buildWorkingSet, emptyWorkingSet, type WorkingSet } from '../../../src/data/working-set';
import type { Kind } from '../../../src/domain/contract';
import type { ImportSummary } from '../../../src/domain/import-report';
import { engagementAgreement } from '../../../src/model/quality/engagement-agreement';
import { coverageGaps } from '../../../src/model/quality/coverage';
import { contradictions, startHistogram, startsOverThreshold } from '../../../src/model/quality/contradictions';
import { duplicates } from '../../../src/model/quality/duplicates';
import { completeness, outcomeToolUse } from '../../../src/model/quality/completeness';
import { followUpGaps } from '../../../src/model/quality/follow-up-gaps';
import { areasOf, casesRowOf, latestDay } from '../../../src/model/quality/quality-base';
import { headlines, qualityLog, qualityReport } from '../../../src/model/quality/quality-report';
import { day, makeBlock, makeFile, type RowInput } from '../db/helpers';

function ws(tables: Partial<Record<Kind, RowInput[]>>): WorkingSet {
  return buildWorkingSet(Object.entries(tables).map(([kind, rows]) => makeBlock(kind as Kind, rows!)));
}

function base(w: WorkingSet) {
  const caseRow = casesRowOf(w);
  return { caseRow, areas: areasOf(w, caseRow) };
}

const woman = (id: string, extra: RowInput = {}): RowInput => ({ case_id: id, area: 'City', referral_date: '2014-06-01', ...extra });

function summaryWith(extra: Partial<ImportSummary>): ImportSummary {
  return {
    id: 1,
    importedAt: 0,
    files: [],
    privacyFindings: [],
    privacyFindingsOmitted: 0,
    rowsImported: 0,
    rowsQuarantined: 0,
    rowsAlreadyPresent: 0,
    changes: [],
    allOrNothing: false,
    rolledBack: false,
    ...extra,
  };
}

describe('empty working set', () => {
  it('finds nothing and exports an empty log', () => {
    const r = qualityReport(emptyWorkingSet(), [], { engaged: 'both' });
    expect(r.agreement.total).toBe(0);
    expect(headlines(r, 28).every((h) => h.count === 0)).toBe(true);
    expect(qualityLog(r, 28)).toEqual([]);
    expect(r.followUp.now).toBeNull();
    expect(startHistogram([])).toEqual([]);
  });
});

describe('engagementAgreement', () => {
  it('crosses the police coding with the collapsed worker coding', () => {
    const w = ws({
      cases: [
        woman('a', { engagement_police: 'engaged', engagement_modus: 'engaged' }),
        woman('b', { engagement_police: 'engaged', engagement_modus: 'sporadic' }),
        woman('c', { engagement_police: 'engaged', engagement_modus: 'none' }),
        woman('d', { engagement_police: 'not_engaged', engagement_modus: 'none' }),
        woman('e', { engagement_police: 'unknown', engagement_modus: 'engaged' }),
        woman('f', {}),
      ],
    });
    const a = engagementAgreement(w);
    expect(a.cells.engaged.engaged).toEqual(['a', 'b']);
    expect(a.cells.engaged.not_engaged).toEqual(['c']);
    expect(a.cells.not_engaged.not_engaged).toEqual(['d']);
    expect(a.cells.unknown.engaged).toEqual(['e']);
    expect(a.cells.unknown.unknown).toEqual(['f']);
    expect([a.agree, a.disagree, a.unknown, a.total]).toEqual([3, 1, 2, 6]);
  });
});

describe('coverageGaps', () => {
  it('lists women missing from each source and incidents of unknown women', () => {
    const w = ws({
      cases: [woman('a'), woman('b', { area: 'North' })],
      incidents: [
        { incident_id: 'i1', case_id: 'a', date: '2014-01-01', kind: 'crime' },
        { incident_id: 'i2', case_id: 'x', date: '2014-01-01', kind: 'crime' },
        { incident_id: 'i3', case_id: 'x', date: '2014-02-01', kind: 'crime' },
      ],
      contacts: [{ case_id: 'b', date: '2014-07-01', result: 'successful' }],
    });
    const { areas } = base(w);
    const g = Object.fromEntries(coverageGaps(w, areas).map((x) => [x.id, x]));
    expect(g.no_police.caseIds).toEqual(['b']);
    expect(g.no_police.byArea).toEqual([{ area: 'North', count: 1 }]);
    expect(g.incidents_without_case.count).toBe(2);
    expect(g.incidents_without_case.caseIds).toEqual(['x']);
    expect(g.no_contacts.caseIds).toEqual(['a']);
    expect(g.no_risk.count).toBe(2);
    expect(g.no_outcomes.count).toBe(2);
  });
});

describe('contradictions', () => {
  it('finds start differences, closure before referral, out-of-window records and risk conflicts', () => {
    const w = ws({
      cases: [
        woman('a', { police_start_date: '2014-08-01', first_contact_date: '2014-06-02', closure_date: '2014-12-01' }),
        woman('b', { police_start_date: '2014-06-03', first_contact_date: '2014-06-02', closure_date: '2014-05-01' }),
        woman('c'),
      ],
      contacts: [
        { case_id: 'a', date: '2014-12-02', result: 'successful' },
        { case_id: 'a', date: '2014-12-01', result: 'successful' },
        { case_id: 'c', date: '2013-05-31', result: 'attempted' },
        { case_id: 'c', date: '2013-06-01', result: 'attempted' },
      ],
      risk_assessments: [
        { case_id: 'c', date: '2014-06-01', level: 'high', assessor: 'police' },
        { case_id: 'c', date: '2014-06-15', level: 'standard', assessor: 'mrp_worker' },
        { case_id: 'c', date: '2014-06-16', level: 'standard', assessor: 'idva' },
        { case_id: 'c', date: '2014-06-10', level: 'standard', assessor: 'police' },
      ],
    });
    const c = contradictions(w, base(w).caseRow);
    expect(c.startDifferences.map((s) => [s.caseId, s.days])).toEqual([['a', 60], ['b', 1]]);
    expect(startsOverThreshold(c.startDifferences, 28).map((s) => s.caseId)).toEqual(['a']);
    expect(startsOverThreshold(c.startDifferences, 60)).toEqual([]);
    expect(c.closureBeforeReferral.map((s) => s.caseId)).toEqual(['b']);
    // on the closure day is fine; the day after is not. 12 months before referral is fine; a day earlier is not.
    expect(c.outOfWindow.map((e) => [e.caseId, e.problem, e.date])).toEqual([
      ['a', 'after_closure', day('2014-12-02')],
      ['c', 'long_before_referral', day('2013-05-31')],
    ]);
    // high by police on 1 June against standard by the worker on 15 June (14 days); same assessor and 15 days do not count
    expect(c.riskConflicts.map((r) => [r.highAssessor, r.standardAssessor])).toEqual([['police', 'mrp_worker']]);
  });

  it('bins the differences by week', () => {
    const list = [-8, -1, 0, 6, 7].map((days) => ({ caseId: 'x', policeStart: 0, firstContact: 0, days }));
    expect(startHistogram(list)).toEqual([
      { from: -14, to: -7, count: 1 },
      { from: -7, to: 0, count: 1 },
      { from: 0, to: 7, count: 2 },
      { from: 7, to: 14, count: 1 },
    ]);
  });
});

describe('duplicates', () => {
  it('reads repeated incident ids and case conflicts from the history, same-day incidents from the data', () => {
    const w = ws({
      cases: [woman('a')],
      incidents: [
        { incident_id: 'i1', case_id: 'a', date: '2014-01-01', kind: 'crime' },
        { incident_id: 'i2', case_id: 'a', date: '2014-01-01', kind: 'crime' },
        { incident_id: 'i3', case_id: 'a', date: '2014-01-01', kind: 'domestic_incident' },
        { incident_id: 'i4', case_id: 'a', date: '2014-01-02', kind: 'crime' },
      ],
    });
    const history = [
      summaryWith({
        files: [
          makeFile('incidents-2.csv', 'incidents', 2, {
            quarantined: [
              { line: 3, column: 'incident_id', value: 'i1', reason: 'incident_id already in this import (incidents-1.csv line 2) with different values (date)' },
              { line: 4, column: 'date', value: '31/02/2014', reason: 'not a date' },
            ],
          }),
          makeFile('cases-b.csv', 'cases', 1, {
            quarantined: [
              {
                line: 2,
                column: 'case_id',
                value: 'c',
                reason: 'case_id already in this import (cases-a.csv line 3) with different values (area)',
                repeatOf: { fileName: 'cases-a.csv', line: 3, stored: true, differences: [{ column: 'area', earlier: 'City', later: 'North' }] },
              },
              { line: 3, column: 'referral_date', value: 'soon', reason: 'not a date' },
            ],
          }),
        ],
        changes: [
          {
            fileName: 'cases-2.csv',
            kind: 'cases',
            rows: 1,
            cells: 2,
            listed: [
              { key: 'a', line: 2, column: 'area', stored: 'City', incoming: 'North' },
              { key: 'a', line: 2, column: 'age_at_referral', stored: null, incoming: '30' },
            ],
            status: 'pending',
            resolvedAt: null,
            undoable: true,
          },
          { fileName: 'cases-3.csv', kind: 'cases', rows: 1, cells: 1, listed: [{ key: 'b', line: 2, column: 'area', stored: 'City', incoming: 'North' }], status: 'accepted', resolvedAt: 5, undoable: true },
        ],
      }),
      summaryWith({ rolledBack: true, changes: [] }),
    ];
    const d = duplicates(w, history);
    expect(d.repeatedIncidentIds.map((r) => [r.incidentId, r.line])).toEqual([['i1', 3]]);
    expect(d.sameDayIncidents.map((s) => [s.caseId, s.kind, s.incidentIds])).toEqual([['a', 'crime', ['i1', 'i2']]]);
    expect(d.caseConflicts).toEqual([
      {
        caseId: 'a',
        fileName: 'cases-2.csv',
        line: 2,
        status: 'pending',
        against: 'stored row',
        differences: [
          { field: 'area', stored: 'City', incoming: 'North' },
          { field: 'age_at_referral', stored: null, incoming: '30' },
        ],
      },
      {
        caseId: 'c',
        fileName: 'cases-b.csv',
        line: 2,
        status: 'quarantined',
        against: 'stored row',
        differences: [{ field: 'area', stored: 'City', incoming: 'North' }],
      },
    ]);
    // Pending rows are counted exactly, beyond the ones listed; accepted ones are not counted.
    expect(d.caseConflictRows).toBe(2);
    expect(duplicates(w, []).repeatedIncidentIds).toEqual([]);
  });
});

describe('completeness and outcome tool use', () => {
  it('counts known values per field and area, treating unknown codes as unknown', () => {
    const w = ws({
      cases: [
        woman('a', { ethnicity: 'white_british', age_band: '25-34', engagement_modus: 'unknown' }),
        woman('b', { ethnicity: 'not_stated', disability: false }),
        woman('c', { area: 'North', children_under_17: 0, age_at_referral: 30 }),
      ],
    });
    const { caseRow, areas } = base(w);
    const c = completeness(w, caseRow, areas);
    expect(c.areas).toEqual(['City', 'North']);
    expect(c.cells.ethnicity).toEqual([{ known: 1, total: 2 }, { known: 0, total: 1 }]);
    expect(c.cells.age).toEqual([{ known: 1, total: 2 }, { known: 1, total: 1 }]);
    expect(c.cells.disability[0]).toEqual({ known: 1, total: 2 });
    expect(c.overall.children_under_17).toEqual({ known: 1, total: 3 });
    expect(c.overall.engagement_modus).toEqual({ known: 0, total: 3 });
    expect(c.fields).not.toContain('case_id');
  });

  it('counts engaged women with scores on two dates, under the definition in force', () => {
    const w = ws({
      cases: [
        woman('a', { engagement_modus: 'engaged', engagement_police: 'engaged' }),
        woman('b', { engagement_modus: 'sporadic', engagement_police: 'not_engaged', referral_date: '2015-01-05' }),
      ],
      outcomes: [
        { case_id: 'a', date: '2014-07-01', tool: 'batteries', domain: 'safety', score: 2 },
        { case_id: 'a', date: '2014-07-01', tool: 'batteries', domain: 'wellbeing', score: 2 },
        { case_id: 'b', date: '2015-02-01', tool: 'batteries', domain: 'safety', score: 2 },
        { case_id: 'b', date: '2015-05-01', tool: 'batteries', domain: 'safety', score: 5 },
      ],
    });
    const { caseRow, areas } = base(w);
    const both = outcomeToolUse(w, caseRow, areas, 'both');
    expect([both.engaged, both.withTwoScores, both.missing]).toEqual([1, 0, ['a']]);
    const worker = outcomeToolUse(w, caseRow, areas, 'worker');
    expect(worker.rows).toEqual([
      { area: 'City', year: 2014, engaged: 1, withTwoScores: 0, share: wilson(0, 1) },
      { area: 'City', year: 2015, engaged: 1, withTwoScores: 1, share: wilson(1, 1) },
    ]);
    expect(outcomeToolUse(w, caseRow, areas, 'police').engaged).toBe(1);
  });
});

describe('followUpGaps', () => {
  it('measures open cases against the latest date in the data', () => {
    const w = ws({
      cases: [
        woman('a', { referral_date: '2014-01-01' }),
        woman('b', { referral_date: '2014-01-01', closure_date: '2014-02-01' }),
        woman('c', { referral_date: '2014-06-01' }),
      ],
      risk_assessments: [{ case_id: 'c', date: '2014-06-01', level: 'medium' }],
      contacts: [
        { case_id: 'a', date: '2014-07-01', result: 'successful' },
        { case_id: 'c', date: '2014-12-02', result: 'attempted' },
        { case_id: 'c', date: '2014-06-01', result: 'successful' },
      ],
    });
    const { caseRow, areas } = base(w);
    const now = latestDay(w);
    expect(now).toBe(day('2014-12-02'));
    const g = followUpGaps(w, caseRow, areas, now);
    expect(g.openCases).toBe(2);
    // a: no assessment since referral (11 months); c: last 1 June, more than 6 months before 2 December.
    expect(g.noRiskAssessment.map((x) => [x.caseId, x.last])).toEqual([['a', null], ['c', day('2014-06-01')]]);
    // a: last successful 1 July is within 6 months; c: 1 June is not (attempted contacts do not count); exactly 6 months is not over.
    expect(g.noSuccessfulContact.map((x) => x.caseId)).toEqual(['c']);
    expect(followUpGaps(w, caseRow, areas, null).noRiskAssessment).toEqual([]);
  });
});

describe('qualityLog', () => {
  it('has one row per finding item with finding, case id, field, value and why', () => {
    const w = ws({ cases: [woman('a', { engagement_police: 'engaged', engagement_modus: 'none', closure_date: '2014-01-01' })] });
    const log = qualityLog(qualityReport(w, [], { engaged: 'both' }), 28);
    expect(log.find((e) => e.finding === 'Closure before referral')).toMatchObject({ caseId: 'a', field: 'closure_date' });
    expect(log.find((e) => e.finding.startsWith('Engagement'))).toMatchObject({ caseId: 'a', value: 'police: engaged; worker: not engaged' });
    for (const e of log) expect(e.why.length).toBeGreaterThan(10);
  });
});
