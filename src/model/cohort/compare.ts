/**
 * The Cohort screen's Compare view: two groups of women, each a filter set (engaged or not under
 * the engagement definition in force, complex needs or not, an area, or a saved filter), side by
 * side on police incidents before and after referral, risk at referral and latest, and outcome
 * change, each with its 95% interval (src/model/stats/intervals.ts), and what the figures can and
 * cannot show. Every figure comes from the cohort model's own derivations (cohort women,
 * incident rates, risk transitions, outcome change); share mode applies to every count and
 * statistic, and an interval is hidden with its estimate. A group compared with itself, an empty
 * group or two groups with women in common give a problem and no figures. Pure.
 */
import type { WorkingSet } from '../../data/working-set';
import type { Definitions } from '../definitions';
import {
  cellText,
  clampThreshold,
  countCell,
  formatCount,
  isSuppressed,
  percentCell,
  primaryCount,
  shown,
  statisticAllowed,
  suppressed,
  suppressEntries,
  type Cell,
  type DisclosureRule,
} from '../disclosure';
import {
  medianInterval,
  minimumDetectableRateRatio,
  rateInterval,
  rateRatio,
  ratioOfRateRatios,
  wilson,
  type BeforeAfter,
  type Interval,
} from '../stats/intervals';
import { riskTransitions, RISK_ROWS } from './aggregates';
import { DEFAULT_QUERY, formatCohortQuery, parseCohortQuery, type CohortQuery } from './cohort-query';
import { RISK_AT_REFERRAL_LABELS, type CohortWoman, type RiskAtReferral } from './cohort-women';
import { cohortView } from './differencing';
import { incidentRates, PRE_DAYS, type GroupIncidentRates } from './incident-rates';
import { domainChanges, quantile } from './outcome-change';

/** A filter set saved under a name: the cohort query string (filters only, never data). */
export interface SavedFilter {
  name: string;
  query: string;
}

export const MAX_SAVED_NAME = 60;

/** One group that can be compared: a filter set with a label. */
export interface CompareOption {
  id: string;
  label: string;
  kind: 'engagement' | 'complex' | 'area' | 'saved';
  query: CohortQuery;
}

const only = (change: Partial<CohortQuery>): CohortQuery => ({ ...DEFAULT_QUERY, areas: [], ...change });

/** The groups on offer: engaged and not engaged, complex needs and not, each area, each saved filter. */
export function compareOptions(areas: readonly string[], saved: readonly SavedFilter[]): CompareOption[] {
  return [
    { id: 'engaged', label: 'Engaged', kind: 'engagement', query: only({ engagement: 'engaged' }) },
    { id: 'not_engaged', label: 'Not engaged', kind: 'engagement', query: only({ engagement: 'not_engaged' }) },
    { id: 'complex', label: 'Complex needs', kind: 'complex', query: only({ complex: 'yes' }) },
    { id: 'not_complex', label: 'No complex needs', kind: 'complex', query: only({ complex: 'no' }) },
    ...areas.map((a): CompareOption => ({ id: `area:${a}`, label: a, kind: 'area', query: only({ areas: [a] }) })),
    ...saved.map((s): CompareOption => ({ id: `saved:${s.name}`, label: `${s.name} (saved filter)`, kind: 'saved', query: { ...parseCohortQuery(s.query), grouping: 'none', alignment: 'referral' } })),
  ];
}

/** Saved filters as stored, keeping only well-formed entries (first of each name). */
export function parseSavedFilters(raw: unknown): SavedFilter[] {
  if (!Array.isArray(raw)) return [];
  const out: SavedFilter[] = [];
  for (const x of raw) {
    if (!x || typeof x !== 'object') continue;
    const { name, query } = x as Record<string, unknown>;
    if (typeof name !== 'string' || typeof query !== 'string') continue;
    const clean = name.trim();
    if (!clean || clean.length > MAX_SAVED_NAME || out.some((s) => s.name === clean)) continue;
    out.push({ name: clean, query: formatCohortQuery({ ...parseCohortQuery(query), grouping: 'none', alignment: 'referral' }) });
  }
  return out;
}

