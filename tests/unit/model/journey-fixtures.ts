/** Hand-built records in the working set's shape (day numbers, codes, null for unknown). */
import type { Kind } from '../../../src/domain/contract';
import { dayFromIso } from '../../../src/data/days';
import type { JourneyRecords } from '../../../src/model/journey';
import type { PlainRecord } from '../../../src/model/record-fields';

export const d = dayFromIso;

type Row = Record<string, string | number | boolean | null>;

/** Rows from a header and tuples; ISO dates in *date columns become day numbers. */
export function rows(header: string, tuples: readonly (readonly (string | number | boolean | null)[])[]): PlainRecord[] {
  const names = header.split(',');
  return tuples.map((t) => {
    const r: Row = {};
    names.forEach((n, i) => {
      const v = t[i] ?? null;
      r[n] = typeof v === 'string' && (n === 'date' || n.endsWith('_date')) ? (v === '' ? null : d(v)) : v === '' ? null : v;
    });
    return r;
  });
}

export function emptyRecords(): Record<Kind, PlainRecord[]> {
  return { cases: [], incidents: [], risk_assessments: [], support: [], contacts: [], outcomes: [], milestones: [] };
}

/** Megan's records as the sample generator writes them (section 5.5 of the report). */
export function meganRecords(): JourneyRecords {
  const r = emptyRecords();
  r.cases = rows(
    'case_id,area,referral_date,referral_route,first_contact_date,police_start_date,closure_date,closure_reason,engagement_modus,engagement_police,age_at_referral,ethnicity,disability,children_under_17,child_protection_plan,housing,lives_with,need_mental_health,need_drugs,complex_needs,display_name',
    [['MRP-0002', 'City', '2014-03-03', 'top_repeat_list', '2014-03-10', '2014-03-10', '2015-07-27', 'goals_met', 'engaged', 'engaged', 38, 'white_british', false, 3, true, 'social_rented', 'perpetrator', false, false, false, 'Megan']],
  );
  r.incidents = rows('incident_id,case_id,date,kind,offence,dash_risk,outcome,perpetrator_ref', [
    ['INC-015', 'MRP-0002', '2013-04-20', 'domestic_incident', null, 'standard', null, 'P-0075'],
    ['INC-046', 'MRP-0002', '2013-07-13', 'domestic_incident', null, 'medium', null, 'P-0075'],
    ['INC-095', 'MRP-0002', '2013-09-28', 'crime', 'common_assault', 'medium', 'nfa', 'P-0075'],
    ['INC-158', 'MRP-0002', '2013-12-14', 'domestic_incident', null, 'medium', null, 'P-0075'],
    ['INC-203', 'MRP-0002', '2014-01-25', 'crime', 'common_assault', 'medium', 'nfa', 'P-0075'],
    ['INC-303', 'MRP-0002', '2014-04-08', 'crime', 'threats_to_kill', 'high', 'nfa', 'P-0075'],
    ['INC-359', 'MRP-0002', '2014-05-20', 'crime', 'breach_of_order', 'high', 'charge_summons', 'P-0075'],
    ['INC-422', 'MRP-0002', '2014-06-24', 'crime', 'harassment', 'high', 'nfa', 'P-0075'],
    ['INC-537', 'MRP-0002', '2014-08-30', 'domestic_incident', null, 'medium', null, 'P-0075'],
    ['INC-620', 'MRP-0002', '2014-10-14', 'crime', 'malicious_communications', 'medium', 'nfa', 'P-0075'],
    ['INC-839', 'MRP-0002', '2015-02-21', 'domestic_incident', null, 'standard', null, 'P-0075'],
  ]);
  r.risk_assessments = rows('case_id,date,level,score,tool,assessor', [
    ['MRP-0002', '2014-03-10', 'medium', 12, 'dash', 'mrp_worker'],
    ['MRP-0002', '2014-04-10', 'high', 17, 'dash', 'mrp_worker'],
    ['MRP-0002', '2014-07-15', 'medium', 11, 'dash', 'mrp_worker'],
    ['MRP-0002', '2014-12-09', 'high', 15, 'dash', 'mrp_worker'],
    ['MRP-0002', '2015-01-20', 'standard', 7, 'dash', 'mrp_worker'],
  ]);
  r.support = rows('case_id,date,end_date,category,status,agency,detail', [
    ['MRP-0002', '2014-03-10', '', 'emotional_support', 'completed', null, 'Emotional support and safety planning'],
    ['MRP-0002', '2014-03-17', '2014-06-30', 'healthy_relationships', 'completed', null, 'One-to-one work on understanding domestic abuse'],
    ['MRP-0002', '2014-04-09', '2015-04-11', 'legal_order', 'completed', 'Solicitor', 'Worker helped her apply for a non-molestation order'],
    ['MRP-0002', '2014-04-10', '', 'safety_measures', 'completed', 'Police', 'Locks changed and a panic alarm fitted'],
    ['MRP-0002', '2014-04-14', '', 'marac', 'completed', 'MARAC', 'Case heard at MARAC'],
    ['MRP-0002', '2014-04-22', '2014-05-28', 'child_protection', 'completed', "Children's Services", 'Worker attended child protection meetings'],
    ['MRP-0002', '2014-06-02', '2014-08-18', 'freedom_programme', 'completed', null, 'Freedom Programme'],
    ['MRP-0002', '2015-02-09', '2015-06-15', 'housing', 'completed', 'Housing options team', 'Support with the move to a new home'],
  ]);
  r.contacts = rows('case_id,date,mode,result,count', [
    ['MRP-0002', '2014-03-05', 'text', 'attempted', 1],
    ['MRP-0002', '2014-03-06', 'letter', 'attempted', 1],
    ['MRP-0002', '2014-03-10', 'phone', 'successful', 1],
    ['MRP-0002', '2014-03-17', 'home_visit', 'successful', 1],
    ['MRP-0002', '2014-03-24', 'face_to_face', 'missed', 1],
    ['MRP-0002', '2014-03-26', 'phone', 'successful', 2],
    ['MRP-0002', '2014-03-31', 'home_visit', 'successful', 1],
  ]);
  r.outcomes = rows('case_id,date,tool,domain,score,scale_min,scale_max,stage', [
    ['MRP-0002', '2014-03-10', 'batteries', 'safety', 3, 1, 8, 'intake'],
    ['MRP-0002', '2014-03-10', 'batteries', 'wellbeing', 2, 1, 8, 'intake'],
    ['MRP-0002', '2014-09-10', 'batteries', 'safety', 5, 1, 8, 'review'],
    ['MRP-0002', '2014-09-10', 'batteries', 'wellbeing', 4, 1, 8, 'review'],
    ['MRP-0002', '2015-07-20', 'batteries', 'safety', 7, 1, 8, 'exit'],
    ['MRP-0002', '2015-07-20', 'batteries', 'wellbeing', 6, 1, 8, 'exit'],
  ]);
  r.milestones = rows('case_id,date,kind,detail', [
    ['MRP-0002', '2014-04-09', 'separated', 'She ended the relationship'],
    ['MRP-0002', '2014-04-11', 'order_granted', 'Non-molestation order against P-0075'],
    ['MRP-0002', '2014-04-14', 'marac_referral', 'Referred to MARAC after threats to kill'],
    ['MRP-0002', '2014-04-22', 'cp_plan_started', 'Her three children placed on child protection plans'],
    ['MRP-0002', '2014-05-20', 'order_breached', 'Order breached and reported to the police'],
    ['MRP-0002', '2014-05-28', 'cp_plan_ended', 'Children taken off their plans'],
    ['MRP-0002', '2015-06-15', 'rehoused', 'Moved to a new home'],
    ['MRP-0002', '2015-07-27', 'case_closed', 'Support ended: goals met'],
  ]);
  return r;
}
