/**
 * Cohort aggregates shown as tables and charts: criminal-justice outcomes of crimes by area, risk
 * transitions from referral to the latest assessment, needs that occur together, and support by
 * category as a share of engaged women. Each returns counts and what to publish (share mode).
 */
import { NEED_FIELDS, VOCABULARIES } from '../../domain/contract';
import { rowsOfCase, type WorkingSet } from '../../data/working-set';
import type { Definitions } from '../definitions';
import { coarsenUntilShown, countCell, hiddenIn, isPrimarySuppressed, partitionHidden, percentCell, suppressEntries, type Cell, type CoarseningStep, type DisclosureRule, type SumConstraint } from '../disclosure';
import { percentWithInterval } from '../interval-cells';
import { labelOf } from '../labels';
import { RISK_AT_REFERRAL_LABELS, type CohortWoman, type RiskAtReferral } from './cohort-women';
import { otherAreas, type CohortGroup } from './cohort-query';
import { perWorkingSet } from './woman-facts';
import type { SummaryRow } from './cohort-summary';

export interface PublishedTable {
  rowLabels: string[];
  colLabels: string[];
  cells: number[][];
  /** The cells as published (share mode hides some). */
  shown: Cell[][];
  rowTotals: Cell[];
  colTotals: Cell[];
  grandTotal: Cell;
}

/**
 * A two-way table with margins, suppressed as one system. Row totals (and the grand total) that
 * another table already shows are passed as they are shown there: hidden there means hidden
 * here, shown there means they cannot be hidden here to protect a cell.
 */
export function publishTable(
  rowLabels: string[],
  colLabels: string[],
  cells: number[][],
  rule: DisclosureRule | null,
  shownElsewhere: { rowTotals?: (Cell | undefined)[]; grandTotal?: Cell } = {},
): PublishedTable {
  const R = rowLabels.length;
  const C = colLabels.length;
  const at = (r: number, c: number) => r * (C + 1) + c;
  const values: number[] = [];
  for (let r = 0; r <= R; r++)
    for (let c = 0; c <= C; c++)
      values.push(
        r < R && c < C ? cells[r][c]
        : r < R ? cells[r].reduce((a, b) => a + b, 0)
        : c < C ? cells.reduce((a, row) => a + row[c], 0)
        : cells.reduce((a, row) => a + row.reduce((x, y) => x + y, 0), 0),
      );
  let hidden = values.map(() => false);
  if (rule) {
    const constraints: SumConstraint[] = [];
    for (let r = 0; r <= R; r++) constraints.push({ parts: Array.from({ length: C }, (_, c) => at(r, c)), total: at(r, C) });
    for (let c = 0; c <= C; c++) constraints.push({ parts: Array.from({ length: R }, (_, r) => at(r, c)), total: at(R, c) });
    const pre = values.map(() => false);
    const locked = values.map(() => false);
    shownElsewhere.rowTotals?.forEach((s, r) => (hiddenIn(s) ? (pre[at(r, C)] = true) : (locked[at(r, C)] = true)));
    const grand = hiddenIn(shownElsewhere.grandTotal);
    if (grand !== undefined) {
      if (grand) pre[at(R, C)] = true;
      else locked[at(R, C)] = true;
    }
    hidden = suppressEntries(values, constraints, rule, { hidden: pre, locked });
  }
  return {
    rowLabels,
    colLabels,
    cells,
    shown: cells.map((row, r) => row.map((v, c) => countCell(v, hidden[at(r, c)], rule))),
    rowTotals: rowLabels.map((_, r) => countCell(values[at(r, C)], hidden[at(r, C)], rule)),
    colTotals: colLabels.map((_, c) => countCell(values[at(R, c)], hidden[at(R, c)], rule)),
    grandTotal: countCell(values[at(R, C)], hidden[at(R, C)], rule),
  };
}

export interface CrimeOutcomes {
  areas: string[];
  outcomes: string[];
  labels: string[];
  /** Crimes by area (rows) and outcome (columns). */
  cells: number[][];
}

