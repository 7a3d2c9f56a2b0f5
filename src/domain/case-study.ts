/**
 * A case study as it is stored (the `caseStudies` table): title, content note, ordered annotated
 * steps over a redacted journey. Plain data only; building and redacting it is src/model/case-study.
 */

/** The journey lanes a case study may show: every lane of a journey. */
export type CaseStudyLane = 'risk' | 'incidents' | 'support' | 'contacts' | 'outcomes' | 'milestones';

export interface RedactedEvent {
  lane: CaseStudyLane;
  /** Months since referral, one decimal; negative before referral. */
  month: number;
  /** For support that lasts: its end in months since referral. */
  toMonth: number | null;
  label: string;
  /** Risk level code on the risk lane. */
  level: string | null;
  /** Free text, only when the trainer included it. */
  detail: string | null;
  /**
   * The vocabulary code the slide draws by (none in case studies made before slides drew the
   * journey's own marks): the assessor of a risk grading, the kind of an incident, the category
   * of support, the kind of a turning point.
   */
  code?: string | null;
  /** The status code of support. */
  status?: string | null;
  /** Contacts of the week: reached her, not answered, result not recorded. */
  contacts?: { successful: number; unanswered: number; unknown: number };
}

/** One outcome domain's scores, in months since referral. */
export interface RedactedOutcome {
  key: string;
  label: string;
  min: number;
  max: number;
  points: { month: number; score: number }[];
}

/** A woman's journey as a case study may show it: no case id, no calendar dates. */
export interface RedactedJourney {
  ageBand: string | null;
  /** Only when the trainer opted in. */
  area: string | null;
  ethnicity: string | null;
  needs: string[];
  /** Months since referral of the last event (at least 0). */
  lastMonth: number;
  events: RedactedEvent[];
  /** Outcome scores (absent from case studies made before slides drew them). */
  outcomes?: RedactedOutcome[];
}

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