/** What is wrong with a name for a saved filter, or null. */
export function savedNameProblem(name: string): string | null {
  const clean = name.trim();
  if (!clean) return 'Give the filters a name.';
  if (clean.length > MAX_SAVED_NAME) return `A name has at most ${MAX_SAVED_NAME} characters.`;
  return null;
}

/** The list with the filters of `q` saved under `name` (replacing a filter of that name). */
export function withSavedFilter(list: readonly SavedFilter[], name: string, q: CohortQuery): SavedFilter[] {
  const clean = name.trim();
  const entry = { name: clean, query: formatCohortQuery({ ...q, grouping: 'none', alignment: 'referral' }) };
  const at = list.findIndex((s) => s.name === clean);
  return at < 0 ? [...list, entry] : list.map((s, i) => (i === at ? entry : s));
}

export function withoutSavedFilter(list: readonly SavedFilter[], name: string): SavedFilter[] {
  return list.filter((s) => s.name !== name);
}

/** A filter set in words, for the list of saved filters. */
export function describeFilters(q: CohortQuery, labels: { engagement: Record<string, string>; risk: Record<string, string> }): string {
  const parts: string[] = [];
  if (q.areas.length) parts.push(`area ${q.areas.join(' or ')}`);
  if (q.complex !== 'all') parts.push(q.complex === 'yes' ? 'complex needs' : 'no complex needs');
  if (q.engagement !== 'all') parts.push(labels.engagement[q.engagement].toLowerCase());
  if (q.route !== 'all') parts.push(`referral route ${q.route.replace(/_/g, ' ')}`);
  if (q.risk !== 'all') parts.push(`risk at referral ${labels.risk[q.risk].toLowerCase()}`);
  if (q.perpetrator !== 'all') parts.push(`main perpetrator ${q.perpetrator.replace(/_/g, ' ')}`);
  if (q.mappa !== 'all') parts.push(q.mappa === 'yes' ? 'perpetrator under MAPPA' : 'perpetrator not under MAPPA');
  if (q.from !== null || q.to !== null) parts.push('a referral period');
  return parts.length ? parts.join('; ') : 'all women (no filter)';
}

/** A published estimate: its value (a cell), and its interval unless hidden with it or not estimable. */
export interface Estimate {
  value: Cell;
  interval: Interval | null;
  /** Why there is no interval while the value is shown (the group is too small for one). */
  noInterval: string | null;
}

const hiddenEstimate = (reason: Cell): Estimate => ({ value: reason, interval: null, noInterval: null });

function estimate(value: number | null, interval: Interval | null, tooSmall: string): Estimate {
  if (value === null) return { value: shown(null), interval: null, noInterval: tooSmall };
  return { value: shown(value), interval, noInterval: interval ? null : tooSmall };
}

export interface IncidentSide {
  /** Domestic incidents and crimes, as counted by the incident rates chart. */
  count: number;
  countCell: Cell;
  /** Days of follow-up summed over the women. */
  days: number;
  /** Incidents per woman per 30 days. */
  rate: Estimate;
}

export interface RiskShare {
  level: RiskAtReferral;
  label: string;
  count: Cell;
  /** Percentage of the group, with its Wilson interval in percent. */
  share: Estimate;
}

export interface ComparedGroup {
  id: string;
  label: string;
  n: number;
  nCell: Cell;
  /** Women with a referral day on or before the end of the data: the rates' denominator. */
  referred: number;
  before: IncidentSide;
  after: IncidentSide;
  /** After/before rate ratio. */
  ratio: Estimate;
  /** Days followed after referral: shortest, median, longest (null without any). */
  followUp: { min: number; median: number; max: number } | null;
  riskAtReferral: RiskShare[];
  riskLatest: RiskShare[];
}

