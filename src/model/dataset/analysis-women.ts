/**
 * women.csv / women.parquet: one row per woman with every derived variable the screens use, each
 * taken from the model's own derivation (cohortWomen, engagementOf, complexOf, complexNeedsOf,
 * incidentRates, latestRisk, the outcome chart's first and latest scores), so the file cannot
 * disagree with the screens. Pure.
 */
import { NEED_FIELDS, VOCABULARIES } from '../../domain/contract';
import { rowsOfCase, type WorkingSet } from '../../data/working-set';
import {
  COMPLEX_NEEDS_LABELS,
  describeDefinitions,
  ENGAGED_LABELS,
  RISK_ASSESSOR_LABELS,
  type Definitions,
  type EngagedDefinition,
  type RiskAssessorDefinition,
} from '../definitions';
import {
  cohortWomen,
  complexOf,
  engagementOf,
  ENGAGEMENT_STATUS_LABELS,
  RISK_AT_REFERRAL_LABELS,
  type CohortWoman,
} from '../cohort/cohort-women';
import { incidentRates, PRE_DAYS, type GroupIncidentRates } from '../cohort/incident-rates';
import { latestRisk, SUPPORT_CATEGORIES } from '../cohort/aggregates';
import { womanOutcomes } from '../cohort/outcome-change';
import { complexNeedsOf } from '../complex-needs';
import { ageBandOf } from '../journey-profile';
import { humanize } from '../labels';
import { columnOf, safeName, valuesOf, type DatasetTable, type DatasetVariable, type ValueLabel } from './dataset-table';

const ENGAGEMENT_VALUES: ValueLabel[] = Object.entries(ENGAGEMENT_STATUS_LABELS).map(([code, label]) => ({ code, label }));
const RISK_VALUES: ValueLabel[] = Object.entries(RISK_AT_REFERRAL_LABELS).map(([code, label]) => ({ code, label }));
const ASSESSORS = Object.keys(RISK_ASSESSOR_LABELS) as RiskAssessorDefinition[];
const ENGAGED_DEFS = Object.keys(ENGAGED_LABELS) as EngagedDefinition[];

const COMPLEX_SOURCE_VALUES: ValueLabel[] = [
  { code: 'column', label: 'From the complex_needs column' },
  { code: 'rule', label: 'Derived by the rule (complex needs list referral, or two or more needs)' },
];

/** A variable and how to read it for one woman. */
interface Spec<T> {
  variable: DatasetVariable;
  read: (f: T) => string | number | boolean | null;
}

/** Per woman, what the specs read. */
interface WomanRow {
  w: CohortWoman;
  row: number;
  /** Her rates row: 12 months before and after referral to the end of the data; null without follow-up. */
  rates: GroupIncidentRates | null;
  /** Her first and latest score per outcome key (womanOutcomes), or null. */
  scores: readonly { key: number; first: number; latest: number }[] | null;
  /** Support records per category (SUPPORT_CATEGORIES order). */
  support: Int32Array;
}

/** Outcome tool and domain, as the outcome chart names them, per key (domain * 65536 + tool). */
function outcomeDomains(ws: WorkingSet): Map<number, { label: string; name: string }> {
  const t = ws.tables.outcomes;
  const tools = t.col('tool');
  const domains = t.col('domain');
  const out = new Map<number, { label: string; name: string }>();
  const used = new Set<string>();
  const keys = new Set<number>();
  for (let r = 0; r < t.rowCount; r++) if (domains.values[r] > 0) keys.add(domains.values[r] * 65536 + tools.values[r]);
  const named = [...keys].map((k) => {
    const tool = tools.dict[k % 65536] || 'other';
    const dom = domains.dict[Math.floor(k / 65536)] ?? '';
    return { k, tool, dom };
  });
  named.sort((a, b) => (a.tool + '\u001f' + a.dom < b.tool + '\u001f' + b.dom ? -1 : 1));
  for (const { k, tool, dom } of named) {
    // Room for "_latest" within Stata's 32 characters; a number keeps two cut names apart.
    let name = safeName(`${tool}_${dom}`, 25);
    for (let i = 2; used.has(name); i++) name = `${safeName(`${tool}_${dom}`, 22)}_${i}`;
    used.add(name);
    out.set(k, { label: `${humanize(dom)} (${humanize(tool)})`, name });
  }
  return out;
}

/**
 * The women's table for `women` (cohortWomen under `defs`, filtered as on the screen), with the
 * data's last day `end` (dataEndDay) closing the follow-up after referral.
 */
