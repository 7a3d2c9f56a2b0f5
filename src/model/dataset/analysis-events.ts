/**
 * events.csv / events.parquet: one row per record of the six event files for the exported women,
 * long format, in journey order (date, then lane as the journey chart stacks them), each with its
 * lane and source file, its date and its days since referral (journeys are drawn relative to
 * referral). Free text is left out. Pure.
 */
import { FILE_KINDS, VOCABULARIES, type Kind, type Vocabulary } from '../../domain/contract';
import { rowsOfCase, type Table, type WorkingSet } from '../../data/working-set';
import { UNKNOWN_DAY } from '../../data/columns';
import { LANES, type LaneKey } from '../journey';
import type { CohortWoman } from '../cohort/cohort-women';
import { humanize, labelOf } from '../labels';
import type { DatasetTable, DatasetVariable, ValueLabel } from './dataset-table';

const LANE_OF: readonly [Kind, LaneKey][] = [
  ['risk_assessments', 'risk'],
  ['incidents', 'incidents'],
  ['support', 'support'],
  ['contacts', 'contacts'],
  ['outcomes', 'outcomes'],
  ['milestones', 'milestones'],
];

const RISK_VALUES: ValueLabel[] = VOCABULARIES.riskLevel.terms.map((t) => ({ code: t.code, label: t.label }));

export const EVENT_VARIABLES: readonly DatasetVariable[] = [
  { name: 'case_id', label: 'Case id (pseudonymous)', type: 'string' },
  { name: 'date', label: 'Date of the record', type: 'date' },
  { name: 'days_since_referral', label: 'Days from referral to the record (negative: before referral)', type: 'integer' },
  { name: 'lane', label: 'Lane of the journey chart', type: 'code', values: LANES.map((l) => ({ code: l.key, label: l.label })) },
  { name: 'source', label: 'File the record came from', type: 'code', values: LANE_OF.map(([k]) => ({ code: FILE_KINDS[k].fileName, label: FILE_KINDS[k].title })) },
  {
    name: 'type',
    label: 'What happened: risk level, incident kind, support category, contact result, outcome domain or milestone',
    type: 'string',
  },
  { name: 'type_label', label: 'What happened, in words', type: 'string' },
  { name: 'subtype', label: 'Assessor (risk), offence (incidents), status (support), mode (contacts), tool (outcomes)', type: 'string' },
  { name: 'risk_level', label: 'Risk level (risk assessments) or DASH risk graded after the incident', type: 'code', values: RISK_VALUES },
  { name: 'value', label: 'Risk score (risk), number of contacts (contacts) or outcome score (outcomes)', type: 'number' },
  { name: 'end_date', label: 'End date (support that lasts)', type: 'date' },
];

interface KindReader {
  lane: LaneKey;
  order: number;
  source: string;
  day: Int32Array;
  type: (r: number) => string | null;
  typeVocab: Vocabulary | null;
  subtype: (r: number) => string | null;
  risk: (r: number) => string | null;
  value: (r: number) => number | null;
  end: (r: number) => number | null;
}

const none = () => null;

function readers(ws: WorkingSet): Record<string, KindReader> {
  const t = ws.tables;
  const base = (kind: Kind, order: number) => ({ lane: LANE_OF[order][1], order, source: FILE_KINDS[kind].fileName, day: (t[kind] as Table).days('date') });
  const risk = t.risk_assessments;
  const inc = t.incidents;
  const sup = t.support;
  const con = t.contacts;
  const out = t.outcomes;
  const ms = t.milestones;
  return {
    risk_assessments: { ...base('risk_assessments', 0), type: risk.text('level'), typeVocab: VOCABULARIES.riskLevel, subtype: risk.text('assessor'), risk: risk.text('level'), value: risk.num('score'), end: none },
    incidents: { ...base('incidents', 1), type: inc.text('kind'), typeVocab: VOCABULARIES.incidentKind, subtype: inc.text('offence'), risk: inc.text('dash_risk'), value: none, end: none },
    support: { ...base('support', 2), type: sup.text('category'), typeVocab: VOCABULARIES.supportCategory, subtype: sup.text('status'), risk: none, value: none, end: sup.day('end_date') },
    contacts: { ...base('contacts', 3), type: con.text('result'), typeVocab: VOCABULARIES.contactResult, subtype: con.text('mode'), risk: none, value: con.num('count'), end: none },
    outcomes: { ...base('outcomes', 4), type: out.text('domain'), typeVocab: null, subtype: out.text('tool'), risk: none, value: out.num('score'), end: none },
    milestones: { ...base('milestones', 5), type: ms.text('kind'), typeVocab: VOCABULARIES.milestoneKind, subtype: none, risk: none, value: none, end: none },
  };
}

export function analysisEvents(ws: WorkingSet, women: readonly CohortWoman[]): DatasetTable {
  const byKind = readers(ws);
  const read = LANE_OF.map(([kind]) => byKind[kind]);
  const columns = EVENT_VARIABLES.map(() => [] as (string | number | null)[]);
  const [caseId, date, since, lane, source, type, typeLabel, subtype, risk, value, end] = columns;
  const picked: { k: number; r: number; d: number }[] = [];
  for (const w of women) {
    picked.length = 0;
    LANE_OF.forEach(([kind], k) => {
      const day = read[k].day;
      for (const r of rowsOfCase(ws, kind, w.ix)) if (day[r] !== UNKNOWN_DAY) picked.push({ k, r, d: day[r] });
    });
    // Each kind's rows are already in date order: a stable sort by date keeps lanes in order on a tie.
    picked.sort((a, b) => a.d - b.d || a.k - b.k);
    for (const { k, r, d } of picked) {
      const x = read[k];
      const code = x.type(r);
      caseId.push(w.caseId);
      date.push(d);
      since.push(w.referral === null ? null : d - w.referral);
      lane.push(x.lane);
      source.push(x.source);
      type.push(code);
      typeLabel.push(code === null ? null : x.typeVocab ? labelOf(x.typeVocab, code) : humanize(code));
      subtype.push(x.subtype(r));
      risk.push(x.risk(r));
      value.push(x.value(r));
      end.push(x.end(r));
    }
  }
  return { name: 'events', rowCount: caseId.length, variables: [...EVENT_VARIABLES], columns: columns as DatasetTable['columns'] };
}
