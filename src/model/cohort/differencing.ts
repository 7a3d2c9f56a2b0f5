/**
 * Differencing protection for filtered cohort views (share mode). A reader who sees a filtered
 * view and the unfiltered one (same definitions, same grouping) can subtract a group's two n to
 * count the women the filter removed from it. When that difference is 1 to the threshold, the
 * group is withheld from the filtered view: not drawn, its counts shown as `[c]`. The same goes
 * for the whole filtered cohort against the whole unfiltered cohort. The summary table is also
 * compared cell by cell (`differencingCells`): any count, of women or of incidents, within the
 * threshold of the same unfiltered cell is hidden, and secondary suppression protects it. Pure.
 */
import { clampThreshold, hiddenIn, isPrimarySuppressed, type DisclosureRule } from '../disclosure';
import { cohortTables, SUMMARY_COLUMNS, type CellMask, type CohortTables, type SummaryRow } from './cohort-summary';
import { DEFAULT_QUERY, filterWomen, formatCohortQuery, groupWomen, parseCohortQuery, type CohortGroup, type CohortQuery, type Grouping } from './cohort-query';
import type { CohortWoman } from './cohort-women';
import type { Definitions } from '../definitions';

export interface GroupCount {
  key: string;
  n: number;
}

/**
 * Why a group (or an area) is withheld:
 * - `difference`: its n differs from the same group's unfiltered n by 1 to the threshold;
 * - `unfiltered_hidden`: its n is the same as the unfiltered n, which the unfiltered view hides
 *   (primary or secondary suppression), so showing it here would undo that;
 * - `whole_cohort`: the whole filtered cohort differs from the whole unfiltered cohort by 1 to
 *   the threshold and no group is withheld for another reason, so the groups would add up to it;
 * - `area_withheld`: every woman of the group is in a withheld area.
 */
export type WithheldReason = 'difference' | 'unfiltered_hidden' | 'whole_cohort' | 'area_withheld';

export interface DifferencingResult {
  /** Filtered groups withheld, by key, with the reason. */
  withheld: Map<string, WithheldReason>;
  /** The whole filtered cohort's n differs from the unfiltered cohort's by 1 to the threshold. */
  totalWithheld: boolean;
}

export interface DifferencingOptions {
  /** Keys of groups whose n the unfiltered view shows as `[c]`. */
  unfilteredHidden?: ReadonlySet<string>;
  /** Withhold every group when only the total differs by a few (default true). */
  wholeCohort?: boolean;
}

/** A difference of 1 to the threshold: the primary test of the disclosure module. */
const small = (d: number, t: number) => isPrimarySuppressed(d, { threshold: t });

/**
 * Which groups of a filtered view to withhold. Groups present in the filtered view only are
 * judged (a group the filter empties publishes nothing); totals are the sums of the groups.
 * Every group left has a difference of 0 or more than the threshold from its unfiltered n, and
 * so has the sum of the groups left.
 */
export function differencingWithheld(
  filteredCounts: readonly GroupCount[],
  unfilteredCounts: readonly GroupCount[],
  rule: DisclosureRule,
  options: DifferencingOptions = {},
): DifferencingResult {
  const t = clampThreshold(rule.threshold);
  const unfiltered = new Map<string, number>();
  for (const g of unfilteredCounts) unfiltered.set(g.key, (unfiltered.get(g.key) ?? 0) + g.n);
  const withheld = new Map<string, WithheldReason>();
  for (const g of filteredCounts) {
    const d = Math.abs((unfiltered.get(g.key) ?? 0) - g.n);
    if (small(d, t)) withheld.set(g.key, 'difference');
    else if (d === 0 && g.n > 0 && options.unfilteredHidden?.has(g.key)) withheld.set(g.key, 'unfiltered_hidden');
  }
  const sum = (gs: readonly GroupCount[]) => gs.reduce((a, g) => a + g.n, 0);
  const totalWithheld = small(Math.abs(sum(unfilteredCounts) - sum(filteredCounts)), t);
  // With no group withheld, the groups shown would add up to the withheld total: withhold them all.
  if (options.wholeCohort !== false && totalWithheld && withheld.size === 0) for (const g of filteredCounts) if (g.n > 0) withheld.set(g.key, 'whole_cohort');
  return { withheld, totalWithheld };
}

/** Any filter other than the default query (grouping and time axis are not filters). */
export function filterActive(q: CohortQuery): boolean {
  return formatCohortQuery({ ...q, grouping: DEFAULT_QUERY.grouping, alignment: DEFAULT_QUERY.alignment }) !== '';
}

/** A group of the view, or an area of its summary table, withheld in share mode. */
export interface WithheldPart {
  kind: 'group' | 'area';
  key: string;
  label: string;
  reason: WithheldReason;
}

