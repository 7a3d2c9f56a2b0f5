/**
 * The commissioner's report (issue 14, point 5): what goes into it, worked out from the working
 * set, the definitions in force, the import history and the Cohort screen's filters. It is always
 * made in share mode, whatever the screen's setting: the rule here is never null. Each chart is
 * computed only when chosen, by the same model functions as the Cohort screen, and knows whether
 * anything of it can be shown (a chart whose every figure is hidden is replaced by a sentence
 * saying so). Pure.
 */
import { max, min } from 'd3';
import type { WorkingSet } from '../../data/working-set';
import { formatDayLong } from '../../data/days';
import type { ImportSummary } from '../../domain/import-report';
import { clampThreshold, isSuppressed, MIN_WOMEN_FOR_STATISTICS, statisticAllowed, SUPPRESSED, valueOf, type Cell, type DisclosureRule, type RoundingBase } from '../disclosure';
import { describeDefinitions, type Definitions } from '../definitions';
import { cohortWomen } from '../cohort/cohort-women';
import { ALIGNMENT_LABELS, DEFAULT_QUERY, GROUPING_LABELS, groupWomen, type CohortQuery } from '../cohort/cohort-query';
import { cohortView, filterActive, summaryDifferencing, type CohortView } from '../cohort/differencing';
import { cohortTables, type CohortTables } from '../cohort/cohort-summary';
import { coarsenedRiskMix, type CoarsenedRiskMix } from '../cohort/risk-mix';
import { dataEndDay, incidentRates, type GroupIncidentRates } from '../cohort/incident-rates';
import { coarsenedOutcomes, type CoarsenedOutcomes } from '../cohort/outcome-change';
import { needSets, publishNeedSets, type PublishedNeedSets } from '../cohort/need-sets';
import { cjOutcomesByArea, publishCrimeOutcomes, type CrimeOutcomes, type PublishedTable } from '../cohort/aggregates';
import { cohortTrends, type Trends } from '../cohort/trends';
import { areaProfile, type AreaProfile } from '../cohort/area-profile';

/** The existing cohort charts a user may choose for the report, in the report's order. */
export const REPORT_CHARTS = [
  { id: 'risk-mix', title: 'Risk mix' },
  { id: 'incident-rates', title: 'Police incidents per woman per 30 days' },
  { id: 'outcomes', title: 'Outcome scores' },
  { id: 'need-sets', title: 'Needs that occur together' },
  { id: 'cj-outcomes', title: 'Criminal justice outcomes of crimes, by area' },
] as const;

export type ReportChartId = (typeof REPORT_CHARTS)[number]['id'];

export const ALL_REPORT_CHARTS: readonly ReportChartId[] = REPORT_CHARTS.map((c) => c.id);

/** The sentence on the first page: the report never depends on the screen's share-mode switch. */
export const ALWAYS_SHARE_MODE = "This report is always made in share mode, whatever the Cohort screen's setting.";

export interface ReportInput {
  ws: WorkingSet;
  defs: Definitions;
  history: readonly ImportSummary[];
  /** The Cohort screen's filters, grouping and time axis. */
  query: CohortQuery;
  /** The share-mode threshold (the screen's, used even when the screen's share mode is off). */
  threshold: unknown;
  /** The screen's rounding of shown counts (5 or 10), if on: the report rounds as the screen would in share mode. */
  rounding?: RoundingBase | null;
  /** The user allows charts to merge small areas into "Other areas". */
  mergeSmallAreas?: boolean;
  charts: readonly ReportChartId[];
  /** The "Trends" section is chosen. */
  trends?: boolean;
  /** The "Each area against the whole" section is chosen. */
  areaComparison?: boolean;
}

export interface ReportSource {
  importedAt: number;
  files: { name: string; rows: number }[];
}

/**
 * - `no-data`: no cases are loaded;
 * - `no-referrals`: no woman matches the period and filters;
 * - `withheld`: share mode withholds the whole filtered view (differencing);
 * - `ok`: there is something to show (which may still be mostly hidden).
 */
export type ReportStatus = 'no-data' | 'no-referrals' | 'withheld' | 'ok';

