/**
 * The figures of the reference report's section 4 (shared/reference/section4-figures.md),
 * recomputed from whatever is loaded, under the definitions in force. The definitions where the
 * report is silent are the sample generator's (sample-data/generate.ts, top comment): ages over
 * the women whose age is known, sample sd; ethnicity not recorded = empty or not stated; own home
 * = own, social or private tenancy or owner occupier; support counts = engaged women with a row
 * of the category; and so on. The analysis set is every woman engaged or not engaged under the
 * engaged definition (with "both agree", the report's 57). Pure.
 */
import { max, min } from 'd3';
import { NEED_FIELDS, VOCABULARIES, type NeedName } from '../domain/contract';
import { rowsOfCase, type WorkingSet } from '../data/working-set';
import type { ColumnNameOfType } from '../data/layout';
import type { Definitions } from './definitions';
import { ENGAGED_LABELS } from './definitions';
import { cohortWomen, type CohortWoman } from './cohort/cohort-women';
import { labelOf } from './labels';
import { formatDayLong as formatDay } from '../data/days';
import { meanInterval, wilson, type Interval, type IntervalMethod } from './stats/intervals';

export interface Figure {
  label: string;
  value: string;
  /** The 95% interval of an estimate (a percentage or a mean), "70.1% to 92.0%", and how it was worked out. */
  interval?: string;
  method?: IntervalMethod;
}

/** A figure's value with its interval, if it has one. */
type Value = Omit<Figure, 'label'>;

export interface FigureTable {
  id: string;
  title: string;
  note?: string;
  figures: Figure[];
}

const n = (x: number) => x.toLocaleString('en-GB');
const pct = (a: number, b: number) => (b === 0 ? '–' : ((100 * a) / b).toFixed(1) + '%');
const bounds = (i: Interval | null, f: (v: number) => string) => (i ? `${f(i.lower)} to ${f(i.upper)}` : undefined);
/** A count with its percentage, and the percentage's Wilson score interval. */
const withPct = (a: number, b: number): Value => ({
  value: `${n(a)} (${pct(a, b)})`,
  interval: bounds(wilson(a, b), (v) => (100 * v).toFixed(1) + '%'),
  method: 'proportion',
});
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const mean = (xs: readonly number[]) => (xs.length ? (sum(xs) / xs.length).toFixed(1) : '–');
const sd = (xs: readonly number[]) => {
  if (xs.length < 2) return '–';
  const m = sum(xs) / xs.length;
  return Math.sqrt(sum(xs.map((x) => (x - m) ** 2)) / (xs.length - 1)).toFixed(1);
};
/** A mean with its t interval. */
const meanValue = (xs: readonly number[]): Value => ({ value: mean(xs), interval: bounds(meanInterval(xs), (v) => v.toFixed(1)), method: 'mean' });
const range = (xs: readonly number[]) => (xs.length ? `${min(xs)} to ${max(xs)}` : '–');

const OWN_HOME = new Set(['own_tenancy', 'social_rented', 'private_rented', 'owner_occupier']);
const MISSING = (v: string | null) => v === null || v === 'unknown';

interface WomanFacts {
  w: CohortWoman;
  row: number;
  modus: string | null;
  police: string | null;
}

/**
 * Figures of section4-figures.md that no column of the data contract holds, so no loaded data
 * can reproduce them: listed on the page (with the report's value) rather than silently left out.
 * perpetrator_relationship has no sex, so the report's split of partners by sex is not held; the
 * page computes partners and ex-partners of either sex instead.
 */
export const FIGURES_NOT_IN_CONTRACT: readonly { figure: string; report: string; missing: string }[] = [
  {
    figure: 'Perpetrator: male partner or ex-partner',
    report: '32 (84.2%) of the engaged women',
    missing: "the perpetrator's sex: perpetrator_relationship counts partners and ex-partners of either sex together",
  },
  {
    figure: 'Perpetrator: female partner',
    report: '1',
    missing: "the perpetrator's sex: perpetrator_relationship counts partners and ex-partners of either sex together",
  },
];

