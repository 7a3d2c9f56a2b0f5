/**
 * The model of one woman, and a plausible woman drawn at random. The cohort mode uses a drawn
 * woman as she is; the sample starts from her and then overwrites everything the report counts
 * with exact allocations (figures/section4.ts).
 */
import { NEED_FIELDS } from '../../src/domain/contract.ts';
import { END, clamp } from '../lib/dates';
import type { Rng } from '../lib/random';
import type { CaseStudy } from '../figures/case-studies';

export const CITY = 'City';
export const NORTH = 'County North';
export const SOUTH = 'County South';

export function needField(name: string): string {
  if (!NEED_FIELDS.some((f) => f.name === name)) throw new Error(`${name} is not a need column`);
  return name;
}
export const NEED = {
  mental_health: needField('need_mental_health'),
  drugs: needField('need_drugs'),
  alcohol: needField('need_alcohol'),
  debt: needField('need_debt'),
  housing: needField('need_housing'),
  childhood_abuse: needField('need_childhood_abuse'),
  offending: needField('need_offending'),
  sex_work: needField('need_sex_work'),
  care: needField('need_care_experienced'),
  immigration: needField('need_immigration'),
} as const;
export type NeedKey = keyof typeof NEED;
export const NEED_KEYS = Object.keys(NEED) as NeedKey[];

/**
 * A: both sources agree she engaged; B: both agree she did not; C: police engaged, worker none;
 * D: worker sporadic, police not engaged; E: worker none, police coding missing; F: worker's
 * coding missing.
 */
export type Group = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
export type Behaviour = 'engaged' | 'sporadic' | 'none';
export type YN = 'yes' | 'no' | '';
export type Relationship = 'male_partner' | 'female_partner' | 'child' | 'several' | 'other_family' | '';
export type FpStatus = 'completed' | 'started' | 'offered' | 'declined';

export const COUNTED_SUPPORT = [
  'housing',
  'mental_health',
  'physical_health',
  'healthy_relationships',
  'parenting',
  'financial',
  'employment',
  'education',
] as const;
export type CountedCategory = (typeof COUNTED_SUPPORT)[number];

export interface Woman {
  idx: number;
  caseId: string;
  displayName: string;
  group: Group;
  area: string;
  referral: number;
  route: string;
  firstContact: number | null;
  policeStart: number | null;
  closure: number | null;
  closureReason: string;
  modus: string;
  police: string;
  behaviour: Behaviour;
  age: number | null;
  ethnicity: string;
  disability: YN;
  children: number | null;
  cpPlan: YN;
  cpEnded: boolean;
  housing: string;
  livesWith: string;
  needs: Record<NeedKey, YN>;
  complexNeeds: YN;
  previousIdva: YN;
  previousMarac: YN;
  writePerpCount: boolean;
  nDI: number;
  nCrime: number;
  nPerps: number;
  perps: string[];
  /** Written as perpetrator_relationship, without the sex (relationshipCode). */
  relationship: Relationship;
  support: Set<CountedCategory>;
  freedom: FpStatus | null;
  substance: 'drugs' | 'alcohol' | null;
  agencies: boolean;
  order: 'helped' | 'court' | null;
  mappa: boolean;
  otherDva: boolean;
  batteries: boolean;
  separates: boolean;
  rehoused: boolean;
  dvAsChild: boolean;
  educationIssue: boolean;
  employmentIssue: boolean;
  caseStudy: CaseStudy | null;
}

function pickEthnicity(rng: Rng, area: string): string {
  if (area === 'County North') return rng.weighted([['white_british', 31], ['white_other', 2], ['white_irish', 1]]);
  if (rng.chance(0.3)) return rng.chance(0.6) ? '' : 'not_stated';
  return area === 'City'
    ? rng.weighted([['white_british', 17], ['asian_pakistani', 3], ['black_caribbean', 2], ['mixed_white_black_caribbean', 2], ['asian_indian', 1], ['black_african', 1]])
    : rng.weighted([['white_british', 21], ['white_other', 2], ['mixed_white_asian', 1], ['asian_other', 1]]);
}

const NEED_RATES: Record<NeedKey, [number, number]> = {
  // [yes, unknown] among engaged women
  mental_health: [0.42, 0.1],
  drugs: [0.21, 0.13],
  alcohol: [0.21, 0.16],
  debt: [0.29, 0.13],
  housing: [0.3, 0.05],
  childhood_abuse: [0.18, 0.1],
  offending: [0.08, 0.05],
  sex_work: [0.1, 0.05],
  care: [0.08, 0.05],
  immigration: [0.0, 0.05],
};