/** A chart's data, and whether nothing of it can be shown (every figure hidden or zero). */
export interface ReportChart<T> {
  data: T;
  empty: boolean;
}

export interface ReportCharts {
  'risk-mix'?: ReportChart<CoarsenedRiskMix>;
  'incident-rates'?: ReportChart<GroupIncidentRates[]>;
  outcomes?: ReportChart<CoarsenedOutcomes>;
  'need-sets'?: ReportChart<PublishedNeedSets>;
  'cj-outcomes'?: ReportChart<{ crimes: CrimeOutcomes; published: PublishedTable }>;
}

export interface Report {
  title: string;
  /** Always a rule: the report is made in share mode. */
  rule: DisclosureRule;
  status: ReportStatus;
  query: CohortQuery;
  /** The period covered, in words (the first page). */
  periodCovered: string;
  /** The period as chart footers say it (as on the Cohort screen). */
  period: string;
  /** The filters and grouping in words. */
  selection: string[];
  sources: ReportSource[];
  definitionLines: string[];
  /** The suppression rule in words. */
  suppressionLines: string[];
  view: CohortView;
  tables: CohortTables;
  /** Every area's count of women is hidden (e.g. many areas of a few women each). */
  everyAreaHidden: boolean;
  charts: ReportCharts;
  /** The charts chosen, in the report's order. */
  chosen: ReportChartId[];
  /** Trends per quarter (when chosen and there is something to report). */
  trends?: Trends;
  /** Each area against the whole (when chosen and there is something to report). */
  profile?: AreaProfile;
}

/** The suppression rule as the report states it. */
export function suppressionLines(rule: DisclosureRule): string[] {
  return [
    `Counts from 1 to ${rule.threshold} are shown as ${SUPPRESSED}. Further counts are hidden where needed so that no hidden count can be worked out from a total ("secondary suppression"). Zero is shown.`,
    `Percentages, means, medians and rates over fewer than ${MIN_WOMEN_FOR_STATISTICS} women are hidden.`,
    'Where the report covers part of the data (a period or other filters), any group or area that could be compared with the whole to count a few women is withheld.',
  ];
}

/** The imports the figures come from, oldest first (rolled-back imports stored nothing). */
export function reportSources(history: readonly ImportSummary[]): ReportSource[] {
  return history
    .filter((h) => !h.rolledBack)
    .map((h) => ({ importedAt: h.importedAt, files: h.files.filter((f) => f.kind !== null).map((f) => ({ name: f.fileName, rows: f.rowsImported })) }))
    .sort((a, b) => a.importedAt - b.importedAt);
}

function selectionLines(q: CohortQuery): string[] {
  const out = [`Charts grouped by: ${GROUPING_LABELS[q.grouping].toLowerCase()}; time axis: ${ALIGNMENT_LABELS[q.alignment].toLowerCase()}.`];
  if (q.areas.length) out.push(`Areas: ${q.areas.join(', ')}.`);
  const other: string[] = [];
  if (q.complex !== DEFAULT_QUERY.complex) other.push(q.complex === 'yes' ? 'complex needs only' : 'no complex needs only');
  if (q.engagement !== DEFAULT_QUERY.engagement) other.push(`engagement: ${q.engagement.replace(/_/g, ' ')}`);
  if (q.route !== DEFAULT_QUERY.route) other.push(`referral route: ${q.route.replace(/_/g, ' ')}`);
  if (q.risk !== DEFAULT_QUERY.risk) other.push(`risk at referral: ${q.risk.replace(/_/g, ' ')}`);
  if (q.perpetrator !== DEFAULT_QUERY.perpetrator) other.push(`main perpetrator: ${q.perpetrator.replace(/_/g, ' ')}`);
  if (q.mappa !== DEFAULT_QUERY.mappa) other.push(`perpetrator under MAPPA: ${q.mappa}`);
  if (other.length) out.push(`Other filters: ${other.join('; ')}.`);
  return out;
}

function periodCovered(q: CohortQuery, first: number | null, last: number | null): string {
  const chosen =
    q.from !== null && q.to !== null ? `Women referred from ${formatDayLong(q.from)} to ${formatDayLong(q.to)}`
    : q.from !== null ? `Women referred from ${formatDayLong(q.from)}`
    : q.to !== null ? `Women referred up to ${formatDayLong(q.to)}`
    : 'All women loaded';
  if (first === null || last === null) return `${chosen}: no referrals in this period.`;
  return `${chosen}: referrals from ${formatDayLong(first)} to ${formatDayLong(last)}.`;
}