export interface CohortView {
  /** Every woman matching the filters, and her groups. */
  women: CohortWoman[];
  groups: CohortGroup[];
  /** What may be shown: the groups not withheld, each with only the women shown. */
  shownGroups: CohortGroup[];
  shownWomen: CohortWoman[];
  /** Groups withheld (in the order of `groups`), then areas withheld, with the reason. */
  withheld: WithheldPart[];
  /** The n of all matching women may not be shown. */
  totalWithheld: boolean;
  /**
   * The unfiltered view's summary table (default query, same grouping and definitions), as the
   * reader would see it: set in share mode with a filter active, null otherwise. What the
   * filtered summary's cells are compared with (`summaryDifferencing`).
   */
  unfilteredSummary: SummaryRow[] | null;
}

function countBy(women: readonly CohortWoman[], key: (w: CohortWoman) => string): GroupCount[] {
  const m = new Map<string, number>();
  for (const w of women) m.set(key(w), (m.get(key(w)) ?? 0) + 1);
  return [...m].map(([k, n]) => ({ key: k, n }));
}

/** The unfiltered view's groups and tables, once per list of all women, grouping and threshold (filters change; these do not). */
const unfilteredCache = new WeakMap<readonly CohortWoman[], Map<string, { unfilteredGroups: CohortGroup[]; unfiltered: CohortTables }>>();
function unfilteredTables(all: readonly CohortWoman[], grouping: Grouping, threshold: number): { unfilteredGroups: CohortGroup[]; unfiltered: CohortTables } {
  let byKey = unfilteredCache.get(all);
  if (!byKey) unfilteredCache.set(all, (byKey = new Map()));
  const key = `${grouping}\u001f${threshold}`;
  let v = byKey.get(key);
  if (!v) {
    const unfilteredGroups = groupWomen(all, grouping);
    byKey.set(key, (v = { unfilteredGroups, unfiltered: cohortTables(all, unfilteredGroups, grouping, { threshold }) }));
  }
  return v;
}

/**
 * The cohort view of a query under share mode. Two partitions of the women are published: the
 * groups (groups table, charts, lifelines) and the areas (the summary table's rows). Each is
 * compared with the unfiltered cohort (the default query, grouped the same way), and a group or
 * area whose n shown differs from its unfiltered n by 1 to the threshold is withheld, with its
 * women; as withholding an area takes women out of groups (and the other way), this repeats until
 * nothing more is withheld. With share mode off, or no filter, nothing is withheld.
 */
export function cohortView(all: readonly CohortWoman[], q: CohortQuery, rule: DisclosureRule | null): CohortView {
  const women = filterWomen(all, q);
  const groups = groupWomen(women, q.grouping);
  if (!rule || !filterActive(q)) return { women, groups, shownGroups: groups, shownWomen: women, withheld: [], totalWithheld: false, unfilteredSummary: null };
  const t = clampThreshold(rule.threshold);

  const { unfilteredGroups, unfiltered } = unfilteredTables(all, q.grouping, t);
  const none: CohortView = { women, groups, shownGroups: groups, shownWomen: women, withheld: [], totalWithheld: false, unfilteredSummary: unfiltered.summary };
  const unfilteredGroupCounts = unfilteredGroups.map((g) => ({ key: g.key, n: g.women.length }));
  const unfilteredGroupHidden = new Set(unfilteredGroups.flatMap((g, i) => (hiddenIn(unfiltered.groupCounts[i]) === true ? [g.key] : [])));
  const areaRows = unfiltered.summary.slice(0, -1); // the last row is "All areas"
  const unfilteredAreaCounts = areaRows.map((r) => ({ key: r.label, n: r.values.referred }));
  const unfilteredAreaHidden = new Set(areaRows.flatMap((r) => (hiddenIn(r.shown.referred) === true ? [r.label] : [])));

  const groupOf = new Map<CohortWoman, string>();
  for (const g of groups) for (const w of g.women) groupOf.set(w, g.key);
  const withheldGroups = new Map<string, WithheldReason>();
  const withheldAreas = new Map<string, WithheldReason>();
  const isShown = (w: CohortWoman) => !withheldGroups.has(groupOf.get(w)!) && !withheldAreas.has(w.area);
  const options = { wholeCohort: false } as const;
  for (let round = 0; round <= groups.length + unfilteredAreaCounts.length; round++) {
    const shown = women.filter(isShown);
    const byGroup = differencingWithheld(countBy(shown, (w) => groupOf.get(w)!), unfilteredGroupCounts, rule, { ...options, unfilteredHidden: unfilteredGroupHidden });
    const byArea = differencingWithheld(countBy(shown, (w) => w.area), unfilteredAreaCounts, rule, { ...options, unfilteredHidden: unfilteredAreaHidden });
    let grew = false;
    for (const [k, r] of byGroup.withheld) if (!withheldGroups.has(k)) (withheldGroups.set(k, r), (grew = true));
    for (const [k, r] of byArea.withheld) if (!withheldAreas.has(k)) (withheldAreas.set(k, r), (grew = true));
    if (!grew) break;
  }
  const difference = all.length - women.length;
  const totalSmall = small(difference, t);
  // Nothing withheld, yet the total gives a few women away: the groups would add up to it.
  if (totalSmall && !withheldGroups.size && !withheldAreas.size) for (const g of groups) withheldGroups.set(g.key, 'whole_cohort');
  if (!withheldGroups.size && !withheldAreas.size) return none;

  const shownWomen = women.filter(isShown);
  const shownGroups: CohortGroup[] = [];
  const withheld: WithheldPart[] = [];
  for (const g of groups) {
    const reason = withheldGroups.get(g.key);
    const kept = reason ? [] : g.women.filter(isShown);
    if (kept.length) shownGroups.push(kept.length === g.women.length ? g : { ...g, women: kept });
    else withheld.push({ kind: 'group', key: g.key, label: g.label, reason: reason ?? 'area_withheld' });
  }
  for (const [area, reason] of [...withheldAreas].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)))
    // With grouping by area the area is its group, listed already.
    if (!withheld.some((x) => x.kind === 'group' && x.label === area && x.reason !== 'area_withheld')) withheld.push({ kind: 'area', key: area, label: area, reason });
  return { women, groups, shownGroups, shownWomen, withheld, totalWithheld: true, unfilteredSummary: unfiltered.summary };
}