export function analysisWomen(ws: WorkingSet, defs: Definitions, women: readonly CohortWoman[], end: number | null): DatasetTable {
  const cases = ws.tables.cases;
  const rowOf = new Int32Array(ws.caseIds.length).fill(-1);
  for (let r = 0; r < cases.rowCount; r++) if (cases.caseIx[r] >= 0 && rowOf[cases.caseIx[r]] < 0) rowOf[cases.caseIx[r]] = r;
  const route = cases.text('referral_route');
  const modus = cases.text('engagement_modus');
  const police = cases.text('engagement_police');
  const column = cases.yn('complex_needs');
  const needs = NEED_FIELDS.map((f) => ({ name: f.name, read: cases.yn(f.name) }));
  const ageBand = cases.text('age_band');
  const age = cases.num('age_at_referral');
  const closure = cases.day('closure_date');
  const closureReason = cases.text('closure_reason');
  const perpetrator = cases.text('perpetrator_relationship');
  const mappa = cases.yn('mappa');

  // Risk at referral by each assessor: the model's own, under each assessor definition.
  const riskByAssessor = new Map(ASSESSORS.map((a) => [a, new Map(cohortWomen(ws, { ...defs, riskAssessor: a }).map((x) => [x.ix, x.riskAtReferral]))]));
  const scores = womanOutcomes(ws, '12');
  const domains = outcomeDomains(ws);
  const supCat = ws.tables.support.text('category');
  const catIndex = new Map(SUPPORT_CATEGORIES.map((c, i) => [c.code, i]));

  // Each woman as a group of one: her own counts and days, as the rates chart sums them.
  const rates = incidentRates(ws, women.map((w) => ({ key: '', label: '', women: [w] })), end);
  const rows: WomanRow[] = women.map((w, i) => {
    const support = new Int32Array(SUPPORT_CATEGORIES.length);
    for (const s of rowsOfCase(ws, 'support', w.ix)) {
      const c = catIndex.get(supCat(s) ?? '');
      if (c !== undefined) support[c]++;
    }
    return { w, row: rowOf[w.ix], rates: rates[i].women ? rates[i] : null, scores: scores[w.ix], support };
  });
  const engagedBy = (f: WomanRow, d: EngagedDefinition) => engagementOf(modus(f.row), police(f.row), d);
  const scoreOf = (f: WomanRow, key: number) => f.scores?.find((e) => e.key === key) ?? null;

  const [engagedLine, repeatLine, complexLine, riskLine] = describeDefinitions(defs);
  void repeatLine;
  const needsYes = (f: WomanRow) => needs.reduce((n, x) => n + (x.read(f.row) === true ? 1 : 0), 0);
  const profile = (f: WomanRow, withColumn: boolean) => ({
    complex_needs: withColumn ? column(f.row) : null,
    referral_route: route(f.row),
    ...Object.fromEntries(needs.map((x) => [x.name, x.read(f.row)])),
  });
  const v = (name: string, label: string, type: DatasetVariable['type'], extra: Partial<DatasetVariable> = {}): DatasetVariable => ({ name, label, type, ...extra });
  const followUp = `From ${PRE_DAYS} days before referral to the day before it, and from referral to the last day of the data${end === null ? '' : ' (see README.txt)'}.`;

  const specs: Spec<WomanRow>[] = [
    { variable: v('case_id', 'Case id (pseudonymous)', 'string'), read: (f) => f.w.caseId },
    { variable: v('area', 'Area', 'string'), read: (f) => f.w.area },
    { variable: v('referral_date', 'Date of referral', 'date'), read: (f) => f.w.referral },
    { variable: v('referral_route', 'Referral route', 'code', { values: valuesOf(VOCABULARIES.referralRoute, women.map((w) => w.route)) }), read: (f) => f.w.route },
    {
      variable: v('age_band', 'Age band at referral (from age_band, else from the age)', 'code', { values: valuesOf(VOCABULARIES.ageBand) }),
      read: (f) => ageBandOf({ age_band: ageBand(f.row), age_at_referral: age(f.row) }),
    },
    { variable: v('engagement_worker_code', "Engagement, the worker's coding as recorded", 'code', { values: valuesOf(VOCABULARIES.engagementModus) }), read: (f) => modus(f.row) },
    { variable: v('engagement_police_code', 'Engagement, the police coding as recorded', 'code', { values: valuesOf(VOCABULARIES.engagementPolice) }), read: (f) => police(f.row) },
    ...ENGAGED_DEFS.map((d) => ({
      variable: v(`engaged_${d}`, ENGAGED_LABELS[d], 'code', { values: ENGAGEMENT_VALUES }),
      read: (f: WomanRow) => engagedBy(f, d),
    })),
    { variable: v('engaged', 'Engaged, under the definition in force', 'code', { values: ENGAGEMENT_VALUES, definition: engagedLine }), read: (f) => f.w.engagement },
    { variable: v('complex_needs_column', 'Complex needs as the complex_needs column records it', 'yesno'), read: (f) => column(f.row) },
    { variable: v('needs_count', 'Needs recorded yes (need_* columns)', 'integer'), read: (f) => needsYes(f) },
    {
      variable: v('complex_needs_rule', 'Complex needs by the rule alone (complex needs list referral, or two or more needs)', 'yesno'),
      read: (f) => complexOf(column(f.row), f.w.route, needsYes(f), 'rule_only'),
    },
    {
      variable: v('complex_needs_column_or_rule', `Complex needs by ${COMPLEX_NEEDS_LABELS.column_or_rule}`, 'yesno'),
      read: (f) => complexOf(column(f.row), f.w.route, needsYes(f), 'column_or_rule'),
    },
    { variable: v('complex_needs', 'Complex needs, under the definition in force', 'yesno', { definition: complexLine }), read: (f) => f.w.complex },
    {
      variable: v('complex_needs_source', 'Where complex needs (in force) came from', 'code', { values: COMPLEX_SOURCE_VALUES, definition: complexLine }),
      read: (f) => (defs.complexNeeds === 'column_or_rule' && column(f.row) !== null ? 'column' : 'rule'),
    },
    {
      variable: v('complex_needs_reason', 'How complex needs (in force) was worked out', 'string', { definition: complexLine }),
      read: (f) => complexNeedsOf(profile(f, defs.complexNeeds === 'column_or_rule')).reason,
    },
    { variable: v('incidents_total', 'Police incidents, every incident row', 'integer'), read: (f) => f.w.incidents },
    { variable: v('domestic_incidents_total', 'Domestic incidents (not crimes), every row', 'integer'), read: (f) => f.w.domesticIncidents },
    { variable: v('crimes_total', 'Crimes, every row', 'integer'), read: (f) => f.w.crimes },
    { variable: v('domestic_incidents_before', `Domestic incidents in the ${PRE_DAYS} days before referral`, 'integer', { definition: followUp }), read: (f) => f.rates?.before.domestic ?? null },
    { variable: v('crimes_before', `Crimes in the ${PRE_DAYS} days before referral`, 'integer', { definition: followUp }), read: (f) => f.rates?.before.crimes ?? null },
    { variable: v('domestic_incidents_after', 'Domestic incidents from referral to the end of the data', 'integer', { definition: followUp }), read: (f) => f.rates?.after.domestic ?? null },
    { variable: v('crimes_after', 'Crimes from referral to the end of the data', 'integer', { definition: followUp }), read: (f) => f.rates?.after.crimes ?? null },
    { variable: v('follow_up_days_before', 'Days followed before referral', 'integer', { definition: followUp }), read: (f) => f.rates?.before.days ?? null },
    { variable: v('follow_up_days_after', 'Days followed from referral to the end of the data', 'integer', { definition: followUp }), read: (f) => f.rates?.after.days ?? null },
    { variable: v('risk_at_referral', 'Risk at referral, under the definition in force', 'code', { values: RISK_VALUES, definition: riskLine }), read: (f) => f.w.riskAtReferral },
    {
      variable: v('risk_latest', 'Latest risk on record, under the definition in force', 'code', { values: RISK_VALUES, definition: riskLine }),
      read: (f) => latestRisk(ws, f.w, defs.riskAssessor),
    },
    ...ASSESSORS.flatMap((a) => [
      { variable: v(`risk_referral_${a}`, `Risk at referral by ${RISK_ASSESSOR_LABELS[a]} on or before it`, 'code', { values: RISK_VALUES }), read: (f: WomanRow) => riskByAssessor.get(a)!.get(f.w.ix) ?? 'not_assessed' },
      { variable: v(`risk_latest_${a}`, `Latest risk on record by ${RISK_ASSESSOR_LABELS[a]}`, 'code', { values: RISK_VALUES }), read: (f: WomanRow) => latestRisk(ws, f.w, a) },
    ]),
    ...[...domains].flatMap(([key, d]) => [
      { variable: v(`${d.name}_first`, `${d.label}: first score`, 'number'), read: (f: WomanRow) => scoreOf(f, key)?.first ?? null },
      { variable: v(`${d.name}_latest`, `${d.label}: latest score`, 'number'), read: (f: WomanRow) => scoreOf(f, key)?.latest ?? null },
    ]),
    ...SUPPORT_CATEGORIES.map((c, i) => ({
      variable: v(`support_${c.code}`.slice(0, 32), `Support records: ${c.label.toLowerCase()}`, 'integer'),
      read: (f: WomanRow) => f.support[i],
    })),
    { variable: v('closure_date', 'Date the case was closed', 'date'), read: (f) => closure(f.row) },
    { variable: v('closure_reason', 'Closure reason', 'code', { values: valuesOf(VOCABULARIES.closureReason, rows.map((f) => closureReason(f.row))) }), read: (f) => closureReason(f.row) },
    {
      variable: v('perpetrator_relationship', 'Relationship to the main perpetrator at referral', 'code', { values: valuesOf(VOCABULARIES.perpetratorRelationship, women.map((w) => w.perpetrator)) }),
      read: (f) => f.w.perpetrator,
    },
    { variable: v('mappa', 'The perpetrator is managed under MAPPA', 'yesno'), read: (f) => f.w.mappa },
  ];
  return tableOf('women', rows, specs);
}

export function tableOf<T>(name: string, rows: readonly T[], specs: readonly Spec<T>[]): DatasetTable {
  return {
    name,
    rowCount: rows.length,
    variables: specs.map((s) => s.variable),
    columns: specs.map((s) => columnOf(s.variable.type, rows.length, (i) => s.read(rows[i]))),
  };
}
