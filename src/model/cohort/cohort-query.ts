/**
 * The cohort screen's filters, grouping and alignment, as they live in the URL query (never any
 * data: only codes, area names and dates). Parsing keeps only valid values.
 */
import { dayFromIso, dayToIso } from '../../data/days';
import type { CohortWoman, EngagementStatus, RiskAtReferral } from './cohort-women';
import { ENGAGEMENT_STATUS_LABELS, RISK_AT_REFERRAL_LABELS } from './cohort-women';
import type { CoarseningStep } from '../disclosure';

export type Grouping = 'none' | 'area' | 'complex' | 'area_complex' | 'engagement';
export type Alignment = 'referral' | 'calendar';
export type YesNoAll = 'all' | 'yes' | 'no';

export const GROUPING_LABELS: Readonly<Record<Grouping, string>> = {
  none: 'None',
  area: 'Area',
  complex: 'Complex needs',
  area_complex: 'Area by complex needs',
  engagement: 'Engagement',
};

export const ALIGNMENT_LABELS: Readonly<Record<Alignment, string>> = {
  referral: 'Months since referral',
  calendar: 'Calendar',
};

export interface CohortQuery {
  /** Area names to keep; empty keeps all. */
  areas: string[];
  complex: YesNoAll;
  engagement: EngagementStatus | 'all';
  /** Referral route code, or 'all'. */
  route: string;
  /** Referral period, inclusive, as day numbers; null for open. */
  from: number | null;
  to: number | null;
  risk: RiskAtReferral | 'all';
  /** perpetrator_relationship code, 'unknown' (not recorded), or 'all'. */
  perpetrator: string;
  mappa: YesNoAll;
  grouping: Grouping;
  alignment: Alignment;
}

export const DEFAULT_QUERY: Readonly<CohortQuery> = {
  areas: [],
  complex: 'all',
  engagement: 'all',
  route: 'all',
  from: null,
  to: null,
  risk: 'all',
  perpetrator: 'all',
  mappa: 'all',
  grouping: 'none',
  alignment: 'referral',
};

function dayOrNull(v: string | null): number | null {
  if (!v) return null;
  try {
    const day = dayFromIso(v);
    return dayToIso(day) === v ? day : null;
  } catch {
    return null;
  }
}

function oneOf<T extends string>(v: string | null, allowed: readonly T[], fallback: T): T {
  return v !== null && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
}

export function parseCohortQuery(search: string): CohortQuery {
  const p = new URLSearchParams(search);
  return {
    areas: p.getAll('area').filter((a) => a.length > 0 && a.length <= 100),
    complex: oneOf(p.get('complex'), ['all', 'yes', 'no'] as const, 'all'),
    engagement: oneOf(p.get('engagement'), ['all', 'engaged', 'not_engaged', 'unknown'] as const, 'all'),
    route: /^[a-z_]{1,40}$/.test(p.get('route') ?? '') ? p.get('route')! : 'all',
    from: dayOrNull(p.get('from')),
    to: dayOrNull(p.get('to')),
    risk: oneOf(p.get('risk'), ['all', 'standard', 'medium', 'high', 'not_assessed'] as const, 'all'),
    perpetrator: /^[a-z_]{1,40}$/.test(p.get('perpetrator') ?? '') ? p.get('perpetrator')! : 'all',
    mappa: oneOf(p.get('mappa'), ['all', 'yes', 'no'] as const, 'all'),
    grouping: oneOf(p.get('group'), Object.keys(GROUPING_LABELS) as Grouping[], 'none'),
    alignment: oneOf(p.get('align'), Object.keys(ALIGNMENT_LABELS) as Alignment[], 'referral'),
  };
}