export interface OutcomeRow {
  key: string;
  label: string;
  /** Per group: women with a score in the domain, and the median change (latest minus first). */
  groups: { n: number; nCell: Cell; median: Estimate }[];
}

export type CompareProblem =
  | { kind: 'same' }
  | { kind: 'empty'; labels: string[] }
  | { kind: 'withheld'; labels: string[] }
  | { kind: 'overlap'; shared: Cell; identical: boolean };

export interface Comparison {
  first: CompareOption;
  second: CompareOption;
  problem: CompareProblem | null;
  /** The two groups, first then second; empty when there is a problem. */
  groups: ComparedGroup[];
  /** First group's after/before ratio over the second's. */
  ratioOfRatios: Estimate;
  /** The smallest ratio of rate ratios (above 1; its reciprocal below) detectable with 80% power at the 5% level; null when hidden or not estimable. */
  minimumDetectable: number | null;
  outcomes: OutcomeRow[];
  sharing: boolean;
}

const TOO_FEW_RATIO = 'no interval: a side of referral has no incidents';
const TOO_FEW_RATIOS = 'no interval: a group has no incidents on one side of referral';
const TOO_FEW_MEDIAN = 'no interval: fewer than 2 women';

function incidentSide(count: number, days: number, referred: number, rule: DisclosureRule | null): IncidentSide {
  const countCell = primaryCount(count, rule);
  const r = rateInterval(count, days, 30);
  let rate: Estimate;
  if (rule && isSuppressed(countCell)) rate = hiddenEstimate(suppressed('count_hidden'));
  else if (rule && !statisticAllowed(referred)) rate = hiddenEstimate(suppressed('few_women'));
  else rate = estimate(r ? r.estimate : null, r, 'no interval: no days of follow-up');
  return { count, countCell, days, rate };
}

/** Counts by risk level (RISK_ROWS order) as published shares of n, each with its Wilson interval. */
function riskShares(counts: readonly number[], n: number, rule: DisclosureRule | null): RiskShare[] {
  const hidden = rule ? suppressEntries([...counts, n], [{ parts: [0, 1, 2, 3], total: 4 }], rule) : counts.map(() => false).concat(false);
  return RISK_ROWS.map((level, i) => {
    const count = countCell(counts[i], hidden[i], rule);
    const pct = percentCell(counts[i], n, hidden[i] || hidden[4], rule);
    const w = wilson(counts[i], n);
    const share = isSuppressed(pct) ? hiddenEstimate(pct) : estimate(pct.value, w && { estimate: 100 * w.estimate, lower: 100 * w.lower, upper: 100 * w.upper }, 'no interval: no women');
    return { level, label: RISK_AT_REFERRAL_LABELS[level], count, share };
  });
}

/** What a group's figures are made of before share mode: once per list of its women (which fixes the working set and definitions) and end day. */
interface GroupFacts {
  rates: GroupIncidentRates;
  followUp: ComparedGroup['followUp'];
  /** Women by risk level (RISK_ROWS order) at referral and latest. */
  atReferral: number[];
  latest: number[];
  /** Per tool and domain: women scored, the median change and its bootstrap interval. */
  outcomes: { key: string; label: string; n: number; median: number | null; interval: Interval | null }[];
}

const factsCache = new WeakMap<readonly CohortWoman[], Map<number | null, GroupFacts>>();

