/**
 * The cohort summary table: one row per area and "All areas", with the counts commissioners
 * ask for first. Suppression treats the table as a whole: the columns add up to "All areas",
 * and police incidents are domestic incidents plus crimes.
 */
import { countCell, suppressEntries, type Cell, type DisclosureRule, type SumConstraint } from '../disclosure';
import type { CohortWoman } from './cohort-women';
import type { CohortGroup, Grouping } from './cohort-query';

export const SUMMARY_COLUMNS = [
  { key: 'referred', label: 'Referred' },
  { key: 'engaged', label: 'Engaged' },
  { key: 'complex', label: 'Complex needs' },
  { key: 'incidents', label: 'Police incidents' },
  { key: 'domestic', label: 'Domestic incidents' },
  { key: 'crimes', label: 'Crimes' },
] as const;

export type SummaryKey = (typeof SUMMARY_COLUMNS)[number]['key'];

export interface SummaryRow {
  label: string;
  values: Record<SummaryKey, number>;
  /** What to publish per column: the count, or suppressed (share mode); text only at the edge. */
  shown: Record<SummaryKey, Cell>;
}

function tally(women: readonly CohortWoman[]): Record<SummaryKey, number> {
  const v = { referred: 0, engaged: 0, complex: 0, incidents: 0, domestic: 0, crimes: 0 };
  for (const w of women) {
    v.referred++;
    if (w.engagement === 'engaged') v.engaged++;
    if (w.complex) v.complex++;
    v.incidents += w.incidents;
    v.domestic += w.domesticIncidents;
    v.crimes += w.crimes;
  }
  return v;
}

export interface CohortTables {
  summary: SummaryRow[];
  /** Each group's n as published, in the order of the groups given. */
  groupCounts: Cell[];
  /** The n of all matching women as published. */
  total: Cell;
  /** Only when `forceHidden` was given: the summary cells it forced hidden, by row and column. */
  forced?: boolean[][];
}

/**
 * Summary cells to hide whatever their value, before secondary suppression (e.g. cells that a
 * comparison with another published table would give away): by row (the areas in sorted order,
 * then "All areas") and column (SUMMARY_COLUMNS order). Either the cells themselves, or a
 * function of the table's row labels and counts that returns them.
 */
export type CellMask = readonly (readonly boolean[])[];
export type ForceHidden = CellMask | ((labels: readonly string[], counts: readonly (readonly number[])[]) => CellMask);

/**
 * The summary table and the groups' n, suppressed together: the same counts appear in both (an
 * area's women, its women with complex needs, the engaged), so a cell hidden in one table must
 * not be recoverable from the other. The tables are one system of sum constraints.
 */
export function cohortTables(
  women: readonly CohortWoman[],
  groups: readonly CohortGroup[],
  grouping: Grouping,
  rule: DisclosureRule | null,
  forceHidden?: ForceHidden,
): CohortTables {
  return cohortTableSystem(women, groups, grouping, rule, forceHidden).tables;
}

/** The tables with the system of sums they were suppressed under (for tests that try to undo it). */
export function cohortTableSystem(
  women: readonly CohortWoman[],
  groups: readonly CohortGroup[],
  grouping: Grouping,
  rule: DisclosureRule | null,
  forceHidden?: ForceHidden,
): { tables: CohortTables; values: number[]; constraints: SumConstraint[]; hidden: boolean[] } {
  const byArea = new Map<string, CohortWoman[]>();
  for (const w of women) {
    let list = byArea.get(w.area);
    if (!list) byArea.set(w.area, (list = []));
    list.push(w);
  }
  const areas = [...byArea.keys()].sort();
  const rows = [...areas.map((a) => ({ label: a, values: tally(byArea.get(a)!) })), { label: 'All areas', values: tally(women) }];
  const keys = SUMMARY_COLUMNS.map((c) => c.key);
  const K = keys.length;
  const last = rows.length - 1;
  const at = (r: number, k: SummaryKey) => r * K + keys.indexOf(k);
  const flat = rows.flatMap((r) => keys.map((k) => r.values[k]));
  const groupAt = (i: number) => flat.length + i;
  const totalAt = flat.length + groups.length;
  const values = [...flat, ...groups.map((g) => g.women.length), women.length];

  let hidden = values.map(() => false);
  const constraints: SumConstraint[] = [];
  let forced: boolean[][] | undefined;
  if (rule && forceHidden) {
    const mask = typeof forceHidden === 'function' ? forceHidden(rows.map((r) => r.label), rows.map((r) => keys.map((k) => r.values[k]))) : forceHidden;
    forced = rows.map((_, r) => keys.map((_, j) => !!mask[r]?.[j]));
  }
  if (rule) {
    for (const k of keys) constraints.push({ parts: areas.map((_, r) => at(r, k)), total: at(last, k) });
    for (let r = 0; r < rows.length; r++) constraints.push({ parts: [at(r, 'domestic'), at(r, 'crimes')], total: at(r, 'incidents') });
    constraints.push({ parts: groups.map((_, i) => groupAt(i)), total: totalAt });
    constraints.push({ parts: [totalAt], total: at(last, 'referred') });
    const areaRow = (area: string) => areas.indexOf(area);
    groups.forEach((g, i) => {
      const w = g.women[0];
      if (!w) return;
      if (grouping === 'area') constraints.push({ parts: [groupAt(i)], total: at(areaRow(w.area), 'referred') });
      if (grouping === 'complex' && w.complex) constraints.push({ parts: [groupAt(i)], total: at(last, 'complex') });
      if (grouping === 'engagement' && w.engagement === 'engaged') constraints.push({ parts: [groupAt(i)], total: at(last, 'engaged') });
      if (grouping === 'area_complex' && w.complex) constraints.push({ parts: [groupAt(i)], total: at(areaRow(w.area), 'complex') });
    });
    if (grouping === 'area_complex')
      for (const a of areas) {
        const parts = groups.flatMap((g, i) => (g.women[0]?.area === a ? [groupAt(i)] : []));
        constraints.push({ parts, total: at(areaRow(a), 'referred') });
      }
    // Forced cells count as primary suppression: secondary suppression then protects them too.
    const force = forced;
    hidden = force
      ? suppressEntries(values, constraints, rule, { hidden: values.map((_, i) => i < flat.length && force[Math.floor(i / K)][i % K]) })
      : suppressEntries(values, constraints, rule);
  }
  const tables: CohortTables = {
    summary: rows.map((r, i) => ({
      ...r,
      shown: Object.fromEntries(keys.map((k, j) => [k, countCell(r.values[k], hidden[i * K + j], rule)])) as Record<SummaryKey, Cell>,
    })),
    groupCounts: groups.map((g, i) => countCell(g.women.length, hidden[groupAt(i)], rule)),
    total: countCell(women.length, hidden[totalAt], rule),
    ...(forced ? { forced } : {}),
  };
  return { tables, values, constraints, hidden };
}

/** The summary table alone (no groups published beside it). */
export function cohortSummary(women: readonly CohortWoman[], rule: DisclosureRule | null): SummaryRow[] {
  return cohortTables(women, [], 'none', rule).summary;
}
