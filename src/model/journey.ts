/**
 * One woman's journey derived from her records: everything the journey screen draws, lists and
 * summarises. Pure: records in, plain data out.
 */
import { FILE_KINDS, KINDS, VOCABULARIES, type Kind } from '../domain/contract';
import { addMonths } from '../data/days';
import { labelOf } from './labels';
import { codeWithRaw, dayField, textField, type PlainRecord } from './record-fields';
import { riskReadings, riskTracks, type RiskReading, type RiskTrack } from './risk-steps';
import { contactWeeks, type ContactTally, type ContactWeek } from './contact-weeks';
import { outcomeSeries, type OutcomeSeries } from './outcome-series';
import { supportItems, supportRows, type SupportItem, type SupportRow } from './support-rows';

export type JourneyRecords = Readonly<Record<Kind, readonly PlainRecord[]>>;

export type LaneKey = 'risk' | 'incidents' | 'support' | 'contacts' | 'outcomes' | 'milestones';

export interface LaneSpec {
  key: LaneKey;
  label: string;
  /** The files whose records the lane draws. */
  kinds: readonly Kind[];
  /** Completes "No records from …". */
  source: string;
}

const file = (kind: Kind) => FILE_KINDS[kind].fileName;

export const LANES: readonly LaneSpec[] = [
  { key: 'risk', label: 'Risk', kinds: ['risk_assessments', 'incidents'], source: `risk assessments (${file('risk_assessments')}) or police DASH gradings (${file('incidents')})` },
  { key: 'incidents', label: 'Police incidents', kinds: ['incidents'], source: `the police (${file('incidents')})` },
  { key: 'support', label: 'Support', kinds: ['support'], source: `support records (${file('support')})` },
  { key: 'contacts', label: 'Contacts', kinds: ['contacts'], source: `contact records (${file('contacts')})` },
  { key: 'outcomes', label: 'Outcome scores', kinds: ['outcomes'], source: `outcome measures (${file('outcomes')})` },
  { key: 'milestones', label: 'Milestones', kinds: ['milestones'], source: `milestone records (${file('milestones')})` },
];

export const LANE_BY_KEY: Readonly<Record<LaneKey, LaneSpec>> = Object.fromEntries(LANES.map((l) => [l.key, l])) as Record<LaneKey, LaneSpec>;

export interface JourneyIncident {
  key: string;
  day: number;
  id: string | null;
  kind: string | null;
  kindLabel: string;
  offence: string | null;
  offenceLabel: string;
  dash: string | null;
  dashLabel: string;
  outcome: string | null;
  outcomeLabel: string;
  perpetrator: string | null;
}

export interface Milestone {
  key: string;
  day: number;
  kind: string;
  label: string;
  detail: string | null;
}

export interface Silence {
  lane: LaneKey;
  /** "No records from the police (incidents.csv)". */
  message: string;
}

export interface Journey {
  caseId: string;
  displayName: string | null;
  /** The display name when there is one, else the case id. */
  title: string;
  /** Her cases row, or null when she appears only in event files. */
  profile: PlainRecord | null;
  referral: number | null;
  firstContact: number | null;
  policeStart: number | null;
  closure: number | null;
  closureReason: string | null;
  /** The 12 months before referral. */
  preWindow: { start: number; end: number } | null;
  /** First and last day the chart must show (records, reference dates and the window). */
  start: number;
  end: number;
  risk: { readings: RiskReading[]; tracks: RiskTrack[] };
  incidents: JourneyIncident[];
  support: { items: SupportItem[]; rows: SupportRow[] };
  contacts: { weeks: ContactWeek[]; totals: ContactTally };
  outcomes: OutcomeSeries[];
  milestones: Milestone[];
  counts: Record<Kind, number>;
  silences: Silence[];
  records: JourneyRecords;
}

export interface JourneyOptions {
  /** Kinds with at least one row in the whole working set; others are said to be not loaded. */
  loadedKinds?: ReadonlySet<Kind>;
}

