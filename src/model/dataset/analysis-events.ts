/**
 * events.csv / events.parquet: one row per record of the six event files for the exported women,
 * long format, in journey order (date, then lane as the journey chart stacks them), each with its
 * lane and source file, its date and its days since referral (journeys are drawn relative to
 * referral). Free text is left out. Pure.
 */
import { FILE_KINDS, VOCABULARIES, type Kind, type Vocabulary } from '../../domain/contract';
import { type Table, type WorkingSet } from '../../data/working-set';
import { UNKNOWN_DAY } from '../../data/columns';
import { LANES, type LaneKey } from '../journey';
import type { CohortWoman } from '../cohort/cohort-women';
import { humanize, labelOf } from '../labels';
import type { DatasetColumn, DatasetTable, DatasetVariable, ValueLabel } from './dataset-table';

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

/** Per kind: its lane, source, day column and, per event column, its dictionary column (or a number column). */
interface KindReader {
  lane: number;
  day: Int32Array;
  type: { values: Uint32Array; dict: string[] } | null;
  typeVocab: Vocabulary | null;
  subtype: { values: Uint32Array; dict: string[] } | null;
  risk: { values: Uint32Array; dict: string[] } | null;
  value: Float64Array | null;
  end: Int32Array | null;
}

function readers(ws: WorkingSet): KindReader[] {
  const t = ws.tables;
  const day = (kind: Kind) => (t[kind] as Table).days('date');
  return [
    { lane: 0, day: day('risk_assessments'), type: t.risk_assessments.col('level'), typeVocab: VOCABULARIES.riskLevel, subtype: t.risk_assessments.col('assessor'), risk: t.risk_assessments.col('level'), value: t.risk_assessments.nums('score'), end: null },
    { lane: 1, day: day('incidents'), type: t.incidents.col('kind'), typeVocab: VOCABULARIES.incidentKind, subtype: t.incidents.col('offence'), risk: t.incidents.col('dash_risk'), value: null, end: null },
    { lane: 2, day: day('support'), type: t.support.col('category'), typeVocab: VOCABULARIES.supportCategory, subtype: t.support.col('status'), risk: null, value: null, end: t.support.days('end_date') },
    { lane: 3, day: day('contacts'), type: t.contacts.col('result'), typeVocab: VOCABULARIES.contactResult, subtype: t.contacts.col('mode'), risk: null, value: t.contacts.nums('count'), end: null },
    { lane: 4, day: day('outcomes'), type: t.outcomes.col('domain'), typeVocab: null, subtype: t.outcomes.col('tool'), risk: null, value: t.outcomes.nums('score'), end: null },
    { lane: 5, day: day('milestones'), type: t.milestones.col('kind'), typeVocab: VOCABULARIES.milestoneKind, subtype: null, risk: null, value: null, end: null },
  ];
}

/** One text column of the events table: each kind's dictionary words mapped once to the column's own. */
class TextColumn {
  readonly codes: Int32Array;
  readonly dict: string[] = [];
  readonly #index = new Map<string, number>();
  readonly #maps = new Map<string[], Int32Array>();

  constructor(n: number) {
    this.codes = new Int32Array(n).fill(-1);
  }

  code(word: string): number {
    let c = this.#index.get(word);
    if (c === undefined) this.#index.set(word, (c = this.dict.push(word) - 1));
    return c;
  }

  /** The column's codes of the words of `dict`, as far as looked up (-2 not yet); see `mapped`. */
  mapOf(dict: string[]): Int32Array {
    let map = this.#maps.get(dict);
    if (!map) this.#maps.set(dict, (map = new Int32Array(dict.length).fill(-2)));
    return map;
  }

  /** The column's code of word `w` of `dict` (`label` turns the word into what is written); -1 for unknown. */
  mapped(dict: string[], w: number, label?: (word: string) => string): number {
    const map = this.mapOf(dict);
    if (map[w] === -2) map[w] = dict[w] ? this.code(label ? label(dict[w]) : dict[w]) : -1;
    return map[w];
  }

  column(): DatasetColumn {
    return { kind: 'text', codes: this.codes, dict: this.dict };
  }
}

