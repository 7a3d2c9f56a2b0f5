import { describe, expect, it } from 'vitest';
import { buildJourney } from '../../../src/model/journey';
import { ageBandCode, availableDetails, formatPeriod, redactJourney } from '../../../src/model/case-study/redact';
import { findCalendarDate, reidentificationCheck, scanForIdentifiers } from '../../../src/model/case-study/reidentification';
import { buildPack, parsePack } from '../../../src/model/case-study/pack';
import { moveStep, revealedEvents, type CaseStudy } from '../../../src/model/case-study/case-study';
import { sampleCaseStudy, SAMPLE_STUDY_STEPS } from '../../../src/model/case-study/sample-studies';
import { listCases } from '../../../src/model/case-list';
import { recordsOf } from '../../../src/data/working-set';
import { meganRecords } from './journey-fixtures';
import { sampleWorkingSet } from './section4-sample';

const megan = () => buildJourney('MRP-0002', meganRecords());
let n = 0;
const newId = () => `t${++n}`;

function study(journeyOptions = { showArea: false, includedDetails: [] as string[] }): CaseStudy {
  const j = megan();
  return {
    title: "Megan's journey",
    contentNote: 'Describes abuse.',
    caseKey: 'MRP-0002',
    steps: [{ id: 'a', fromMonth: 0, toMonth: 2, heading: 'Leaving', text: 'She ended the relationship.', lanes: ['risk', 'milestones'] }],
    options: journeyOptions,
    journey: redactJourney(j, journeyOptions),
    updatedAt: 0,
  };
}

describe('redactJourney', () => {
  it('keeps no case id, no day numbers, age as a band and no area by default', () => {
    const r = redactJourney(megan());
    expect(r.ageBand).toBe('35 to 44');
    expect(r.area).toBeNull();
    expect(JSON.stringify(r)).not.toContain('MRP-0002');
    expect(JSON.stringify(r)).not.toContain('"38"');
    for (const e of r.events) expect(Math.abs(e.month)).toBeLessThan(60);
    expect(r.events.every((e) => e.detail === null)).toBe(true);
  });

  it('counts months from referral: the high risk a month after referral is at month 1.2', () => {
    const r = redactJourney(megan());
    const risk = r.events.filter((e) => e.lane === 'risk' && e.label.startsWith('Risk high'));
    expect(risk[0].month).toBe(1.2);
    expect(r.events.some((e) => e.month < 0)).toBe(true);
  });

  it('shows the area only when opted in and a detail only when included', () => {
    const j = megan();
    const details = availableDetails(j);
    const order = details.find((d) => d.text.includes('non-molestation'))!;
    const r = redactJourney(j, { showArea: true, includedDetails: [order.key] });
    expect(r.area).toBe('City');
    expect(r.events.filter((e) => e.detail !== null).map((e) => e.detail)).toEqual([order.text]);
  });

  it('labels events by vocabulary only: the original text of an "other" code is left out', () => {
    const records = meganRecords();
    const support = [...records.support, { case_id: 'MRP-0002', date: records.support[0].date, category: 'other', category__raw: 'Help at 12 Elm Road' }];
    const milestones = [...records.milestones, { case_id: 'MRP-0002', date: records.support[0].date, kind: 'other', kind__raw: 'Met Dr Smith' }];
    const r = redactJourney(buildJourney('MRP-0002', { ...records, support, milestones }));
    const text = JSON.stringify(r);
    expect(text).not.toContain('Elm Road');
    expect(text).not.toContain('Dr Smith');
  });

  it('bands ages as the contract does', () => {
    expect([16, 24, 25, 34, 35, 44, 45, 54, 55, 90].map(ageBandCode)).toEqual(['16-24', '16-24', '25-34', '25-34', '35-44', '35-44', '45-54', '45-54', '55+', '55+']);
  });

  it('formats periods without calendar dates', () => {
    expect(formatPeriod(0, 3)).toBe('months 0 to 3');
    expect(formatPeriod(-2, 0)).toBe('2 months before referral to month 0');
    expect(formatPeriod(4, 4)).toBe('month 4');
  });
});

describe('findCalendarDate', () => {
  const table: [string, string | null][] = [
    ['2014-04-09', '2014-04-09'],
    ['on 9/4/2014', '9/4/2014'],
    ['on 09.04.14', '09.04.14'],
    ['9 April 2014', '9 April'],
    ['the 9th of April', '9th of April'],
    ['April 2014', 'April 2014'],
    ['in Jan 15', 'Jan 15'],
    ['sometime in 2014', '2014'],
    ['month 3 to month 12', null],
    ['school attendance rose to 78%', null],
    ['may have been', null],
  ];
  it.each(table)('%s', (input, expected) => {
    expect(findCalendarDate(input)).toBe(expected);
  });
});

