/**
 * A generated woman with many records, built in memory for the journey benchmark: records in
 * the shape recordsOf() returns (day numbers, codes), seeded so every run draws the same thing.
 */
import type { Kind } from '../src/domain/contract';
import type { JourneyRecords } from '../src/model/journey';
import type { PlainRecord } from '../src/model/record-fields';
import { dayFromIso } from '../src/data/days';
import { mulberry32 } from '../sample-data/mulberry32';

/** Shares of the events by kind; contacts are the most numerous, as in real case files. */
const SHARES: Record<Exclude<Kind, 'cases'>, number> = {
  incidents: 0.06,
  risk_assessments: 0.03,
  support: 0.075,
  contacts: 0.5,
  outcomes: 0.28,
  milestones: 0.055,
};

export function generateWoman(events = 2000, seed = 7): { caseId: string; records: JourneyRecords; events: number } {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const start = dayFromIso('2012-01-02');
  const referral = dayFromIso('2013-01-07');
  const end = dayFromIso('2015-12-28');
  const dayIn = (a = start, b = end) => a + Math.floor(rand() * (b - a));
  const caseId = 'BENCH-0001';
  const counts = Object.fromEntries(Object.entries(SHARES).map(([k, s]) => [k, Math.round(events * s)])) as Record<keyof typeof SHARES, number>;
  counts.contacts += events - Object.values(counts).reduce((a, b) => a + b, 0);

  const byDay = (rows: PlainRecord[]) => rows.sort((a, b) => (a.date as number) - (b.date as number));
  const incidents = byDay(
    Array.from({ length: counts.incidents }, (_, i) => {
      const crime = rand() < 0.5;
      return {
        incident_id: `BI-${i}`,
        case_id: caseId,
        date: dayIn(),
        kind: crime ? 'crime' : 'domestic_incident',
        offence: crime ? pick(['common_assault', 'harassment', 'threats_to_kill', 'criminal_damage', 'stalking']) : null,
        dash_risk: pick(['standard', 'medium', 'medium', 'high', 'not_assessed']),
        outcome: crime ? pick(['nfa', 'charge_summons', 'caution', 'undetected']) : null,
        perpetrator_ref: pick(['P-1', 'P-2']),
      };
    }),
  );
  const risk_assessments = byDay(
    Array.from({ length: counts.risk_assessments }, () => ({
      case_id: caseId,
      date: dayIn(referral),
      level: pick(['standard', 'medium', 'high']),
      score: Math.floor(rand() * 27),
      tool: 'dash',
      assessor: pick(['mrp_worker', 'mrp_worker', 'idva', 'marac', 'police']),
    })),
  );
  const categories = ['housing', 'mental_health', 'healthy_relationships', 'freedom_programme', 'parenting', 'children', 'financial', 'legal_order', 'safety_measures', 'criminal_justice', 'child_protection', 'marac', 'emotional_support'];
  const support = byDay(
    Array.from({ length: counts.support }, (_, i) => {
      const day = dayIn(referral);
      const lasting = rand() < 0.3;
      return {
        case_id: caseId,
        date: day,
        end_date: lasting ? Math.min(end, day + 14 + Math.floor(rand() * 200)) : null,
        category: pick(categories),
        status: pick(['offered', 'started', 'completed', 'completed', 'declined', 'ongoing']),
        agency: rand() < 0.5 ? pick(['Police', 'Housing options team', 'GP', 'Solicitor']) : null,
        detail: `Support action ${i + 1}`,
      };
    }),
  );
  const contacts = byDay(
    Array.from({ length: counts.contacts }, () => ({
      case_id: caseId,
      date: dayIn(referral),
      mode: pick(['phone', 'text', 'home_visit', 'face_to_face']),
      result: pick(['successful', 'successful', 'attempted', 'missed', 'cancelled', null]),
      count: 1,
    })),
  );
  const domains = ['safety', 'wellbeing', 'confidence', 'understanding_dva', 'support_network', 'parenting', 'housing', 'health'];
  const dates = Math.ceil(counts.outcomes / domains.length);
  const outcomes: PlainRecord[] = [];
  for (let t = 0; t < dates && outcomes.length < counts.outcomes; t++) {
    const day = referral + Math.floor(((end - referral) * t) / dates);
    for (const domain of domains) {
      if (outcomes.length >= counts.outcomes) break;
      const trend = 1 + Math.round((6 * t) / dates);
      outcomes.push({ case_id: caseId, date: day, tool: 'batteries', domain, score: Math.max(1, Math.min(8, trend + pick([-1, 0, 0, 1]))), scale_min: 1, scale_max: 8, stage: t === 0 ? 'intake' : 'review' });
    }
  }
  const kinds = ['separated', 'order_granted', 'order_breached', 'marac_referral', 'cp_plan_started', 'cp_plan_ended', 'rehoused', 'perpetrator_custody', 'perpetrator_released', 'disengaged', 're_engaged', 'started_work', 'new_relationship'];
  const milestones = byDay(
    Array.from({ length: counts.milestones }, (_, i) => ({ case_id: caseId, date: dayIn(), kind: pick(kinds), detail: `Turning point ${i + 1}` })),
  );
  const cases: PlainRecord[] = [
    {
      case_id: caseId,
      area: 'City',
      referral_date: referral,
      referral_route: 'top_repeat_list',
      first_contact_date: referral + 7,
      closure_date: end,
      closure_reason: 'goals_met',
      engagement_modus: 'engaged',
      engagement_police: 'engaged',
      age_at_referral: 34,
      display_name: 'Bench',
    },
  ];
  const records = { cases, incidents, risk_assessments, support, contacts, outcomes, milestones };
  const total = incidents.length + risk_assessments.length + support.length + contacts.length + outcomes.length + milestones.length;
  return { caseId, records, events: total };
}