/** Crimes by area and criminal-justice outcome (the women's order does not matter). */
export function cjOutcomesByArea(ws: WorkingSet, women: readonly CohortWoman[]): CrimeOutcomes {
  const inc = ws.tables.incidents;
  const kind = inc.text('kind');
  const outcome = inc.text('outcome');
  const areas = [...new Set(women.map((w) => w.area))].sort();
  const order = VOCABULARIES.policeOutcome.terms.map((t) => t.code);
  const counts = new Map<string, Map<string, number>>();
  const seen = new Set<string>();
  for (const w of women)
    for (const r of rowsOfCase(ws, 'incidents', w.ix)) {
      if (kind(r) !== 'crime') continue;
      const o = outcome(r) ?? 'not_recorded';
      seen.add(o);
      let m = counts.get(w.area);
      if (!m) counts.set(w.area, (m = new Map()));
      m.set(o, (m.get(o) ?? 0) + 1);
    }
  const outcomes = [...order.filter((o) => seen.has(o)), ...(seen.has('not_recorded') ? ['not_recorded'] : [])];
  return {
    areas,
    outcomes,
    labels: outcomes.map((o) => (o === 'not_recorded' ? 'Not recorded' : labelOf(VOCABULARIES.policeOutcome, o))),
    cells: areas.map((a) => outcomes.map((o) => counts.get(a)?.get(o) ?? 0)),
  };
}

/**
 * The criminal-justice outcomes by area as published: each area's total is the summary's crimes
 * for that area (and the grand total the summary's "All areas"), so the two tables hide alike.
 */
export function publishCrimeOutcomes(crimes: CrimeOutcomes, summary: readonly SummaryRow[], rule: DisclosureRule | null): PublishedTable {
  return publishTable(crimes.areas, crimes.labels, crimes.cells, rule, {
    rowTotals: crimes.areas.map((a) => summary.find((r) => r.label === a)?.shown.crimes),
    grandTotal: summary[summary.length - 1]?.shown.crimes,
  });
}

export const RISK_ROWS: readonly RiskAtReferral[] = ['standard', 'medium', 'high', 'not_assessed'];

/** The latest risk level on record (from the assessor the definition names). */
export function latestRisk(ws: WorkingSet, w: CohortWoman, assessor: Definitions['riskAssessor']): RiskAtReferral {
  const ra = ws.tables.risk_assessments;
  const day = ra.day('date');
  const level = ra.text('level');
  const who = ra.text('assessor');
  let best: RiskAtReferral = 'not_assessed';
  let bestDay = -Infinity;
  for (const r of rowsOfCase(ws, 'risk_assessments', w.ix)) {
    if (assessor !== 'any' && (who(r) ?? 'unknown') !== assessor) continue;
    const d = day(r);
    const lv = level(r);
    if (d !== null && d >= bestDay && (lv === 'standard' || lv === 'medium' || lv === 'high')) ((bestDay = d), (best = lv));
  }
  if (assessor === 'any' || assessor === 'police') {
    const inc = ws.tables.incidents;
    const iday = inc.day('date');
    const ilv = inc.text('dash_risk');
    for (const r of rowsOfCase(ws, 'incidents', w.ix)) {
      const d = iday(r);
      const lv = ilv(r);
      if (d !== null && d >= bestDay && (lv === 'standard' || lv === 'medium' || lv === 'high')) ((bestDay = d), (best = lv));
    }
  }
  return best;
}

/** Per case index: the row of RISK_ROWS of her latest risk (`latestRisk`), worked out once per working set and assessor. */
const latestRiskRows = perWorkingSet((ws, assessor): Uint8Array => {
  const out = new Uint8Array(ws.caseIds.length);
  for (let ix = 0; ix < out.length; ix++) out[ix] = RISK_ROWS.indexOf(latestRisk(ws, { ix } as CohortWoman, assessor as Definitions['riskAssessor']));
  return out;
});

/** Women by risk at referral (rows) and latest risk (columns). */
export function riskTransitions(ws: WorkingSet, women: readonly CohortWoman[], defs: Definitions): { labels: string[]; cells: number[][] } {
  const cells = RISK_ROWS.map(() => RISK_ROWS.map(() => 0));
  const latest = latestRiskRows(ws, defs.riskAssessor);
  for (const w of women) cells[RISK_ROWS.indexOf(w.riskAtReferral)][latest[w.ix]]++;
  return { labels: RISK_ROWS.map((r) => RISK_AT_REFERRAL_LABELS[r]), cells };
}

