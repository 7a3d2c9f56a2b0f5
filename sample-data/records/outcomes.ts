/**
 * Outcome scores (outcomes.csv): the "batteries" tool, five domains (six with children) scored
 * 1 to 8 at intake, reviews and exit, rising from a start level to an end level, lower in a dip.
 */
import type { Emit } from '../lib/csv';
import { clamp, isoOf } from '../lib/dates';
import type { Rng } from '../lib/random';
import type { Woman } from '../model/woman';
import type { Journey } from './journey';

export function batteriesRows(w: Woman, rng: Rng, emit: Emit, dates: number[], start: number, end: number, dips: [number, number][], exitAtEnd: boolean): void {
  const domains = ['safety', 'wellbeing', 'confidence', 'understanding_dva', 'support_network'];
  if (w.children) domains.push('parenting');
  const base = domains.map(() => start + rng.int(-1, 1));
  const n = dates.length;
  dates.forEach((date, t) => {
    const progress = n === 1 ? 0 : t / (n - 1);
    const dip = dips.some(([a, b]) => date >= a && date < b) ? 1 : 0;
    const stage = t === 0 ? 'intake' : t === n - 1 && exitAtEnd ? 'exit' : 'review';
    domains.forEach((domain, k) => {
      const target = base[k] + (end - base[k]) * progress;
      const noise = rng.pick([-0.6, -0.3, 0, 0, 0.3]);
      const score = clamp(Math.round(target + noise) - dip, 1, 8);
      emit('outcomes', { case_id: w.caseId, date: isoOf(date), tool: 'batteries', domain, score: String(score), scale_min: '1', scale_max: '8', stage });
    });
  });
}

/** A drawn woman's scores, if she took part; less often at a lower density. */
export function outcomeScores(j: Journey): void {
  const { w, rng, emit, opts, active, start, last } = j;
  if (w.batteries && active) {
    const dates: number[] = [];
    for (let d = start + rng.int(0, 14); d <= last; d += Math.round(rng.int(35, 84) / opts.density)) dates.push(d);
    if (w.closure !== null && dates[dates.length - 1] !== w.closure) dates.push(w.closure);
    batteriesRows(w, rng, emit, dates, rng.int(2, 3), rng.int(4, 7), [], w.closure !== null);
  }
}
