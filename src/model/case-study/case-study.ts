/**
 * A case study: title, content note, ordered annotated steps over a redacted journey. Pure.
 */
import type { Journey } from '../journey';
import { DEFAULT_REDACT_OPTIONS, redactJourney, type CaseStudyLane, type RedactedJourney } from './redact';

export interface CaseStudyStep {
  id: string;
  /** Months since referral. */
  fromMonth: number;
  toMonth: number;
  heading: string;
  text: string;
  lanes: CaseStudyLane[];
  /** Presenter notes: shown only in the presenter's own window, never on a slide. */
  notes?: string;
}

export interface CaseStudyOptions {
  showArea: boolean;
  includedDetails: string[];
}

export interface CaseStudy {
  id?: number;
  title: string;
  contentNote: string;
  /** Internal only, to rebuild the redacted journey from loaded data; never shown or exported. */
  caseKey: string | null;
  steps: CaseStudyStep[];
  options: CaseStudyOptions;
  journey: RedactedJourney;
  updatedAt: number;
  /**
   * The fingerprint (pack.ts studyFingerprint) of the content the trainer last confirmed in the
   * re-identification check; any later change makes the check due again.
   */
  confirmedFingerprint?: string | null;
}

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