describe('reidentificationCheck', () => {
  it('lists dates in texts, included free text and a rare combination', () => {
    const s = study();
    const j = megan();
    const key = availableDetails(j)[0].key;
    s.options.includedDetails = [key];
    s.journey = redactJourney(j, s.options);
    s.steps[0].text = 'On 9 April 2014 she ended it.';
    const report = reidentificationCheck(s, [j.profile!], ['MRP-0002']);
    const kinds = report.risks.map((r) => r.kind);
    expect(kinds).toContain('date');
    expect(kinds).toContain('free text');
    expect(kinds).toContain('rare combination');
    expect(report.sharing).toBe(1);
  });

  it('does not flag a combination shared by enough women, and flags a case id in a text', () => {
    const s = study();
    s.title = 'MRP-0002 story';
    const p = megan().profile!;
    const report = reidentificationCheck(s, [p, p, p, p, p], ['MRP-0002']);
    expect(report.sharing).toBe(5);
    expect(report.risks.map((r) => r.kind)).toEqual(['case id']);
  });

  it('counts nothing when no data is loaded', () => {
    expect(reidentificationCheck(study(), []).sharing).toBeNull();
  });
});

describe('packs', () => {
  it('round-trip without the case key, ids or the updated time', () => {
    const s = study();
    const pack = buildPack(s);
    expect(pack.formatVersion).toBe(1);
    expect(Object.keys(pack)).not.toContain('caseKey');
    const back = parsePack(JSON.stringify(pack), newId, 1);
    expect(back.caseKey).toBeNull();
    expect(back.journey).toEqual(s.journey);
    expect(back.steps.map((x) => x.heading)).toEqual(['Leaving']);
  });

  it('hold a number for a month the editor left empty', () => {
    const s = study();
    (s.steps[0] as { fromMonth: number | null }).fromMonth = null;
    expect(buildPack(s).steps[0].fromMonth).toBe(0);
    expect(() => parsePack(JSON.stringify(buildPack(s)), newId)).not.toThrow();
  });

  it('refuse other files and other versions', () => {
    expect(() => parsePack('nope', newId)).toThrow(/not JSON/);
    expect(() => parsePack('{"format":"waymark-case-study","formatVersion":9}', newId)).toThrow(/version 9/);
    expect(() => parsePack('{"format":"x"}', newId)).toThrow(/format/);
  });

  it('of every sample study hold no calendar date or case id in any string or number', () => {
    const ws = sampleWorkingSet();
    const cases = listCases(ws);
    const named = cases.filter((c) => c.displayName && SAMPLE_STUDY_STEPS[c.displayName]);
    expect(named.map((c) => c.displayName).sort()).toEqual(['Chelsea', 'Megan', 'Sue']);
    for (const c of named) {
      const j = buildJourney(c.caseId, recordsOf(ws, c.caseId));
      const s = sampleCaseStudy(j, c.caseId, newId, 1)!;
      const pack = buildPack(s);
      expect(scanForIdentifiers(pack, ws.caseIds)).toEqual([]);
      expect(s.steps.length).toBeGreaterThanOrEqual(4);
      for (const step of s.steps) expect(step.fromMonth).toBeLessThanOrEqual(step.toMonth);
    }
  });

  it('the scan finds dates and case ids wherever they hide', () => {
    const bad = { a: ['x MRP-0047 y'], b: { c: 16190 }, d: 'met in March 2014', e: 1_400_000_000_000, '2014-01-01': 1 };
    const found = scanForIdentifiers(bad, ['MRP-0047']).map((f) => `${f.path}:${f.problem}`);
    expect(found).toEqual([
      '$.a[0]:case id',
      '$.b.c:date-like number',
      '$.d:calendar date',
      '$.e:date-like number',
      '$.2014-01-01 (key):calendar date',
    ]);
  });
});

describe('steps', () => {
  it('move up and down and stay put at the ends', () => {
    const s = [1, 2, 3].map((i) => ({ id: String(i), fromMonth: 0, toMonth: 1, heading: String(i), text: '', lanes: [] }));
    expect(moveStep(s, 1, -1).map((x) => x.id)).toEqual(['2', '1', '3']);
    expect(moveStep(s, 2, 1).map((x) => x.id)).toEqual(['1', '2', '3']);
  });

  it('reveal only events up to the step and of its lanes', () => {
    const s = study();
    const shown = revealedEvents(s.journey, 2, ['risk']);
    expect(shown.every((e) => e.lane === 'risk' && e.month <= 2)).toBe(true);
    expect(shown.length).toBeGreaterThan(0);
  });
});