function groupFacts(ws: WorkingSet, women: CohortWoman[], defs: Definitions, end: number | null): GroupFacts {
  let byEnd = factsCache.get(women);
  if (!byEnd) factsCache.set(women, (byEnd = new Map()));
  let f = byEnd.get(end);
  if (f) return f;
  const rates = incidentRates(ws, [{ key: 'group', label: 'group', women }], end)[0];
  // Days followed, as the incident rates count them: from the referral day to the end of the data, both included.
  let min = Infinity;
  let max = -Infinity;
  if (end !== null)
    for (const w of women)
      if (w.referral !== null && w.referral <= end) {
        min = Math.min(min, end - w.referral + 1);
        max = Math.max(max, end - w.referral + 1);
      }
  const transitions = riskTransitions(ws, women, defs).cells;
  f = {
    rates,
    followUp: rates.medianFollowUpDays === null ? null : { min, median: rates.medianFollowUpDays, max },
    atReferral: transitions.map((row) => row.reduce((x, y) => x + y, 0)),
    latest: RISK_ROWS.map((_, c) => transitions.reduce((x, row) => x + row[c], 0)),
    // The median as the outcome chart has it (its distance travelled), with the bootstrap interval.
    outcomes: domainChanges(ws, women).map((d) => ({ key: d.key, label: d.label, n: d.changes.length, median: quantile(d.changes, 0.5), interval: medianInterval(d.changes) })),
  };
  byEnd.set(end, f);
  return f;
}

/** Per list of all women: each option's women and whether share mode withholds them, by query and threshold. */
const membersCache = new WeakMap<readonly CohortWoman[], Map<string, { women: CohortWoman[]; withheld: boolean }>>();

/**
 * Women of one option: all women matching its filters, and whether share mode withholds any of
 * them, as the Cohort screen would for the same filters (a filtered view whose n, or an area's,
 * differs from the unfiltered one by 1 to the threshold).
 */
function membersOf(all: readonly CohortWoman[], option: CompareOption, rule: DisclosureRule | null): { women: CohortWoman[]; withheld: boolean } {
  const q: CohortQuery = { ...option.query, grouping: 'none', alignment: 'referral' };
  const key = `${formatCohortQuery(q)}\u001f${rule ? clampThreshold(rule.threshold) : ''}`;
  let byKey = membersCache.get(all);
  if (!byKey) membersCache.set(all, (byKey = new Map()));
  let m = byKey.get(key);
  if (!m) {
    const view = cohortView(all, q, rule);
    byKey.set(key, (m = { women: view.women, withheld: view.withheld.length > 0 }));
  }
  return m;
}

function noFigures(first: CompareOption, second: CompareOption, problem: CompareProblem, sharing: boolean): Comparison {
  return { first, second, problem, groups: [], ratioOfRatios: hiddenEstimate(shown(null)), minimumDetectable: null, outcomes: [], sharing };
}

