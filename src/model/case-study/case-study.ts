/**
 * Case studies (the stored record is src/domain/case-study.ts): new ones, steps moved, what a step reveals. Pure.
 */
import type { Journey } from '../journey';
import type { CaseStudy, CaseStudyLane, CaseStudyStep, RedactedJourney } from '../../domain/case-study';
import { DEFAULT_REDACT_OPTIONS, redactJourney } from './redact';

export type { CaseStudy, CaseStudyOptions, CaseStudyStep } from '../../domain/case-study';

export const DEFAULT_CONTENT_NOTE =
  'This case study describes domestic abuse, including physical violence, threats and coercive control.';

let stepCounter = 0;
export function newStepId(): string {
  stepCounter += 1;
  return `s${Date.now().toString(36)}${stepCounter}`;
}

/** Steps with one moved up or down; the same array when it cannot move. */
export function moveStep(steps: readonly CaseStudyStep[], index: number, by: -1 | 1): CaseStudyStep[] {
  const to = index + by;
  if (index < 0 || index >= steps.length || to < 0 || to >= steps.length) return [...steps];
  const out = [...steps];
  [out[index], out[to]] = [out[to], out[index]];
  return out;
}

/** Events of the journey shown at a step: only lanes of the step and nothing after it ends. */
export function revealedEvents(journey: RedactedJourney, upToMonth: number, lanes: readonly CaseStudyLane[]) {
  const shown = new Set(lanes);
  return journey.events.filter((e) => shown.has(e.lane) && e.month <= upToMonth);
}

/** A new case study of a woman's journey: redacted by default, one first step at referral. */
export function newCaseStudy(journey: Journey, caseKey: string, newId: () => string = newStepId, now = Date.now()): CaseStudy {
  return {
    title: journey.displayName ? `${journey.displayName}'s journey` : 'Untitled case study',
    contentNote: DEFAULT_CONTENT_NOTE,
    caseKey,
    steps: [{ id: newId(), fromMonth: 0, toMonth: 1, heading: 'Referral', text: '', lanes: ['risk', 'contacts', 'support'], notes: '' }],
    options: { ...DEFAULT_REDACT_OPTIONS, includedDetails: [] },
    journey: redactJourney(journey),
    updatedAt: now,
    confirmedFingerprint: null,
  };
}
