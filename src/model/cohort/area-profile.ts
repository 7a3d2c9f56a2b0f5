/**
 * Each area against the whole (issue 14, point 4), in the manner of OHID Fingertips' area
 * profiles: each area's value of each headline indicator beside the value for all areas, called
 * "higher" or "lower" only where the area's 95% interval excludes the value for all areas,
 * "similar" where it does not, and "not compared" where fewer than ten women are behind it; and
 * a funnel plot per indicator: 95% and 99.8% control limits around the value for all areas, by
 * number of women (proportions: Wilson limits of the overall proportion at each n; rates: exact
 * or Byar Poisson limits of the expected count on the person-time).
 *
 * The headline indicators are the cohort summary's (engaged, complex needs) as shares, and the
 * incident rates of `incidentRates` (after referral and in the 12 months before). Counts come
 * from the cohort summary as published: an area whose n or count is hidden there shows no value
 * here, so nothing hidden there can be worked back from a share. Pure.
 */
import type { WorkingSet } from '../../data/working-set';
import {
  countCell,
  hiddenIn,
  isPrimarySuppressed,
  isSuppressed,
  percentCell,
  shown,
  statisticAllowed,
  statisticCell,
  suppressed,
  valueOf,
  type Cell,
  type CoarseningStep,
  type DisclosureRule,
} from '../disclosure';
import { excludes, rateInterval, wilson, Z95, Z998, type Interval } from '../stats/intervals';
import { cohortSummary, type SummaryKey, type SummaryRow } from './cohort-summary';
import type { CohortWoman } from './cohort-women';
import { groupWomen, otherAreas, OTHER_AREAS_KEY, type CohortGroup } from './cohort-query';
import { incidentRates, type GroupIncidentRates } from './incident-rates';
import { estimateOf, percentInterval, type Estimate } from './trends';

export type IndicatorKind = 'proportion' | 'rate';

export interface Indicator {
  key: 'engaged' | 'complex' | 'incidents_after' | 'incidents_before';
  label: string;
  kind: IndicatorKind;
  /** How its values read: "%" or "per woman per 30 days". */
  unit: string;
}

export const HEADLINE_INDICATORS: readonly Indicator[] = [
  { key: 'engaged', label: 'Women engaged', kind: 'proportion', unit: '%' },
  { key: 'complex', label: 'Women with complex needs', kind: 'proportion', unit: '%' },
  { key: 'incidents_after', label: 'Police incidents per woman per 30 days after referral', kind: 'rate', unit: 'per woman per 30 days' },
  { key: 'incidents_before', label: 'Police incidents per woman per 30 days in the 12 months before referral', kind: 'rate', unit: 'per woman per 30 days' },
];

export type Comparison = 'higher' | 'similar' | 'lower' | 'not_compared';

export const COMPARISON_LABELS: Readonly<Record<Comparison, string>> = {
  higher: 'Higher',
  similar: 'Similar',
  lower: 'Lower',
  not_compared: 'Not compared',
};

/** Where a point sits in the funnel. */
export type FunnelPosition = 'within' | 'above95' | 'below95' | 'above998' | 'below998' | 'not_shown';

export const FUNNEL_POSITION_LABELS: Readonly<Record<FunnelPosition, string>> = {
  within: 'Within the 95% limits',
  above95: 'Above the 95% limit',
  below95: 'Below the 95% limit',
  above998: 'Above the 99.8% limit',
  below998: 'Below the 99.8% limit',
  not_shown: 'Not shown',
};

export interface AreaValue {
  area: string;
  /** Women in the area, as the cohort summary publishes it. */
  women: Cell;
  estimate: Estimate;
  comparison: Comparison;
  /** Where its point sits among the control limits at its own n (or person-time). */
  position: FunnelPosition;
  /** The control limits at its own n (or person-time); null where its value is not shown. */
  limits: ControlLimits | null;
}