/** The share of a published table's body cells that are hidden. */
export function tableHiddenShare(t: PublishedTable): number {
  const cells = t.shown.flat();
  return cells.length ? cells.filter((c) => c.suppressed).length / cells.length : 0;
}

/** Medium and high risk as one level, on both sides of the transitions. */
export const MEDIUM_OR_HIGH: CoarseningStep = { id: 'medium-or-high', label: 'medium and high risk shown together as "medium or high"', short: '"medium or high" risk' };

/** The columns of transitions summarised by direction (the last coarsening step). */
export const TRANSITION_DIRECTIONS = ['Lower', 'The same', 'Higher', 'Not assessed at referral or since'] as const;
const DIRECTIONS: CoarseningStep = { id: 'directions', label: 'transitions summarised as a lower, the same or a higher latest level', short: 'lower, same or higher' };

/**
 * Risk transitions as published, coarsened before they hide (share mode): when a cell would be
 * hidden, medium and high risk become "medium or high" at referral and at the latest level; then,
 * if cells still would be hidden, the transitions are summarised in one row as a lower, the same
 * or a higher latest level. A step is taken only if it hides a smaller share of the cells. The
 * grand total is the summary's n, as shown there.
 */
export function coarsenedTransitions(
  ws: WorkingSet,
  women: readonly CohortWoman[],
  defs: Definitions,
  rule: DisclosureRule | null,
  grandTotal: Cell | undefined,
): { table: PublishedTable; coarsened: CoarseningStep[] } {
  const raw = riskTransitions(ws, women, defs);
  const build = (step: number) => {
    if (step === 0) return { table: publishTable(raw.labels, raw.labels, raw.cells, rule, { grandTotal }), coarsened: [] };
    // standard, medium or high, not assessed
    const into = [0, 1, 1, 2];
    const cells = [0, 1, 2].map(() => [0, 0, 0]);
    raw.cells.forEach((row, r) => row.forEach((v, c) => (cells[into[r]][into[c]] += v)));
    const labels = [raw.labels[0], 'Medium or high', raw.labels[3]];
    if (step === 1) return { table: publishTable(labels, labels, cells, rule, { grandTotal }), coarsened: [MEDIUM_OR_HIGH] };
    // One row: lower, the same or higher (standard, then medium or high), or not assessed at referral or since.
    const dir = [0, 0, 0, 0];
    cells.forEach((row, r) => row.forEach((v, c) => (dir[r === 2 || c === 2 ? 3 : c < r ? 0 : c === r ? 1 : 2] += v)));
    return { table: publishTable(['All women'], [...TRANSITION_DIRECTIONS], [dir], rule, { grandTotal }), coarsened: [MEDIUM_OR_HIGH, DIRECTIONS] };
  };
  return coarsenUntilShown(rule ? 2 : 0, build, (t) => tableHiddenShare(t.table)).table;
}

export interface NeedCombination {
  needs: string[];
  women: number;
}

/** Which needs occur together: each woman counted once, under her exact set of needs. */
export function needCombinations(ws: WorkingSet, women: readonly CohortWoman[]): NeedCombination[] {
  const cases = ws.tables.cases;
  const rowOf = new Map<number, number>();
  for (let r = 0; r < cases.rowCount; r++) if (!rowOf.has(cases.caseIx[r])) rowOf.set(cases.caseIx[r], r);
  const flags = NEED_FIELDS.map((f) => cases.yn(f.name));
  const counts = new Map<string, number>();
  for (const w of women) {
    const row = rowOf.get(w.ix);
    const key = row === undefined ? '' : NEED_FIELDS.flatMap((f, i) => (flags[i](row) === true ? [f.label] : [])).join('\u001f');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([k, n]) => ({ needs: k ? k.split('\u001f') : [], women: n }))
    .sort((a, b) => b.women - a.women || a.needs.length - b.needs.length || a.needs.join().localeCompare(b.needs.join()));
}

