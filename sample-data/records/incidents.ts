/**
 * Police incidents (incidents.csv): skeletons (date, kind, perpetrator), then offences and
 * outcomes, then each incident's DASH grading from her risk at the time.
 */
import type { Row } from '../lib/csv';
import { END, dayOf, isoOf } from '../lib/dates';
import type { Rng } from '../lib/random';
import type { Woman } from '../model/woman';

export interface Incident {
  caseIdx: number;
  seq: number;
  date: number;
  kind: 'domestic_incident' | 'crime';
  offence: string;
  outcome: string;
  dash: string;
  perp: string;
  fixed: boolean;
  id: string;
}

export function incidentSkeletons(w: Woman, rng: Rng): Incident[] {
  const cs = w.caseStudy;
  if (cs) {
    return cs.incidents.map(([date, kind, offence, outcome, dash, perp], seq) => ({
      caseIdx: w.idx,
      seq,
      date: dayOf(date),
      kind,
      offence,
      outcome,
      dash,
      perp: w.perps[perp],
      fixed: true,
      id: '',
    }));
  }
  const n = w.nDI + w.nCrime;
  const from = w.referral - 365;
  const kinds: Incident['kind'][] = [];
  for (let i = 0; i < w.nDI; i++) kinds.push('domestic_incident');
  for (let i = 0; i < w.nCrime; i++) kinds.push('crime');
  rng.shuffle(kinds);
  const perpOf: string[] = [];
  for (let i = 0; i < n; i++) perpOf.push(i < w.perps.length ? w.perps[i] : rng.chance(0.75) ? w.perps[0] : rng.pick(w.perps));
  rng.shuffle(perpOf);
  const out: Incident[] = [];
  for (let i = 0; i < n; i++) {
    out.push({ caseIdx: w.idx, seq: i, date: rng.int(from, END), kind: kinds[i], offence: '', outcome: '', dash: '', perp: perpOf[i], fixed: false, id: '' });
  }
  out.sort((a, b) => a.date - b.date || a.seq - b.seq);
  out.forEach((x, i) => (x.seq = i));
  return out;
}

const OFFENCE_WEIGHTS: readonly (readonly [string, number])[] = [
  ['common_assault', 38],
  ['assault_with_injury', 22],
  ['harassment', 17],
  ['criminal_damage', 13],
  ['malicious_communications', 4],
  ['theft', 2],
  ['stalking', 0.8],
  ['threats_to_kill', 0.8],
  ['affray', 0.6],
  ['sexual_assault', 0.5],
  ['rape', 0.4],
  ['kidnapping', 0.2],
  ['other', 0.9],
];
const SERIOUS = new Set(['threats_to_kill', 'rape', 'sexual_assault', 'kidnapping']);

export function randomOutcome(rng: Rng, inc: Incident): string {
  return rng.weighted([
    ['nfa', 50],
    ['charge_summons', 30],
    ['caution', 3],
    ['community_resolution', 4],
    ['evidential_difficulties', 5],
    ['victim_declined', 4],
    ['undetected', 2],
    ['pending', inc.date > END - 75 ? 30 : 0],
  ]);
}

export function assignRandomCrimes(rng: Rng, incidents: Incident[]): void {
  for (const inc of incidents) {
    if (inc.kind !== 'crime' || inc.fixed) continue;
    inc.offence = rng.weighted(OFFENCE_WEIGHTS);
    inc.outcome = randomOutcome(rng, inc);
  }
}

const LEVELS = ['standard', 'medium', 'high'] as const;

/** Each incident's DASH grading follows the risk at the time (`ras`, by date) and the offence. */
export function gradeIncidents(incs: Incident[], ras: readonly { date: number; level: string }[], rng: Rng): void {
  const riskAt = (day: number) => {
    let level: string | null = null;
    for (const r of ras) if (r.date <= day) level = r.level;
    return level;
  };
  for (const inc of incs) {
    if (inc.dash) continue;
    const base = riskAt(inc.date) ?? rng.weighted([['medium', 60], ['standard', 35], ['high', 5]]);
    if (rng.chance(0.05)) inc.dash = 'not_assessed';
    else if (inc.kind === 'crime' && (SERIOUS.has(inc.offence) || (inc.offence === 'assault_with_injury' && rng.chance(0.5)))) inc.dash = 'high';
    else if (inc.kind === 'domestic_incident' && base !== 'standard' && rng.chance(0.35)) inc.dash = LEVELS[LEVELS.indexOf(base as 'medium') - 1];
    else inc.dash = base;
  }
}

export function incidentRow(w: Woman, inc: Incident): Row {
  return {
    incident_id: inc.id,
    case_id: w.caseId,
    date: isoOf(inc.date),
    kind: inc.kind,
    offence: inc.kind === 'crime' ? inc.offence : '',
    dash_risk: inc.dash,
    outcome: inc.kind === 'crime' ? inc.outcome : '',
    perpetrator_ref: inc.perp,
  };
}
