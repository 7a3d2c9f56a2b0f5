/**
 * The report's section 4 figures (shared/reference/section4-figures.md), planted in the 111-woman
 * sample: every count is assigned to a list of women, never searched for (definitions at the top
 * of sample-data/generate.ts; tests/unit/sample-data/figures.test.ts checks each one). Each
 * figure family draws from its own seeded stream, so changing one moves no other.
 */
import { allocate, chooseK, splitTotal, tuneSd } from '../lib/allocate';
import { END, clamp, dayOf } from '../lib/dates';
import { Rng } from '../lib/random';
import { CITY, NORTH, SOUTH, deriveComplex, planWoman, type Behaviour, type CountedCategory, type FpStatus, type Group, type NeedKey, type Relationship, type Woman, type YN } from '../model/woman';
import type { Incident } from '../records/incidents';
import { randomOutcome } from '../records/incidents';
import { CASE_STUDIES, applyCaseStudy, caseStudySupportSet, type CaseStudy } from './case-studies';

export const SAMPLE_SEED = 20150731;

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

/** The sample's women, with their groups, and a seeded stream per figure family. */
interface Sample {
  women: Woman[];
  /** The 38 engaged women (both sources agree). */
  A: Woman[];
  /** The 19 agreed non-engagers. */
  B: Woman[];
  nonA: Woman[];
  R: (label: string) => Rng;
}

const isCs = (w: Woman) => w.caseStudy !== null;
const csName = (w: Woman) => w.caseStudy?.name;
const unsettledHome = (w: Woman) => ['homeless', 'temporary', 'refuge'].includes(w.housing);

export function planSample(seed = SAMPLE_SEED): Woman[] {
  const R = (label: string) => Rng.for(seed, label);
  const women = sampleWomen(seed, R);
  const s: Sample = {
    women,
    A: women.filter((w) => w.group === 'A'),
    B: women.filter((w) => w.group === 'B'),
    nonA: women.filter((w) => w.group !== 'A'),
    R,
  };
  engagementCodes(s);
  ages(s);
  ethnicity(s);
  disability(s);
  household(s);
  needs(s);
  policeIncidents(s);
  perpetrators(s);
  ordersAndOtherServices(s);
  supportGiven(s);
  return women;
}

/** Slots by group and area, shuffled, then case ids in slot order; referral dates; each woman drawn. */
function sampleWomen(seed: number, R: (label: string) => Rng): Woman[] {
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

  return slots.map((s, k) => {
    const caseId = `MRP-${String(k + 1).padStart(4, '0')}`;
    const cs = csSlot.get(k);
    const referral = cs ? dayOf(cs.referral) : referralOf(s.group, s.area, k);
    const w = planWoman(Rng.for(seed, `woman-${k}`), k, caseId, s.group, s.area, referral);
    if (cs) applyCaseStudy(w, cs);
    return w;
  });
}

/**
 * Engagement codes (section 4.1.1, table 4.1.1). A: engaged 31 + sporadic 7; F: worker's coding
 * missing (empty 10, `unknown` 6), police engaged 8 / not engaged 3 / missing 5; E: police missing.
 */
function engagementCodes({ women, A, R }: Sample): void {
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
}

/** Ages (section 4.1): 9 unknown (City 1, South 1, North 7), the rest built to the report's means and ranges. */
function ages({ women, R }: Sample): void {
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
}

/** Ethnicity (section 4.1): 26 not recorded (empty 16, not_stated 10), none of them engaged; North all white. */
function ethnicity({ women, R }: Sample): void {
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
}

/** Disability (sections 4.1 and 4.2): 6 in all, 3 of them engaged. */
function disability({ A, nonA, R }: Sample): void {
  const rdis = R('disability');
  const disA = allocate(rdis, A, [['yes', 3], ['', 2], ['no', 33]], (w) => (isCs(w) ? 'no' : undefined));
  for (const w of A) w.disability = disA.get(w) as YN;
  const disYes = chooseK(rdis, nonA, 3);
  for (const w of nonA) if (disYes.has(w)) w.disability = 'yes';
  else if (w.disability === 'yes') w.disability = 'no';
}

/** The 38 (section 4.2): who she lives with, children, housing, child protection. */
function household({ A, nonA, R }: Sample): void {
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
}

/** The 38: needs (section 4.2.3), with the usual correlations; complex_needs for everyone. */
function needs({ women, A, R }: Sample): void {
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
}

/** Police incidents (section 4.3): exact totals per block, then tuned so the 38's sd is 8.9. */
function policeIncidents({ women, A, B, R }: Sample): void {
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
}

/**
 * Perpetrators (sections 4.2 and 4.3): 144 distinct. The engaged: 35 with one, Sue with two, two
 * women with three.
 */
function perpetrators({ women, A, nonA, R }: Sample): void {
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
}

/**
 * Orders (section 4.3): 29 perpetrators, 16 of them of engaged women (the worker helped obtain 6);
 * MAPPA 2. And the 7 agreed non-engagers engaging with other DVA services (section 4.1.1).
 */
function ordersAndOtherServices({ women, A, B, nonA, R }: Sample): void {
  const ro = R('orders');
  const orderA = chooseK(ro, A, 16, { in: (w) => w.caseStudy?.order != null, out: (w) => isCs(w) && w.caseStudy?.order == null });
  const helped = chooseK(ro, [...orderA], 6, { in: (w) => w.caseStudy?.order === 'helped', out: isCs });
  for (const w of A) w.order = orderA.has(w) ? (helped.has(w) ? 'helped' : 'court') : null;
  const withRecords = nonA.filter((w) => w.nDI + w.nCrime > 0);
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
}

/** Support given to the 38 (section 4.4); none recorded for the others. */
function supportGiven({ A, nonA, R }: Sample): void {
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
}


/** Offences by quota across all crimes; City outcomes exactly as the report gives them. */
export function assignSampleCrimes(rng: Rng, women: Woman[], incidents: Incident[]): void {
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
