/**
 * The three case studies of section 5.5 of the report (display_name Sue, Megan, Chelsea), written
 * by hand from the report's dates. They are among the 38 engaged women: the sample gives each an
 * engaged slot of her area (figures/section4.ts) and every allocation keeps her own values.
 */
import type { Emit } from '../lib/csv';
import { END, dayOf } from '../lib/dates';
import type { Rng } from '../lib/random';
import { NEED_KEYS, deriveComplex, type Behaviour, type NeedKey, type Relationship, type Woman, type YN } from '../model/woman';
import { caseRow } from '../records/cases';
import { contactsRows } from '../records/contacts';
import { batteriesRows } from '../records/outcomes';

type IncidentSpec = [date: string, kind: 'domestic_incident' | 'crime', offence: string, outcome: string, dash: string, perp: number];
type RiskSpec = [date: string, level: string, score: number, assessor: string];
type SupportSpec = [date: string, endDate: string, category: string, status: string, agency: string, detail: string];
type MilestoneSpec = [date: string, kind: string, detail: string];

export interface CaseStudy {
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

export function caseStudySupportSet(cs: CaseStudy): Set<string> {
  return new Set(cs.support.map((s) => s[2]));
}

export function applyCaseStudy(w: Woman, cs: CaseStudy): void {
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

export function renderCaseStudy(w: Woman, rng: Rng, emit: Emit): void {
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