/**
 * What decides which women `cohortView(cohortWomen(ws, defs), q, rule).shownGroups` holds, for a
 * given working set, as a key: the filters and grouping; the definitions they read (complex
 * needs, engagement, risk at referral); and, in share mode with a filter, the threshold and every
 * definition (the unfiltered table's hidden cells decide what is withheld). Not the time axis.
 * Two views with the same key hold the same women in the same groups, so whatever is worked out
 * from the groups alone can stay while the key does.
 */
export function membershipKey(q: CohortQuery, defs: Definitions, rule: DisclosureRule | null): string {
  const read = (on: boolean, value: string) => (on ? value : '');
  const compared = rule !== null && filterActive(q);
  const parts = [
    formatCohortQuery({ ...q, alignment: DEFAULT_QUERY.alignment }),
    read(compared || q.complex !== 'all' || q.grouping === 'complex' || q.grouping === 'area_complex', defs.complexNeeds),
    read(compared || q.engagement !== 'all' || q.grouping === 'engagement', defs.engaged),
    read(compared || q.risk !== 'all', defs.riskAssessor),
    compared && rule ? `${clampThreshold(rule.threshold)}\u001f${defs.repeatThreshold}\u001f${defs.repeatWindow}` : '',
  ];
  return parts.join('\u001f');
}

/**
 * What decides which women `cohortView(…).shownWomen` holds, whatever their groups: the membership
 * key with no grouping, except in share mode with a filter, where the grouping decides which
 * groups are withheld. Whatever is worked out from the women shown alone (crimes by area, needs
 * that occur together) can stay while it does: a grouping change alone keeps it.
 */
export function shownWomenKey(q: CohortQuery, defs: Definitions, rule: DisclosureRule | null): string {
  return membershipKey(rule !== null && filterActive(q) ? q : { ...q, grouping: 'none' }, defs, rule);
}

/**
 * Why a cell of a filtered table is hidden by cell-level differencing:
 * - `difference`: it differs from the same cell of the unfiltered table by 1 to the threshold
 *   (counts of women or of incidents alike: a few incidents can point at a few women);
 * - `unfiltered_hidden`: it equals the same cell of the unfiltered table, which is hidden there,
 *   so showing it would undo that suppression.
 */
export type CellDifferencingReason = 'difference' | 'unfiltered_hidden';

/** `differencingCells` with the reason for each forced cell (null: not forced). */
export function differencingCellReasons(
  filtered: readonly (readonly number[])[],
  unfiltered: readonly (readonly number[])[],
  unfilteredHidden: readonly (readonly boolean[])[],
  rule: DisclosureRule,
): (CellDifferencingReason | null)[][] {
  const t = clampThreshold(rule.threshold);
  return filtered.map((row, r) =>
    row.map((v, c) => {
      const u = unfiltered[r]?.[c] ?? 0;
      if (small(Math.abs(u - v), t)) return 'difference';
      if (u === v && unfilteredHidden[r]?.[c]) return 'unfiltered_hidden';
      return null;
    }),
  );
}