export function compareGroups(
  ws: WorkingSet,
  all: readonly CohortWoman[],
  first: CompareOption,
  second: CompareOption,
  defs: Definitions,
  end: number | null,
  rule: DisclosureRule | null,
): Comparison {
  const sharing = rule !== null;
  if (first.id === second.id) return noFigures(first, second, { kind: 'same' }, sharing);
  const members = [first, second].map((o) => membersOf(all, o, rule));
  const empty = [first, second].filter((_, i) => members[i].women.length === 0).map((o) => o.label);
  if (empty.length) return noFigures(first, second, { kind: 'empty', labels: empty }, sharing);
  const withheld = [first, second].filter((_, i) => members[i].withheld).map((o) => o.label);
  if (withheld.length) return noFigures(first, second, { kind: 'withheld', labels: withheld }, sharing);
  const [a, b] = members.map((m) => m.women);
  const inFirst = new Set(a.map((w) => w.ix));
  const both = b.reduce((k, w) => k + (inFirst.has(w.ix) ? 1 : 0), 0);
  if (both > 0) return noFigures(first, second, { kind: 'overlap', shared: primaryCount(both, rule), identical: both === a.length && both === b.length }, sharing);

  const groups = [
    { key: first.id, label: first.label, women: a },
    { key: second.id, label: second.label, women: b },
  ];
  const compared: ComparedGroup[] = groups.map((g) => {
    const f = groupFacts(ws, g.women, defs, end);
    const r = f.rates;
    const before = incidentSide(r.before.domestic + r.before.crimes, r.before.days, r.women, rule);
    const after = incidentSide(r.after.domestic + r.after.crimes, r.after.days, r.women, rule);
    const rr = rateRatio(after.count, after.days, before.count, before.days);
    const ratio =
      isSuppressed(before.rate.value) ? hiddenEstimate(before.rate.value)
      : isSuppressed(after.rate.value) ? hiddenEstimate(after.rate.value)
      : estimate(before.count > 0 && after.days > 0 && before.days > 0 ? after.count / after.days / (before.count / before.days) : null, rr, TOO_FEW_RATIO);
    return {
      id: g.key,
      label: g.label,
      n: g.women.length,
      nCell: primaryCount(g.women.length, rule),
      referred: r.women,
      before,
      after,
      ratio,
      followUp: f.followUp,
      riskAtReferral: riskShares(f.atReferral, g.women.length, rule),
      riskLatest: riskShares(f.latest, g.women.length, rule),
    };
  });

  const counts = compared.map((g): BeforeAfter => ({ eventsBefore: g.before.count, timeBefore: g.before.days, eventsAfter: g.after.count, timeAfter: g.after.days }));
  const ratioHidden = compared.find((g) => isSuppressed(g.ratio.value))?.ratio.value;
  const ror = ratioOfRateRatios(counts[0], counts[1]);
  const [r1, r2] = compared.map((g) => valueOrNull(g.ratio.value));
  const ratioOfRatios = ratioHidden ? hiddenEstimate(ratioHidden) : estimate(r1 !== null && r2 !== null && r2 > 0 ? r1 / r2 : null, ror, TOO_FEW_RATIOS);
  // Detectable with 80% power: each group's after/before log ratio has variance 1/after + 1/before,
  // the variance of one Poisson count of 1/(1/after + 1/before) events; judged from the counts seen.
  const effective = counts.map((c) => (c.eventsAfter > 0 && c.eventsBefore > 0 ? 1 / (1 / c.eventsAfter + 1 / c.eventsBefore) : 0));
  const minimumDetectable = ratioHidden ? null : minimumDetectableRateRatio(effective[0], effective[1]);

  const outcomes = outcomeRows(groups.map((g) => groupFacts(ws, g.women, defs, end).outcomes), rule);
  return { first, second, problem: null, groups: compared, ratioOfRatios, minimumDetectable, outcomes, sharing };
}

const valueOrNull = (c: Cell) => (c.suppressed ? null : c.value);

/** Domains scored in either group, with each group's median change and its bootstrap interval, as published. */
function outcomeRows(perGroup: GroupFacts['outcomes'][], rule: DisclosureRule | null): OutcomeRow[] {
  const keys = new Map<string, string>();
  for (const g of perGroup) for (const d of g) if (!keys.has(d.key)) keys.set(d.key, d.label);
  return [...keys].map(([key, label]) => ({
    key,
    label,
    groups: perGroup.map((g) => {
      const d = g.find((x) => x.key === key);
      const n = d ? d.n : 0;
      const nCell = primaryCount(n, rule);
      if (!d || n === 0) return { n, nCell, median: estimate(null, null, TOO_FEW_MEDIAN) };
      if (rule && !statisticAllowed(n)) return { n, nCell, median: hiddenEstimate(suppressed('few_women')) };
      return { n, nCell, median: estimate(d.median, d.interval, TOO_FEW_MEDIAN) };
    }),
  }));
}

/** An estimate as text: "0.51 (0.45 to 0.58)", `[c]` when hidden, or the value and why there is no interval. */
export function estimateText(e: Estimate, format: (v: number) => string): string {
  if (isSuppressed(e.value)) return cellText(e.value);
  if (e.value.value === null) return `– (${e.noInterval ?? 'nothing to estimate'})`;
  if (!e.interval) return `${format(e.value.value)} (${e.noInterval})`;
  return `${format(e.value.value)} (${format(e.interval.lower)} to ${format(e.interval.upper)})`;
}