export function section4Figures(ws: WorkingSet, defs: Definitions): FigureTable[] {
  const cases = ws.tables.cases;
  const textOf = (f: WomanFacts, name: ColumnNameOfType<'cases', 'dict' | 'text'>) => cases.text(name)(f.row);
  const numOf = (f: WomanFacts, name: ColumnNameOfType<'cases', 'num'>) => cases.num(name)(f.row);
  const ynOf = (f: WomanFacts, name: ColumnNameOfType<'cases', 'yn'>) => cases.yn(name)(f.row);
  const women = cohortWomen(ws, defs);
  const rowOf = new Map<number, number>();
  for (let r = 0; r < cases.rowCount; r++) if (cases.caseIx[r] >= 0 && !rowOf.has(cases.caseIx[r])) rowOf.set(cases.caseIx[r], r);
  const modusOf = cases.text('engagement_modus');
  const policeOf = cases.text('engagement_police');
  const facts: WomanFacts[] = women.map((w) => {
    const row = rowOf.get(w.ix)!;
    return { w, row, modus: modusOf(row), police: policeOf(row) };
  });
  const areas = [...new Set(women.map((w) => w.area))].sort();

  // Referrals (4.1)
  const ageOf = cases.num('age_at_referral');
  const ages = (fs: readonly WomanFacts[]) => fs.map((f) => ageOf(f.row)).filter((a): a is number => typeof a === 'number');
  const refDays = women.map((w) => w.referral).filter((d): d is number => d !== null);
  const referrals: Figure[] = [{ label: 'Women referred', value: n(women.length) }];
  for (const a of areas) referrals.push({ label: `Referred in ${a}`, value: n(women.filter((w) => w.area === a).length) });
  if (refDays.length) {
    referrals.push({ label: 'Earliest referral', value: formatDay(min(refDays)!) });
    referrals.push({ label: 'Latest referral', value: formatDay(max(refDays)!) });
  }
  const allAges = ages(facts);
  referrals.push({ label: 'Age at referral: mean', ...meanValue(allAges) });
  referrals.push({ label: 'Age at referral: sd', value: sd(allAges) });
  referrals.push({ label: 'Age at referral: range', value: range(allAges) });
  referrals.push({ label: 'Age not recorded', value: n(facts.length - allAges.length) });
  for (const a of areas) {
    const xs = ages(facts.filter((f) => f.w.area === a));
    referrals.push({ label: `Age in ${a}: mean (range)`, value: `${mean(xs)} (${range(xs)})` });
  }
  const eth = (f: WomanFacts) => textOf(f, 'ethnicity');
  referrals.push({ label: 'Ethnicity white British', value: n(facts.filter((f) => eth(f) === 'white_british').length) });
  const notRecorded = facts.filter((f) => eth(f) === null || eth(f) === 'not_stated').length;
  referrals.push({ label: 'Ethnicity not recorded', ...withPct(notRecorded, facts.length) });
  for (const a of areas) {
    const inArea = facts.filter((f) => f.w.area === a);
    const white = inArea.filter((f) => (eth(f) ?? '').startsWith('white')).length;
    referrals.push({ label: `White ethnicity recorded in ${a}`, value: `${n(white)} of ${n(inArea.length)}` });
  }
  referrals.push({ label: 'Disability disclosed', value: n(facts.filter((f) => ynOf(f, 'disability') === true).length) });

  // Engagement (4.1.1): the two codings, whatever the definition in force.
  const engagement: Figure[] = [];
  const countModus = (fs: readonly WomanFacts[], code: string) => fs.filter((f) => f.modus === code).length;
  engagement.push({ label: "Worker's coding: none or refused", value: n(countModus(facts, 'none')) });
  engagement.push({ label: "Worker's coding: sporadic", value: n(countModus(facts, 'sporadic')) });
  engagement.push({ label: "Worker's coding: engaged", value: n(countModus(facts, 'engaged')) });
  engagement.push({ label: "Worker's coding: missing", value: n(facts.filter((f) => MISSING(f.modus)).length) });
  const both = facts.filter((f) => !MISSING(f.modus) && !MISSING(f.police));
  engagement.push({ label: 'Coded by both sources', value: n(both.length) });
  engagement.push({ label: 'Missing in one source or both', value: n(facts.length - both.length) });
  engagement.push({ label: 'Police coding of those coded by both: engaged', value: n(both.filter((f) => f.police === 'engaged').length) });
  engagement.push({ label: 'Police coding of those coded by both: not engaged', value: n(both.filter((f) => f.police === 'not_engaged').length) });
  const workerSome = both.filter((f) => f.modus === 'engaged' || f.modus === 'sporadic').length;
  engagement.push({ label: "Worker's coding of those coded by both: engaged or sporadic", value: n(workerSome) });
  engagement.push({ label: "Worker's coding of those coded by both: none", value: n(countModus(both, 'none')) });
  const agreeEngaged = both.filter((f) => f.modus !== 'none' && f.police === 'engaged').length;
  const agreeNot = both.filter((f) => f.modus === 'none' && f.police === 'not_engaged').length;
  engagement.push({ label: 'Both sources agree', value: n(agreeEngaged + agreeNot) });
  engagement.push({ label: 'Both agree: engaged', value: n(agreeEngaged) });
  engagement.push({ label: 'Both agree: not engaged', value: n(agreeNot) });
  engagement.push({ label: 'Disagree: police engaged, worker none', value: n(both.filter((f) => f.modus === 'none' && f.police === 'engaged').length) });
  engagement.push({ label: 'Disagree: worker engaged, police not', value: n(both.filter((f) => f.modus !== 'none' && f.police === 'not_engaged').length) });

  // The analysis set under the definition in force.
  const engaged = facts.filter((f) => f.w.engagement === 'engaged');
  const notEngaged = facts.filter((f) => f.w.engagement === 'not_engaged');
  const set = facts.filter((f) => f.w.engagement !== 'unknown');
  const analysis: Figure[] = [
    { label: 'Analysis set (engaged or not engaged)', value: n(set.length) },
    { label: 'Analysis set: engaged', value: n(engaged.length) },
    { label: 'Analysis set: not engaged', value: n(notEngaged.length) },
  ];
  for (const a of areas) analysis.push({ label: `Analysis set in ${a}`, ...withPct(set.filter((f) => f.w.area === a).length, set.length) });
  analysis.push({ label: "Analysis set, worker's coding: none", value: n(countModus(set, 'none')) });
  analysis.push({ label: "Analysis set, worker's coding: sporadic", value: n(countModus(set, 'sporadic')) });
  analysis.push({ label: "Analysis set, worker's coding: engaged", value: n(countModus(set, 'engaged')) });
  const supCat = ws.tables.support.text('category');
  const supAgency = ws.tables.support.text('agency');
  const supStatus = ws.tables.support.text('status');
  const supDetail = ws.tables.support.text('detail');
  const supportRows = (f: WomanFacts) => rowsOfCase(ws, 'support', f.w.ix);
  const otherDva = notEngaged.filter((f) => Array.from(supportRows(f)).some((r) => supAgency(r) === 'Other DVA service')).length;
  analysis.push({ label: 'Not engaged women engaging with other DVA services', value: n(otherDva) });

  // Police incidents (4.3)
  const inc = ws.tables.incidents;
  const incKind = inc.text('kind');
  const incOutcome = inc.text('outcome');
  const incOffence = inc.text('offence');
  const incPerp = inc.text('perpetrator_ref');
  const incidentsOf = (fs: readonly WomanFacts[]) => fs.map((f) => f.w.incidents);
  const diOf = (fs: readonly WomanFacts[]) => fs.map((f) => f.w.domesticIncidents);
  const crOf = (fs: readonly WomanFacts[]) => fs.map((f) => f.w.crimes);
  const allInc = sum(incidentsOf(facts));
  const withRecords = facts.filter((f) => f.w.incidents > 0);
  const police: Figure[] = [
    { label: 'Police incidents, all women', value: n(allInc) },
    { label: 'Women with no police records', value: n(facts.length - withRecords.length) },
    { label: 'Mean incidents over women with records', ...meanValue(incidentsOf(withRecords)) },
  ];
  const setInc = sum(incidentsOf(set));
  police.push({ label: 'Analysis set: incidents', value: n(setInc) });
  police.push({ label: 'Analysis set: mean incidents per woman', ...meanValue(incidentsOf(set)) });
  police.push({ label: 'Analysis set: range of incidents', value: range(incidentsOf(set)) });
  police.push({ label: 'Analysis set: domestic incidents', ...withPct(sum(diOf(set)), setInc) });
  police.push({ label: 'Analysis set: mean domestic incidents', ...meanValue(diOf(set)) });
  police.push({ label: 'Analysis set: range of domestic incidents', value: range(diOf(set)) });
  police.push({ label: 'Analysis set: crimes', ...withPct(sum(crOf(set)), setInc) });
  police.push({ label: 'Analysis set: mean crimes', ...meanValue(crOf(set)) });
  police.push({ label: 'Analysis set: range of crimes', value: range(crOf(set)) });
  const engInc = sum(incidentsOf(engaged));
  police.push({ label: 'Engaged: incidents', value: n(engInc) });
  police.push({ label: 'Engaged: mean (sd)', value: `${mean(incidentsOf(engaged))} (${sd(incidentsOf(engaged))})` });
  police.push({ label: 'Engaged: range', value: range(incidentsOf(engaged)) });
  police.push({ label: 'Engaged: domestic incidents', ...withPct(sum(diOf(engaged)), engInc) });
  const notInc = sum(incidentsOf(notEngaged));
  police.push({ label: 'Not engaged: incidents', value: n(notInc) });
  police.push({ label: 'Not engaged: domestic incidents', ...withPct(sum(diOf(notEngaged)), notInc) });
  for (const a of areas) {
    const fa = facts.filter((f) => f.w.area === a);
    const total = sum(incidentsOf(fa));
    police.push({ label: `${a}: incidents`, value: n(total) });
    police.push({ label: `${a}: domestic incidents`, ...withPct(sum(diOf(fa)), total) });
    police.push({ label: `${a}: crimes`, ...withPct(sum(crOf(fa)), total) });
  }
  const offences = new Map<string, number>();
  const perps = new Set<string>();
  const perpsOfEngaged = new Set<string>();
  const engagedIx = new Set(engaged.map((f) => f.w.ix));
  for (let r = 0; r < inc.rowCount; r++) {
    const p = incPerp(r);
    if (p) {
      perps.add(p);
      if (engagedIx.has(inc.caseIx[r])) perpsOfEngaged.add(p);
    }
    const o = incOffence(r);
    if (incKind(r) === 'crime' && o) offences.set(o, (offences.get(o) ?? 0) + 1);
  }
  const top = [...offences].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 4);
  police.push({ label: 'Most common crimes', value: top.map(([o]) => labelOf(VOCABULARIES.offence, o)).join(', ') || '–' });

  // Crime outcomes by area, in the order of the outcome vocabulary.
  const outcomes: Figure[] = [];
  for (const a of areas) {
    const tallyOut = new Map<string, number>();
    let crimes = 0;
    for (const f of facts) {
      if (f.w.area !== a) continue;
      for (const r of rowsOfCase(ws, 'incidents', f.w.ix)) {
        if (incKind(r) !== 'crime') continue;
        crimes++;
        const o = incOutcome(r) ?? 'unknown';
        tallyOut.set(o, (tallyOut.get(o) ?? 0) + 1);
      }
    }
    const ordered = [...tallyOut].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    for (const [o, c] of ordered) {
      const label = o === 'unknown' ? 'Outcome not recorded' : labelOf(VOCABULARIES.policeOutcome, o);
      outcomes.push({ label: `${a}: ${label}`, ...withPct(c, crimes) });
    }
  }

  // Perpetrators: MAPPA is the cases' mappa column (her main perpetrator); court orders are
  // milestones naming the perpetrator reference.
  const ms = ws.tables.milestones;
  const msKind = ms.text('kind');
  const msDetail = ms.text('detail');
  const underMappa = facts.filter((f) => ynOf(f, 'mappa') === true);
  const orders = new Set<string>();
  const ordersEngaged = new Set<string>();
  for (let r = 0; r < ms.rowCount; r++) {
    const detail = msDetail(r) ?? '';
    const kind = msKind(r);
    const refs = [...perps].length ? (detail.match(/[A-Za-z]+-\d+/g) ?? []).filter((x) => perps.has(x)) : [];
    const isEng = engagedIx.has(ms.caseIx[r]);
    if (kind === 'order_granted') for (const p of refs) (orders.add(p), isEng && ordersEngaged.add(p));
  }
  const perpetrators: Figure[] = [
    { label: 'Distinct perpetrators', value: n(perps.size) },
    { label: 'Perpetrators under MAPPA', value: n(underMappa.length) },
    { label: 'Perpetrators under MAPPA, of engaged women', value: n(underMappa.filter((f) => engagedIx.has(f.w.ix)).length) },
    { label: 'Perpetrators with a restraining or other court order', value: n(orders.size) },
    { label: 'Court orders against perpetrators of engaged women', value: n(ordersEngaged.size) },
  ];

  // The engaged women (4.2 and 4.4); percentages of the engaged.
  const E = engaged.length;
  const ofE = (pred: (f: WomanFacts) => boolean) => withPct(engaged.filter(pred).length, E);
  const profile: Figure[] = [
    { label: 'Engaged women', value: n(E) },
    { label: 'Disability', value: n(engaged.filter((f) => ynOf(f, 'disability') === true).length) },
    { label: 'Own home', ...ofE((f) => OWN_HOME.has(textOf(f, 'housing') ?? '')) },
    { label: 'Homeless', value: n(engaged.filter((f) => textOf(f, 'housing') === 'homeless').length) },
  ];
  const kids = engaged.map((f) => numOf(f, 'children_under_17')).filter((k): k is number => typeof k === 'number' && k >= 1);
  profile.push({ label: 'Children under 17', ...withPct(kids.length, E) });
  profile.push({ label: 'Children under 17: range', value: range(kids) });
  for (const [code, label] of [
    ['children_only', 'Lives with just her children'],
    ['alone', 'Lives alone'],
    ['perpetrator', 'Lives with the perpetrator'],
    ['new_partner', 'Lives with a new partner'],
  ] as const)
    profile.push({ label, value: n(engaged.filter((f) => textOf(f, 'lives_with') === code).length) });
  const cp = engaged.filter((f) => ynOf(f, 'child_protection_plan') === true);
  profile.push({ label: 'Child on a child protection plan', value: `${n(cp.length)} (${E ? Math.round((100 * cp.length) / E) : '–'}%)` });
  const firstContact = cases.day('first_contact_date');
  const msDay = ms.days('date');
  const cpEnded = cp.filter((f) => {
    const fc = firstContact(f.row);
    return Array.from(rowsOfCase(ws, 'milestones', f.w.ix)).some((r) => msKind(r) === 'cp_plan_ended' && fc !== null && msDay[r] > fc);
  }).length;
  profile.push({ label: 'Children taken off the plan during support', value: n(cpEnded) });
  profile.push({ label: 'Several perpetrators', value: n(engaged.filter((f) => (numOf(f, 'perpetrator_count') ?? 0) >= 2).length) });
  const relationship = (f: WomanFacts) => textOf(f, 'perpetrator_relationship');
  profile.push({ label: 'Perpetrator: partner or ex-partner', ...ofE((f) => relationship(f) === 'partner' || relationship(f) === 'ex_partner') });
  profile.push({ label: 'Perpetrator: family member', value: n(engaged.filter((f) => relationship(f) === 'family_member').length) });
  const need = (name: NeedName) => (f: WomanFacts) => ynOf(f, name);
  const needLabel = (name: NeedName) => NEED_FIELDS.find((x) => x.name === name)?.label ?? name;
  profile.push({ label: `Need: ${needLabel('need_mental_health')}`, ...ofE((f) => need('need_mental_health')(f) === true) });
  for (const name of ['need_drugs', 'need_alcohol'] as const) {
    profile.push({ label: `Need: ${needLabel(name)}: a problem`, value: n(engaged.filter((f) => need(name)(f) === true).length) });
    profile.push({ label: `Need: ${needLabel(name)}: not an issue`, ...ofE((f) => need(name)(f) === false) });
    profile.push({ label: `Need: ${needLabel(name)}: unclear`, value: n(engaged.filter((f) => need(name)(f) === null).length) });
  }
  for (const name of ['need_debt', 'need_childhood_abuse', 'need_dv_as_child', 'need_offending', 'need_sex_work', 'need_care_experienced', 'need_immigration'] as const)
    profile.push({ label: `Need: ${needLabel(name)}`, ...ofE((f) => need(name)(f) === true) });
  for (const name of ['need_education', 'need_employment'] as const)
    profile.push({ label: `Need: ${needLabel(name)}: not an issue`, ...ofE((f) => need(name)(f) === false) });

  const support: Figure[] = [];
  const hasSupport = (f: WomanFacts, pred: (r: number) => boolean) => Array.from(supportRows(f)).some(pred);
  for (const [cat, label] of [
    ['housing', 'Support: housing'],
    ['mental_health', 'Support: mental health'],
    ['physical_health', 'Support: physical health'],
    ['healthy_relationships', 'Support: healthy relationships'],
    ['freedom_programme', 'Freedom Programme offered'],
    ['parenting', 'Support: parenting'],
    ['financial', 'Support: debts and finance'],
    ['employment', 'Support: employment'],
    ['education', 'Support: education'],
    ['legal_order', 'Restraining or other court order'],
  ] as const)
    support.push({ label, ...ofE((f) => hasSupport(f, (r) => supCat(r) === cat)) });
  const fp = (status: readonly string[]) => engaged.filter((f) => hasSupport(f, (r) => supCat(r) === 'freedom_programme' && status.includes(supStatus(r) ?? ''))).length;
  support.push({ label: 'Freedom Programme: completing or completed', value: n(fp(['started', 'completed'])) });
  support.push({ label: 'Freedom Programme: waiting to start', value: n(fp(['offered'])) });
  const substance = (prefix: string) => engaged.filter((f) => hasSupport(f, (r) => supCat(r) === 'substance_use' && (supDetail(r) ?? '').startsWith(prefix))).length;
  support.push({ label: 'Support: substance use (drugs)', value: n(substance('Drugs:')) });
  support.push({ label: 'Support: substance use (alcohol)', value: n(substance('Alcohol:')) });
  const withOrder = engaged.filter((f) => hasSupport(f, (r) => supCat(r) === 'legal_order')).length;
  const helped = engaged.filter((f) => hasSupport(f, (r) => supCat(r) === 'legal_order' && !!supAgency(r))).length;
  support.push({ label: 'Court orders the worker helped obtain', ...withPct(helped, withOrder) });
  support.push({ label: 'Support from other agencies', ...ofE((f) => hasSupport(f, (r) => !!supAgency(r))) });

  const engagedWord = ENGAGED_LABELS[defs.engaged].replace(/^Engaged /, '');
  return [
    { id: 'referrals', title: 'Referrals (section 4.1)', figures: referrals },
    { id: 'engagement', title: 'Engagement by source (section 4.1.1, table 4.1.1)', figures: engagement },
    { id: 'analysis', title: 'The analysis set (section 4.1.1)', note: `Engaged ${engagedWord}.`, figures: analysis },
    { id: 'police', title: 'Police incidents (section 4.3)', note: 'Incidents from 12 months before each referral to the end of the data.', figures: police },
    { id: 'outcomes', title: 'Criminal justice outcomes of crimes by area (section 4.3)', figures: outcomes },
    { id: 'perpetrators', title: 'Perpetrators (section 4.3)', note: "MAPPA from the cases' mappa column (her main perpetrator); court orders are milestones naming the perpetrator reference.", figures: perpetrators },
    { id: 'profile', title: 'The engaged women (section 4.2)', note: `Engaged ${engagedWord}; percentages of the engaged women.`, figures: profile },
    { id: 'support', title: 'Support for the engaged women (section 4.4)', note: 'A woman counts once per category with at least one support row of it.', figures: support },
  ];
}
