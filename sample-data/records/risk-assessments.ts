/**
 * Risk assessments (risk_assessments.csv) of a drawn woman: the police's at referral, then the
 * worker's reviews, which rise after a separation, stop while she is out of contact and may lead
 * to MARAC.
 */
import { END, isoOf } from '../lib/dates';
import type { Rng } from '../lib/random';
import type { Journey } from './journey';

export const scoreFor = (rng: Rng, level: string): number => (level === 'high' ? rng.int(14, 20) : level === 'medium' ? rng.int(10, 13) : rng.int(3, 9));

function stepLevel(rng: Rng, level: string): string {
  if (level === 'high') return rng.weighted([['medium', 55], ['high', 40], ['standard', 5]]);
  if (level === 'medium') return rng.weighted([['standard', 35], ['medium', 45], ['high', 20]]);
  return rng.weighted([['standard', 75], ['medium', 22], ['high', 3]]);
}

export interface RiskStory {
  /** Her gradings, by date. */
  ras: { date: number; level: string }[];
  /** The day she separated from the perpetrator (a milestone), if she did. */
  separation: number | null;
  /** The day of a MARAC referral after a high grading, if any. */
  marac: number | null;
}

export function riskAssessments(j: Journey): RiskStory {
  const { w, incs, rng, emit, opts, active, start, last, keys, gaps } = j;
  const cid = w.caseId;
  const inGap = (d: number) => gaps.some(([a, b]) => d >= a && d < b);
  const ras: { date: number; level: string }[] = [];
  const addRa = (date: number, level: string, assessor: string) => {
    if (date > END) return;
    const d = keys.take(`ra|${assessor}`, date, w.referral - 60);
    ras.push({ date: d, level });
    emit('risk_assessments', { case_id: cid, date: isoOf(d), level, score: String(scoreFor(rng, level)), tool: 'dash', assessor });
  };
  if (incs.length > 0) {
    const before = incs.filter((i) => i.date <= w.referral);
    const refInc = before.length ? before[before.length - 1] : null;
    const level = rng.weighted([['medium', 80], ['standard', 10], ['high', 10]]);
    if (refInc && w.referral - refInc.date <= 45) {
      addRa(refInc.date, level, 'police');
      refInc.dash = level;
    } else addRa(w.referral - rng.int(1, 10), level, 'police');
  }
  let separation: number | null = null;
  let marac: number | null = null;
  if (active) {
    let level = rng.weighted([['medium', 65], ['high', 15], ['standard', 20]]);
    addRa(start, level, 'mrp_worker');
    if (w.separates && last - start > 30) separation = start + rng.int(14, Math.min(100, last - start - 14));
    const step = () => Math.round((w.behaviour === 'engaged' ? rng.int(60, 110) : rng.int(100, 180)) / Math.max(0.5, opts.density));
    let next = start + step();
    let sepDone = separation === null;
    const separationAssessment = () => {
      // Risk rises when she separates.
      const d = (separation as number) + rng.int(2, 6);
      level = level === 'standard' ? 'medium' : 'high';
      addRa(d, level, 'mrp_worker');
      if (level === 'high') marac = d + rng.int(1, 7);
      sepDone = true;
      return d;
    };
    while (next < last) {
      if (!sepDone && (separation as number) < next) {
        next = separationAssessment() + step();
        continue;
      }
      if (inGap(next)) {
        next += step();
        continue;
      }
      level = stepLevel(rng, level);
      addRa(next, level, 'mrp_worker');
      if (level === 'high' && marac === null && rng.chance(0.5)) marac = next + rng.int(1, 7);
      next += step();
    }
    if (!sepDone) separationAssessment();
    if (w.closure !== null) addRa(w.closure - rng.int(0, 6), level === 'high' ? 'medium' : 'standard', 'mrp_worker');
    if (marac !== null && marac > last) marac = null;
    if (marac !== null) addRa(marac + rng.int(7, 21), 'high', 'marac');
  }
  ras.sort((a, b) => a.date - b.date);
  return { ras, separation, marac };
}