/** An estimate as CSV columns: value (`[c]` when hidden), lower and upper limits, and a note. */
export function estimateColumns(e: Estimate, format: (v: number) => string): [string, string, string, string] {
  if (isSuppressed(e.value)) return [cellText(e.value), '', '', 'hidden in share mode'];
  const v = e.value.value;
  return [v === null ? '' : format(v), e.interval ? format(e.interval.lower) : '', e.interval ? format(e.interval.upper) : '', e.interval ? '' : (e.noInterval ?? '')];
}

/** Whether an estimate's interval lies wholly above or below a value, or spans it. */
function direction(e: Estimate, at: number): 'higher' | 'lower' | 'similar' | null {
  if (!e.interval) return null;
  if (e.interval.lower > at) return 'higher';
  if (e.interval.upper < at) return 'lower';
  return 'similar';
}

export const fmtRate = (v: number) => v.toFixed(2);
export const fmtRatio = (v: number) => v.toFixed(2);
export const fmtPercent = (v: number) => `${v.toFixed(1)}%`;
export const fmtScore = (v: number) => v.toFixed(1);

/** What the comparison's problem means, in words (null when there is none). */
export function problemText(c: Comparison): string | null {
  const p = c.problem;
  if (!p) return null;
  switch (p.kind) {
    case 'same':
      return `Both groups are ${c.first.label}: a group compared with itself shows no difference by construction, so nothing is shown. Choose two different groups.`;
    case 'empty':
      return `${p.labels.join(' and ')} ${p.labels.length > 1 ? 'have' : 'has'} no women in the data loaded, so there is nothing to compare. Choose another group.`;
    case 'withheld':
      return `In share mode ${p.labels.join(' and ')} ${p.labels.length > 1 ? 'are' : 'is'} withheld: comparing ${p.labels.length > 1 ? 'their' : 'its'} number of women with all women, or with an area, would reveal a few women. Choose other groups, or turn share mode off to see exact numbers.`;
    case 'overlap':
      return p.identical
        ? `${c.first.label} and ${c.second.label} hold the same women, so comparing them shows no difference by construction. Choose two groups with no woman in common.`
        : `${cellText(p.shared)} women are in both ${c.first.label} and ${c.second.label}. A comparison needs two groups with no woman in common (her incidents would count on both sides), so nothing is shown. Choose groups that do not overlap, such as engaged against not engaged.`;
  }
}

/** One paragraph of the panel "What these figures can and cannot show". */
export interface Caveat {
  key: 'assignment' | 'regression' | 'follow-up' | 'power';
  heading: string;
  text: string;
}

