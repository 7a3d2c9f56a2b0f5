import { describe, expect, it } from 'vitest';
import { buildJourney } from '../../../src/model/journey';
import { chartSource, chartTitle, layoutJourney, referenceMarks } from '../../../src/chart/journey-layout';
import { legendItems, legendLayout } from '../../../src/chart/journey-legend';
import { d, emptyRecords, meganRecords } from '../model/journey-fixtures';

describe('journey layout', () => {
  const megan = buildJourney('MRP-0002', meganRecords());
  const layout = layoutJourney(megan, 1000);

  it('spans the journey with a margin, with a label column on the left', () => {
    expect([layout.plotLeft, layout.plotRight, layout.width]).toEqual([200, 972, 1000]);
    // 876 days: a margin of 2% (18 days) each side.
    expect(layout.baseX.domain()).toEqual([d('2013-03-03') - 18, d('2015-07-27') + 18]);
    expect(layout.baseX.range()).toEqual([200, 972]);
    expect(layoutJourney(megan, 300).width).toBe(640);
  });

  it('stacks the six lanes, each with labelled rows, without overlap', () => {
    expect(layout.lanes.map((l) => [l.key, l.label, l.rows.length])).toEqual([
      ['risk', 'Risk', 3],
      ['incidents', 'Police incidents', 1],
      ['support', 'Support', 8],
      ['contacts', 'Contacts', 2],
      ['outcomes', 'Outcome scores', 2],
      ['milestones', 'Milestones', layout.lanes[5].rows.length],
    ]);
    expect(layout.laneByKey.risk.rows.map((r) => [r.label, r.height])).toEqual([
      ['Latest, any assessor', 30],
      ['Police', 20],
      ['Worker', 20],
    ]);
    expect(layout.laneByKey.outcomes.rows.map((r) => r.label)).toEqual(['Safety (1 to 8)', 'Wellbeing (1 to 8)']);
    for (let i = 1; i < layout.lanes.length; i++) {
      const above = layout.lanes[i - 1];
      expect(layout.lanes[i].y).toBeGreaterThanOrEqual(above.y + above.height);
    }
    expect(layout.lanesTop).toBe(layout.lanes[0].y);
    expect(layout.axisY).toBeGreaterThan(layout.lanesBottom);
    expect(layout.height).toBeGreaterThan(layout.sourceY);
  });

  it('stacks turning-point labels that would collide', () => {
    // Six turning points within seven weeks of April 2014 need several rows at this width.
    expect(layout.laneByKey.milestones.rows.length).toBeGreaterThanOrEqual(4);
    const rows = [...layout.milestoneRows.values()].map((p) => p.row);
    expect(new Set(rows.slice(0, 4)).size).toBe(4);
  });

  it('places reference labels (window, referral, first contact, closure) apart', () => {
    expect(referenceMarks(megan).map((r) => r.key)).toEqual(['window', 'referral', 'first-contact', 'closure']);
    const byKey = Object.fromEntries(layout.references.map((r) => [r.key, r]));
    expect(byKey.referral.row).not.toBe(byKey['first-contact'].row);
    expect(byKey.closure.showLabel).toBe(true);
  });

  it('gives a silent lane one row for its message', () => {
    const quiet = buildJourney('MRP-0002', { ...meganRecords(), incidents: [] });
    const lane = layoutJourney(quiet, 1000).laneByKey.incidents;
    expect(lane.silence).toBe('No records from the police (incidents.csv)');
    expect(lane.rows.map((r) => r.key)).toEqual(['incidents-silence']);
  });

  it('titles the chart and names its source, period and n', () => {
    expect(chartTitle(megan)).toBe('Megan: risk, police incidents, support, contacts, outcome scores and milestones over time');
    expect(chartSource(megan)).toBe('Source: imported police and service records. Period: 3 March 2013 to 27 July 2015. n = 1 woman, 45 records.');
  });
});

describe('journey legend', () => {
  const megan = buildJourney('MRP-0002', meganRecords());

  it('lists only the encodings the chart draws', () => {
    expect(legendItems(megan).map((i) => i.label)).toEqual([
      'Standard risk',
      'Medium risk',
      'High risk',
      'Faded: no reassessment for 6 months',
      'Domestic incident',
      'Crime',
      'Support completed',
      'Support that lasted (start to end)',
      'Successful contacts a week (taller = more)',
      'Attempts not answered a week (taller = more)',
      'Outcome score (first and latest labelled)',
      'Turning point',
      '12 months before referral',
    ]);
  });

  it('explains the fading only when a grading went six months without reassessment', () => {
    expect(legendItems(megan).map((i) => i.key)).toContain('stale');
    const records = { ...emptyRecords(), cases: [{ case_id: 'C', referral_date: d('2014-03-03') }], risk_assessments: meganRecords().risk_assessments.slice(0, 2) };
    expect(legendItems(buildJourney('C', records)).map((i) => i.key)).toEqual(['risk-medium', 'risk-high', 'window']);
  });

  it('wraps into rows that fit the width', () => {
    const wide = legendLayout(megan, 2000);
    const narrow = legendLayout(megan, 600);
    expect(wide.height).toBe(40);
    expect(narrow.height).toBeGreaterThan(wide.height);
    for (const item of narrow.items) expect(item.x).toBeLessThan(600);
    expect(narrow.items[0]).toMatchObject({ x: 0, y: 0 });
  });
});
