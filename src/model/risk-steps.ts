/**
 * Risk over time as steps: each reading (a risk assessment, or the DASH grading after a police
 * incident) holds until the next one. A step fades after six months without a reassessment,
 * because an old grading says little about risk today.
 */
import { VOCABULARIES } from '../domain/contract';
import { addMonths } from '../data/days';
import { labelOf, orderOf } from './labels';
import { codeWithRaw, dayField, numberField, textField, type PlainRecord } from './record-fields';

export type RiskLevel = 'standard' | 'medium' | 'high';
export const RISK_LEVELS: readonly RiskLevel[] = ['standard', 'medium', 'high'];

/** Months a grading stays current before its step fades. */
export const RISK_FRESH_MONTHS = 6;

export interface RiskReading {
  key: string;
  day: number;
  level: RiskLevel;
  /** Assessor code (`police`, `mrp_worker`, `idva`, `marac`, `other`) or `unknown`. */
  assessor: string;
  assessorLabel: string;
  source: 'risk_assessments' | 'incidents';
  score: number | null;
  tool: string | null;
  /** For incident gradings: the incident's offence label or kind label. */
  incident: string | null;
}

export interface RiskStep {
  key: string;
  start: number;
  end: number;
  /** The step is current from start to freshEnd and faded from freshEnd to end. */
  freshEnd: number;
  level: RiskLevel;
  reading: RiskReading;
  /** True when the level differs from the previous step's (or there is none). */
  changed: boolean;
}

export interface RiskTrack {
  /** `all` for the latest from any assessor, else the assessor code. */
  key: string;
  label: string;
  steps: RiskStep[];
}

export const ANY_ASSESSOR = 'all';
export const UNKNOWN_ASSESSOR = 'unknown';

function isLevel(v: string | null): v is RiskLevel {
  return v === 'standard' || v === 'medium' || v === 'high';
}

export function assessorLabel(code: string): string {
  return code === UNKNOWN_ASSESSOR ? 'Assessor not recorded' : labelOf(VOCABULARIES.assessor, code);
}

const SOURCE_ORDER = { incidents: 0, risk_assessments: 1 } as const;

/** Every reading of her risk, sorted by day (police gradings before assessments on the same day). */
export function riskReadings(assessments: readonly PlainRecord[], incidents: readonly PlainRecord[]): RiskReading[] {
  const out: RiskReading[] = [];
  assessments.forEach((r, i) => {
    const day = dayField(r, 'date');
    const level = textField(r, 'level');
    if (day === null || !isLevel(level)) return;
    const assessor = textField(r, 'assessor') ?? UNKNOWN_ASSESSOR;
    const tool = codeWithRaw(r, 'tool');
    out.push({
      key: `ra-${i}`,
      day,
      level,
      assessor,
      assessorLabel: assessorLabel(assessor),
      source: 'risk_assessments',
      score: numberField(r, 'score'),
      tool: tool.code ? (tool.raw ?? labelOf(VOCABULARIES.riskTool, tool.code)) : null,
      incident: null,
    });
  });
  incidents.forEach((r, i) => {
    const day = dayField(r, 'date');
    const level = textField(r, 'dash_risk');
    if (day === null || !isLevel(level)) return;
    const offence = codeWithRaw(r, 'offence');
    out.push({
      key: `inc-${i}`,
      day,
      level,
      assessor: 'police',
      assessorLabel: assessorLabel('police'),
      source: 'incidents',
      score: null,
      tool: labelOf(VOCABULARIES.riskTool, 'dash'),
      incident: offence.code
        ? (offence.raw ?? labelOf(VOCABULARIES.offence, offence.code))
        : labelOf(VOCABULARIES.incidentKind, textField(r, 'kind')),
    });
  });
  return out.sort((a, b) => a.day - b.day || SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source]);
}

/**
 * Steps from sorted readings, the last one lasting until `endDay`. A reading on the same day
 * as the next one gives no step of its own: the later reading of that day stands.
 */
export function riskSteps(readings: readonly RiskReading[], endDay: number): RiskStep[] {
  const steps: RiskStep[] = [];
  for (let i = 0; i < readings.length; i++) {
    const reading = readings[i];
    const end = i + 1 < readings.length ? readings[i + 1].day : Math.max(endDay, reading.day);
    if (end === reading.day && i + 1 < readings.length) continue;
    const previous = steps[steps.length - 1];
    steps.push({
      key: reading.key,
      start: reading.day,
      end,
      freshEnd: Math.min(end, addMonths(reading.day, RISK_FRESH_MONTHS)),
      level: reading.level,
      reading,
      changed: !previous || previous.level !== reading.level,
    });
  }
  return steps;
}

/**
 * The track of the latest reading from any assessor, then, when more than one assessor graded
 * her, one track per assessor so that disagreements show side by side.
 */
export function riskTracks(readings: readonly RiskReading[], endDay: number): RiskTrack[] {
  if (readings.length === 0) return [];
  const tracks: RiskTrack[] = [{ key: ANY_ASSESSOR, label: 'Latest, any assessor', steps: riskSteps(readings, endDay) }];
  const byAssessor = new Map<string, RiskReading[]>();
  for (const r of readings) {
    const list = byAssessor.get(r.assessor);
    if (list) list.push(r);
    else byAssessor.set(r.assessor, [r]);
  }
  if (byAssessor.size < 2) return tracks;
  const order = orderOf(VOCABULARIES.assessor);
  const keys = [...byAssessor.keys()].sort((a, b) => (order.get(a) ?? 99) - (order.get(b) ?? 99));
  for (const key of keys) {
    tracks.push({ key, label: assessorLabel(key), steps: riskSteps(byAssessor.get(key)!, endDay) });
  }
  return tracks;
}

/** The latest reading on or before the day, from any assessor or from one. */
export function riskAt(readings: readonly RiskReading[], day: number, assessor?: string): RiskReading | null {
  let found: RiskReading | null = null;
  for (const r of readings) {
    if (r.day > day) break;
    if (assessor === undefined || r.assessor === assessor) found = r;
  }
  return found;
}

/** True when the reading is more than six months old at the day. */
export function isStale(reading: RiskReading, day: number): boolean {
  return day >= addMonths(reading.day, RISK_FRESH_MONTHS);
}
