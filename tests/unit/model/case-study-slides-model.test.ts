import { describe, expect, it } from 'vitest';
import { buildJourney } from '../../../src/model/journey';
import { redactJourney } from '../../../src/model/case-study/redact';
import { buildPack, parsePack, studyFingerprint } from '../../../src/model/case-study/pack';
import type { CaseStudy } from '../../../src/model/case-study/case-study';
import { missingSampleStudies } from '../../../src/model/case-study/sample-studies';
import { dayOfMonth, slideJourney } from '../../../src/model/case-study/slide-journey';
import { listCases } from '../../../src/model/case-list';
import { recordsOf } from '../../../src/data/working-set';
import { meganRecords } from './journey-fixtures';
import { sampleWorkingSet } from './section4-sample';

const megan = () => buildJourney('MRP-0002', meganRecords());

function study(): CaseStudy {
  return {
    title: "Megan's journey",
    contentNote: 'Describes abuse.',
    caseKey: 'MRP-0002',
    steps: [{ id: 'a', fromMonth: 0, toMonth: 2, heading: 'Leaving', text: 'She ended the relationship.', lanes: ['risk', 'outcomes', 'milestones'] }],
    options: { showArea: false, includedDetails: [] },
    journey: redactJourney(megan()),
    updatedAt: 0,
  };
}

describe('the redacted copy a slide draws from', () => {
  it('keeps the codes the marks are drawn by and her outcome scores in months, nothing more', () => {
    const j = redactJourney(megan());
    expect(j.events.filter((e) => e.lane === 'risk').every((e) => typeof e.code === 'string')).toBe(true);
    expect(j.events.filter((e) => e.lane === 'contacts').every((e) => e.contacts !== undefined)).toBe(true);
    expect(j.outcomes!.length).toBe(megan().outcomes.length);
    for (const o of j.outcomes!) for (const p of o.points) expect(Object.keys(p).sort()).toEqual(['month', 'score']);
    expect(JSON.stringify(j)).not.toContain('MRP-0002');
  });

  it('travels in a pack and back; a case study stored before keeps its fingerprint', () => {
    const s = study();
    const back = parsePack(JSON.stringify(buildPack(s)), () => 'x', 0);
    expect(back.journey.outcomes).toEqual(s.journey.outcomes);
    expect(back.journey.events).toEqual(s.journey.events);
    const old = study();
    old.journey = { ...old.journey, outcomes: undefined, events: old.journey.events.map(({ lane, month, toMonth, label, level, detail }) => ({ lane, month, toMonth, label, level, detail })) };
    expect(JSON.stringify(buildPack(old))).not.toMatch(/"outcomes":|"code":|"contacts":/);
    expect(studyFingerprint(old)).toBe(studyFingerprint(JSON.parse(JSON.stringify(old)) as CaseStudy));
  });
});

describe('slideJourney', () => {
  it('is her journey as the journey screen models it, up to the step, on its lanes, in days from referral', () => {
    const s = study();
    const j = slideJourney({ journey: s.journey, upToMonth: 2, lanes: ['risk', 'outcomes'], domain: [-3, 20] });
    expect(j.referral).toBe(0);
    expect(j.start).toBe(dayOfMonth(-3));
    expect(j.end).toBe(dayOfMonth(20));
    expect(j.risk.tracks).toHaveLength(1);
    const steps = j.risk.tracks[0].steps;
    expect(steps.at(-1)!.end).toBe(dayOfMonth(2));
    for (const r of j.risk.readings) expect(r.day).toBeLessThanOrEqual(dayOfMonth(2));
    for (const o of j.outcomes) for (const p of o.points) expect(p.day).toBeLessThanOrEqual(dayOfMonth(2));
    expect(j.incidents).toEqual([]);
    expect(j.milestones).toEqual([]);
    expect(j.silences).toEqual([]);
  });

  it('says a shown lane with nothing yet is empty, in months', () => {
    const s = study();
    const j = slideJourney({ journey: s.journey, upToMonth: -50, lanes: ['incidents'], domain: [-60, 20] });
    expect(j.silences).toEqual([{ lane: 'incidents', message: 'Nothing recorded by 50 months before referral' }]);
  });
});

describe('missingSampleStudies', () => {
  it('makes the three sample case studies once: none again for a woman who has hers', () => {
    const ws = sampleWorkingSet();
    const women = listCases(ws)
      .filter((c) => c.displayName)
      .map((c) => ({ caseKey: c.caseId, displayName: c.displayName! }));
    const journeyOf = (key: string) => buildJourney(key, recordsOf(ws, key));
    const first = missingSampleStudies(women, [], journeyOf, () => 'id', 1);
    expect(first.map((s) => s.title).sort()).toEqual(["Chelsea's journey", "Megan's journey", "Sue's journey"]);
    expect(missingSampleStudies(women, first, journeyOf, () => 'id', 1)).toEqual([]);
    expect(missingSampleStudies(women, first.slice(1), journeyOf, () => 'id', 1).map((s) => s.title)).toEqual([first[0].title]);
  });
});
