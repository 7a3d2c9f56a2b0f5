/**
 * The three service user journeys of section 5.5 of the report (Sue, Megan, Chelsea) as
 * ready-made case studies over the sample data. Steps are written in months since referral and
 * follow the report's account; no calendar date appears in any text.
 */
import { DEFAULT_CONTENT_NOTE, type CaseStudy, type CaseStudyStep } from './case-study';
import { DEFAULT_REDACT_OPTIONS, redactJourney, type CaseStudyLane } from './redact';
import type { Journey } from '../journey';

type StepDraft = Omit<CaseStudyStep, 'id'>;
const ALL: CaseStudyLane[] = ['risk', 'incidents', 'support', 'contacts', 'outcomes', 'milestones'];
/** Marks "from her first record" and "to her last" in drafts. */
const START = -Infinity;
const END = Infinity;

export const SAMPLE_STUDY_STEPS: Readonly<Record<string, StepDraft[]>> = {
  Sue: [
    { fromMonth: 0, toMonth: 1, heading: 'Referral and the first visits', text: 'Sue, in her mid-40s, had left a marriage of over 20 years; her husband still saw the children every week. Her risk was assessed as high at the first visit and as medium about two weeks later.', lanes: ['risk', 'contacts', 'support'] },
    { fromMonth: 1, toMonth: 9, heading: 'Nine months at medium risk', text: 'The worker gave emotional and practical support: recognising the cycle of abuse and controlling behaviour, confidence, help with legal aid for the divorce, and home security. Sue said he "daren\'t do half" of what he did before.', lanes: ['risk', 'incidents', 'support', 'contacts'] },
    { fromMonth: 8, toMonth: 12, heading: 'Standard risk, and recognising control', text: 'Her risk fell to standard, though she did not always agree with it. She started a new relationship and ended it when she noticed signs of control: "it\'s helped me to not let anybody else do it to me".', lanes: ['risk', 'support', 'milestones'] },
    { fromMonth: 12, toMonth: 16, heading: 'A break in contact, and work', text: 'There was a break in contact of about two months. In that time Sue started working. Contact then resumed.', lanes: ['risk', 'contacts', 'milestones'] },
    { fromMonth: 16, toMonth: END, heading: 'Escalation through child contact', text: 'The perpetrator kept up the abuse through child contact and harassment. At the end of the period the latest incident involved the police, her risk was high again and she was referred to MARAC. Her case remains open.', lanes: ALL },
  ],
  Megan: [
    { fromMonth: 0, toMonth: 1, heading: 'Still in the relationship', text: 'Megan, in her late 30s, was living with the perpetrator and her three children when she met her worker. She was minimising the abuse. Work began on understanding domestic abuse.', lanes: ['risk', 'contacts', 'support'] },
    { fromMonth: 1, toMonth: 3, heading: 'Leaving, and the risk rises', text: 'She ended the relationship. Risk rose to high: he told one of the children he would kill her. A non-molestation order was granted at once, she was referred to MARAC and the children were placed on child protection plans, which ended within weeks.', lanes: ALL },
    { fromMonth: 3, toMonth: 11, heading: 'Risk that goes up and down', text: 'As tensions eased her risk returned to medium, rose to high again without a clear reason, and then fell to standard, where it stayed. Her weekly outcome "batteries" began to rise.', lanes: ['risk', 'incidents', 'outcomes', 'milestones'] },
    { fromMonth: 11, toMonth: END, heading: 'Confidence, a new home, and an ending', text: 'Weekly outcome "batteries" gave her a sense of progress. With help on housing options she moved to a new home. Support ended with her goals met: "I\'m more in control of my life now".', lanes: ALL },
  ],
  Chelsea: [
    { fromMonth: START, toMonth: 0, heading: 'Before referral', text: 'Chelsea, in her early 30s, had been assessed as high risk when she was in contact with the service years before. Her two children were on child protection plans. She has depression and a history of substance misuse.', lanes: ['risk', 'milestones'] },
    { fromMonth: 0, toMonth: 6, heading: 'Complex needs and sporadic engagement', text: 'Her life was chaotic and her engagement came and went. The perpetrator was sent to custody and later released; she stopped responding for a while and came back after a crisis.', lanes: ['risk', 'contacts', 'support', 'milestones'] },
    { fromMonth: 6, toMonth: 11, heading: 'Crises, and a respite', text: 'Contact lapsed again. The perpetrator was sentenced to a further period in custody, giving her a period of relative respite, though she feared his release. Alarms were fitted at home.', lanes: ['incidents', 'contacts', 'support', 'milestones'] },
    { fromMonth: 11, toMonth: END, heading: 'Small steps forward', text: 'She agreed to be rehoused out of the area, started a new relationship and went twenty days without amphetamines. Her risk was recorded as medium. Her case remains open.', lanes: ALL },
  ],
};

/** A ready-made case study for one sample journey, or null when she has no steps written. */
export function sampleCaseStudy(journey: Journey, caseKey: string, newId: () => string, now = Date.now()): CaseStudy | null {
  const name = journey.displayName;
  const drafts = name ? SAMPLE_STUDY_STEPS[name] : undefined;
  if (!name || !drafts) return null;
  const redacted = redactJourney(journey, DEFAULT_REDACT_OPTIONS);
  const first = Math.floor(Math.min(0, ...redacted.events.map((e) => e.month)));
  const last = Math.ceil(redacted.lastMonth);
  const clamp = (m: number) => Math.max(first, Math.min(last, m));
  return {
    title: `${name}'s journey`,
    contentNote: DEFAULT_CONTENT_NOTE,
    caseKey,
    steps: drafts.map((d) => ({ ...d, id: newId(), fromMonth: clamp(d.fromMonth), toMonth: clamp(d.toMonth), lanes: [...d.lanes] })),
    options: { ...DEFAULT_REDACT_OPTIONS, includedDetails: [] },
    journey: redacted,
    updatedAt: now,
  };
}

/**
 * The sample case studies not stored yet, for the women of the loaded data the report follows:
 * one a woman, known by her case key and title, so loading the sample again adds none.
 */
export function missingSampleStudies(
  women: readonly { caseKey: string; displayName: string }[],
  stored: readonly Pick<CaseStudy, 'caseKey' | 'title'>[],
  journeyOf: (caseKey: string) => Journey,
  newId: () => string,
  now = Date.now(),
): CaseStudy[] {
  const out: CaseStudy[] = [];
  for (const w of women) {
    if (!SAMPLE_STUDY_STEPS[w.displayName]) continue;
    if (stored.some((s) => s.caseKey === w.caseKey && s.title === `${w.displayName}'s journey`)) continue;
    const study = sampleCaseStudy(journeyOf(w.caseKey), w.caseKey, newId, now);
    if (study) out.push(study);
  }
  return out;
}