/**
 * Cell-level differencing for a filtered table beside the unfiltered one (same rows, same
 * columns, aligned): the cells to treat as primarily suppressed, so that no published cell
 * differs from its unfiltered counterpart by 1 to the threshold, and none shows a number the
 * unfiltered table hides. A cell with no counterpart counts as against 0. Pure.
 */
export function differencingCells(
  filtered: readonly (readonly number[])[],
  unfiltered: readonly (readonly number[])[],
  unfilteredHidden: readonly (readonly boolean[])[],
  rule: DisclosureRule,
): boolean[][] {
  return differencingCellReasons(filtered, unfiltered, unfilteredHidden, rule).map((row) => row.map((x) => x !== null));
}

/** The unfiltered summary's counts and hidden cells, row by row, aligned with the given labels. */
function alignUnfiltered(labels: readonly string[], unfilteredSummary: readonly SummaryRow[]) {
  const byLabel = new Map(unfilteredSummary.map((r) => [r.label, r]));
  const unfiltered = labels.map((l) => SUMMARY_COLUMNS.map((c) => byLabel.get(l)?.values[c.key] ?? 0));
  const hidden = labels.map((l) => SUMMARY_COLUMNS.map((c) => hiddenIn(byLabel.get(l)?.shown[c.key]) === true));
  return { unfiltered, hidden };
}

/**
 * The `forceHidden` input of `cohortTables` for a filtered summary in share mode: its cells
 * compared with the same area row and column of the unfiltered summary. Undefined (no effect)
 * when there is no unfiltered summary to compare with (share mode off, or no filter).
 */
export function summaryDifferencing(
  unfilteredSummary: readonly SummaryRow[] | null,
  rule: DisclosureRule | null,
): ((labels: readonly string[], counts: readonly (readonly number[])[]) => CellMask) | undefined {
  if (!rule || !unfilteredSummary) return undefined;
  return (labels, counts) => {
    const u = alignUnfiltered(labels, unfilteredSummary);
    return differencingCells(counts, u.unfiltered, u.hidden, rule);
  };
}

/**
 * Which reasons hide summary cells that would otherwise have been published as counts (forced
 * cells whose own value is not 1 to the threshold): what the note under the table explains.
 */
export function summaryDifferencingReasons(
  summary: readonly SummaryRow[],
  unfilteredSummary: readonly SummaryRow[] | null,
  rule: DisclosureRule | null,
): Set<CellDifferencingReason> {
  const out = new Set<CellDifferencingReason>();
  if (!rule || !unfilteredSummary) return out;
  const t = clampThreshold(rule.threshold);
  const counts = summary.map((r) => SUMMARY_COLUMNS.map((c) => r.values[c.key]));
  const u = alignUnfiltered(
    summary.map((r) => r.label),
    unfilteredSummary,
  );
  differencingCellReasons(counts, u.unfiltered, u.hidden, rule).forEach((row, r) =>
    row.forEach((x, c) => {
      if (x && !small(counts[r][c], t) && hiddenIn(summary[r].shown[SUMMARY_COLUMNS[c].key]) === true) out.add(x);
    }),
  );
  return out;
}

export type JourneyShareDecision =
  | { hidden: false }
  | { hidden: true; reason: 'small_group' | WithheldReason; group: string };

/**
 * Whether share mode hides a journey opened from a cohort view (the view's URL query): hidden
 * when the group holding her has at most the threshold of women, or when her group or her area
 * is withheld. A woman outside the view's groups is not hidden by it.
 */
export function journeyShareDecision(all: readonly CohortWoman[], cohortQuery: string, caseId: string, rule: DisclosureRule | null): JourneyShareDecision {
  if (!rule) return { hidden: false };
  const view = cohortView(all, parseCohortQuery(cohortQuery), rule);
  const group = view.groups.find((g) => g.women.some((w) => w.caseId === caseId));
  if (!group) return { hidden: false };
  if (group.women.length <= clampThreshold(rule.threshold)) return { hidden: true, reason: 'small_group', group: group.label };
  if (view.shownWomen.some((w) => w.caseId === caseId)) return { hidden: false };
  const woman = group.women.find((w) => w.caseId === caseId)!;
  const part =
    view.withheld.find((x) => x.kind === 'group' && x.key === group.key && x.reason !== 'area_withheld') ??
    view.withheld.find((x) => x.kind === 'area' && x.key === woman.area) ??
    view.withheld.find((x) => x.kind === 'group' && x.key === group.key);
  return { hidden: true, reason: part?.reason ?? 'difference', group: part?.label ?? group.label };
}