/** Published needs combinations: all that sum to the women shown elsewhere; small ones merged. */
export function publishCombinations(combos: NeedCombination[], rule: DisclosureRule | null, totalShown: Cell | undefined, keep = 12): { label: string; women: number; shown: Cell }[] {
  const top = combos.slice(0, keep);
  const rest = combos.slice(keep).reduce((a, c) => a + c.women, 0);
  const rows = top.map((c) => ({ label: c.needs.length ? c.needs.join(' + ') : 'No needs recorded', women: c.women }));
  if (rest > 0) rows.push({ label: 'All other combinations', women: rest });
  const total = rows.reduce((a, r) => a + r.women, 0);
  let hidden = rows.map(() => false);
  if (rule) {
    const values = [...rows.map((r) => r.women), total];
    const pre = values.map((_, i) => i === rows.length && hiddenIn(totalShown) === true);
    const locked = values.map((_, i) => i === rows.length && hiddenIn(totalShown) === false);
    hidden = suppressEntries(values, [{ parts: rows.map((_, i) => i), total: rows.length }], rule, { hidden: pre, locked }).slice(0, rows.length);
  }
  return rows.map((r, i) => ({ ...r, shown: countCell(r.women, hidden[i], rule) }));
}

export const SUPPORT_CATEGORIES = VOCABULARIES.supportCategory.terms.map((t) => ({ code: t.code, label: t.label }));

export interface SupportShareRow {
  label: string;
  engaged: number;
  engagedShown: Cell;
  counts: number[];
  shown: Cell[];
  /** Percentages of the engaged women. */
  percents: Cell[];
}

/** Per case index ix and category i, at ix * SUPPORT_CATEGORIES.length + i: 1 when she has a support row of it (once per working set). */
const supportCategoriesOf = perWorkingSet((ws): Uint8Array => {
  const sup = ws.tables.support;
  const cat = sup.text('category');
  const C = SUPPORT_CATEGORIES.length;
  const index = new Map(SUPPORT_CATEGORIES.map((c, i) => [c.code, i]));
  const out = new Uint8Array(ws.caseIds.length * C);
  for (let ix = 0; ix < ws.caseIds.length; ix++)
    for (const r of rowsOfCase(ws, 'support', ix)) {
      const i = index.get(cat(r) ?? '');
      if (i !== undefined) out[ix * C + i] = 1;
    }
  return out;
});

/**
 * Support by category as a share of engaged women, per group. A woman counts once per category.
 * Categories overlap (a woman has several), so they do not sum across categories; within one,
 * the groups' counts sum to all engaged women's count (what the view shows ungrouped) and, for
 * groups by area and complex needs, to each area's: each category is suppressed as one system
 * with those. `merge` (indices of groups, areas) adds those groups shown together as "Other
 * areas" to every system, so the views with and without the merge hide alike; its row is
 * `other`.
 */
