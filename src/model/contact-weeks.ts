/**
 * Contacts by week (Monday to Sunday): one column per week instead of one mark per contact, so
 * that a woman with hundreds of contacts stays light to draw, and both the worker's effort
 * (attempts) and her engagement (successful contacts) show.
 */
import { dayField, numberField, textField, type PlainRecord } from './record-fields';
import { weekStart } from '../data/days';

export interface ContactTally {
  successful: number;
  attempted: number;
  missed: number;
  cancelled: number;
  /** Contacts whose result was not recorded. */
  unknown: number;
  total: number;
}

export interface ContactWeek extends ContactTally {
  key: string;
  /** The Monday that starts the week. */
  start: number;
  /** Attempts that did not reach her: no answer, missed and cancelled appointments. */
  unanswered: number;
}

export function emptyTally(): ContactTally {
  return { successful: 0, attempted: 0, missed: 0, cancelled: 0, unknown: 0, total: 0 };
}

function addTo(t: ContactTally, result: string | null, n: number): void {
  switch (result) {
    case 'successful':
      t.successful += n;
      break;
    case 'attempted':
      t.attempted += n;
      break;
    case 'missed':
      t.missed += n;
      break;
    case 'cancelled':
      t.cancelled += n;
      break;
    default:
      t.unknown += n;
  }
  t.total += n;
}

/** Stored contacts keep a count of identical rows; a missing count means one. */
export function contactCount(r: PlainRecord): number {
  const n = numberField(r, 'count');
  return n !== null && n > 0 ? n : 1;
}

export function contactWeeks(contacts: readonly PlainRecord[]): { weeks: ContactWeek[]; totals: ContactTally } {
  const byWeek = new Map<number, ContactWeek>();
  const totals = emptyTally();
  for (const r of contacts) {
    const day = dayField(r, 'date');
    if (day === null) continue;
    const start = weekStart(day);
    let week = byWeek.get(start);
    if (!week) {
      week = { key: `wk-${start}`, start, unanswered: 0, ...emptyTally() };
      byWeek.set(start, week);
    }
    const result = textField(r, 'result');
    const n = contactCount(r);
    addTo(week, result, n);
    addTo(totals, result, n);
  }
  const weeks = [...byWeek.values()].sort((a, b) => a.start - b.start);
  for (const w of weeks) w.unanswered = w.attempted + w.missed + w.cancelled;
  return { weeks, totals };
}
