/**
 * A case study pack: one JSON file with only the redacted journey and the annotations, so a
 * trainer can hand it to another Waymark. No case id, no dates, no ids of this browser.
 */
import type { CaseStudy, CaseStudyStep } from './case-study';
import { CASE_STUDY_LANES, type CaseStudyLane, type RedactedEvent, type RedactedJourney, type RedactedOutcome } from './redact';

export const PACK_FORMAT = 'waymark-case-study';
export const PACK_FORMAT_VERSION = 1;

export interface CaseStudyPack {
  format: typeof PACK_FORMAT;
  formatVersion: number;
  title: string;
  contentNote: string;
  steps: Omit<CaseStudyStep, 'id'>[];
  journey: RedactedJourney;
}

/** An emptied number field of the editor holds null; a pack always holds a number. */
function month(v: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

export function buildPack(study: Pick<CaseStudy, 'title' | 'contentNote' | 'steps' | 'journey'>): CaseStudyPack {
  const j = study.journey;
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    title: study.title,
    contentNote: study.contentNote,
    steps: study.steps.map((s) => ({ fromMonth: month(s.fromMonth), toMonth: month(s.toMonth), heading: s.heading, text: s.text, lanes: [...s.lanes], notes: s.notes ?? '' })),
    journey: {
      ageBand: j.ageBand,
      area: j.area,
      ethnicity: j.ethnicity,
      needs: [...j.needs],
      lastMonth: j.lastMonth,
      events: j.events.map(packEvent),
      // Left out, not empty, when absent: a case study made before outcomes were kept keeps its fingerprint.
      ...(j.outcomes ? { outcomes: j.outcomes.map((o) => ({ key: o.key, label: o.label, min: o.min, max: o.max, points: o.points.map((p) => ({ month: p.month, score: p.score })) })) } : {}),
    },
  };
}

/** An event as a pack holds it; the drawing codes only when the event has them. */
function packEvent(e: RedactedEvent): RedactedEvent {
  const out: RedactedEvent = { lane: e.lane, month: e.month, toMonth: e.toMonth, label: e.label, level: e.level, detail: e.detail };
  if (e.code !== undefined) out.code = e.code;
  if (e.status !== undefined) out.status = e.status;
  if (e.contacts) out.contacts = { successful: e.contacts.successful, unanswered: e.contacts.unanswered, unknown: e.contacts.unknown };
  return out;
}

/**
 * A short fingerprint of everything a case study shows or exports (its pack): the
 * re-identification check's confirmation holds for this content only. FNV-1a, 32 bits.
 */
export function studyFingerprint(study: Pick<CaseStudy, 'title' | 'contentNote' | 'steps' | 'journey'>): string {
  const text = JSON.stringify(buildPack(study));
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0') + text.length.toString(16);
}

const LANE_KEYS = new Set<string>(CASE_STUDY_LANES.map((l) => l.key));