export function supportShares(
  ws: WorkingSet,
  groups: readonly { label: string; women: readonly CohortWoman[] }[],
  rule: DisclosureRule | null,
  engagedShownElsewhere: {
    perGroup: (Cell | undefined)[];
    total: Cell | undefined;
    /** When groups split areas (area by complex needs): each group's area and the area's engaged n as shown. */
    areaOfGroup?: (string | null)[];
    areaShown?: Readonly<Record<string, Cell>>;
  },
  merge?: readonly number[],
): { categories: { code: string; label: string }[]; rows: SupportShareRow[]; other: SupportShareRow | null } {
  const got = supportCategoriesOf(ws);
  const raw = groups.map((g) => {
    const engaged = g.women.filter((w) => w.engagement === 'engaged');
    const counts = SUPPORT_CATEGORIES.map(() => 0);
    const C = counts.length;
    for (const w of engaged) for (let i = 0, at = w.ix * C; i < C; i++) counts[i] += got[at + i];
    return { label: g.label, engaged: engaged.length, counts };
  });
  const used = SUPPORT_CATEGORIES.map((_, i) => raw.some((r) => r.counts[i] > 0));
  const categories = SUPPORT_CATEGORIES.filter((_, i) => used[i]);
  // The engaged n per group sum to all engaged women, shown in the summary.
  const values = [...raw.map((r) => r.engaged), raw.reduce((a, r) => a + r.engaged, 0)];
  const constraints: SumConstraint[] = [{ parts: raw.map((_, i) => i), total: raw.length }];
  const pre = values.map((_, i) => hiddenIn(i < raw.length ? engagedShownElsewhere.perGroup[i] : engagedShownElsewhere.total) === true);
  const locked = values.map((_, i) => (i < raw.length ? engagedShownElsewhere.perGroup[i] !== undefined && !pre[i] : !pre[i]));
  const { areaOfGroup, areaShown } = engagedShownElsewhere;
  const byArea = new Map<string, number[]>();
  if (areaOfGroup && areaShown) {
    areaOfGroup.forEach((a, i) => a !== null && byArea.set(a, [...(byArea.get(a) ?? []), i]));
    for (const [area, parts] of byArea) {
      const at = values.push(parts.reduce((s, i) => s + raw[i].engaged, 0)) - 1;
      const shown = areaShown[area];
      pre.push(hiddenIn(shown) === true);
      locked.push(hiddenIn(shown) === false);
      constraints.push({ parts, total: at });
    }
  }
  const merging = merge && merge.length > 1 ? merge : null;
  const otherAt = merging ? values.push(merging.reduce((s, i) => s + raw[i].engaged, 0)) - 1 : -1;
  if (merging) {
    pre.push(false);
    locked.push(false);
    constraints.push({ parts: [...merging], total: otherAt });
  }
  let engHidden = values.map(() => false);
  if (rule) engHidden = suppressEntries(values, constraints, rule, { hidden: pre, locked });
  // Per category: the groups' counts as one system with all women's, the areas' and "Other areas".
  const subtotals = [...byArea.values()];
  const usedIx = SUPPORT_CATEGORIES.flatMap((_, i) => (used[i] ? [i] : []));
  const perCategory = usedIx.map((i) => (rule ? partitionHidden(raw.map((r) => r.counts[i]), rule, { subtotals, merged: merging ?? undefined }) : null));
  const row = (label: string, engaged: number, engagedHidden: boolean, counts: number[], hiddenAt: (j: number) => boolean): SupportShareRow => ({
    label,
    engaged,
    engagedShown: countCell(engaged, engagedHidden, rule),
    counts,
    shown: counts.map((c, j) => countCell(c, hiddenAt(j), rule)),
    percents: counts.map((c, j) => percentWithInterval(c, engaged, hiddenAt(j) || engagedHidden, rule)),
  });
  return {
    categories,
    rows: raw.map((r, gi) => row(r.label, r.engaged, engHidden[gi], usedIx.map((i) => r.counts[i]), (j) => !!perCategory[j]?.hidden[gi])),
    other: merging
      ? row(
          'Other areas',
          values[otherAt],
          engHidden[otherAt],
          usedIx.map((i) => merging.reduce((s, g) => s + raw[g].counts[i], 0)),
          (j) => !!perCategory[j]?.mergedHidden,
        )
      : null,
  };
}

/** The share of a support table's shares (over its groups and categories) that are hidden. */
export function supportHiddenShare(rows: readonly SupportShareRow[]): number {
  const cells = rows.flatMap((r) => r.percents);
  return cells.length ? cells.filter((c) => c.suppressed).length / cells.length : 0;
}

/**
 * Support by category in share mode. Grouped by area (`byArea`), areas whose engaged n or every
 * share would be hidden are candidates for "Other areas": they are in every system either way
 * (see `supportShares`), and with the user's leave (`mergeAreas`) shown together as "Other areas"
 * when that hides less. Otherwise `supportShares` as it is.
 */
export function coarsenedSupportShares(
  ws: WorkingSet,
  groups: readonly CohortGroup[],
  rule: DisclosureRule | null,
  links: Parameters<typeof supportShares>[3],
  byArea: boolean,
  mergeAreas: boolean,
): { categories: { code: string; label: string }[]; rows: SupportShareRow[]; coarsened: CoarseningStep[] } {
  const plain = supportShares(ws, groups, rule, links);
  if (!rule || !byArea) return { categories: plain.categories, rows: plain.rows, coarsened: [] };
  const smallIx = plain.rows.flatMap((r, i) => (r.engagedShown.suppressed || supportHiddenShare([r]) === 1 ? [i] : []));
  const other = otherAreas(groups, new Set(smallIx.map((i) => groups[i].key)), 'every one of their shares would be hidden');
  if (!other) return { categories: plain.categories, rows: plain.rows, coarsened: [] };
  const both = supportShares(ws, groups, rule, links, smallIx);
  const merged = [...both.rows.filter((_, i) => !smallIx.includes(i)), both.other!];
  return mergeAreas && supportHiddenShare(merged) < supportHiddenShare(both.rows)
    ? { categories: both.categories, rows: merged, coarsened: [other.step] }
    : { categories: both.categories, rows: both.rows, coarsened: [] };
}
