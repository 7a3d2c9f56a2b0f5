/**
 * Contacts (contacts.csv): attempts before first contact, first contact, then regular contact
 * while she is engaged (mostly unanswered during a spell out of contact).
 */
import type { Emit } from '../lib/csv';
import { END, isoOf } from '../lib/dates';
import type { Rng } from '../lib/random';
import type { Woman } from '../model/woman';
import type { Journey } from './journey';

export function contactsRows(
  w: Woman,
  rng: Rng,
  emit: Emit,
  o: { start: number; last: number; every: [number, number]; success: number; gaps: [number, number][]; before: number[]; engaged: boolean },
): void {
  const seen = new Set<string>();
  const add = (date: number, mode: string, result: string) => {
    if (date > END) return;
    const key = `${date}|${mode}|${result}`;
    if (seen.has(key)) return;
    seen.add(key);
    emit('contacts', { case_id: w.caseId, date: isoOf(date), mode, result });
  };
  for (const d of o.before) add(d, rng.pick(['phone', 'phone', 'text', 'letter']), 'attempted');
  if (w.firstContact !== null) add(w.firstContact, rng.pick(['phone', 'home_visit', 'face_to_face']), 'successful');
  if (!o.engaged) return;
  let d = o.start + rng.int(o.every[0], o.every[1]);
  while (d <= o.last) {
    const inGap = o.gaps.some(([a, b]) => d >= a && d < b);
    const result = inGap
      ? rng.chance(0.8)
        ? 'attempted'
        : 'missed'
      : rng.chance(o.success)
        ? 'successful'
        : rng.weighted([['attempted', 45], ['missed', 35], ['cancelled', 20]]);
    const mode =
      result === 'attempted'
        ? rng.weighted([['phone', 6], ['text', 3], ['letter', 1]])
        : rng.weighted([['home_visit', 30], ['phone', 30], ['face_to_face', 22], ['text', 12], ['group', 3], ['email', 2], ['video', 1]]);
    add(d, mode, result);
    d += rng.int(o.every[0], o.every[1]);
  }
}

/** A drawn woman's contacts; fewer at a lower density (benchmark cohorts). */
export function contacts(j: Journey): void {
  const { w, rng, emit, opts, active, start, last, gaps } = j;
  const before: number[] = [];
  if (active && w.firstContact !== null) {
    const n = rng.int(0, 3);
    for (let i = 0; i < n; i++) {
      const d = w.referral + rng.int(0, Math.max(0, w.firstContact - w.referral - 1));
      if (d < w.firstContact) before.push(d);
    }
  } else {
    const n = Math.max(1, Math.round(rng.int(3, 8) * Math.min(1, opts.density + 0.3)));
    let d = w.referral + rng.int(1, 5);
    for (let i = 0; i < n && d <= last; i++) {
      before.push(d);
      d += rng.int(3, 14);
    }
  }
  const every: [number, number] =
    w.behaviour === 'engaged' ? [Math.round(6 / opts.density), Math.round(16 / opts.density)] : [Math.round(10 / opts.density), Math.round(30 / opts.density)];
  contactsRows(w, rng, emit, { start, last, every, success: w.behaviour === 'engaged' ? 0.82 : 0.5, gaps, before, engaged: active });
}
