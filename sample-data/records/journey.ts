/**
 * One woman's journey, record by record: her case row, risk assessments, the DASH grading of her
 * police incidents, milestones, support, contacts and outcome scores. The steps share one seeded
 * stream and run in this order, so each woman's records are the same on every run.
 */
import type { Emit, Row } from '../lib/csv';
import { END, clamp, isoOf } from '../lib/dates';
import type { Rng } from '../lib/random';
import type { Woman } from '../model/woman';
import { renderCaseStudy } from '../figures/case-studies';
import { caseRow } from './cases';
import { contacts } from './contacts';
import { gradeIncidents, type Incident } from './incidents';
import { milestones } from './milestones';
import { outcomeScores } from './outcomes';
import { riskAssessments } from './risk-assessments';
import { supportRecords } from './support';

export interface RenderOptions {
  /** Contact and outcome frequency: 1 for the sample, lower for benchmark cohorts. */
  density: number;
}

export class DayKeys {
  private readonly seen = new Set<string>();
  /** The first free day at or after `day` (or before, near the end of the period) for this key. */
  take(key: string, day: number, lo: number, hi = END): number {
    const d0 = clamp(day, lo, hi);
    for (let step = 0; step < 400; step++) {
      for (const d of [d0 + step, d0 - step]) {
        if (d < lo || d > hi || this.seen.has(`${key}|${d}`)) continue;
        this.seen.add(`${key}|${d}`);
        return d;
      }
    }
    throw new Error(`no free day for ${key}`);
  }
}

/** What the steps of one woman's journey share. */
export interface Journey {
  w: Woman;
  incs: Incident[];
  rng: Rng;
  emit: Emit;
  opts: RenderOptions;
  /** She was in contact with the worker and not a non-engager. */
  active: boolean;
  /** First contact, or referral when there was none. */
  start: number;
  /** Closure, or the end of the period. */
  last: number;
  /** Days already taken per kind of record, so that no two records of a kind share a day. */
  keys: DayKeys;
  /** Spells out of contact (sporadic engagement): [from, back). */
  gaps: [number, number][];
  /** Support rows, gathered by the milestone step and written by the support step. */
  support: Row[];
  /** A day in [lo, hi], both clipped to her time with the service. */
  inSupport(lo: number, hi: number): number;
  /** Writes a milestone on the first free day for its kind at or after `date` (none after the period). */
  milestone(kind: string, date: number, detail?: string): void;
}

export function renderWoman(w: Woman, incs: Incident[], rng: Rng, emit: Emit, opts: RenderOptions): void {
  if (w.caseStudy) return renderCaseStudy(w, rng, emit);
  emit('cases', caseRow(w));
  const active = w.firstContact !== null && w.behaviour !== 'none';
  const start = w.firstContact ?? w.referral;
  const last = Math.max(start, w.closure ?? END);
  const keys = new DayKeys();

  // Sporadic engagement: a spell out of contact, perhaps back in touch later.
  const gaps: [number, number][] = [];
  if (active && w.behaviour === 'sporadic' && last - start > 60) {
    const off = start + rng.int(30, Math.min(150, last - start - 10));
    const back = off + rng.int(20, 90);
    gaps.push([off, back < last && rng.chance(0.6) ? back : last + 1]);
  }
  const j: Journey = {
    w,
    incs,
    rng,
    emit,
    opts,
    active,
    start,
    last,
    keys,
    gaps,
    support: [],
    inSupport: (lo, hi) => rng.int(Math.min(lo, last), Math.max(Math.min(lo, last), Math.min(hi, last))),
    milestone(kind, date, detail = '') {
      if (date > END) return;
      const d = keys.take(`ms|${kind}`, date, w.referral - 400);
      emit('milestones', { case_id: w.caseId, date: isoOf(d), kind, detail });
    },
  };
  const risk = riskAssessments(j);
  gradeIncidents(incs, risk.ras, rng);
  milestones(j, risk);
  supportRecords(j);
  contacts(j);
  outcomeScores(j);
}