/** The panel's paragraphs, written from the figures in view (share mode applied). */
export function caveats(c: Comparison): Caveat[] {
  if (c.problem || c.groups.length !== 2) return [];
  const [g1, g2] = c.groups;
  const ns = `${g1.label} (n = ${cellText(g1.nCell)}) and ${g2.label} (n = ${cellText(g2.nCell)})`;
  const high = (g: ComparedGroup) => g.riskAtReferral.find((r) => r.level === 'high')!.share;
  const engagement = c.first.kind === 'engagement' && c.second.kind === 'engagement';
  const assignment = engagement
    ? `Engagement was not assigned at random: women chose whether to engage, and the worker and the police recorded it. Women who engaged may differ from those who did not in risk, needs and circumstances, so a difference between ${ns} need not be caused by engagement.`
    : `These groups were not formed at random, so they may differ in ways the data does not record; a difference between ${ns} need not be caused by what defines the groups.`;
  const highText = `At referral, ${estimateText(high(g1), fmtPercent)} of ${g1.label} and ${estimateText(high(g2), fmtPercent)} of ${g2.label} were at high risk (95% interval in brackets).`;

  const before = (g: ComparedGroup) => estimateText(g.before.rate, fmtRate);
  const fell = [g1, g2].filter((g) => direction(g.ratio, 1) === 'lower').map((g) => g.label);
  const regression =
    `Women are referred near a peak, often just after an incident, so incidents tend to fall back afterwards on their own (regression to the mean), with or without support. In the 12 months before referral ${g1.label} had ${before(g1)} and ${g2.label} ${before(g2)} incidents per woman per 30 days. ` +
    (fell.length ? `The fall after referral in ${fell.join(' and ')} is partly, perhaps wholly, this. ` : '') +
    'Each group’s after/before ratio overstates what support achieved; the ratio of the two ratios is fairer only if both groups were referred at a similar peak.';

  const spans = [g1, g2].filter((g) => g.followUp);
  const min = Math.min(...spans.map((g) => g.followUp!.min));
  const max = Math.max(...spans.map((g) => g.followUp!.max));
  const followUp = spans.length
    ? `Follow-up after referral ranges from ${formatCount(min)} to ${formatCount(max)} days (median ${spans.map((g) => `${formatCount(Math.round(g.followUp!.median))} days in ${g.label}`).join(', ')}). Rates pool each woman’s days, so a short follow-up does not count as quiet, but the later months rest on the women referred earliest, and a group referred more recently is seen over a shorter, earlier part of its journeys. Before referral every woman counts for ${PRE_DAYS} days.`
    : 'No woman in these groups has a referral date within the data, so follow-up cannot be measured.';

  let power: string;
  if (isSuppressed(c.ratioOfRatios.value)) power = `With n = ${cellText(g1.nCell)} and ${cellText(g2.nCell)}, the incident counts are too small to publish in share mode, so neither the comparison of rates nor the difference it could detect is shown.`;
  else if (c.minimumDetectable === null)
    power = `With n = ${cellText(g1.nCell)} and ${cellText(g2.nCell)} women, a group has no incidents on one side of referral, so these numbers are too small to estimate the difference they could detect, and the comparison of rates has no interval.`;
  else {
    const m = c.minimumDetectable;
    power =
      `With n = ${cellText(g1.nCell)} and ${cellText(g2.nCell)} women and the incidents counted, the smallest difference these numbers could detect with 80% power at the 5% level (two-sided) is a ratio of rate ratios of ${fmtRatio(m)} or more, or ${fmtRatio(1 / m)} or less: ` +
      `one group’s incidents changing ${Math.round(100 * (m - 1))}% more, or ${Math.round(100 * (1 - 1 / m))}% less, than the other’s. A smaller true difference could easily go unseen, and an interval that spans 1 does not show there is no difference.`;
  }
  return [
    { key: 'assignment', heading: 'Not a randomised comparison', text: `${assignment} ${highText}` },
    { key: 'regression', heading: 'Regression to the mean', text: regression },
    { key: 'follow-up', heading: 'Follow-up lengths differ', text: followUp },
    { key: 'power', heading: 'How large a difference these numbers could detect', text: power },
  ];
}

/** The forest plot's text summary: each after/before ratio and the ratio of ratios, with intervals. */
export function ratioSummary(c: Comparison): string {
  if (c.problem || c.groups.length !== 2) return '';
  const [g1, g2] = c.groups;
  const word = (e: Estimate) => {
    const d = direction(e, 1);
    return d === 'lower' ? 'fewer incidents after referral than before' : d === 'higher' ? 'more incidents after referral than before' : d === 'similar' ? 'no clear change' : 'no interval';
  };
  const ror = c.ratioOfRatios;
  const d = direction(ror, 1);
  const rorWord =
    d === 'lower' ? `incidents fell more (or rose less) in ${g1.label} than in ${g2.label}`
    : d === 'higher' ? `incidents fell less (or rose more) in ${g1.label} than in ${g2.label}`
    : d === 'similar' ? 'the interval spans 1, so these data do not show that the change differs between the groups'
    : 'no interval';
  return (
    `Rate ratio after/before referral: ${g1.label} ${estimateText(g1.ratio, fmtRatio)}, ${word(g1.ratio)}; ` +
    `${g2.label} ${estimateText(g2.ratio, fmtRatio)}, ${word(g2.ratio)}. ` +
    `Ratio of the two ratios (${g1.label} over ${g2.label}): ${estimateText(ror, fmtRatio)}; ${rorWord}.`
  );
}
