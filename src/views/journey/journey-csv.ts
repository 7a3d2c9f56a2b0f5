/** The event table of a journey as CSV, with formula cells escaped (views/shared/csv.ts). */
import type { JourneyEvent } from '../../model/journey-events';
import { dayToIso } from '../../data/days';
import { toCsv } from '../shared/csv';

export const EVENT_CSV_HEADER = ['date', 'lane', 'what', 'detail', 'source'] as const;

export function eventsCsv(events: readonly JourneyEvent[]): string {
  return toCsv(EVENT_CSV_HEADER, events.map((e) => [dayToIso(e.day), e.laneLabel, e.what, e.detail, e.source]));
}