/** No figure of these is shown but zero: nothing worth drawing. */
const nothingShown = (cells: readonly Cell[]) => cells.every((c) => isSuppressed(c) || !valueOf(c));

export function buildReport(input: ReportInput): Report {
  const { ws, defs, query: q } = input;
  const rule: DisclosureRule = input.rounding ? { threshold: clampThreshold(input.threshold), rounding: input.rounding } : { threshold: clampThreshold(input.threshold) };
  const all = cohortWomen(ws, defs);
  const view = cohortView(all, q, rule);
  const women = view.shownWomen;
  const groups = view.shownGroups;
  const tables = cohortTables(women, groups, q.grouping, rule, summaryDifferencing(view.unfilteredSummary, rule));
  const end = dataEndDay(ws);
  const refs = women.map((w) => w.referral).filter((d): d is number => d !== null);
  const first = refs.length ? min(refs)! : null;
  const last = refs.length ? max(refs)! : null;
  const matching = view.women.length;
  const status: ReportStatus =
    all.length === 0 ? 'no-data'
    : matching === 0 ? 'no-referrals'
    : groups.length === 0 ? 'withheld'
    : 'ok';
  const chosen = ALL_REPORT_CHARTS.filter((id) => input.charts.includes(id));
  const charts: ReportCharts = {};
  if (status === 'ok') {
    const allShown = tables.summary[tables.summary.length - 1];
    for (const id of chosen) {
      if (id === 'risk-mix') {
        const unfiltered = filterActive(q) ? groupWomen(all, q.grouping) : null;
        const data = coarsenedRiskMix(ws, groups, { riskAssessor: defs.riskAssessor }, q.alignment, end, rule, unfiltered, undefined, !!input.mergeSmallAreas && q.grouping === 'area');
        charts[id] = { data, empty: data.groups.every((g) => g.columns.every((c) => !(c.n > 0 && c.shares.some((s) => s !== null)))) };
      } else if (id === 'incident-rates') {
        const data = incidentRates(ws, groups, end);
        charts[id] = { data, empty: data.every((r) => !statisticAllowed(r.women)) };
      } else if (id === 'outcomes') {
        const data = coarsenedOutcomes(ws, groups, rule, q.grouping, !!input.mergeSmallAreas);
        charts[id] = { data, empty: data.groups.every((g) => g.domains.every((d) => d.byMonth.every((m) => m.median === null))) };
      } else if (id === 'need-sets') {
        const data = publishNeedSets(needSets(ws, women), rule, allShown?.shown.referred);
        charts[id] = { data, empty: nothingShown([...data.combinations.map((c) => c.count), ...data.sets.map((s) => s.count)]) };
      } else {
        const crimes = cjOutcomesByArea(ws, women);
        const published = publishCrimeOutcomes(crimes, tables.summary, rule);
        charts[id] = { data: { crimes, published }, empty: nothingShown(published.shown.flat()) };
      }
    }
  }
  return {
    title: "Commissioner's report",
    rule,
    status,
    query: q,
    periodCovered: periodCovered(q, first, last),
    period:
      first === null || last === null || end === null
        ? 'no referral dates'
        : `referrals ${formatDayLong(first)} to ${formatDayLong(last)}, incidents from 12 months before each referral to ${formatDayLong(end)}`,
    selection: selectionLines(q),
    sources: reportSources(input.history),
    definitionLines: describeDefinitions(defs),
    suppressionLines: suppressionLines(rule),
    view,
    tables,
    everyAreaHidden: status === 'ok' && tables.summary.slice(0, -1).every((r) => isSuppressed(r.shown.referred)),
    charts,
    chosen,
    trends: status === 'ok' && input.trends ? cohortTrends(ws, women, end, rule, tables.summary) : undefined,
    profile: status === 'ok' && input.areaComparison ? areaProfile(ws, women, end, rule, tables.summary, !!input.mergeSmallAreas) : undefined,
  };
}
