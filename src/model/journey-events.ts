/**
 * Every record of one journey as a row of the event table, the accessible equivalent of the
 * chart: date, lane, what, detail and source file.
 */
import { FILE_KINDS, VOCABULARIES, type Kind } from '../domain/contract';
import { formatDayLong } from '../data/days';
import { LANE_BY_KEY, type Journey, type LaneKey } from './journey';
import { humanize, labelOf, lowerFirst } from './labels';
import { contactCount } from './contact-weeks';
import { codeWithRaw, dayField, textField } from './record-fields';

export interface JourneyEvent {
  key: string;
  day: number;
  lane: LaneKey;
  laneLabel: string;
  what: string;
  detail: string;
  /** The file the record came from. */
  source: string;
}

const join = (parts: readonly (string | null | false | undefined)[]) => parts.filter(Boolean).join('; ');

function event(key: string, day: number, lane: LaneKey, kind: Kind, what: string, detail: string): JourneyEvent {
  return { key, day, lane, laneLabel: LANE_BY_KEY[lane].label, what, detail, source: FILE_KINDS[kind].fileName };
}

export function journeyEvents(journey: Journey): JourneyEvent[] {
  const out: JourneyEvent[] = [];
  for (const r of journey.risk.readings) {
    if (r.source !== 'risk_assessments') continue;
    out.push(
      event(r.key, r.day, 'risk', 'risk_assessments', `${labelOf(VOCABULARIES.riskLevel, r.level)} risk`,
        join([`Assessed by: ${r.assessorLabel}`, r.tool && `tool: ${r.tool}`, r.score !== null && `score ${r.score} of 27`])),
    );
  }
  for (const i of journey.incidents) {
    out.push(
      event(i.key, i.day, 'incidents', 'incidents', i.offenceLabel ? `${i.kindLabel}: ${lowerFirst(i.offenceLabel)}` : i.kindLabel,
        join([
          i.dash && `DASH risk after it: ${lowerFirst(i.dashLabel)}`,
          i.outcome && `outcome: ${lowerFirst(i.outcomeLabel)}`,
          i.id && `reference ${i.id}`,
          i.perpetrator && `perpetrator ${i.perpetrator}`,
        ])),
    );
  }
  for (const s of journey.support.items) {
    out.push(
      event(s.key, s.day, 'support', 'support', s.statusLabel ? `${s.what} (${lowerFirst(s.statusLabel)})` : s.what,
        join([s.end !== null && `until ${formatDayLong(s.end)}`, s.agency, s.detail])),
    );
  }
  journey.records.contacts.forEach((r, i) => {
    const day = dayField(r, 'date');
    if (day === null) return;
    const result = textField(r, 'result');
    const mode = codeWithRaw(r, 'mode');
    const n = contactCount(r);
    out.push(
      event(`ct-${i}`, day, 'contacts', 'contacts', `Contact: ${result ? lowerFirst(labelOf(VOCABULARIES.contactResult, result)) : 'result not recorded'}`,
        join([mode.code && (mode.raw ?? labelOf(VOCABULARIES.contactMode, mode.code)), n > 1 && `${n} times`])),
    );
  });
  for (const s of journey.outcomes) {
    for (const p of s.points) {
      out.push(
        event(p.key, p.day, 'outcomes', 'outcomes', `${s.label}: ${p.score} (scale ${s.min} to ${s.max})`,
          join([s.tool ? humanize(s.tool) : null, p.stageLabel])),
      );
    }
  }
  for (const m of journey.milestones) out.push(event(m.key, m.day, 'milestones', 'milestones', m.label, m.detail ?? ''));
  return out.sort((a, b) => a.day - b.day || LANE_ORDER[a.lane] - LANE_ORDER[b.lane]);
}

const LANE_ORDER: Record<LaneKey, number> = { risk: 0, incidents: 1, support: 2, contacts: 3, outcomes: 4, milestones: 5 };

export type EventSortKey = 'day' | 'lane' | 'what' | 'detail' | 'source';

/** A sorted copy; ties keep date order. */
export function sortEvents(events: readonly JourneyEvent[], key: EventSortKey, ascending: boolean): JourneyEvent[] {
  const dir = ascending ? 1 : -1;
  const cmp = (a: JourneyEvent, b: JourneyEvent): number => {
    switch (key) {
      case 'day':
        return a.day - b.day;
      case 'lane':
        return LANE_ORDER[a.lane] - LANE_ORDER[b.lane];
      default:
        return a[key].localeCompare(b[key], 'en-GB');
    }
  };
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => dir * cmp(a.e, b.e) || a.i - b.i)
    .map((x) => x.e);
}