export function deriveComplex(w: Woman): YN {
  if (w.route === 'complex_needs_list') return 'yes';
  let yes = 0;
  let known = 0;
  for (const k of NEED_KEYS) {
    if (w.needs[k] === 'yes') yes++;
    if (w.needs[k] !== '') known++;
  }
  if (yes >= 2) return 'yes';
  return known >= 3 ? 'no' : '';
}

/** `incidentSpread` sets the skew of police incident counts (mean about a quarter of it). */
export function planWoman(rng: Rng, idx: number, caseId: string, group: Group, area: string, referral: number, incidentSpread = 40): Woman {
  const behaviour: Behaviour =
    group === 'A'
      ? rng.chance(0.18)
        ? 'sporadic'
        : 'engaged'
      : group === 'D'
        ? 'sporadic'
        : group === 'F'
          ? rng.weighted<Behaviour>([['engaged', 3], ['sporadic', 2], ['none', 5]])
          : 'none';
  const modus = group === 'A' ? behaviour : group === 'D' ? 'sporadic' : group === 'F' ? (rng.chance(0.6) ? '' : 'unknown') : 'none';
  const police =
    group === 'A' || group === 'C'
      ? 'engaged'
      : group === 'B' || group === 'D'
        ? 'not_engaged'
        : group === 'E'
          ? rng.chance(0.6)
            ? ''
            : 'unknown'
          : rng.weighted([['engaged', 8], ['not_engaged', 3], ['', 3], ['unknown', 2]]);

  let firstContact: number | null = null;
  if (behaviour !== 'none') firstContact = referral + rng.int(2, 24);
  else if (group === 'C' ? rng.chance(0.35) : rng.chance(0.12)) firstContact = referral + rng.int(4, 30);
  if (firstContact !== null && firstContact > END) firstContact = null;
  let policeStart: number | null = null;
  if (police === 'engaged') {
    const base = firstContact ?? referral + rng.int(5, 30);
    policeStart = Math.min(END, rng.chance(0.2) ? base + rng.int(-45, 60) : base + rng.int(-2, 3));
  }

  let closure: number | null = null;
  let closureReason = '';
  if (behaviour === 'none' || firstContact === null) {
    const c = referral + rng.int(30, 130);
    if (c < END) {
      closure = c;
      closureReason = rng.weighted([['uncontactable', 45], ['declined', 40], ['no_longer_meets_criteria', 15]]);
    }
  } else if (rng.chance(behaviour === 'engaged' ? 0.45 : 0.4)) {
    const c = firstContact + rng.int(110, 420);
    if (c < END) {
      closure = c;
      closureReason =
        behaviour === 'engaged'
          ? rng.weighted([['goals_met', 40], ['risk_reduced', 30], ['referred_on', 10], ['moved_area', 8], ['stepped_up_high_risk', 6], ['other', 6]])
          : rng.weighted([['disengaged', 45], ['risk_reduced', 20], ['goals_met', 15], ['referred_on', 20]]);
    }
  }

  const engaged = group === 'A';
  const age = !engaged && rng.chance(0.08) ? null : clamp(Math.round(rng.normal(34.6, 10)), 18, 75);
  const disability: YN = engaged
    ? rng.chance(0.08)
      ? 'yes'
      : rng.chance(0.05)
        ? ''
        : 'no'
    : rng.chance(0.55)
      ? ''
      : rng.chance(0.07)
        ? 'yes'
        : 'no';
  let children: number | null;
  if (engaged) children = rng.chance(0.66) ? rng.weighted([[1, 8], [2, 9], [3, 6], [4, 2]]) : 0;
  else children = rng.chance(0.37) ? null : rng.chance(0.45) ? rng.int(1, 3) : 0;
  let livesWith = engaged
    ? rng.weighted([['children_only', 12], ['alone', 5], ['perpetrator', 5], ['new_partner', 5], ['family', 6], ['other', 2], ['', 3]])
    : rng.chance(0.6)
      ? ''
      : rng.weighted([['children_only', 10], ['alone', 6], ['perpetrator', 8], ['new_partner', 3], ['family', 5], ['other', 2]]);
  if (livesWith === 'children_only' && children === 0) livesWith = 'alone';
  if (livesWith === 'alone' && children !== null && children > 0) livesWith = 'children_only';
  const cpPlan: YN = children === null ? '' : children === 0 ? 'no' : rng.chance(engaged ? 0.44 : 0.15) ? 'yes' : 'no';
  const housing = engaged
    ? rng.weighted([['social_rented', 12], ['private_rented', 7], ['own_tenancy', 4], ['owner_occupier', 3], ['homeless', 2], ['with_family_friends', 4], ['temporary', 2], ['refuge', 2], ['', 2]])
    : rng.chance(0.5)
      ? ''
      : rng.weighted([['social_rented', 12], ['private_rented', 8], ['own_tenancy', 3], ['owner_occupier', 2], ['homeless', 2], ['with_family_friends', 4], ['temporary', 2], ['refuge', 1]]);
  const needs = {} as Record<NeedKey, YN>;
  for (const k of NEED_KEYS) {
    const [yes, unknown] = NEED_RATES[k];
    if (!engaged && rng.chance(0.65)) needs[k] = '';
    else {
      const r = rng.float();
      needs[k] = r < yes ? 'yes' : engaged && r < yes + unknown ? '' : 'no';
    }
  }
  const route = engaged
    ? rng.weighted([['top_repeat_list', 45], ['complex_needs_list', 20], ['medium_risk_worker', 28], ['other', 7]])
    : rng.weighted([['top_repeat_list', 55], ['complex_needs_list', 15], ['medium_risk_worker', 22], ['other', 8]]);

  // Police incidents: right-skewed, mean about 10.
  let total = !engaged && rng.chance(0.05) ? 0 : 1 + Math.floor(rng.float() * rng.float() * incidentSpread);
  if (rng.chance(0.02)) total += rng.int(20, 40);
  const nDI = clamp(Math.round(total * clamp(rng.normal(0.62, 0.2), 0, 1)), 0, total);
  const nPerps = total === 0 ? 0 : total >= 3 && rng.chance(engaged ? 0.03 : 0.06) ? 3 : total >= 2 && rng.chance(engaged ? 0.05 : 0.3) ? 2 : 1;

  const support = new Set<CountedCategory>();
  let freedom: FpStatus | null = null;
  let substance: Woman['substance'] = null;
  if (engaged) {
    const rates: Record<CountedCategory, number> = {
      housing: 0.53,
      mental_health: 0.45,
      physical_health: 0.13,
      healthy_relationships: 0.47,
      parenting: children ? 0.36 : 0,
      financial: 0.5,
      employment: 0.05,
      education: 0.13,
    };
    for (const c of COUNTED_SUPPORT) if (rng.chance(rates[c])) support.add(c);
    if (needs.mental_health === 'yes') support.add('mental_health');
    if (rng.chance(0.58)) freedom = rng.weighted<FpStatus>([['completed', 3], ['started', 3], ['offered', 6], ['declined', 10]]);
    if (needs.drugs === 'yes' && rng.chance(0.25)) substance = 'drugs';
    else if (needs.alcohol === 'yes' && rng.chance(0.5)) substance = 'alcohol';
  }
  const order: Woman['order'] = engaged ? (rng.chance(0.42) ? (rng.chance(0.375) ? 'helped' : 'court') : null) : total > 0 && rng.chance(0.18) ? 'court' : null;

  const w: Woman = {
    idx,
    caseId,
    displayName: '',
    group,
    area,
    referral,
    route,
    firstContact,
    policeStart,
    closure,
    closureReason,
    modus,
    police,
    behaviour,
    age,
    ethnicity: pickEthnicity(rng, area),
    disability,
    children,
    cpPlan,
    cpEnded: cpPlan === 'yes' && engaged && rng.chance(0.55),
    housing,
    livesWith,
    needs,
    complexNeeds: '',
    previousIdva: engaged ? (rng.chance(0.25) ? 'yes' : 'no') : rng.chance(0.6) ? '' : rng.chance(0.2) ? 'yes' : 'no',
    previousMarac: engaged ? (rng.chance(0.15) ? 'yes' : 'no') : rng.chance(0.6) ? '' : rng.chance(0.1) ? 'yes' : 'no',
    writePerpCount: engaged || (total > 0 && rng.chance(0.65)),
    nDI,
    nCrime: total - nDI,
    nPerps,
    perps: [],
    relationship: engaged
      ? nPerps > 1
        ? 'several'
        : rng.weighted<Relationship>([['male_partner', 32], ['female_partner', 1], ['child', 2]])
      : rng.weighted<Relationship>([['male_partner', 60], ['other_family', 8], ['', 32]]),
    support,
    freedom,
    substance,
    agencies: engaged && (rng.chance(0.63) || substance !== null || order === 'helped'),
    order,
    mappa: engaged && rng.chance(0.02),
    otherDva: group === 'B' && rng.chance(0.37),
    batteries: engaged && rng.chance(0.55),
    separates: engaged && livesWith === 'perpetrator',
    rehoused: support.has('housing') && rng.chance(0.35),
    dvAsChild: engaged && rng.chance(0.05),
    educationIssue: engaged && rng.chance(0.4),
    employmentIssue: engaged && rng.chance(0.32),
    caseStudy: null,
  };
  w.complexNeeds = rng.chance(0.1) ? '' : deriveComplex(w);
  return w;
}