function incidentOf(r: PlainRecord, i: number): JourneyIncident | null {
  const day = dayField(r, 'date');
  if (day === null) return null;
  const kind = textField(r, 'kind');
  const offence = codeWithRaw(r, 'offence');
  const outcome = codeWithRaw(r, 'outcome');
  const dash = textField(r, 'dash_risk');
  return {
    key: `inc-${i}`,
    day,
    id: textField(r, 'incident_id'),
    kind,
    kindLabel: kind ? labelOf(VOCABULARIES.incidentKind, kind) : 'Kind not recorded',
    offence: offence.code,
    offenceLabel: offence.raw ?? labelOf(VOCABULARIES.offence, offence.code),
    dash,
    dashLabel: labelOf(VOCABULARIES.riskLevelIncident, dash),
    outcome: outcome.code,
    outcomeLabel: outcome.raw ?? labelOf(VOCABULARIES.policeOutcome, outcome.code),
    perpetrator: textField(r, 'perpetrator_ref'),
  };
}

function milestoneOf(r: PlainRecord, i: number): Milestone | null {
  const day = dayField(r, 'date');
  if (day === null) return null;
  const kind = codeWithRaw(r, 'kind');
  const code = kind.code ?? 'other';
  return { key: `ms-${i}`, day, kind: code, label: kind.raw ?? labelOf(VOCABULARIES.milestoneKind, code), detail: textField(r, 'detail') };
}

function notNull<T>(v: T | null): v is T {
  return v !== null;
}

/** The message a lane shows when none of her records feed it. */
export function silenceOf(lane: LaneSpec, loadedKinds?: ReadonlySet<Kind>): string {
  const base = `No records from ${lane.source}`;
  if (loadedKinds && lane.kinds.every((k) => !loadedKinds.has(k))) return `${base}: no such file is loaded`;
  return base;
}

export function buildJourney(caseId: string, records: JourneyRecords, options: JourneyOptions = {}): Journey {
  const profile = records.cases[0] ?? null;
  const displayName = profile ? textField(profile, 'display_name') : null;
  const referral = profile ? dayField(profile, 'referral_date') : null;
  const firstContact = profile ? dayField(profile, 'first_contact_date') : null;
  const closure = profile ? dayField(profile, 'closure_date') : null;

  const readings = riskReadings(records.risk_assessments, records.incidents);
  const incidents = records.incidents.map(incidentOf).filter(notNull);
  const items = supportItems(records.support);
  const contacts = contactWeeks(records.contacts);
  const outcomes = outcomeSeries(records.outcomes);
  const milestones = records.milestones.map(milestoneOf).filter(notNull);

  const days: number[] = [];
  for (const d of [referral, firstContact, closure]) if (d !== null) days.push(d);
  for (const kind of KINDS) {
    if (kind === 'cases') continue;
    for (const r of records[kind]) {
      const d = dayField(r, 'date');
      if (d !== null) days.push(d);
      if (kind === 'support') {
        const e = dayField(r, 'end_date');
        if (e !== null) days.push(e);
      }
    }
  }
  const preWindow = referral !== null ? { start: addMonths(referral, -12), end: referral } : null;
  if (preWindow) days.push(preWindow.start);
  let start = Infinity;
  let end = -Infinity;
  for (const d of days) {
    if (d < start) start = d;
    if (d > end) end = d;
  }
  if (!Number.isFinite(start)) start = end = 0;

  const counts = {} as Record<Kind, number>;
  for (const kind of KINDS) counts[kind] = records[kind].length;

  const silent: Record<LaneKey, boolean> = {
    risk: readings.length === 0,
    incidents: incidents.length === 0,
    support: items.length === 0,
    contacts: contacts.weeks.length === 0,
    outcomes: outcomes.length === 0,
    milestones: milestones.length === 0,
  };
  const silences = LANES.filter((l) => silent[l.key]).map((l) => ({ lane: l.key, message: silenceOf(l, options.loadedKinds) }));

  return {
    caseId,
    displayName,
    title: displayName ?? caseId,
    profile,
    referral,
    firstContact,
    policeStart: profile ? dayField(profile, 'police_start_date') : null,
    closure,
    closureReason: profile ? textField(profile, 'closure_reason') : null,
    preWindow,
    start,
    end,
    risk: { readings, tracks: riskTracks(readings, end) },
    incidents,
    support: { items, rows: supportRows(items) },
    contacts,
    outcomes,
    milestones,
    counts,
    silences,
    records,
  };
}