function fail(message: string): never {
  throw new Error(`This is not a case study pack: ${message}`);
}
function str(v: unknown, what: string): string {
  if (typeof v !== 'string') fail(`${what} is missing.`);
  return v;
}
function strOrNull(v: unknown, what: string): string | null {
  if (v === null || v === undefined) return null;
  return str(v, what);
}
function num(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${what} is not a number.`);
  return v;
}
function lanes(v: unknown, what: string): CaseStudyLane[] {
  if (!Array.isArray(v)) fail(`${what} is missing.`);
  return v.filter((l): l is CaseStudyLane => typeof l === 'string' && LANE_KEYS.has(l));
}

/** Reads a pack's text into a case study ready to store (not linked to any loaded data). */
export function parsePack(text: string, newId: () => string, now = Date.now()): CaseStudy {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    fail('the file is not JSON.');
  }
  if (!raw || typeof raw !== 'object') fail('the file holds no object.');
  const p = raw as Record<string, unknown>;
  if (p.format !== PACK_FORMAT) fail('the format is not "waymark-case-study".');
  if (p.formatVersion !== PACK_FORMAT_VERSION) fail(`format version ${String(p.formatVersion)} is not supported (this Waymark reads version ${PACK_FORMAT_VERSION}).`);
  if (!Array.isArray(p.steps)) fail('steps are missing.');
  const j = p.journey as Record<string, unknown> | undefined;
  if (!j || typeof j !== 'object' || !Array.isArray(j.events)) fail('the journey is missing.');
  const events: RedactedEvent[] = (j.events as unknown[]).map((e, i) => {
    const ev = e as Record<string, unknown>;
    const lane = str(ev.lane, `event ${i + 1} lane`);
    if (!LANE_KEYS.has(lane)) fail(`event ${i + 1} has an unknown lane.`);
    const out: RedactedEvent = {
      lane: lane as CaseStudyLane,
      month: num(ev.month, `event ${i + 1} month`),
      toMonth: ev.toMonth === null || ev.toMonth === undefined ? null : num(ev.toMonth, `event ${i + 1} end`),
      label: str(ev.label, `event ${i + 1} label`),
      level: strOrNull(ev.level, `event ${i + 1} level`),
      detail: strOrNull(ev.detail, `event ${i + 1} detail`),
    };
    if (ev.code !== undefined) out.code = strOrNull(ev.code, `event ${i + 1} code`);
    if (ev.status !== undefined) out.status = strOrNull(ev.status, `event ${i + 1} status`);
    if (ev.contacts !== undefined && ev.contacts !== null) {
      const c = ev.contacts as Record<string, unknown>;
      out.contacts = { successful: num(c.successful, `event ${i + 1} contacts`), unanswered: num(c.unanswered, `event ${i + 1} contacts`), unknown: num(c.unknown, `event ${i + 1} contacts`) };
    }
    return out;
  });
  const outcomes: RedactedOutcome[] | undefined = Array.isArray(j.outcomes)
    ? (j.outcomes as unknown[]).map((o, i) => {
        const oc = (o ?? {}) as Record<string, unknown>;
        if (!Array.isArray(oc.points)) fail(`outcome ${i + 1} has no scores.`);
        return {
          key: str(oc.key, `outcome ${i + 1} key`),
          label: str(oc.label, `outcome ${i + 1} label`),
          min: num(oc.min, `outcome ${i + 1} scale`),
          max: num(oc.max, `outcome ${i + 1} scale`),
          points: (oc.points as unknown[]).map((p) => {
            const pt = (p ?? {}) as Record<string, unknown>;
            return { month: num(pt.month, `outcome ${i + 1} month`), score: num(pt.score, `outcome ${i + 1} score`) };
          }),
        };
      })
    : undefined;
  return {
    title: str(p.title, 'the title'),
    contentNote: str(p.contentNote, 'the content note'),
    caseKey: null,
    steps: (p.steps as unknown[]).map((s, i) => {
      const st = s as Record<string, unknown>;
      return {
        id: newId(),
        fromMonth: num(st.fromMonth, `step ${i + 1} start`),
        toMonth: num(st.toMonth, `step ${i + 1} end`),
        heading: str(st.heading, `step ${i + 1} heading`),
        text: str(st.text, `step ${i + 1} text`),
        lanes: lanes(st.lanes, `step ${i + 1} lanes`),
        notes: st.notes === undefined ? '' : str(st.notes, `step ${i + 1} presenter notes`),
      };
    }),
    options: { showArea: typeof j.area === 'string', includedDetails: [] },
    journey: {
      ageBand: strOrNull(j.ageBand, 'the age band'),
      area: strOrNull(j.area, 'the area'),
      ethnicity: strOrNull(j.ethnicity, 'the ethnicity'),
      needs: Array.isArray(j.needs) ? j.needs.filter((n): n is string => typeof n === 'string') : [],
      lastMonth: num(j.lastMonth, 'the journey length'),
      events,
      ...(outcomes ? { outcomes } : {}),
    },
    updatedAt: now,
  };
}
