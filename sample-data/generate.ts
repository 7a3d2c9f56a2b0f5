/**
 * Waymark sample data: a seeded, deterministic generator of anonymised case exports.
 *
 *   npx tsx sample-data/generate.ts                       the 111-woman sample -> sample-data/*.csv
 *   npx tsx sample-data/generate.ts --out DIR             the same sample written elsewhere
 *   npx tsx sample-data/generate.ts --cohort 50000 --out bench/data/50k [--seed 7]
 *                                                         a large cohort of the same shape (about
 *                                                         22 event rows a woman), streamed to disk
 *
 * The 111-woman sample reproduces every figure in shared/reference/section4-figures.md (sections
 * 2 to 4 of the reference report) exactly. The figures are constructed, never searched for: each
 * count is assigned deterministically to a list of women, then the list is shuffled with the
 * seeded PRNG (mulberry32). Nothing reads the clock or Math.random, so two runs give byte-identical
 * files. Column names and vocabulary codes come from src/domain/contract.ts; every row is checked
 * against the contract before it is written.
 *
 * DEFINITIONS, where the report is silent (tests/unit/sample-data/figures.test.ts uses the same):
 *
 * - Engaged (the 38): engagement_modus engaged|sporadic AND engagement_police engaged. Agreed
 *   non-engaged (the 19): engagement_modus none AND engagement_police not_engaged. A coding is
 *   missing when the cell is empty or `unknown` (both occur). "Coded by both" = neither missing.
 * - Age: 9 women have no age_at_referral. The report's per-area means (City 36.2, North 31.8,
 *   South 34.9) over all 111 would give an overall mean of 34.4, not 34.6, so the report's means
 *   are over the women whose age was known ("where known"): City 39, North 27, South 36 known.
 *   sd is the sample (n-1) standard deviation, as SPSS reports it.
 * - Ethnicity "not recorded" = empty cell or `not_stated` (26 of 111, all in City and South).
 *   Every North woman has a white ethnicity recorded.
 * - Own home (26 of the 38) = housing own_tenancy | social_rented | private_rented |
 *   owner_occupier. The 2 homeless (housing homeless) are separate from the 26, as the report
 *   words it ("had their own home ... Two were homeless").
 * - Children: children_under_17 >= 1 (25 of the 38 have 1 to 4).
 * - Child protection plan (11 of the 38): child_protection_plan = yes. The report counts women
 *   whose children were on a plan "earlier on in the intervention", so the column means "at
 *   referral or placed on a plan early in support" (Megan's children went on a plan a month
 *   after first contact). Every one of the 11 also has a cp_plan_started milestone; the 6 whose
 *   children came off a plan during support have a cp_plan_ended milestone after first contact.
 * - Police incidents: every row of incidents.csv, all dated from 12 months before the woman's
 *   referral to 31 July 2015. Domestic incidents carry no outcome (the report says every one was
 *   "no further action"; leaving it blank keeps the crime-outcome table unambiguous).
 * - Perpetrators: 144 = distinct perpetrator_ref in incidents.csv. "Several perpetrators" =
 *   perpetrator_count >= 2 (3 of the 38; also 2+ distinct refs in incidents). The relationship
 *   to the perpetrator (male partner 32, female partner 1, her child 2) is kept in the model
 *   (Woman.relationship) and written as perpetrator_relationship, which has no sex: a partner
 *   of either sex is `partner` when she lives with the perpetrator, else `ex_partner` (33 of
 *   the 38); her child is `family_member` (2); with several perpetrators the main one is not
 *   recorded (empty, 3). So the 32/1 split by sex is not in the files.
 * - MAPPA (2 perpetrators, both of engaged women): the cases' `mappa` column is yes for those two
 *   women (no for the other engaged women, empty for the rest). A milestone of kind `other`
 *   whose detail reads "Perpetrator P-xxxx supervised under MAPPA" is kept as well.
 * - Court orders against perpetrators (29, of which 16 relate to engaged women): one
 *   order_granted milestone per order whose detail names the perpetrator_ref
 *   ("Restraining order against P-xxxx ..."). The 16 engaged women each also have a legal_order
 *   support row. "The worker helped obtain it" (6 of 16) = the legal_order row has a non-empty
 *   agency (Solicitor: a civil non-molestation order the worker helped her apply for); an empty
 *   agency means a restraining order a criminal court made at sentencing.
 * - Support counts (section 4.4) = number of engaged women with at least one support row of the
 *   category. Only freedom_programme rows use offered/declined: offered to 22 = any row;
 *   completing or completed 6 = status started|completed; waiting to start 6 = status offered;
 *   the other 10 declined. Substance use: detail starts "Drugs:" (2 women) or "Alcohol:" (4).
 * - Support from other agencies (24 of the 38) = at least one support row with a non-empty agency.
 *   The other 14 engaged women have an empty agency on every row.
 * - The 7 agreed non-engagers engaging with other DVA services: a support row with category
 *   `other`, agency `Other DVA service`, status ongoing (and closure_reason referred_on).
 * - need_dv_as_child (2), need_education and need_employment (not an issue = no: 23 and 26) are
 *   written for the 38 engaged women only (the report gives them for the 38), empty for the rest.
 * - complex_needs: recorded (yes/no, consistent with the derivation rule) for 99 women, blank for
 *   12 so the app's derivation applies. The rule counts every need_* flag, the three above too:
 *   where an education or employment issue would make a recorded `no` untrue, that issue is
 *   written as unclear (empty), which leaves the report's "not an issue" counts as they are.
 * - Contacts: engaged women mostly `successful`; women who never engaged only `attempted`/`missed`
 *   (plus one successful call where first_contact_date is set); first_contact_date is always
 *   the earliest successful contact. police_start_date is set exactly when engagement_police is
 *   engaged (the report: the police coded "engaged" whenever the worker gave a start date), and
 *   differs from first_contact_date by weeks for some women.
 * - Plausibility rules: nobody aged 52 or over has children under 17, nobody under 23 has three
 *   or more; worker risk reviews rise after a separation and stop while she is out of contact.
 * - Report inconsistencies: 113 domestic incidents of 201 for the 19 non-engagers is 56.2%, not the
 *   56.4% the report prints; the integer counts (445 = 332 + 113) are reproduced. Agreement for
 *   57 of 111 is 51.4%, not 51.5%. 25 of 38 with children is 65.8%, not 65.7%.
 *
 * The three case studies of section 5.5 (display_name Sue, Megan, Chelsea) are among the 38
 * engaged women and are written by hand from the report's dates (see CASE_STUDIES).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FILE_KINDS, KINDS, NEED_FIELDS, VOCABULARIES, type Kind } from '../src/domain/contract.ts';
import { mulberry32 } from './mulberry32';
export { mulberry32 };

export const SAMPLE_SEED = 20150731;

// ---------------------------------------------------------------------------------------------
// Seeded randomness: mulberry32, with one independent stream per purpose so that changing one
// part of the generator does not reshuffle everything else. Only + - * / and Math.floor/sqrt
// are used on random numbers, so results are identical on every platform.

function hashSeed(seed: number, label: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  static for(seed: number, label: string): Rng {
    return new Rng(hashSeed(seed, label));
  }
  float(): number {
    return this.next();
  }
  /** Integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return hi <= lo ? lo : lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const p of pairs) total += p[1];
    let r = this.next() * total;
    for (const p of pairs) {
      r -= p[1];
      if (r < 0) return p[0];
    }
    return pairs[pairs.length - 1][0];
  }
  /** Approximately normal (Irwin-Hall sum of four uniforms). */
  normal(mean: number, sd: number): number {
    const s = this.next() + this.next() + this.next() + this.next() - 2;
    return mean + sd * s * 1.7320508075688772;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
    return items;
  }
  /** k items without replacement, each draw in proportion to weight (weight 0 = never). */
  sample<T>(items: readonly T[], k: number, weight: (t: T) => number = () => 1): T[] {
    const pool = items.map((t) => ({ t, w: weight(t) })).filter((p) => p.w > 0);
    if (pool.length < k) throw new Error(`cannot choose ${k} of ${pool.length}`);
    const out: T[] = [];
    for (let n = 0; n < k; n++) {
      let total = 0;
      for (const p of pool) total += p.w;
      let r = this.next() * total;
      let i = 0;
      for (; i < pool.length - 1; i++) {
        r -= pool[i].w;
        if (r < 0) break;
      }
      out.push(pool[i].t);
      pool.splice(i, 1);
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Dates are whole day numbers (days since 1970-01-01 UTC), written as ISO YYYY-MM-DD.

const DAY_MS = 86_400_000;
export function dayOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}
const isoCache = new Map<number, string>();
export function isoOf(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, s);
  }
  return s;
}

/** The end of the reporting period. */
export const REPORT_END = dayOf('2015-07-31');
const END = REPORT_END;
const SERVICE_START = dayOf('2014-01-06');

const clamp = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v);

// ---------------------------------------------------------------------------------------------
// The contract: columns in contract order, and a validator so that no row can drift from it.

type Row = Record<string, string>;

const COLUMNS = Object.fromEntries(KINDS.map((k) => [k, FILE_KINDS[k].fields.map((f) => f.name)])) as Record<
  Kind,
  string[]
>;

type Check = (v: string) => boolean;
const ISO_RE = /^\d{4}-\d{2}-\d{2}$/;
const CHECKS = Object.fromEntries(
  KINDS.map((kind) => {
    const byName = new Map<string, { required: boolean; check: Check }>();
    for (const f of FILE_KINDS[kind].fields) {
      let check: Check = () => true;
      if (f.type === 'vocab' && f.vocab) {
        const codes = new Set(f.vocab.terms.map((t) => t.code));
        check = (v) => codes.has(v);
      } else if (f.type === 'yn') {
        check = (v) => v === 'yes' || v === 'no' || v === 'unknown';
      } else if (f.type === 'date') {
        check = (v) => ISO_RE.test(v);
      } else if (f.type === 'int' || f.type === 'number') {
        const min = f.min ?? -Infinity;
        const max = f.max ?? Infinity;
        const int = f.type === 'int';
        check = (v) => {
          const n = Number(v);
          return Number.isFinite(n) && (!int || Number.isInteger(n)) && n >= min && n <= max;
        };
      } else if (f.type === 'id') {
        const max = f.maxLength ?? 64;
        check = (v) => v.trim() === v && v.length <= max;
      }
      byName.set(f.name, { required: f.required, check });
    }
    return [kind, byName];
  }),
) as Record<Kind, Map<string, { required: boolean; check: Check }>>;

function validate(kind: Kind, row: Row): void {
  const checks = CHECKS[kind];
  for (const key in row) if (!checks.has(key)) throw new Error(`${kind}: ${key} is not a contract column`);
  for (const [name, c] of checks) {
    const v = row[name] ?? '';
    if (v === '') {
      if (c.required) throw new Error(`${kind}: ${name} is required (${JSON.stringify(row)})`);
    } else if (!c.check(v)) throw new Error(`${kind}: ${name} = ${JSON.stringify(v)} breaks the contract`);
  }
}

function cell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function toLine(kind: Kind, row: Row): string {
  validate(kind, row);
  const cols = COLUMNS[kind];
  let s = cell(row[cols[0]] ?? '');
  for (let i = 1; i < cols.length; i++) s += ',' + cell(row[cols[i]] ?? '');
  return s;
}

const headerLine = (kind: Kind) => COLUMNS[kind].join(',');

