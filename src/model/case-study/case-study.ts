/**
 * A case study: title, content note, ordered annotated steps over a redacted journey. Pure.
 */
import type { CaseStudyLane, RedactedJourney } from './redact';

export interface CaseStudyStep {
  id: string;
  /** Months since referral. */
  fromMonth: number;
  toMonth: number;
  heading: string;
  text: string;
  lanes: CaseStudyLane[];
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