export function analysisEvents(ws: WorkingSet, women: readonly CohortWoman[]): DatasetTable {
  const read = readers(ws);
  let n = 0;
  for (const w of women) for (const [kind] of LANE_OF) n += ws.byCase[kind].offsets[w.ix + 1] - ws.byCase[kind].offsets[w.ix];
  const caseId = new Int32Array(n);
  const date = new Float64Array(n);
  const since = new Float64Array(n);
  const lane = new Int32Array(n);
  const [type, typeLabel, subtype, risk] = [0, 0, 0, 0].map(() => new TextColumn(n));
  const value = new Float64Array(n).fill(NaN);
  const end = new Float64Array(n).fill(NaN);
  const labels = read.map((x) => (word: string) => (x.typeVocab ? labelOf(x.typeVocab, word) : humanize(word)));
  // Per kind, each text column's codes of the kind's dictionary words (each word looked up when first met).
  const mapOf = (c: TextColumn, col: { dict: string[] } | null) => (col ? c.mapOf(col.dict) : new Int32Array(0));
  const typeOf = read.map((x) => mapOf(type, x.type));
  const typeLabelOf = read.map((x) => mapOf(typeLabel, x.type));
  const subtypeOf = read.map((x) => mapOf(subtype, x.subtype));
  const riskOf = read.map((x) => mapOf(risk, x.risk));
  const byCase = LANE_OF.map(([kind]) => ws.byCase[kind]);
  const rowsOf = byCase.map((b) => b.rows);
  const dayOf = read.map((x) => x.day);
  const at = new Int32Array(LANE_OF.length);
  const stop = new Int32Array(LANE_OF.length);
  const kinds = LANE_OF.length;
  let i = 0;
  for (let wi = 0; wi < women.length; wi++) {
    const w = women[wi];
    for (let k = 0; k < kinds; k++) {
      const { offsets, rows } = byCase[k];
      const day = dayOf[k];
      let a = offsets[w.ix];
      const b = offsets[w.ix + 1];
      // Undated rows are left out: skipped here and after each row taken.
      while (a < b && day[rows[a]] === UNKNOWN_DAY) a++;
      at[k] = a;
      stop[k] = b;
    }
    // Each kind's rows are in date order: merged by date, lanes in chart order on a tie.
    for (;;) {
      let k = -1;
      let d = 0;
      for (let j = 0; j < kinds; j++) {
        if (at[j] >= stop[j]) continue;
        const dj = dayOf[j][rowsOf[j][at[j]]];
        if (k < 0 || dj < d) ((k = j), (d = dj));
      }
      if (k < 0) break;
      const r = rowsOf[k][at[k]++];
      while (at[k] < stop[k] && dayOf[k][rowsOf[k][at[k]]] === UNKNOWN_DAY) at[k]++;
      const x = read[k];
      caseId[i] = wi;
      date[i] = d;
      since[i] = w.referral === null ? NaN : d - w.referral;
      lane[i] = x.lane;
      if (x.type) {
        const v = x.type.values[r];
        type.codes[i] = typeOf[k][v] === -2 ? type.mapped(x.type.dict, v) : typeOf[k][v];
        typeLabel.codes[i] = typeLabelOf[k][v] === -2 ? typeLabel.mapped(x.type.dict, v, labels[k]) : typeLabelOf[k][v];
      }
      if (x.subtype) {
        const v = x.subtype.values[r];
        subtype.codes[i] = subtypeOf[k][v] === -2 ? subtype.mapped(x.subtype.dict, v) : subtypeOf[k][v];
      }
      if (x.risk) {
        const v = x.risk.values[r];
        risk.codes[i] = riskOf[k][v] === -2 ? risk.mapped(x.risk.dict, v) : riskOf[k][v];
      }
      if (x.value) value[i] = x.value[r];
      if (x.end && x.end[r] !== UNKNOWN_DAY) end[i] = x.end[r];
      i++;
    }
  }
  const rowCount = i;
  const cut = <T extends Int32Array | Float64Array>(a: T) => a.subarray(0, rowCount) as T;
  const text = (c: TextColumn): DatasetColumn => ({ kind: 'text', codes: cut(c.codes), dict: c.dict });
  const lanes = LANE_OF.map(([, key]) => key as string);
  const sources = LANE_OF.map(([kind]) => FILE_KINDS[kind].fileName);
  return {
    name: 'events',
    rowCount,
    variables: [...EVENT_VARIABLES],
    columns: [
      { kind: 'text', codes: cut(caseId), dict: women.map((w) => w.caseId) },
      { kind: 'number', values: cut(date) },
      { kind: 'number', values: cut(since) },
      { kind: 'text', codes: cut(lane), dict: lanes },
      { kind: 'text', codes: cut(lane), dict: sources },
      text(type),
      text(typeLabel),
      text(subtype),
      text(risk),
      { kind: 'number', values: cut(value) },
      { kind: 'number', values: cut(end) },
    ],
  };
}