function needField(name: string): string {
  if (!NEED_FIELDS.some((f) => f.name === name)) throw new Error(`${name} is not a need column`);
  return name;
}
const NEED = {
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
type NeedKey = keyof typeof NEED;
const NEED_KEYS = Object.keys(NEED) as NeedKey[];

function label(vocab: { terms: readonly { code: string; label: string }[] }, code: string): string {
  const t = vocab.terms.find((x) => x.code === code);
  if (!t) throw new Error(`${code} is not a code`);
  return t.label;
}

// ---------------------------------------------------------------------------------------------
// The model of one woman. Fields marked "model only" have no column in the contract.

/**
 * A: both sources agree she engaged; B: both agree she did not; C: police engaged, worker none;
 * D: worker sporadic, police not engaged; E: worker none, police coding missing; F: worker's
 * coding missing.
 */
export type Group = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
type Behaviour = 'engaged' | 'sporadic' | 'none';
type YN = 'yes' | 'no' | '';
export type Relationship = 'male_partner' | 'female_partner' | 'child' | 'several' | 'other_family' | '';
type FpStatus = 'completed' | 'started' | 'offered' | 'declined';

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
type CountedCategory = (typeof COUNTED_SUPPORT)[number];

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

interface Incident {
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

// ---------------------------------------------------------------------------------------------
// Words. Free text never holds names, places, numbers that look like phone or NHS numbers,
// postcodes, emails or dates: a privacy scanner runs on import.

const SUPPORT_TEXT: Record<string, { agency: string; details: string[] }> = {
  housing: {
    agency: 'Housing options team',
    details: ['Housing options advice', 'Support with a housing application', 'Sanctuary scheme referral', 'Accompanied her to the housing office'],
  },
  mental_health: {
    agency: 'GP',
    details: ['Referred to her GP about low mood', 'Liaison with the community mental health team', 'Referral to talking therapies', 'Support to attend a mental health appointment'],
  },
  physical_health: { agency: 'GP', details: ['Supported to register with a GP', 'Accompanied her to a hospital appointment'] },
  healthy_relationships: { agency: '', details: ['One-to-one work on healthy relationships', 'Work on the cycle of abuse and controlling behaviour'] },
  freedom_programme: { agency: '', details: ['Freedom Programme'] },
  parenting: { agency: 'Family support service', details: ['Parenting support', 'Referral to a parenting course'] },
  children: { agency: "Children's centre", details: ['Support for the children', 'Referral to a support worker for the children', 'Liaison with the school'] },
  financial: { agency: 'Citizens Advice', details: ['Benefits check', 'Debt advice', 'Help with rent arrears', 'Grant application for essentials'] },
  employment: { agency: 'Job centre', details: ['Visit to the job centre to develop a CV'] },
  education: { agency: 'College', details: ['Support to enrol on a college course', 'Help to find an adult learning course'] },
  safety_measures: { agency: 'Fire service', details: ['Door and window alarms fitted', 'Personal alarm provided', 'Home fire safety check', 'Locks changed'] },
  criminal_justice: { agency: 'Police', details: ['Police liaison after an incident', 'Accompanied her to court', 'Support through a court case'] },
  child_protection: { agency: "Children's Services", details: ['Attended a child protection conference with her', "Liaison with Children's Services"] },
  marac: { agency: 'MARAC', details: ['Case heard at MARAC'] },
  emotional_support: { agency: '', details: ['Emotional support sessions', 'Confidence and self-esteem work', 'Safety planning'] },
};
const DRUG_TEXT = ['Drugs: referral to a drug treatment service', 'Drugs: support to stay in treatment'];
const ALCOHOL_TEXT = ['Alcohol: support to see her doctor about drinking', 'Alcohol: referral to an alcohol service', 'Alcohol: referral to a rehab service'];
const OTHER_DVA_TEXT = 'Not engaging with the MRP worker: already supported by another domestic abuse service';

const OWN_HOME = ['own_tenancy', 'social_rented', 'private_rented', 'owner_occupier'];

// ---------------------------------------------------------------------------------------------
// A plausible woman drawn at random. The cohort mode uses this as it is; the sample starts from
// it and then overwrites everything the report counts with exact allocations.

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

function deriveComplex(w: Woman): YN {
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
function planWoman(rng: Rng, idx: number, caseId: string, group: Group, area: string, referral: number, incidentSpread = 40): Woman {
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

// ---------------------------------------------------------------------------------------------
// The three case studies of section 5.5, written from the report's dates.

type IncidentSpec = [date: string, kind: 'domestic_incident' | 'crime', offence: string, outcome: string, dash: string, perp: number];
type RiskSpec = [date: string, level: string, score: number, assessor: string];
type SupportSpec = [date: string, endDate: string, category: string, status: string, agency: string, detail: string];
type MilestoneSpec = [date: string, kind: string, detail: string];

interface CaseStudy {
  name: string;
  area: string;
  referral: string;
  route: string;
  firstContact: string;
  policeStart: string;
  closure: string;
  closureReason: string;
  modus: string;
  age: number;
  children: number;
  cpPlan: YN;
  cpEnded: boolean;
  housing: string;
  livesWith: string;
  needs: Partial<Record<NeedKey, YN>>;
  previousIdva: YN;
  previousMarac: YN;
  relationship: Relationship;
  nPerps: number;
  order: Woman['order'];
  incidents: IncidentSpec[];
  risks: RiskSpec[];
  support: SupportSpec[];
  /** {P0} and {P1} stand for her perpetrators' refs. */
  milestones: MilestoneSpec[];
  contacts: { every: [number, number]; success: number; gaps: [string, string][]; before: string[] };
  /** Batteries: on `dates`, or every `every` days from `from` to `to`; scores rise start -> end. */
  batteries: { from: string; to: string; every: number; dates?: string[]; start: number; end: number; dips: [string, string][] };
}

export const CASE_STUDIES: readonly CaseStudy[] = [
  {
    // Megan: first contact March 2014 at medium; high a month later after threats to kill; an
    // immediate non-molestation order, MARAC, children on plans; plans ended and Children's
    // Services closed in May 2014; medium July 2014; high December 2014; standard January 2015 to
    // July 2015; weekly batteries gradually rising; rehoused near the end.
    name: 'Megan',
    area: 'City',
    referral: '2014-03-03',
    route: 'top_repeat_list',
    firstContact: '2014-03-10',
    policeStart: '2014-03-10',
    closure: '2015-07-27',
    closureReason: 'goals_met',
    modus: 'engaged',
    age: 38,
    children: 3,
    cpPlan: 'yes',
    cpEnded: true,
    housing: 'social_rented',
    livesWith: 'perpetrator',
    needs: {},
    previousIdva: 'no',
    previousMarac: 'no',
    relationship: 'male_partner',
    nPerps: 1,
    order: 'helped',
    incidents: [
      ['2013-04-20', 'domestic_incident', '', '', 'standard', 0],
      ['2013-07-13', 'domestic_incident', '', '', 'medium', 0],
      ['2013-09-28', 'crime', 'common_assault', 'nfa', 'medium', 0],
      ['2013-12-14', 'domestic_incident', '', '', 'medium', 0],
      ['2014-01-25', 'crime', 'common_assault', 'nfa', 'medium', 0],
      ['2014-04-08', 'crime', 'threats_to_kill', 'nfa', 'high', 0],
      ['2014-05-20', 'crime', 'breach_of_order', 'charge_summons', 'high', 0],
      ['2014-06-24', 'crime', 'harassment', 'nfa', 'high', 0],
      ['2014-08-30', 'domestic_incident', '', '', 'medium', 0],
      ['2014-10-14', 'crime', 'malicious_communications', 'nfa', 'medium', 0],
      ['2015-02-21', 'domestic_incident', '', '', 'standard', 0],
    ],
    risks: [
      ['2014-03-10', 'medium', 12, 'mrp_worker'],
      ['2014-04-10', 'high', 17, 'mrp_worker'],
      ['2014-07-15', 'medium', 11, 'mrp_worker'],
      ['2014-12-09', 'high', 15, 'mrp_worker'],
      ['2015-01-20', 'standard', 7, 'mrp_worker'],
    ],
    support: [
      ['2014-03-10', '', 'emotional_support', 'completed', '', 'Emotional support and safety planning'],
      ['2014-03-17', '2014-06-30', 'healthy_relationships', 'completed', '', 'One-to-one work on understanding domestic abuse'],
      ['2014-04-09', '2015-04-11', 'legal_order', 'completed', 'Solicitor', 'Worker helped her apply for a non-molestation order'],
      ['2014-04-10', '', 'safety_measures', 'completed', 'Police', 'Locks changed and a panic alarm fitted'],
      ['2014-04-14', '', 'marac', 'completed', 'MARAC', 'Case heard at MARAC'],
      ['2014-04-22', '2014-05-28', 'child_protection', 'completed', "Children's Services", 'Worker liaised with Children\'s Services and attended child protection meetings'],
      ['2014-06-02', '2014-08-18', 'freedom_programme', 'completed', '', 'Freedom Programme'],
      ['2015-02-09', '2015-06-15', 'housing', 'completed', 'Housing options team', 'Support with housing options and the move to a new home'],
    ],
    milestones: [
      ['2014-04-09', 'separated', 'She ended the relationship and the perpetrator left the family home'],
      ['2014-04-11', 'order_granted', 'Non-molestation order against {P0}'],
      ['2014-04-14', 'marac_referral', 'Referred to MARAC after threats to kill'],
      ['2014-04-22', 'cp_plan_started', 'Her three children placed on child protection plans'],
      ['2014-05-20', 'order_breached', 'Order breached and reported to the police'],
      ['2014-05-28', 'cp_plan_ended', "Children taken off their plans; Children's Services closed the case"],
      ['2015-06-15', 'rehoused', 'Moved to a new home'],
      ['2015-07-27', 'case_closed', 'Support ended: goals met'],
    ],
    contacts: { every: [7, 7], success: 0.9, gaps: [], before: ['2014-03-05', '2014-03-06'] },
    batteries: { from: '2014-03-10', to: '2015-07-20', every: 7, start: 2, end: 7, dips: [['2014-12-01', '2015-01-12']] },
  },
  {
    // Sue: first met January 2014 at high; medium two weeks later for nine months; then standard
    // (she disagreed twice); a break in contact February to April 2015; she started work; the
    // latest incident in July 2015 led to a MARAC referral; her case remains open.
    name: 'Sue',
    area: 'County South',
    referral: '2014-01-06',
    route: 'medium_risk_worker',
    firstContact: '2014-01-14',
    policeStart: '2014-01-20',
    closure: '',
    closureReason: '',
    modus: 'engaged',
    age: 45,
    children: 2,
    cpPlan: 'no',
    cpEnded: false,
    housing: 'social_rented',
    livesWith: 'children_only',
    needs: { mental_health: 'yes', debt: 'yes' },
    previousIdva: 'no',
    previousMarac: 'no',
    relationship: 'several',
    nPerps: 2,
    order: null,
    incidents: [
      ['2013-02-16', 'domestic_incident', '', '', 'standard', 0],
      ['2013-04-27', 'domestic_incident', '', '', 'medium', 0],
      ['2013-06-22', 'domestic_incident', '', '', 'medium', 0],
      ['2013-08-10', 'crime', 'harassment', 'nfa', 'medium', 0],
      ['2013-09-14', 'domestic_incident', '', '', 'medium', 0],
      ['2013-11-02', 'domestic_incident', '', '', 'medium', 0],
      ['2013-12-21', 'crime', 'common_assault', 'charge_summons', 'high', 0],
      ['2014-03-15', 'domestic_incident', '', '', 'medium', 0],
      ['2014-06-07', 'domestic_incident', '', '', 'medium', 1],
      ['2014-08-16', 'crime', 'malicious_communications', 'nfa', 'medium', 1],
      ['2014-09-27', 'domestic_incident', '', '', 'medium', 0],
      ['2014-12-13', 'domestic_incident', '', '', 'standard', 0],
      ['2015-02-28', 'crime', 'harassment', 'nfa', 'standard', 0],
      ['2015-03-21', 'domestic_incident', '', '', 'standard', 0],
      ['2015-06-13', 'domestic_incident', '', '', 'standard', 0],
      ['2015-07-16', 'crime', 'harassment', 'pending', 'high', 0],
    ],
    risks: [
      ['2014-01-14', 'high', 15, 'mrp_worker'],
      ['2014-01-28', 'medium', 12, 'mrp_worker'],
      ['2014-04-22', 'medium', 11, 'mrp_worker'],
      ['2014-07-15', 'medium', 10, 'mrp_worker'],
      ['2014-10-28', 'standard', 8, 'mrp_worker'],
      ['2015-01-13', 'standard', 7, 'mrp_worker'],
      ['2015-05-05', 'standard', 6, 'mrp_worker'],
      ['2015-07-17', 'high', 15, 'police'],
    ],
    support: [
      ['2014-01-14', '', 'emotional_support', 'ongoing', '', 'Emotional and practical support'],
      ['2014-01-28', '', 'safety_measures', 'completed', 'Police', 'Home security measures arranged'],
      ['2014-02-17', '', 'healthy_relationships', 'ongoing', '', 'Work on the cycle of abuse and the signs of a controlling relationship'],
      ['2014-03-10', '', 'financial', 'completed', 'Citizens Advice', 'Advice on benefits and debts'],
      ['2014-04-07', '', 'mental_health', 'ongoing', 'Community mental health team', 'Liaison with her mental health support'],
      ['2014-05-12', '', 'other', 'completed', 'Solicitor', 'Help to secure legal aid for divorce proceedings'],
      ['2014-10-06', '', 'children', 'completed', "Children's Services", 'Liaison with social workers after anonymous referrals about her'],
      ['2015-07-17', '', 'criminal_justice', 'ongoing', 'Police', 'Police liaison after the latest incident'],
      ['2015-07-20', '', 'marac', 'ongoing', 'MARAC', 'MARAC referral made'],
    ],
    milestones: [
      ['2014-09-08', 'new_relationship', 'Started a new relationship'],
      ['2014-12-01', 'other', 'Ended a new relationship after noticing controlling behaviour'],
      ['2015-02-09', 'disengaged', 'Break in contact'],
      ['2015-03-02', 'started_work', 'Started working'],
      ['2015-04-13', 're_engaged', 'Contact resumed'],
      ['2015-07-20', 'marac_referral', 'Referred to MARAC after the latest incident'],
    ],
    contacts: { every: [10, 18], success: 0.78, gaps: [['2015-02-09', '2015-04-13']], before: ['2014-01-09'] },
    batteries: { from: '2014-01-28', to: '2015-07-14', every: 56, start: 2, end: 6, dips: [['2015-01-01', '2015-05-01']] },
  },
  {
    // Chelsea: first met May 2014; sporadic engagement; high risk when she was last in contact
    // with Women's Aid in 2012, medium at the end of June 2015; the perpetrator in custody in
    // 2014 and again in 2015; both children on plans throughout; rehousing stalled; ongoing.
    name: 'Chelsea',
    area: 'County North',
    referral: '2014-04-28',
    route: 'complex_needs_list',
    firstContact: '2014-05-12',
    policeStart: '2014-05-12',
    closure: '',
    closureReason: '',
    modus: 'sporadic',
    age: 32,
    children: 2,
    cpPlan: 'yes',
    cpEnded: false,
    housing: 'social_rented',
    livesWith: 'children_only',
    needs: { mental_health: 'yes', drugs: 'yes', debt: 'yes', housing: 'yes', childhood_abuse: '' },
    previousIdva: 'yes',
    previousMarac: 'yes',
    relationship: 'male_partner',
    nPerps: 1,
    order: null,
    incidents: [
      ['2013-06-14', 'domestic_incident', '', '', 'medium', 0],
      ['2013-09-21', 'domestic_incident', '', '', 'medium', 0],
      ['2013-12-27', 'domestic_incident', '', '', 'medium', 0],
      ['2014-02-15', 'domestic_incident', '', '', 'medium', 0],
      ['2014-03-30', 'crime', 'common_assault', 'charge_summons', 'medium', 0],
      ['2014-05-20', 'domestic_incident', '', '', 'medium', 0],
      ['2014-06-10', 'crime', 'harassment', 'nfa', 'medium', 0],
      ['2014-10-28', 'crime', 'harassment', 'nfa', 'medium', 0],
      ['2014-11-15', 'crime', 'criminal_damage', 'undetected', 'medium', 0],
      ['2014-12-05', 'crime', 'malicious_communications', 'nfa', 'medium', 0],
      ['2014-12-20', 'domestic_incident', '', '', 'medium', 0],
      ['2015-01-24', 'crime', 'assault_with_injury', 'charge_summons', 'high', 0],
    ],
    risks: [
      ['2012-06-12', 'high', 16, 'idva'],
      ['2015-06-29', 'medium', 11, 'mrp_worker'],
    ],
    support: [
      ['2014-05-12', '', 'emotional_support', 'ongoing', '', 'Emotional and practical support'],
      ['2014-05-27', '', 'financial', 'ongoing', 'Targeted benefits support', 'Help to secure benefits and allowances'],
      ['2014-06-02', '', 'child_protection', 'ongoing', 'Social Services', 'Child protection meetings'],
      ['2014-06-09', '', 'substance_use', 'ongoing', 'Drug treatment service', 'Drugs: support to cut down amphetamine use'],
      ['2014-06-23', '', 'mental_health', 'ongoing', 'GP', 'Support with depression'],
      ['2014-07-07', '', 'freedom_programme', 'declined', '', 'Freedom Programme'],
      ['2014-09-15', '', 'children', 'ongoing', 'CAMHS', 'Referral to CAMHS for her son and his additional needs'],
      ['2014-09-29', '', 'parenting', 'ongoing', 'Sure Start', 'Parenting support'],
      ['2014-11-17', '', 'safety_measures', 'completed', 'Police', 'Window and door alarms, a key chain and a personal alarm'],
      ['2015-02-23', '', 'children', 'completed', 'School', 'Worker attended a school meeting about attendance'],
      ['2015-05-11', '', 'housing', 'ongoing', 'Housing options team', 'Rehousing out of the area, stalled by rent arrears'],
      ['2015-06-15', '', 'housing', 'ongoing', 'Housing options team', 'Worker attended a meeting with a housing officer'],
    ],
    milestones: [
      ['2013-11-18', 'cp_plan_started', 'Both children placed on child protection plans'],
      ['2014-07-08', 'perpetrator_custody', 'Perpetrator {P0} sentenced to custody'],
      ['2014-08-18', 'disengaged', 'Not responding to contact'],
      ['2014-10-06', 'perpetrator_released', 'Perpetrator {P0} released'],
      ['2014-10-30', 're_engaged', 'Back in contact after a crisis'],
      ['2015-02-16', 'disengaged', 'Not responding to contact'],
      ['2015-03-16', 'perpetrator_custody', 'Perpetrator {P0} sentenced to a further period in custody'],
      ['2015-04-01', 're_engaged', 'Back in contact'],
      ['2015-05-11', 'other', 'Agreed to be rehoused out of the area'],
      ['2015-06-08', 'new_relationship', 'Started a relationship with a new boyfriend'],
      ['2015-07-13', 'other', 'No amphetamine use for twenty days'],
    ],
    contacts: { every: [7, 16], success: 0.72, gaps: [['2014-08-18', '2014-10-30'], ['2015-02-16', '2015-04-01']], before: ['2014-05-01', '2014-05-06'] },
    batteries: { from: '2014-05-19', to: '2015-06-29', every: 0, dates: ['2014-05-19', '2014-12-15', '2015-06-29'], start: 2, end: 4, dips: [] },
  },
];

function caseStudySupportSet(cs: CaseStudy): Set<string> {
  return new Set(cs.support.map((s) => s[2]));
}

// ---------------------------------------------------------------------------------------------
// Exact allocation helpers.

function chooseK<T>(
  rng: Rng,
  pool: readonly T[],
  k: number,
  opts: { in?: (t: T) => boolean; out?: (t: T) => boolean; weight?: (t: T) => number } = {},
): Set<T> {
  const forced = pool.filter((t) => opts.in?.(t));
  if (forced.length > k) throw new Error(`chooseK: ${forced.length} forced in, but only ${k} wanted`);
  const rest = pool.filter((t) => !opts.in?.(t) && !opts.out?.(t));
  return new Set([...forced, ...rng.sample(rest, k - forced.length, opts.weight)]);
}

/** Hands out values in exact numbers: fixed ones first, the rest shuffled over the others. */
function allocate<W, V>(rng: Rng, women: readonly W[], quotas: readonly (readonly [V, number])[], fixed: (w: W) => V | undefined): Map<W, V> {
  const left = new Map<V, number>(quotas.map(([v, n]) => [v, n]));
  const out = new Map<W, V>();
  const free: W[] = [];
  for (const w of women) {
    const v = fixed(w);
    if (v === undefined) free.push(w);
    else {
      const n = left.get(v) ?? 0;
      if (n <= 0) throw new Error(`allocate: no ${String(v)} left for a fixed woman`);
      left.set(v, n - 1);
      out.set(w, v);
    }
  }
  const values: V[] = [];
  for (const [v, n] of left) for (let i = 0; i < n; i++) values.push(v);
  if (values.length !== free.length) throw new Error(`allocate: ${values.length} values for ${free.length} women`);
  rng.shuffle(values);
  free.forEach((w, i) => out.set(w, values[i]));
  return out;
}

/** Splits `sum` into n integers in [min, max], right-skewed. */
function splitTotal(rng: Rng, n: number, sum: number, min: number, max: number): number[] {
  if (n === 0) {
    if (sum !== 0) throw new Error('splitTotal: nobody to give it to');
    return [];
  }
  const weights = Array.from({ length: n }, () => {
    const u = rng.float();
    return 0.25 + u * u * 2.5 + rng.float() * 0.5;
  });
  const tw = weights.reduce((a, b) => a + b, 0);
  const vals = weights.map((x) => clamp(Math.floor((sum * x) / tw), min, max));
  let diff = sum - vals.reduce((a, b) => a + b, 0);
  for (let guard = 0; diff !== 0; guard++) {
    if (guard > 100000) throw new Error('splitTotal: cannot reach the sum');
    const i = rng.int(0, n - 1);
    if (diff > 0 && vals[i] < max) {
      vals[i]++;
      diff--;
    } else if (diff < 0 && vals[i] > min) {
      vals[i]--;
      diff++;
    }
  }
  return vals;
}

/** Moves single units between values of the same group until the sample sd lands in [lo, hi). */
function tuneSd(values: number[], groups: { members: number[]; min: number; max: number }[], lo: number, hi: number): void {
  const n = values.length;
  const sum = values.reduce((a, b) => a + b, 0);
  const ssOf = () => values.reduce((a, v) => a + v * v, 0) - (sum * sum) / n;
  const ssLo = lo * lo * (n - 1);
  const ssHi = hi * hi * (n - 1);
  const target = (ssLo + ssHi) / 2;
  for (let guard = 0; guard < 10000; guard++) {
    const ss = ssOf();
    if (ss >= ssLo && ss < ssHi) return;
    let best: [number, number] | null = null;
    let bestDist = Math.abs(ss - target);
    for (const g of groups)
      for (const i of g.members)
        for (const j of g.members) {
          if (i === j || values[i] - 1 < g.min || values[j] + 1 > g.max) continue;
          const next = ss + 2 * (values[j] - values[i]) + 2;
          const dist = Math.abs(next - target);
          if (dist < bestDist) {
            bestDist = dist;
            best = [i, j];
          }
        }
    if (!best) throw new Error('tuneSd: stuck');
    values[best[0]]--;
    values[best[1]]++;
  }
  throw new Error('tuneSd: did not converge');
}

// ---------------------------------------------------------------------------------------------
// The 111-woman sample: exact allocation of every figure the report gives.

const CITY = 'City';
const NORTH = 'County North';
const SOUTH = 'County South';

/** Women per group and area; the 57 (A + B) are City 30, South 17, North 10. */
const SAMPLE_SLOTS: readonly [Group, string, number][] = [
  ['A', CITY, 20], ['A', SOUTH, 11], ['A', NORTH, 7],
  ['B', CITY, 10], ['B', SOUTH, 6], ['B', NORTH, 3],
  ['C', CITY, 7], ['C', SOUTH, 11], ['C', NORTH, 13],
  ['D', CITY, 1], ['D', SOUTH, 1],
  ['E', SOUTH, 2], ['E', NORTH, 3],
  ['F', CITY, 2], ['F', SOUTH, 6], ['F', NORTH, 8],
];

/** Police incident blocks: [total, domestic incidents] for each group of women. */
const INCIDENT_BLOCKS = {
  aCity: [300, 215],
  aCounty: [183, 117],
  bCity: [120, 66],
  bCounty: [81, 47],
  oCity: [141, 72],
  oCounty: [295, 180],
} as const;

export function planSample(seed = SAMPLE_SEED): Woman[] {
  const R = (label: string) => Rng.for(seed, label);

  // Slots, shuffled, then case ids in slot order. The case studies take an A slot of their area.
  const slots: { group: Group; area: string }[] = [];
  for (const [group, area, n] of SAMPLE_SLOTS) for (let i = 0; i < n; i++) slots.push({ group, area });
  R('slots').shuffle(slots);
  const csSlot = new Map<number, CaseStudy>();
  const rcs = R('case-studies');
  for (const cs of CASE_STUDIES) {
    const free = slots.map((s, k) => (s.group === 'A' && s.area === cs.area && !csSlot.has(k) ? k : -1)).filter((k) => k >= 0);
    csSlot.set(rcs.pick(free), cs);
  }

  // Referral dates. Three North women (one engaged, two the police coded engaged) were referred
  // in November or December 2013.
  const rd = R('referral');
  const early = new Map<number, number>();
  const northOf = (g: Group) => slots.map((s, k) => (s.area === NORTH && s.group === g && !csSlot.has(k) ? k : -1)).filter((k) => k >= 0);
  const northC = northOf('C');
  early.set(northOf('A')[0], dayOf('2013-11-18'));
  early.set(northC[0], dayOf('2013-11-25'));
  early.set(northC[1], dayOf('2013-12-09'));
  const referralOf = (group: Group, area: string, k: number): number => {
    const e = early.get(k);
    if (e !== undefined) return e;
    const span = (a: string, b: string) => rd.int(dayOf(a), dayOf(b));
    switch (group) {
      case 'A':
        return span('2014-01-06', '2015-03-31');
      case 'B':
        return span('2014-01-06', '2015-06-20');
      case 'C':
      case 'E':
        return span('2014-01-06', '2015-07-17');
      case 'D':
        return span('2014-03-01', '2015-02-28');
      case 'F':
        return rd.chance(0.5) ? span('2015-05-15', '2015-07-29') : span('2014-01-06', '2015-07-29');
    }
  };

  const women: Woman[] = slots.map((s, k) => {
    const caseId = `MRP-${String(k + 1).padStart(4, '0')}`;
    const cs = csSlot.get(k);
    const referral = cs ? dayOf(cs.referral) : referralOf(s.group, s.area, k);
    const w = planWoman(Rng.for(seed, `woman-${k}`), k, caseId, s.group, s.area, referral);
    if (cs) applyCaseStudy(w, cs);
    return w;
  });
  const A = women.filter((w) => w.group === 'A');
  const B = women.filter((w) => w.group === 'B');
  const nonA = women.filter((w) => w.group !== 'A');
  const isCs = (w: Woman) => w.caseStudy !== null;
  const csName = (w: Woman) => w.caseStudy?.name;

  // Engagement codes (table 4.1.1). A: engaged 31 + sporadic 7; F: worker's coding missing
  // (empty 10, `unknown` 6), police engaged 8 / not engaged 3 / missing 5; E: police missing.
  const modusA = allocate(R('modusA'), A, [['engaged', 31], ['sporadic', 7]], (w) => w.caseStudy?.modus);
  for (const w of A) w.modus = w.behaviour = modusA.get(w) as Behaviour;
  const F = women.filter((w) => w.group === 'F');
  const fModus = allocate(R('modusF'), F, [['', 10], ['unknown', 6]], () => undefined);
  const fPolice = allocate(R('policeF'), F, [['engaged', 8], ['not_engaged', 3], ['', 3], ['unknown', 2]], () => undefined);
  for (const w of F) {
    w.modus = fModus.get(w) as string;
    w.police = fPolice.get(w) as string;
    if (w.police === 'engaged' && w.policeStart === null) w.policeStart = Math.min(END, (w.firstContact ?? w.referral + 14) + 1);
    if (w.police !== 'engaged') w.policeStart = null;
  }
  const E = women.filter((w) => w.group === 'E');
  const ePolice = allocate(R('policeE'), E, [['', 3], ['unknown', 2]], () => undefined);
  for (const w of E) w.police = ePolice.get(w) as string;

  // Ages: 9 unknown (City 1, South 1, North 7), the rest built to the report's means and ranges.
  const ageSpec: Record<string, { known: number; sum: number; min: number; max: number; sd: number }> = {
    [CITY]: { known: 39, sum: 1412, min: 20, max: 71, sd: 9 },
    [NORTH]: { known: 27, sum: 858, min: 20, max: 46, sd: 6.5 },
    [SOUTH]: { known: 36, sum: 1256, min: 18, max: 55, sd: 8.5 },
  };
  const ra = R('ages');
  const ageValues: number[] = [];
  const ageGroups: { members: number[]; min: number; max: number }[] = [];
  const ageOwners: Woman[][] = [];
  for (const area of [CITY, NORTH, SOUTH]) {
    const spec = ageSpec[area];
    const inArea = women.filter((w) => w.area === area);
    const missing = chooseK(ra, inArea, inArea.length - spec.known, { out: (w) => w.group === 'A', weight: (w) => (w.group === 'F' || w.group === 'E' ? 3 : 1) });
    const known = inArea.filter((w) => !missing.has(w));
    for (const w of missing) w.age = null;
    const fixedWomen = known.filter(isCs);
    const others = ra.shuffle(known.filter((w) => !isCs(w)));
    const anchors = [others[0], others[1]];
    const free = others.slice(2);
    const fixedSum = spec.min + spec.max + fixedWomen.reduce((a, w) => a + (w.caseStudy as CaseStudy).age, 0);
    const freeSum = spec.sum - fixedSum;
    const mean = freeSum / free.length;
    const vals = free.map(() => clamp(Math.round(ra.normal(mean, spec.sd)), spec.min, spec.max));
    let diff = freeSum - vals.reduce((a, b) => a + b, 0);
    while (diff !== 0) {
      const i = ra.int(0, vals.length - 1);
      if (diff > 0 && vals[i] < spec.max) (vals[i]++, diff--);
      else if (diff < 0 && vals[i] > spec.min) (vals[i]--, diff++);
    }
    anchors[0].age = spec.min;
    anchors[1].age = spec.max;
    for (const w of fixedWomen) w.age = (w.caseStudy as CaseStudy).age;
    const start = ageValues.length;
    ageGroups.push({ members: vals.map((_, i) => start + i), min: spec.min, max: spec.max });
    ageValues.push(...vals);
    ageOwners.push(free);
    for (const w of [...anchors, ...fixedWomen]) ageValues.push(w.age as number);
  }
  tuneSd(ageValues, ageGroups, 10.1, 10.15);
  ageGroups.forEach((g, k) => g.members.forEach((vi, i) => (ageOwners[k][i].age = ageValues[vi])));

  // Ethnicity: 26 not recorded (empty 16, not_stated 10), none of them engaged; North all white.
  const re = R('ethnicity');
  const ethnicity: Record<string, [string, number][]> = {
    [CITY]: [['', 9], ['not_stated', 5], ['white_british', 17], ['asian_pakistani', 3], ['black_caribbean', 2], ['mixed_white_black_caribbean', 2], ['asian_indian', 1], ['black_african', 1]],
    [SOUTH]: [['', 7], ['not_stated', 5], ['white_british', 21], ['white_other', 2], ['mixed_white_asian', 1], ['asian_other', 1]],
    [NORTH]: [['white_british', 31], ['white_other', 2], ['white_irish', 1]],
  };
  for (const area of [CITY, SOUTH, NORTH]) {
    const inArea = women.filter((w) => w.area === area);
    const q = ethnicity[area];
    const unrecorded = q.filter(([v]) => v === '' || v === 'not_stated').reduce((a, [, n]) => a + n, 0);
    const blank = chooseK(re, inArea, unrecorded, { out: (w) => w.group === 'A' });
    const blankVals = allocate(re, [...blank], q.filter(([v]) => v === '' || v === 'not_stated'), () => undefined);
    const rest = inArea.filter((w) => !blank.has(w));
    const restVals = allocate(re, rest, q.filter(([v]) => v !== '' && v !== 'not_stated'), (w) => (isCs(w) ? 'white_british' : undefined));
    for (const w of inArea) w.ethnicity = (blankVals.get(w) ?? restVals.get(w)) as string;
  }

  // Disability: 6 in all, 3 of them engaged.
  const rdis = R('disability');
  const disA = allocate(rdis, A, [['yes', 3], ['', 2], ['no', 33]], (w) => (isCs(w) ? 'no' : undefined));
  for (const w of A) w.disability = disA.get(w) as YN;
  const disYes = chooseK(rdis, nonA, 3);
  for (const w of nonA) if (disYes.has(w)) w.disability = 'yes';
  else if (w.disability === 'yes') w.disability = 'no';

  // The 38: who she lives with, children, housing, child protection.
  const rh = R('household');
  const lives = allocate(rh, A, [['children_only', 12], ['alone', 5], ['perpetrator', 5], ['new_partner', 5], ['family', 6], ['other', 2], ['', 3]], (w) => w.caseStudy?.livesWith);
  for (const w of A) w.livesWith = lives.get(w) as string;
  // Children under 17 fit her age: nobody 52 or over lives with children only, nobody under 23
  // has three or more. Repairs swap values between women, so every count stays as it was.
  const ageOf = (w: Woman) => w.age ?? 35;
  for (const w of A) {
    if (w.livesWith !== 'children_only' || ageOf(w) < 52) continue;
    const other = A.find((x) => !isCs(x) && ageOf(x) < 45 && ['family', 'new_partner', 'perpetrator', ''].includes(x.livesWith)) as Woman;
    [w.livesWith, other.livesWith] = [other.livesWith, w.livesWith];
  }
  const kidPool = A.filter((w) => w.livesWith !== 'children_only' && w.livesWith !== 'alone');
  const withKids = new Set([
    ...A.filter((w) => w.livesWith === 'children_only'),
    ...chooseK(rh, kidPool, 13, { in: (w) => csName(w) === 'Megan', out: (w) => w.livesWith === 'other' || ageOf(w) >= 52 }),
  ]);
  const kidCounts = allocate(rh, [...withKids], [[1, 8], [2, 9], [3, 6], [4, 2]], (w) => w.caseStudy?.children);
  for (const w of withKids) {
    if (ageOf(w) >= 23 || (kidCounts.get(w) as number) < 3) continue;
    const other = [...withKids].find((x) => !isCs(x) && ageOf(x) >= 28 && (kidCounts.get(x) as number) <= 2) as Woman;
    const k = kidCounts.get(w) as number;
    kidCounts.set(w, kidCounts.get(other) as number);
    kidCounts.set(other, k);
  }
  for (const w of nonA) {
    if (w.children === null || w.age === null) continue;
    if (w.age >= 52) w.children = 0;
    if (w.age < 23) w.children = Math.min(w.children, 2);
    if (w.children === 0) {
      w.cpPlan = 'no';
      if (w.livesWith === 'children_only') w.livesWith = 'alone';
    }
  }
  const noKids = A.filter((w) => !withKids.has(w));
  const unknownKids = chooseK(rh, noKids, 2, { out: (w) => w.livesWith === 'alone' });
  for (const w of A) w.children = withKids.has(w) ? (kidCounts.get(w) as number) : unknownKids.has(w) ? null : 0;

  const homeless = A.filter((w) => w.livesWith === 'other');
  const withFamily = chooseK(rh, A.filter((w) => w.livesWith === 'family'), 4);
  const unsettledPool = A.filter((w) => !isCs(w) && ['children_only', 'alone', 'family', ''].includes(w.livesWith) && !withFamily.has(w));
  const unsettled = allocate(rh, [...chooseK(rh, unsettledPool, 6)], [['refuge', 2], ['temporary', 2], ['', 2]], () => undefined);
  const ownHome = A.filter((w) => !homeless.includes(w) && !withFamily.has(w) && !unsettled.has(w));
  const tenure = allocate(rh, ownHome, [['social_rented', 12], ['private_rented', 7], ['own_tenancy', 4], ['owner_occupier', 3]], (w) => w.caseStudy?.housing);
  for (const w of A)
    w.housing = homeless.includes(w) ? 'homeless' : withFamily.has(w) ? 'with_family_friends' : unsettled.has(w) ? (unsettled.get(w) as string) : (tenure.get(w) as string);

  const cp = chooseK(rh, [...withKids], 11, { in: (w) => w.caseStudy?.cpPlan === 'yes', out: (w) => isCs(w) && w.caseStudy?.cpPlan !== 'yes' });
  const cpEnded = chooseK(rh, [...cp], 6, { in: (w) => w.caseStudy?.cpEnded === true, out: (w) => isCs(w) && !w.caseStudy?.cpEnded });
  for (const w of A) {
    w.cpPlan = cp.has(w) ? 'yes' : w.children === null ? '' : 'no';
    w.cpEnded = cpEnded.has(w);
    w.separates = w.livesWith === 'perpetrator';
  }

  // The 38: needs (section 4.2.3), with the usual correlations.
  const rn = R('needs');
  const setNeed = (key: NeedKey, yes: number, unknown: number, weight: (w: Woman) => number = () => 1) => {
    const fixed = (w: Woman) => (w.caseStudy ? (w.caseStudy.needs[key] ?? 'no') : undefined);
    const yesSet = chooseK(rn, A, yes, { in: (w) => fixed(w) === 'yes', out: (w) => isCs(w) && fixed(w) !== 'yes', weight });
    const unkSet = chooseK(rn, A.filter((w) => !yesSet.has(w)), unknown, { in: (w) => fixed(w) === '', out: (w) => isCs(w) && fixed(w) !== '' });
    for (const w of A) w.needs[key] = yesSet.has(w) ? 'yes' : unkSet.has(w) ? '' : 'no';
  };
  setNeed('mental_health', 16, 4);
  setNeed('drugs', 8, 5);
  setNeed('alcohol', 8, 6, (w) => (w.needs.drugs === 'yes' ? 2 : 1));
  setNeed('debt', 11, 5, (w) => (w.needs.drugs === 'yes' || w.needs.alcohol === 'yes' ? 2 : 1));
  setNeed('childhood_abuse', 7, 4);
  setNeed('offending', 3, 2, (w) => (w.needs.drugs === 'yes' ? 4 : 1));
  setNeed('sex_work', 4, 2, (w) => (w.needs.drugs === 'yes' ? 4 : 1));
  setNeed('care', 3, 2, (w) => (w.needs.childhood_abuse === 'yes' ? 4 : 1));
  setNeed('immigration', 0, 2);
  const unsettledHome = (w: Woman) => ['homeless', 'temporary', 'refuge'].includes(w.housing);
  const housingNeed = chooseK(rn, A, 12, {
    in: (w) => unsettledHome(w) || w.caseStudy?.needs.housing === 'yes',
    out: (w) => isCs(w) && w.caseStudy?.needs.housing !== 'yes',
    weight: (w) => (w.housing === 'private_rented' || w.housing === 'with_family_friends' ? 3 : 1),
  });
  const housingUnknown = chooseK(rn, A.filter((w) => !housingNeed.has(w)), 2, { out: isCs });
  for (const w of A) w.needs.housing = housingNeed.has(w) ? 'yes' : housingUnknown.has(w) ? '' : 'no';
  const dvChild = chooseK(rn, A, 2, { out: isCs, weight: (w) => (w.needs.childhood_abuse === 'yes' ? 3 : 1) });
  const eduIssue = chooseK(rn, A, 15, { out: isCs });
  const empIssue = chooseK(rn, A, 12, { out: (w) => csName(w) === 'Megan' || csName(w) === 'Chelsea' });
  for (const w of A) {
    w.dvAsChild = dvChild.has(w);
    w.educationIssue = eduIssue.has(w);
    w.employmentIssue = empIssue.has(w) || csName(w) === 'Sue';
  }
  // Sue started work, so employment was an issue for her: swap one other woman out.
  if (A.filter((w) => w.employmentIssue).length !== 12) {
    const extra = A.find((w) => empIssue.has(w) && !isCs(w)) as Woman;
    extra.employmentIssue = false;
  }
  // complex_needs is recorded for most women (the referral list says it), blank for 12 so that
  // the app's derivation rule applies.
  for (const w of women) {
    if (w.caseStudy) continue;
    w.complexNeeds = deriveComplex(w) || 'no';
  }
  const blankComplex = chooseK(rn, women, 12, { out: isCs, weight: (w) => (w.group === 'A' ? 1 : 3) });
  for (const w of blankComplex) w.complexNeeds = '';

  // Police incidents (section 4.3): exact totals per block, then tuned so the 38's sd is 8.9.
  const ri = R('incidents');
  const inCity = (w: Woman) => w.area === CITY;
  const others = women.filter((w) => w.group !== 'A' && w.group !== 'B');
  const aCity = A.filter(inCity);
  const aCounty = A.filter((w) => !inCity(w));
  const bCity = B.filter(inCity);
  const bCounty = B.filter((w) => !inCity(w));
  const oCity = others.filter(inCity);
  const oCounty = others.filter((w) => !inCity(w));
  const fixedInc = new Set<Woman>();
  const fix = (w: Woman, di: number, crime: number) => {
    w.nDI = di;
    w.nCrime = crime;
    fixedInc.add(w);
  };
  for (const w of A) {
    const cs = w.caseStudy;
    if (cs) fix(w, cs.incidents.filter((i) => i[1] === 'domestic_incident').length, cs.incidents.filter((i) => i[1] === 'crime').length);
  }
  const aCityFree = ri.shuffle(aCity.filter((w) => !fixedInc.has(w)));
  fix(aCityFree[0], 58, 0); // the most incidents: 58, all domestic incidents
  fix(aCityFree[1], 1, 0); // the fewest: 1
  const bCityFree = ri.shuffle([...bCity]);
  fix(bCityFree[0], 4, 20); // the most crimes: 20
  fix(bCityFree[1], 0, 4); // no domestic incidents
  for (const w of women.filter((x) => x.group === 'E')) fix(w, 0, 0); // the 5 with no police record

  const blocks: { women: Woman[]; total: number; di: number; min: number; cap: number; crimeCap: number }[] = [
    { women: aCity, total: INCIDENT_BLOCKS.aCity[0], di: INCIDENT_BLOCKS.aCity[1], min: 1, cap: 40, crimeCap: 19 },
    { women: aCounty, total: INCIDENT_BLOCKS.aCounty[0], di: INCIDENT_BLOCKS.aCounty[1], min: 1, cap: 40, crimeCap: 19 },
    { women: bCity, total: INCIDENT_BLOCKS.bCity[0], di: INCIDENT_BLOCKS.bCity[1], min: 1, cap: 40, crimeCap: 19 },
    { women: bCounty, total: INCIDENT_BLOCKS.bCounty[0], di: INCIDENT_BLOCKS.bCounty[1], min: 1, cap: 40, crimeCap: 19 },
    { women: oCity, total: INCIDENT_BLOCKS.oCity[0], di: INCIDENT_BLOCKS.oCity[1], min: 1, cap: 45, crimeCap: 20 },
    { women: oCounty, total: INCIDENT_BLOCKS.oCounty[0], di: INCIDENT_BLOCKS.oCounty[1], min: 1, cap: 45, crimeCap: 20 },
  ];
  const totals = new Map<Woman, number>();
  for (const b of blocks) {
    const free = b.women.filter((w) => !fixedInc.has(w));
    const fixedTotal = b.women.filter((w) => fixedInc.has(w)).reduce((a, w) => a + w.nDI + w.nCrime, 0);
    splitTotal(ri, free.length, b.total - fixedTotal, b.min, b.cap).forEach((t, i) => totals.set(free[i], t));
    for (const w of b.women) if (fixedInc.has(w)) totals.set(w, w.nDI + w.nCrime);
  }
  // Engaged women's sd: units move only between free women of the same block.
  const aValues = A.map((w) => totals.get(w) as number);
  const aGroups = [aCity, aCounty].map((ws) => ({ members: ws.filter((w) => !fixedInc.has(w)).map((w) => A.indexOf(w)), min: 1, max: 40 }));
  tuneSd(aValues, aGroups, 8.85, 8.95);
  A.forEach((w, i) => totals.set(w, aValues[i]));
  for (const b of blocks) {
    const free = b.women.filter((w) => !fixedInc.has(w));
    const fixedDi = b.women.filter((w) => fixedInc.has(w)).reduce((a, w) => a + w.nDI, 0);
    const t = free.map((w) => totals.get(w) as number);
    const target = b.di - fixedDi;
    const ratio = target / t.reduce((a, x) => a + x, 0);
    const di = t.map((x) => clamp(Math.round(x * clamp(ri.normal(ratio, 0.18), 0, 1)), Math.max(0, x - b.crimeCap), x));
    let diff = target - di.reduce((a, x) => a + x, 0);
    for (let guard = 0; diff !== 0; guard++) {
      if (guard > 100000) throw new Error('incident split: stuck');
      const i = ri.int(0, di.length - 1);
      if (diff > 0 && di[i] < t[i]) (di[i]++, diff--);
      else if (diff < 0 && di[i] > 0 && t[i] - di[i] + 1 <= b.crimeCap) (di[i]--, diff++);
    }
    free.forEach((w, i) => {
      w.nDI = di[i];
      w.nCrime = t[i] - di[i];
    });
  }

  // Perpetrators: 144 distinct. The engaged: 35 with one, Sue with two, two women with three.
  const rp = R('perpetrators');
  for (const w of women) w.nPerps = w.nDI + w.nCrime > 0 ? 1 : 0;
  const aMulti = chooseK(rp, A, 3, { in: (w) => (w.caseStudy?.nPerps ?? 1) > 1, out: (w) => isCs(w) || w.nDI + w.nCrime < 4 });
  for (const w of aMulti) w.nPerps = w.caseStudy?.nPerps ?? 3;
  const withRecords = nonA.filter((w) => w.nDI + w.nCrime > 0);
  const three = chooseK(rp, withRecords, 2, { out: (w) => w.nDI + w.nCrime < 6 });
  const two = chooseK(rp, withRecords.filter((w) => !three.has(w)), 29, { out: (w) => w.nDI + w.nCrime < 2, weight: (w) => Math.min(w.nDI + w.nCrime, 12) });
  for (const w of three) w.nPerps = 3;
  for (const w of two) w.nPerps = 2;
  const totalPerps = women.reduce((a, w) => a + w.nPerps, 0);
  if (totalPerps !== 144) throw new Error(`perpetrators: ${totalPerps}`);
  const refs = rp.shuffle(Array.from({ length: totalPerps }, (_, i) => `P-${String(i + 1).padStart(4, '0')}`));
  let nextRef = 0;
  for (const w of women) w.perps = Array.from({ length: w.nPerps }, () => refs[nextRef++]);
  const singles = A.filter((w) => w.nPerps === 1 && !isCs(w));
  const abusedByChild = chooseK(rp, singles, 2, { weight: (w) => ((w.age ?? 0) >= 40 ? 6 : (w.age ?? 0) >= 32 ? 1 : 0) });
  const femalePartner = chooseK(rp, singles.filter((w) => !abusedByChild.has(w)), 1);
  const relOf = (w: Woman): Relationship =>
    w.nPerps > 1 ? 'several' : w.caseStudy ? w.caseStudy.relationship : abusedByChild.has(w) ? 'child' : femalePartner.has(w) ? 'female_partner' : 'male_partner';
  for (const w of A) w.relationship = relOf(w);
  for (const w of A) w.writePerpCount = true;
  for (const w of nonA) w.writePerpCount = w.nPerps > 0 && (w.writePerpCount || w.nPerps > 1);

  // Orders: 29 perpetrators, 16 of them of engaged women (the worker helped obtain 6); MAPPA 2.
  const ro = R('orders');
  const orderA = chooseK(ro, A, 16, { in: (w) => w.caseStudy?.order != null, out: (w) => isCs(w) && w.caseStudy?.order == null });
  const helped = chooseK(ro, [...orderA], 6, { in: (w) => w.caseStudy?.order === 'helped', out: isCs });
  for (const w of A) w.order = orderA.has(w) ? (helped.has(w) ? 'helped' : 'court') : null;
  const orderOthers = chooseK(ro, withRecords, 13, { weight: (w) => 1 + w.nCrime });
  for (const w of nonA) w.order = orderOthers.has(w) ? 'court' : null;
  const mappa = chooseK(ro, A, 2, { out: isCs });
  for (const w of women) w.mappa = mappa.has(w);
  const otherDva = chooseK(ro, B, 7);
  for (const w of B) {
    w.otherDva = otherDva.has(w);
    if (w.otherDva) {
      w.closure = Math.min(END - 1, w.referral + ro.int(20, 60));
      w.closureReason = 'referred_on';
    } else if (w.closureReason === 'referred_on') w.closureReason = 'declined';
  }

  // Support given to the 38 (section 4.4).
  const rs = R('support');
  const csHas = (w: Woman, cat: string) => (w.caseStudy ? caseStudySupportSet(w.caseStudy).has(cat) : false);
  const setSupport = (cat: CountedCategory, k: number, opts: { in?: (w: Woman) => boolean; out?: (w: Woman) => boolean; weight?: (w: Woman) => number } = {}) => {
    const chosen = chooseK(rs, A, k, {
      in: (w) => (isCs(w) ? csHas(w, cat) : (opts.in?.(w) ?? false)),
      out: (w) => (isCs(w) ? !csHas(w, cat) : (opts.out?.(w) ?? false)),
      weight: opts.weight,
    });
    for (const w of A) {
      if (chosen.has(w)) w.support.add(cat);
      else w.support.delete(cat);
    }
  };
  setSupport('housing', 20, { in: unsettledHome, weight: (w) => (w.needs.housing === 'yes' ? 6 : 1) });
  setSupport('mental_health', 17, { in: (w) => w.needs.mental_health === 'yes' });
  setSupport('physical_health', 5, { weight: (w) => (w.disability === 'yes' ? 4 : 1) });
  setSupport('healthy_relationships', 18);
  setSupport('parenting', 9, { out: (w) => !w.children, weight: (w) => (w.cpPlan === 'yes' ? 4 : 1) });
  setSupport('financial', 19, { in: (w) => w.needs.debt === 'yes' });
  setSupport('employment', 2, { out: (w) => !w.employmentIssue });
  setSupport('education', 5, { out: (w) => !w.educationIssue });

  const fpStatus = (w: Woman): FpStatus | null => {
    const row = w.caseStudy?.support.find((s) => s[2] === 'freedom_programme');
    return row ? (row[3] as FpStatus) : null;
  };
  const open = (w: Woman) => w.closure === null;
  const fp = chooseK(rs, A, 22, { in: (w) => (isCs(w) ? fpStatus(w) !== null : false), out: (w) => isCs(w) && fpStatus(w) === null });
  const fpStatuses = allocate<Woman, FpStatus>(rs, [...fp], [['completed', 3], ['started', 3], ['offered', 6], ['declined', 10]], (w) => (isCs(w) ? (fpStatus(w) as FpStatus) : undefined));
  // Women still waiting for or part-way through the programme must still be open cases: swap
  // statuses with completed/declined women where needed.
  for (const w of fp) {
    const s = fpStatuses.get(w);
    if ((s === 'started' || s === 'offered') && !open(w)) {
      const swap = [...fp].find((x) => !isCs(x) && open(x) && (fpStatuses.get(x) === 'declined' || fpStatuses.get(x) === 'completed'));
      if (!swap) throw new Error('freedom programme: no open case to swap with');
      fpStatuses.set(w, fpStatuses.get(swap) as FpStatus);
      fpStatuses.set(swap, s);
    }
  }
  for (const w of A) w.freedom = fpStatuses.get(w) ?? null;

  const drugSupport = chooseK(rs, A, 2, { in: (w) => w.caseStudy?.support.some((s) => s[5].startsWith('Drugs:')) ?? false, out: (w) => isCs(w) || w.needs.drugs !== 'yes' });
  const alcoholSupport = chooseK(rs, A, 4, { out: (w) => isCs(w) || w.needs.alcohol !== 'yes' || drugSupport.has(w) });
  for (const w of A) w.substance = drugSupport.has(w) ? 'drugs' : alcoholSupport.has(w) ? 'alcohol' : null;

  const agencies = chooseK(rs, A, 24, {
    in: (w) => isCs(w) || w.substance !== null || w.order === 'helped',
    weight: (w) => (w.cpPlan === 'yes' ? 4 : 1) * (1 + w.support.size),
  });
  for (const w of A) w.agencies = agencies.has(w);

  const rehoused = chooseK(rs, A.filter((w) => w.support.has('housing')), 8, { in: (w) => csName(w) === 'Megan', out: isCs });
  const batteries = chooseK(rs, A, 22, { in: isCs });
  for (const w of A) {
    w.rehoused = rehoused.has(w);
    w.batteries = batteries.has(w);
  }
  for (const w of nonA) {
    w.support.clear();
    w.freedom = null;
    w.substance = null;
    w.agencies = false;
    w.batteries = false;
    w.rehoused = false;
    w.separates = false;
    w.relationship = w.nPerps > 1 ? 'several' : w.relationship;
    if (w.cpPlan === 'yes') w.cpEnded = false;
  }
  return women;
}

function applyCaseStudy(w: Woman, cs: CaseStudy): void {
  w.caseStudy = cs;
  w.displayName = cs.name;
  w.route = cs.route;
  w.firstContact = dayOf(cs.firstContact);
  w.policeStart = dayOf(cs.policeStart);
  w.closure = cs.closure ? dayOf(cs.closure) : null;
  w.closureReason = cs.closureReason;
  w.modus = cs.modus;
  w.police = 'engaged';
  w.behaviour = cs.modus as Behaviour;
  w.age = cs.age;
  w.ethnicity = 'white_british';
  w.disability = 'no';
  w.children = cs.children;
  w.cpPlan = cs.cpPlan;
  w.cpEnded = cs.cpEnded;
  w.housing = cs.housing;
  w.livesWith = cs.livesWith;
  for (const k of NEED_KEYS) w.needs[k] = cs.needs[k] ?? 'no';
  w.previousIdva = cs.previousIdva;
  w.previousMarac = cs.previousMarac;
  w.relationship = cs.relationship;
  w.order = cs.order;
  w.complexNeeds = deriveComplex(w);
}

// ---------------------------------------------------------------------------------------------
// Police incidents: skeletons (date, kind, perpetrator), then offences and outcomes.

function incidentSkeletons(w: Woman, rng: Rng): Incident[] {
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

function randomOutcome(rng: Rng, inc: Incident): string {
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

/** Offences by quota across all crimes; City outcomes exactly as the report gives them. */
function assignSampleCrimes(rng: Rng, women: Woman[], incidents: Incident[]): void {
  const crimes = incidents.filter((i) => i.kind === 'crime');
  const free = crimes.filter((i) => !i.fixed);
  const rare: [string, number][] = [
    ['threats_to_kill', 3], ['rape', 2], ['sexual_assault', 2], ['kidnapping', 1], ['affray', 3],
    ['theft', 8], ['stalking', 3], ['malicious_communications', 14], ['other', 4],
  ];
  const rareTotal = rare.reduce((a, [, n]) => a + n, 0);
  const big = free.length - rareTotal;
  const bigShares: [string, number][] = [['common_assault', 0.38], ['assault_with_injury', 0.26], ['harassment', 0.2], ['criminal_damage', 0.16]];
  const offences: string[] = [];
  for (const [o, n] of rare) for (let i = 0; i < n; i++) offences.push(o);
  let given = 0;
  bigShares.forEach(([o, share], k) => {
    const n = k === bigShares.length - 1 ? big - given : Math.round(big * share);
    given += n;
    for (let i = 0; i < n; i++) offences.push(o);
  });
  rng.shuffle(offences);
  free.forEach((inc, i) => (inc.offence = offences[i]));

  const city = (i: Incident) => women[i.caseIdx].area === CITY;
  // One City sexual assault got "no further action" (the report's "in one case, indecent assault").
  if (!free.some((i) => city(i) && i.offence === 'sexual_assault')) {
    const a = free.find((i) => !city(i) && i.offence === 'sexual_assault') as Incident;
    const b = free.find((i) => city(i) && i.offence === 'common_assault') as Incident;
    [a.offence, b.offence] = [b.offence, a.offence];
  }
  const cityQuota = new Map<string, number>([['nfa', 125], ['charge_summons', 78], ['dvpn', 2], ['undetected', 2], ['caution', 1]]);
  for (const i of crimes) if (i.fixed && city(i)) cityQuota.set(i.outcome, (cityQuota.get(i.outcome) ?? 0) - 1);
  const cityOutcomes: string[] = [];
  for (const [o, n] of cityQuota) {
    if (n < 0) throw new Error(`City outcome ${o} over quota`);
    for (let k = 0; k < n; k++) cityOutcomes.push(o);
  }
  rng.shuffle(cityOutcomes);
  const cityFree = free.filter(city);
  if (cityFree.length !== cityOutcomes.length) throw new Error(`City crimes ${cityFree.length} vs outcomes ${cityOutcomes.length}`);
  cityFree.forEach((inc, k) => (inc.outcome = cityOutcomes[k]));
  const sa = cityFree.find((i) => i.offence === 'sexual_assault') as Incident;
  if (sa.outcome !== 'nfa') {
    const other = cityFree.find((i) => i.outcome === 'nfa' && i.offence === 'common_assault') as Incident;
    [sa.outcome, other.outcome] = [other.outcome, sa.outcome];
  }
  for (const inc of free) if (!city(inc)) inc.outcome = randomOutcome(rng, inc);
}

function assignRandomCrimes(rng: Rng, incidents: Incident[]): void {
  for (const inc of incidents) {
    if (inc.kind !== 'crime' || inc.fixed) continue;
    inc.offence = rng.weighted(OFFENCE_WEIGHTS);
    inc.outcome = randomOutcome(rng, inc);
  }
}

// ---------------------------------------------------------------------------------------------
// One woman's journey: risk, incidents' grading, milestones, support, contacts, outcome scores.

type Emit = (kind: Kind, row: Row) => void;

interface RenderOptions {
  /** Contact and outcome frequency: 1 for the sample, lower for benchmark cohorts. */
  density: number;
}

const LEVELS = ['standard', 'medium', 'high'] as const;
const scoreFor = (rng: Rng, level: string) => (level === 'high' ? rng.int(14, 20) : level === 'medium' ? rng.int(10, 13) : rng.int(3, 9));

function stepLevel(rng: Rng, level: string): string {
  if (level === 'high') return rng.weighted([['medium', 55], ['high', 40], ['standard', 5]]);
  if (level === 'medium') return rng.weighted([['standard', 35], ['medium', 45], ['high', 20]]);
  return rng.weighted([['standard', 75], ['medium', 22], ['high', 3]]);
}

/**
 * The contract's perpetrator_relationship has no sex: a male and a female partner are both
 * `partner` (she lives with him or her) or `ex_partner`; her child is a `family_member`. With
 * several perpetrators the main one at referral is not known, so the cell is empty.
 */
function relationshipCode(w: Woman): string {
  switch (w.relationship) {
    case 'male_partner':
    case 'female_partner':
      return w.livesWith === 'perpetrator' ? 'partner' : 'ex_partner';
    case 'child':
    case 'other_family':
      return 'family_member';
    default:
      return '';
  }
}

function caseRow(w: Woman): Row {
  const d = (x: number | null) => (x === null ? '' : isoOf(x));
  const row: Row = {
    case_id: w.caseId,
    area: w.area,
    referral_date: isoOf(w.referral),
    referral_route: w.route,
    first_contact_date: d(w.firstContact),
    police_start_date: d(w.policeStart),
    closure_date: d(w.closure),
    closure_reason: w.closure === null ? '' : w.closureReason,
    engagement_modus: w.modus,
    engagement_police: w.police,
    age_at_referral: w.age === null ? '' : String(w.age),
    ethnicity: w.ethnicity,
    disability: w.disability,
    children_under_17: w.children === null ? '' : String(w.children),
    child_protection_plan: w.cpPlan,
    housing: w.housing,
    lives_with: w.livesWith,
    complex_needs: w.complexNeeds,
    previous_idva: w.previousIdva,
    previous_marac: w.previousMarac,
    perpetrator_count: w.writePerpCount ? String(w.nPerps) : '',
    display_name: w.displayName,
  };
  for (const k of NEED_KEYS) row[NEED[k]] = w.needs[k];
  // Known for the engaged women only: the report gives these for the 38.
  const engagedYn = (x: boolean): YN => (w.group === 'A' ? (x ? 'yes' : 'no') : '');
  let dvAsChild = engagedYn(w.dvAsChild);
  let education = engagedYn(w.educationIssue);
  let employment = engagedYn(w.employmentIssue);
  // A recorded complex_needs of no stays true to the rule (two or more need flags yes): where
  // the education or employment issue would make it two, the record leaves that issue unclear.
  // The report counts only who had no issue with them, so those counts stay as they are. (In
  // the 111-woman sample domestic abuse as a child never needs this; in large cohorts it may.)
  if (w.complexNeeds === 'no') {
    const yes = () => NEED_KEYS.filter((k) => w.needs[k] === 'yes').length + [dvAsChild, education, employment].filter((x) => x === 'yes').length;
    if (yes() >= 2 && education === 'yes') education = '';
    if (yes() >= 2 && employment === 'yes') employment = '';
    if (yes() >= 2 && dvAsChild === 'yes') dvAsChild = '';
  }
  row[needField('need_dv_as_child')] = dvAsChild;
  row[needField('need_education')] = education;
  row[needField('need_employment')] = employment;
  row.perpetrator_relationship = relationshipCode(w);
  row.mappa = w.mappa ? 'yes' : w.group === 'A' ? 'no' : '';
  return row;
}

class DayKeys {
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

function contactsRows(
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

function batteriesRows(w: Woman, rng: Rng, emit: Emit, dates: number[], start: number, end: number, dips: [number, number][], exitAtEnd: boolean): void {
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

function supportRow(w: Woman, date: number, category: string, status: string, agency: string, detail: string, endDate: number | null = null): Row {
  return {
    case_id: w.caseId,
    date: isoOf(date),
    end_date: endDate === null ? '' : isoOf(endDate),
    category,
    status,
    agency,
    detail,
  };
}

function renderCaseStudy(w: Woman, rng: Rng, emit: Emit): void {
  const cs = w.caseStudy as CaseStudy;
  const sub = (s: string) => s.replace('{P0}', w.perps[0]).replace('{P1}', w.perps[1] ?? '');
  emit('cases', caseRow(w));
  for (const [date, level, score, assessor] of cs.risks)
    emit('risk_assessments', { case_id: w.caseId, date, level, score: String(score), tool: 'dash', assessor });
  for (const [date, endDate, category, status, agency, detail] of cs.support)
    emit('support', { case_id: w.caseId, date, end_date: endDate, category, status, agency, detail });
  for (const [date, kind, detail] of cs.milestones) emit('milestones', { case_id: w.caseId, date, kind, detail: sub(detail) });
  const last = w.closure ?? END;
  contactsRows(w, rng, emit, {
    start: w.firstContact as number,
    last,
    every: cs.contacts.every,
    success: cs.contacts.success,
    gaps: cs.contacts.gaps.map(([a, b]) => [dayOf(a), dayOf(b)]),
    before: cs.contacts.before.map(dayOf),
    engaged: true,
  });
  const b = cs.batteries;
  const dates: number[] = [];
  if (b.dates) dates.push(...b.dates.map(dayOf));
  else for (let d = dayOf(b.from); d <= dayOf(b.to); d += b.every) dates.push(d);
  batteriesRows(w, rng, emit, dates, b.start, b.end, b.dips.map(([x, y]) => [dayOf(x), dayOf(y)]), w.closure !== null);
}

function renderWoman(w: Woman, incs: Incident[], rng: Rng, emit: Emit, opts: RenderOptions): void {
  if (w.caseStudy) return renderCaseStudy(w, rng, emit);
  emit('cases', caseRow(w));
  const active = w.firstContact !== null && w.behaviour !== 'none';
  const start = w.firstContact ?? w.referral;
  const last = Math.max(start, w.closure ?? END);
  const keys = new DayKeys();
  const cid = w.caseId;

  // Sporadic engagement: a spell out of contact, perhaps back in touch later.
  const gaps: [number, number][] = [];
  if (active && w.behaviour === 'sporadic' && last - start > 60) {
    const off = start + rng.int(30, Math.min(150, last - start - 10));
    const back = off + rng.int(20, 90);
    gaps.push([off, back < last && rng.chance(0.6) ? back : last + 1]);
  }
  const inGap = (d: number) => gaps.some(([a, b]) => d >= a && d < b);

  // Risk assessments.
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

  // Each incident's DASH grading follows the risk at the time and the offence.
  ras.sort((a, b) => a.date - b.date);
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

  // Milestones.
  const ms = (kind: string, date: number, detail = '') => {
    if (date > END) return;
    const d = keys.take(`ms|${kind}`, date, w.referral - 400);
    emit('milestones', { case_id: cid, date: isoOf(d), kind, detail });
  };
  const support: Row[] = [];
  const inSupport = (lo: number, hi: number) => rng.int(Math.min(lo, last), Math.max(Math.min(lo, last), Math.min(hi, last)));
  if (separation !== null) ms('separated', separation, rng.pick(['She ended the relationship', 'The perpetrator moved out', 'She left the shared home']));
  if (marac !== null) {
    ms('marac_referral', marac, 'Risk escalated to high');
    support.push(supportRow(w, marac, 'marac', 'completed', '', rng.pick(SUPPORT_TEXT.marac.details)));
  }
  let cpStart: number | null = null;
  if (w.cpPlan === 'yes') {
    cpStart = w.group === 'A' && active && rng.chance(0.3) ? start + rng.int(7, 45) : w.referral - rng.int(20, 240);
    ms('cp_plan_started', cpStart, rng.pick(['Her children placed on child protection plans', 'A child placed on a child protection plan']));
    let cpEnd: number | null = null;
    if (w.cpEnded && active) {
      const lo = Math.max(cpStart + 60, start + 21);
      cpEnd = lo < last ? inSupport(lo, lo + 240) : start + Math.max(1, Math.floor((last - start) / 2));
      ms('cp_plan_ended', cpEnd, rng.pick(['Children taken off their plans', 'Child protection plan ended']));
    }
    if (active) {
      const d = Math.max(start, cpStart) + rng.int(0, 20);
      if (d <= last) support.push(supportRow(w, d, 'child_protection', cpEnd !== null ? 'completed' : w.closure === null ? 'ongoing' : 'completed', '', rng.pick(SUPPORT_TEXT.child_protection.details), cpEnd));
    }
  }
  if (w.order !== null && w.perps.length > 0) {
    const perp = w.perps[0];
    if (w.group === 'A' && active) {
      const app = inSupport(start + 7, start + 200);
      const granted = Math.min(END, w.order === 'helped' ? app + rng.int(3, 21) : app);
      const expiry = granted + rng.pick([182, 182, 365, 365, 730]);
      ms('order_granted', granted, w.order === 'helped' ? `Non-molestation order against ${perp}` : `Restraining order against ${perp} made at sentencing`);
      support.push(
        w.order === 'helped'
          ? supportRow(w, app, 'legal_order', expiry <= END ? 'completed' : 'ongoing', 'Solicitor', 'Worker helped her apply for a non-molestation order', expiry <= END ? expiry : null)
          : supportRow(w, granted, 'legal_order', expiry <= END ? 'completed' : 'ongoing', '', 'Restraining order in place; safety plan updated', expiry <= END ? expiry : null),
      );
      if (rng.chance(0.2)) ms('order_breached', granted + rng.int(14, 120), 'Breach reported to the police');
    } else {
      const charged = incs.find((i) => i.perp === perp && i.outcome === 'charge_summons');
      const d = charged ? charged.date + rng.int(20, 80) : rng.int(w.referral - 200, END);
      ms('order_granted', Math.min(d, END), `Restraining order against ${perp} made at sentencing`);
    }
  }
  if (w.mappa) ms('other', inSupport(start, start + 60), `Perpetrator ${w.perps[0]} supervised under MAPPA`);
  const charged = incs.filter((i) => i.outcome === 'charge_summons' && i.date >= w.referral - 90);
  if (charged.length && rng.chance(0.3)) {
    const c = rng.pick(charged);
    const custody = c.date + rng.int(20, 120);
    ms('perpetrator_custody', custody, `Perpetrator ${c.perp} remanded or sentenced`);
    if (rng.chance(0.5)) ms('perpetrator_released', custody + rng.int(60, 300), `Perpetrator ${c.perp} released`);
  }
  for (const [off, back] of gaps) {
    ms('disengaged', off, 'Not responding to contact');
    if (back <= last) ms('re_engaged', back, 'Back in contact');
  }
  if (w.rehoused && active) ms('rehoused', inSupport(start + 60, start + 400), rng.pick(['Moved to a new home', 'Rehoused by the council', 'Moved out of the area']));
  if (active && w.group === 'A' && rng.chance(0.08)) ms('new_relationship', inSupport(start + 90, start + 500), 'Started a new relationship');
  if (w.closure !== null) ms('case_closed', w.closure, `Closed: ${label(VOCABULARIES.closureReason, w.closureReason).toLowerCase()}`);

  // Support.
  if (active) {
    const push = (category: string, status: string, detail: string, endDate: number | null = null, date = inSupport(start, start + 300)) =>
      support.push(supportRow(w, date, category, status, '', detail, endDate));
    const openStatus = () => (w.closure === null && rng.chance(0.5) ? 'ongoing' : 'completed');
    for (const cat of w.support) {
      const t = SUPPORT_TEXT[cat];
      if (cat === 'housing') {
        if (w.rehoused) push('housing', 'completed', rng.pick(t.details));
        else push('housing', openStatus(), rng.pick(t.details));
        if (rng.chance(0.3)) push('housing', openStatus(), rng.pick(t.details));
      } else if (cat === 'parenting' && rng.chance(0.5)) {
        const d = inSupport(start, start + 250);
        push('parenting', d + 56 <= last ? 'completed' : 'started', 'Parenting course', d + 56 <= last ? d + 56 : null, d);
      } else if (cat === 'healthy_relationships') {
        const d = inSupport(start, start + 120);
        const e = d + rng.int(28, 90);
        push(cat, e <= last ? 'completed' : 'ongoing', rng.pick(t.details), e <= last ? e : null, d);
      } else push(cat, openStatus(), rng.pick(t.details));
    }
    if (w.freedom) {
      const f = w.freedom;
      if (f === 'completed') {
        const d = Math.max(start, Math.min(inSupport(start + 14, start + 200), last - 77, END - 77));
        push('freedom_programme', 'completed', 'Freedom Programme', Math.min(d + 77, END), d);
      } else if (f === 'started') push('freedom_programme', 'started', 'Freedom Programme', null, rng.int(Math.max(start, END - 70), END - 7));
      else if (f === 'offered') push('freedom_programme', 'offered', 'Freedom Programme: waiting to start', null, rng.int(Math.max(start, END - 120), END - 3));
      else push('freedom_programme', 'declined', 'Freedom Programme', null, inSupport(start, start + 200));
    }
    if (w.substance === 'drugs') push('substance_use', openStatus(), rng.pick(DRUG_TEXT));
    if (w.substance === 'alcohol') push('substance_use', openStatus(), rng.pick(ALCOHOL_TEXT));
    if (rng.chance(0.8)) push('emotional_support', w.closure === null ? 'ongoing' : 'completed', rng.pick(SUPPORT_TEXT.emotional_support.details), null, start);
    if (rng.chance(0.45)) push('safety_measures', 'completed', rng.pick(SUPPORT_TEXT.safety_measures.details));
    if (rng.chance(0.3)) push('criminal_justice', 'completed', rng.pick(SUPPORT_TEXT.criminal_justice.details));
    if (w.children && rng.chance(0.3)) push('children', openStatus(), rng.pick(SUPPORT_TEXT.children.details));
    if (w.group !== 'A' && rng.chance(0.4)) push('housing', openStatus(), rng.pick(SUPPORT_TEXT.housing.details));
    if (w.support.has('employment') && rng.chance(0.5)) ms('started_work', inSupport(start + 60, start + 400), 'Started working');
    if (w.support.has('education') && rng.chance(0.6)) ms('started_education', inSupport(start + 60, start + 400), 'Started a course');
  } else if (w.otherDva) {
    support.push(supportRow(w, w.referral + rng.int(3, 15), 'other', 'ongoing', 'Other DVA service', OTHER_DVA_TEXT));
  } else if (rng.chance(0.25) && w.referral + 10 <= END) {
    support.push(supportRow(w, w.referral + rng.int(2, 10), rng.pick(['housing', 'safety_measures', 'emotional_support']), rng.pick(['offered', 'declined']), '', 'Offered by letter'));
  }
  // Partner agencies: only for women who had support from other agencies.
  if (w.agencies) {
    let any = false;
    for (const r of support) {
      const t = r.category === 'substance_use' ? { agency: r.detail.startsWith('Drugs') ? 'Drug treatment service' : 'Alcohol service' } : SUPPORT_TEXT[r.category];
      if (r.category === 'legal_order') {
        any ||= r.agency !== '';
        continue;
      }
      if (t && t.agency && (r.category === 'substance_use' || rng.chance(0.75))) {
        r.agency = t.agency;
        any = true;
      }
    }
    if (!any) support.push(supportRow(w, inSupport(start, start + 200), 'safety_measures', 'completed', 'Fire service', 'Home fire safety check'));
  }
  const supportKeys = new Set<string>();
  for (const r of support) {
    const k = `${r.date}|${r.category}|${r.detail}`;
    if (supportKeys.has(k)) continue;
    supportKeys.add(k);
    emit('support', r);
  }

  // Contacts.
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

  // Outcome scores (the "batteries").
  if (w.batteries && active) {
    const dates: number[] = [];
    for (let d = start + rng.int(0, 14); d <= last; d += Math.round(rng.int(35, 84) / opts.density)) dates.push(d);
    if (w.closure !== null && dates[dates.length - 1] !== w.closure) dates.push(w.closure);
    batteriesRows(w, rng, emit, dates, rng.int(2, 3), rng.int(4, 7), [], w.closure !== null);
  }
}

// ---------------------------------------------------------------------------------------------
// Assembly.

export type Files = Record<string, string>;

function fileText(kind: Kind, lines: string[]): string {
  return headerLine(kind) + '\n' + lines.map((l) => l + '\n').join('');
}

/** The 111-woman sample: the model and the seven CSV files (by file name). */
export function generateSample(seed = SAMPLE_SEED): { women: Woman[]; incidents: Incident[]; files: Files } {
  const women = planSample(seed);
  const byWoman = women.map((w) => incidentSkeletons(w, Rng.for(seed, `incidents-${w.idx}`)));
  const incidents = byWoman.flat();
  assignSampleCrimes(Rng.for(seed, 'crimes'), women, incidents);
  const ordered = [...incidents].sort((a, b) => a.date - b.date || a.caseIdx - b.caseIdx || a.seq - b.seq);
  ordered.forEach((inc, i) => (inc.id = `INC-${String(i + 1).padStart(6, '0')}`));
  const lines = Object.fromEntries(KINDS.map((k) => [k, [] as string[]])) as Record<Kind, string[]>;
  const emit: Emit = (kind, row) => lines[kind].push(toLine(kind, row));
  for (const w of women) renderWoman(w, byWoman[w.idx], Rng.for(seed, `render-${w.idx}`), emit, { density: 1 });
  plantProblems(women, lines, emit);
  for (const inc of ordered) emit('incidents', incidentRow(women[inc.caseIdx], inc));
  const files: Files = {};
  for (const k of KINDS) {
    const sorted = [...lines[k]].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    files[FILE_KINDS[k].fileName] = fileText(k, sorted);
  }
  return { women, incidents: ordered, files };
}

/**
 * Known data-quality problems for the Data quality screen (listed in sample-data/README.md),
 * added as extra rows so that no figure of section 4 moves: risk graded standard by a second
 * assessor a week after a high grading, and an unanswered letter after closure. Never the three
 * case studies; never the worker's own risk reviews.
 */
export const PLANTED = { riskConflicts: 3, contactsAfterClosure: 3 } as const;

function plantProblems(women: readonly Woman[], lines: Record<Kind, string[]>, emit: Emit): void {
  const eligible = women.filter((w) => w.displayName === '').sort((a, b) => (a.caseId < b.caseId ? -1 : 1));
  const risks = lines.risk_assessments.map((l) => l.split(','));
  const riskKeys = new Set(risks.map(([id, date, , , , assessor]) => `${id}|${date}|${assessor}`));
  let planted = 0;
  for (const w of eligible) {
    if (planted === PLANTED.riskConflicts) break;
    const mine = risks.filter(([id]) => id === w.caseId).sort((a, b) => (a[1] < b[1] ? -1 : 1));
    const high = mine.find((r) => r[2] === 'high');
    if (!high) continue;
    const date = isoOf(dayOf(high[1]) + 7);
    const assessor = high[5] === 'police' ? 'idva' : 'police';
    // Only a clean pair: no other grading within 14 days of the planted one.
    if (mine.some((r) => r !== high && Math.abs(dayOf(r[1]) - dayOf(date)) <= 14)) continue;
    if (riskKeys.has(`${w.caseId}|${date}|${assessor}`) || dayOf(date) > END) continue;
    emit('risk_assessments', { case_id: w.caseId, date, level: 'standard', score: '6', tool: 'dash', assessor });
    planted++;
  }
  if (planted !== PLANTED.riskConflicts) throw new Error(`planted ${planted} risk conflicts, not ${PLANTED.riskConflicts}`);
  planted = 0;
  for (const w of eligible) {
    if (planted === PLANTED.contactsAfterClosure) break;
    if (w.closure === null || w.closure + 10 > END) continue;
    emit('contacts', { case_id: w.caseId, date: isoOf(w.closure + 10), mode: 'letter', result: 'attempted' });
    planted++;
  }
  if (planted !== PLANTED.contactsAfterClosure) throw new Error(`planted ${planted} contacts after closure`);
}

function incidentRow(w: Woman, inc: Incident): Row {
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

export function writeSample(outDir: string, seed = SAMPLE_SEED): Files {
  const { files } = generateSample(seed);
  fs.mkdirSync(outDir, { recursive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(outDir, name), text, 'utf8');
  return files;
}

// Large cohorts for benchmarks: every woman drawn independently, streamed to disk.

const GROUP_WEIGHTS: readonly (readonly [Group, number])[] = [['A', 38], ['B', 19], ['C', 31], ['D', 2], ['E', 5], ['F', 16]];
const AREA_WEIGHTS: readonly (readonly [string, number])[] = [[CITY, 40], [NORTH, 34], [SOUTH, 37]];

function* cohortWomen(women: number, seed: number): Generator<{ kind: Kind; lines: string[] }[]> {
  const idWidth = Math.max(4, String(women).length);
  const perpWidth = Math.max(4, String(women * 2).length);
  const incWidth = Math.max(6, String(women * 20).length);
  let perpNo = 0;
  let incNo = 0;
  for (let i = 0; i < women; i++) {
    const rng = Rng.for(seed, `cohort-${i}`);
    const group = rng.weighted(GROUP_WEIGHTS);
    const area = rng.weighted(AREA_WEIGHTS);
    const referral = rng.int(dayOf('2013-11-01'), group === 'A' ? dayOf('2015-04-30') : END - 2);
    const w = planWoman(rng, i, `MRP-${String(i + 1).padStart(idWidth, '0')}`, group, area, referral, 34);
    w.perps = Array.from({ length: w.nPerps }, () => `P-${String(++perpNo).padStart(perpWidth, '0')}`);
    const incs = incidentSkeletons(w, rng);
    assignRandomCrimes(rng, incs);
    for (const inc of incs) inc.id = `INC-${String(++incNo).padStart(incWidth, '0')}`;
    const lines = Object.fromEntries(KINDS.map((k) => [k, [] as string[]])) as Record<Kind, string[]>;
    const emit: Emit = (kind, row) => lines[kind].push(toLine(kind, row));
    renderWoman(w, incs, rng, emit, { density: 0.2 });
    for (const inc of incs) emit('incidents', incidentRow(w, inc));
    yield KINDS.map((kind) => ({ kind, lines: kind === 'incidents' ? lines[kind] : lines[kind].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) }));
  }
}

/** A cohort of `women` held in memory as CSV texts (by file name). For small cohorts and tests. */
export function generateCohort({ women, seed = 1 }: { women: number; seed?: number }): Files {
  const parts = Object.fromEntries(KINDS.map((k) => [k, [headerLine(k)]])) as Record<Kind, string[]>;
  for (const chunk of cohortWomen(women, seed)) for (const { kind, lines } of chunk) parts[kind].push(...lines);
  return Object.fromEntries(KINDS.map((k) => [FILE_KINDS[k].fileName, parts[k].join('\n') + '\n']));
}

/** Streams a cohort of `women` to `outDir` with buffered writes. Returns rows written per file. */
export function writeCohort({ women, seed = 1, outDir }: { women: number; seed?: number; outDir: string }): Record<string, number> {
  fs.mkdirSync(outDir, { recursive: true });
  const fds = Object.fromEntries(KINDS.map((k) => [k, fs.openSync(path.join(outDir, FILE_KINDS[k].fileName), 'w')])) as Record<Kind, number>;
  const bufs = Object.fromEntries(KINDS.map((k) => [k, headerLine(k) + '\n'])) as Record<Kind, string>;
  const counts = Object.fromEntries(KINDS.map((k) => [FILE_KINDS[k].fileName, 0])) as Record<string, number>;
  try {
    for (const chunk of cohortWomen(women, seed)) {
      for (const { kind, lines } of chunk) {
        if (lines.length === 0) continue;
        bufs[kind] += lines.join('\n') + '\n';
        counts[FILE_KINDS[kind].fileName] += lines.length;
        if (bufs[kind].length > 1 << 20) {
          fs.writeSync(fds[kind], bufs[kind]);
          bufs[kind] = '';
        }
      }
    }
    for (const k of KINDS) if (bufs[k]) fs.writeSync(fds[k], bufs[k]);
  } finally {
    for (const k of KINDS) fs.closeSync(fds[k]);
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Command line.

function main(argv: string[]): void {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const here = path.dirname(fileURLToPath(import.meta.url));
  const cohort = arg('--cohort');
  const seed = arg('--seed');
  if (cohort !== undefined) {
    const women = Number(cohort.replace(/[_,]/g, ''));
    if (!Number.isInteger(women) || women < 1) throw new Error(`--cohort needs a number of women, got ${cohort}`);
    const outDir = path.resolve(arg('--out') ?? path.join('bench', 'data', String(women)));
    const t0 = performance.now();
    const counts = writeCohort({ women, seed: seed === undefined ? 1 : Number(seed), outDir });
    const events = Object.entries(counts).filter(([f]) => f !== FILE_KINDS.cases.fileName).reduce((a, [, n]) => a + n, 0);
    console.log(`${women} women, ${events} event rows -> ${outDir} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    for (const [f, n] of Object.entries(counts)) console.log(`  ${f.padEnd(22)} ${n}`);
    return;
  }
  const outDir = path.resolve(arg('--out') ?? here);
  const files = writeSample(outDir, seed === undefined ? SAMPLE_SEED : Number(seed));
  for (const [name, text] of Object.entries(files)) console.log(`  ${name.padEnd(22)} ${text.split('\n').length - 2} rows`);
  console.log(`sample written to ${outDir}`);
}

const invoked = process.argv[1] ? pathToFileURL(path.resolve(process.argv[1])).href : '';
if (invoked === import.meta.url) main(process.argv.slice(2));
