import { describe, expect, it } from 'vitest';
import { buildJourney } from '../../../src/model/journey';
import { newCaseStudy } from '../../../src/model/case-study/case-study';
import { buildPack, parsePack, studyFingerprint } from '../../../src/model/case-study/pack';
import { reidentificationCheck, scanForIdentifiers } from '../../../src/model/case-study/reidentification';
import { redactJourney } from '../../../src/model/case-study/redact';
import { meganRecords } from './journey-fixtures';

let n = 0;
const newId = () => `c${++n}`;
const megan = () => buildJourney('MRP-0002', meganRecords());

describe('newCaseStudy', () => {
  it('starts redacted, unconfirmed, with one step at referral and no case id in what it shows', () => {
    const s = newCaseStudy(megan(), 'MRP-0002', newId, 5);
    expect(s.caseKey).toBe('MRP-0002');
    expect(s.confirmedFingerprint).toBeNull();
    expect(s.options).toEqual({ showArea: false, includedDetails: [] });
    expect(s.journey).toEqual(redactJourney(megan()));
    expect(s.steps).toHaveLength(1);
    expect(s.steps[0]).toMatchObject({ fromMonth: 0, toMonth: 1, heading: 'Referral' });
    expect(scanForIdentifiers(buildPack(s), ['MRP-0002'])).toEqual([]);
  });
});

describe('studyFingerprint', () => {
  it('is stable for the same content and changes with anything shown or exported', () => {
    const s = newCaseStudy(megan(), 'MRP-0002', newId, 5);
    const f = studyFingerprint(s);
    expect(studyFingerprint(structuredClone(s))).toBe(f);
    // Ids of steps and the stored time are not content.
    expect(studyFingerprint({ ...s, steps: s.steps.map((x) => ({ ...x, id: 'other' })) })).toBe(f);
    const changes = [
      { ...s, title: s.title + '!' },
      { ...s, contentNote: '' },
      { ...s, steps: [{ ...s.steps[0], text: 'x' }] },
      { ...s, steps: [{ ...s.steps[0], toMonth: 2 }] },
      { ...s, steps: [{ ...s.steps[0], notes: 'remember to pause' }] },
      { ...s, steps: [{ ...s.steps[0], lanes: ['risk' as const] }] },
      { ...s, journey: redactJourney(megan(), { showArea: true, includedDetails: [] }) },
    ];
    const prints = changes.map(studyFingerprint);
    for (const p of prints) expect(p).not.toBe(f);
    expect(new Set(prints).size).toBe(prints.length);
  });
});

describe('presenter notes', () => {
  it('travel in the pack, and a pack without them still reads', () => {
    const s = newCaseStudy(megan(), 'MRP-0002', newId, 5);
    s.steps[0].notes = 'Ask the room what they would do.';
    const pack = buildPack(s);
    expect(pack.steps[0].notes).toBe('Ask the room what they would do.');
    expect(parsePack(JSON.stringify(pack), newId).steps[0].notes).toBe('Ask the room what they would do.');
    const old = JSON.parse(JSON.stringify(pack));
    delete old.steps[0].notes;
    expect(parsePack(JSON.stringify(old), newId).steps[0].notes).toBe('');
    old.steps[0].notes = 7;
    expect(() => parsePack(JSON.stringify(old), newId)).toThrow(/presenter notes/);
  });

  it('are checked for dates and case ids like every other text', () => {
    const s = newCaseStudy(megan(), 'MRP-0002', newId, 5);
    s.steps[0].notes = 'She was seen on 3 March by MRP-0002.';
    const kinds = reidentificationCheck(s, [], ['MRP-0002']).risks.map((r) => `${r.kind}: ${r.message}`);
    expect(kinds).toContain('date: Step 1 presenter notes contains a calendar date: "3 March".');
    expect(kinds).toContain('case id: Step 1 presenter notes contains a case id.');
  });
});