export interface ControlLimits {
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

export interface FunnelPoint {
  area: string;
  women: number;
  value: number;
}

export interface Funnel {
  /** The value for all areas: the funnel's centre line. */
  centre: number;
  /** Control limits at each n along the x axis (rates at the average follow-up per woman). */
  limits: (ControlLimits & { women: number })[];
  /** Points of the areas whose value is shown. */
  points: FunnelPoint[];
  /** The largest n of any area (shown or not), for the axis. */
  maxWomen: number;
}

export interface IndicatorProfile {
  indicator: Indicator;
  all: { women: Cell; estimate: Estimate };
  areas: AreaValue[];
  /** Null when there is no value for all areas or fewer than two areas. */
  funnel: Funnel | null;
}

export type ProfileStatus =
  /** At least one area is compared. */
  | 'compared'
  /** No women in the view. */
  | 'no_women'
  /** One area only: it is the whole, so there is nothing to compare. */
  | 'one_area'
  /** No area has enough women (or a value that may be shown) to be compared. */
  | 'none_compared';

export interface AreaProfile {
  status: ProfileStatus;
  /** The areas compared, by name ("Other areas" when share mode merged small ones). */
  areas: string[];
  indicators: IndicatorProfile[];
  /** What share mode coarsened (small areas merged, with the user's leave); empty when nothing. */
  coarsened: CoarseningStep[];
}

/** 95% and 99.8% Wilson limits of the proportion `p` (0 to 1) observed among n women. */
export function proportionLimits(p: number, n: number): ControlLimits {
  const a = wilson(p * n, n, Z95)!;
  const b = wilson(p * n, n, Z998)!;
  return { lower95: a.lower, upper95: a.upper, lower998: b.lower, upper998: b.upper };
}

/** 95% and 99.8% limits of a rate (per 30 days) expected at `rate` over `days` of person-time. */
export function rateLimits(rate: number, days: number): ControlLimits {
  const expected = (rate * days) / 30;
  const a = rateInterval(expected, days, 30, Z95)!;
  const b = rateInterval(expected, days, 30, Z998)!;
  return { lower95: a.lower, upper95: a.upper, lower998: b.lower, upper998: b.upper };
}

export function funnelPosition(value: number, l: ControlLimits): FunnelPosition {
  if (value > l.upper998) return 'above998';
  if (value < l.lower998) return 'below998';
  if (value > l.upper95) return 'above95';
  if (value < l.lower95) return 'below95';
  return 'within';
}

/** Points along the x axis where the limits are drawn: dense where they bend (small n). */
function funnelSteps(maxWomen: number): number[] {
  const top = Math.max(10, Math.ceil(maxWomen * 1.05));
  const out = new Set<number>();
  for (let i = 0; i <= 60; i++) out.add(Math.max(1, Math.round(Math.exp((Math.log(top) * i) / 60))));
  return [...out].sort((a, b) => a - b);
}

interface Raw {
  women: number;
  count: number;
  /** Person-time in days (rates). */
  days: number;
}

/** The inputs of one indicator: per area and for all areas, its count and n (or events and person-time). */
function rawOf(indicator: Indicator, row: SummaryRow | undefined, rates: GroupIncidentRates | undefined): Raw {
  if (indicator.kind === 'proportion') {
    const k = indicator.key as 'engaged' | 'complex';
    return { women: row?.values.referred ?? 0, count: row?.values[k] ?? 0, days: 0 };
  }
  const p = indicator.key === 'incidents_after' ? rates?.after : rates?.before;
  return { women: rates?.women ?? 0, count: p ? p.domestic + p.crimes : 0, days: p?.days ?? 0 };
}

/** One indicator's value as published for a row of the summary (an area or all areas). */
function publish(indicator: Indicator, raw: Raw, row: SummaryRow | undefined, rule: DisclosureRule | null): Estimate {
  const womenHidden = hiddenIn(row?.shown.referred) === true;
  if (indicator.kind === 'proportion') {
    const k = indicator.key as 'engaged' | 'complex';
    const countHidden = womenHidden || hiddenIn(row?.shown[k]) === true;
    return estimateOf(raw.women ? percentCell(raw.count, raw.women, countHidden, rule) : shown(null), percentInterval(raw.count, raw.women));
  }
  const rate = raw.days > 0 ? (30 * raw.count) / raw.days : null;
  const value = womenHidden && rule ? suppressed('count_hidden') : statisticCell(rate, raw.women, rule !== null);
  return estimateOf(value, rateInterval(raw.count, raw.days));
}

/**
 * The area profile of the women shown. `summary` is the cohort summary as published beside it
 * (the screen's, with its differencing protection); without one it is worked out here under the
 * same rule. In share mode, with the user's leave (`mergeAreas`), areas with at least half their
 * values hidden are shown together as "Other areas" when that hides less.
 */
export function areaProfile(
  ws: WorkingSet,
  women: readonly CohortWoman[],
  end: number | null,
  rule: DisclosureRule | null,
  summary?: readonly SummaryRow[],
  mergeAreas = false,
): AreaProfile {
  const rows = summary ?? cohortSummary(women, rule);
  const byArea = groupWomen(women, 'area');
  // Incident rates per area and for all areas, worked out once (the merged profile adds "Other areas").
  const rates = incidentRates(ws, [...byArea, { key: ALL_KEY, label: 'All areas', women }], end);
  const ratesOf = new Map(rates.map((r) => [r.key, r]));
  const plain = profileOf(women, byArea, rows, ratesOf, rule);
  if (!rule || !mergeAreas || byArea.length < 3 || plain.status === 'no_women') return plain;
  const hiddenShare = (p: AreaProfile, at?: number) => {
    const cells = p.indicators.flatMap((ind) => (at === undefined ? ind.areas : [ind.areas[at]]).map((a) => valueOf(a.estimate.value) === null));
    return cells.length ? cells.filter(Boolean).length / cells.length : 0;
  };
  if (hiddenShare(plain) === 0) return plain;
  const small = new Set(byArea.flatMap((g, i) => (hiddenShare(plain, i) >= 0.5 ? [g.key] : [])));
  const other = otherAreas(byArea, small, 'at least half of their values would be hidden');
  if (!other) return plain;
  const otherGroup = other.groups[other.groups.length - 1];
  const withOther = new Map([...ratesOf, ...incidentRates(ws, [otherGroup], end).map((r) => [r.key, r] as const)]);
  const merged = profileOf(women, other.groups, [...rows, otherRow(rows, small, rule)], withOther, rule, [other.step]);
  return hiddenShare(merged) < hiddenShare(plain) ? merged : plain;
}

/**
 * The summary row of "Other areas": each count shown only where the summary already tells it
 * (all areas less the areas kept, every one shown there) and it is not 1 to the threshold.
 */
function otherRow(rows: readonly SummaryRow[], merged: ReadonlySet<string>, rule: DisclosureRule): SummaryRow {
  const all = rows.find((r) => r.label === 'All areas');
  const kept = rows.filter((r) => r !== all && !merged.has(r.label));
  const keys = Object.keys(all?.values ?? {}) as SummaryKey[];
  const values = Object.fromEntries(keys.map((k) => [k, (all?.values[k] ?? 0) - kept.reduce((a, r) => a + r.values[k], 0)])) as Record<SummaryKey, number>;
  const told = (k: SummaryKey) => !!all && !isSuppressed(all.shown[k]) && kept.every((r) => !isSuppressed(r.shown[k]));
  const shownCells = Object.fromEntries(keys.map((k) => [k, countCell(values[k], !told(k) || isPrimarySuppressed(values[k], rule), rule)])) as Record<SummaryKey, Cell>;
  return { label: OTHER_AREAS_KEY, values, shown: shownCells };
}

/** The key of all areas among the incident rates. */
const ALL_KEY = '\u001fall';

/** The profile over the given areas (groups keyed by the summary row and the incident rates that hold each one's figures). */
function profileOf(
  women: readonly CohortWoman[],
  byArea: readonly CohortGroup[],
  rows: readonly SummaryRow[],
  ratesOf: ReadonlyMap<string, GroupIncidentRates>,
  rule: DisclosureRule | null,
  coarsened: CoarseningStep[] = [],
): AreaProfile {
  const areas = byArea.map((g) => g.label);
  const status0: ProfileStatus | null = women.length === 0 ? 'no_women' : areas.length === 1 ? 'one_area' : null;
  const allRow = rows.find((r) => r.label === 'All areas');
  const rowOf = new Map(rows.map((r) => [r.label, r]));
  const allRates = ratesOf.get(ALL_KEY);

  const indicators = HEADLINE_INDICATORS.map((indicator): IndicatorProfile => {
    const allRaw = rawOf(indicator, allRow, allRates);
    const all = { women: allRow?.shown.referred ?? shown(women.length), estimate: publish(indicator, allRaw, allRow, rule) };
    const centre = valueOf(all.estimate.value);
    const limitsAt = (raw: Raw): ControlLimits | null => {
      if (centre === null) return null;
      if (indicator.kind === 'proportion') {
        const l = proportionLimits(centre / 100, raw.women);
        return { lower95: 100 * l.lower95, upper95: 100 * l.upper95, lower998: 100 * l.lower998, upper998: 100 * l.upper998 };
      }
      return raw.days > 0 ? rateLimits(centre, raw.days) : null;
    };
    const list = status0 === 'one_area' ? [] : byArea;
    const areaValues = list.map((g): AreaValue => {
      const row = rowOf.get(g.key);
      const raw = rawOf(indicator, row, ratesOf.get(g.key));
      const estimate = publish(indicator, raw, row, rule);
      const value = valueOf(estimate.value);
      const comparable = value !== null && estimate.interval !== null && centre !== null && statisticAllowed(raw.women);
      const limits = value !== null && raw.women > 0 ? limitsAt(raw) : null;
      return {
        area: g.label,
        women: row?.shown.referred ?? shown(raw.women),
        estimate,
        comparison: comparable ? excludes(estimate.interval!, centre!) : 'not_compared',
        position: limits && value !== null ? funnelPosition(value, limits) : 'not_shown',
        limits,
      };
    });
    let funnel: Funnel | null = null;
    if (centre !== null && list.length > 1) {
      const maxWomen = Math.max(...list.map((g) => rawOf(indicator, rowOf.get(g.key), ratesOf.get(g.key)).women));
      const perWoman = allRaw.women > 0 ? allRaw.days / allRaw.women : 0;
      const limits = funnelSteps(maxWomen).flatMap((n) => {
        const l = limitsAt({ women: n, count: 0, days: n * perWoman });
        return l ? [{ women: n, ...l }] : [];
      });
      const points = areaValues.flatMap((a) => {
        const v = valueOf(a.estimate.value);
        const n = valueOf(a.women);
        return v === null || n === null || isSuppressed(a.women) ? [] : [{ area: a.area, women: n, value: v }];
      });
      funnel = { centre, limits, points, maxWomen };
    }
    return { indicator, all, areas: areaValues, funnel };
  });
  const status = status0 ?? (indicators.some((p) => p.areas.some((a) => a.comparison !== 'not_compared')) ? 'compared' : 'none_compared');
  return { status, areas, indicators, coarsened };
}