/** The query string (without "?"), leaving out defaults so URLs stay short. */
export function formatCohortQuery(q: CohortQuery): string {
  const p = new URLSearchParams();
  for (const a of q.areas) p.append('area', a);
  if (q.complex !== 'all') p.set('complex', q.complex);
  if (q.engagement !== 'all') p.set('engagement', q.engagement);
  if (q.route !== 'all') p.set('route', q.route);
  if (q.from !== null) p.set('from', dayToIso(q.from));
  if (q.to !== null) p.set('to', dayToIso(q.to));
  if (q.risk !== 'all') p.set('risk', q.risk);
  if (q.perpetrator !== 'all') p.set('perpetrator', q.perpetrator);
  if (q.mappa !== 'all') p.set('mappa', q.mappa);
  if (q.grouping !== 'none') p.set('group', q.grouping);
  if (q.alignment !== 'referral') p.set('align', q.alignment);
  return p.toString();
}

export function filterWomen(women: readonly CohortWoman[], q: CohortQuery): CohortWoman[] {
  const areas = q.areas.length ? new Set(q.areas) : null;
  return women.filter(
    (w) =>
      (!areas || areas.has(w.area)) &&
      (q.complex === 'all' || w.complex === (q.complex === 'yes')) &&
      (q.engagement === 'all' || w.engagement === q.engagement) &&
      (q.route === 'all' || (w.route ?? 'unknown') === q.route) &&
      (q.from === null || (w.referral !== null && w.referral >= q.from)) &&
      (q.to === null || (w.referral !== null && w.referral <= q.to)) &&
      (q.risk === 'all' || w.riskAtReferral === q.risk) &&
      (q.perpetrator === 'all' || (w.perpetrator ?? 'unknown') === q.perpetrator) &&
      (q.mappa === 'all' || w.mappa === (q.mappa === 'yes')),
  );
}

export interface CohortGroup {
  key: string;
  label: string;
  women: CohortWoman[];
}

function groupKey(w: CohortWoman, g: Grouping): [string, string] {
  const cx = w.complex ? 'Complex needs' : 'No complex needs';
  switch (g) {
    case 'none':
      return ['all', 'All women'];
    case 'area':
      return [w.area, w.area];
    case 'complex':
      return [cx, cx];
    case 'area_complex':
      return [`${w.area}\u001f${cx}`, `${w.area}, ${cx.charAt(0).toLowerCase()}${cx.slice(1)}`];
    case 'engagement':
      return [w.engagement, ENGAGEMENT_STATUS_LABELS[w.engagement]];
  }
}

const ENGAGEMENT_ORDER: Record<string, number> = { engaged: 0, not_engaged: 1, unknown: 2 };

/** Groups in a stable order: areas alphabetically, complex needs first, engagement as listed. */
export function groupWomen(women: readonly CohortWoman[], g: Grouping): CohortGroup[] {
  const map = new Map<string, CohortGroup>();
  for (const w of women) {
    const [key, label] = groupKey(w, g);
    let group = map.get(key);
    if (!group) map.set(key, (group = { key, label, women: [] }));
    group.women.push(w);
  }
  const groups = [...map.values()];
  if (g === 'engagement') groups.sort((a, b) => ENGAGEMENT_ORDER[a.key] - ENGAGEMENT_ORDER[b.key]);
  else groups.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return groups;
}

export { RISK_AT_REFERRAL_LABELS };

/** The key of the group that holds the small areas merged (never an area's name: it holds a control character). */
export const OTHER_AREAS_KEY = '\u001fother areas';

/**
 * The groups with the areas in `small` shown together as "Other areas" (after the others), and the
 * coarsening step that says so (`why` ends its label); null when fewer than two areas, or every
 * area, would merge.
 */
export function otherAreas(groups: readonly CohortGroup[], small: ReadonlySet<string>, why: string): { groups: CohortGroup[]; step: CoarseningStep } | null {
  const merging = groups.filter((g) => small.has(g.key));
  // Two or more areas, and not all of them ("Other areas" would be every area).
  if (merging.length < 2 || merging.length === groups.length) return null;
  const names = merging.map((g) => g.label);
  return {
    groups: [...groups.filter((g) => !small.has(g.key)), { key: OTHER_AREAS_KEY, label: 'Other areas', women: merging.flatMap((g) => g.women) }],
    step: {
      id: 'other-areas',
      label: `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} shown together as "Other areas", since ${why}`,
      short: '"Other areas"',
    },
  };
}
