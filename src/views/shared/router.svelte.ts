/** A tiny hash router: the route lives in the URL so it survives reloads. Never holds data. */

export type Route =
  | { screen: 'data' }
  | { screen: 'help'; section?: string }
  | { screen: 'journeys'; caseId?: string; cohort?: string }
  | { screen: 'quality' }
  | { screen: 'cohort'; query: string; section?: string }
  /** The commissioner's report of the Cohort screen's filters (its query). */
  | { screen: 'report'; query: string }
  | { screen: 'section4' }
  | { screen: 'case-studies'; id?: number; mode: CaseStudyMode };

/** Editing a case study, presenting it, or its presenter's notes in a second window. */
export type CaseStudyMode = 'edit' | 'present' | 'notes';

function decode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

export function parseHash(hash: string): Route {
  const full = hash.replace(/^#\/?/, '');
  const q = full.indexOf('?');
  const path = q < 0 ? full : full.slice(0, q);
  const query = q < 0 ? '' : full.slice(q + 1);
  const slash = path.indexOf('/');
  const screen = slash < 0 ? path : path.slice(0, slash);
  const rest = slash < 0 ? '' : path.slice(slash + 1);
  if (screen === 'help') return { screen: 'help', section: rest.split('/')[0] || undefined };
  if (screen === 'journeys') {
    const cohort = new URLSearchParams(query).get('cohort');
    return cohort === null ? { screen: 'journeys', caseId: rest ? decode(rest) : undefined } : { screen: 'journeys', caseId: rest ? decode(rest) : undefined, cohort };
  }
  if (screen === 'quality') return { screen: 'quality' };
  if (screen === 'report') return { screen: 'report', query };
  if (screen === 'cohort') {
    const section = rest.split('/')[0];
    return section ? { screen: 'cohort', query, section: decode(section) } : { screen: 'cohort', query };
  }
  if (screen === 'section4') return { screen: 'section4' };
  if (screen === 'case-studies') {
    const [idPart, mode] = rest.split('/');
    const id = /^\d+$/.test(idPart ?? '') ? Number(idPart) : undefined;
    return { screen: 'case-studies', id, mode: id !== undefined && (mode === 'present' || mode === 'notes') ? mode : 'edit' };
  }
  return { screen: 'data' };
}

/** The hash of the cohort screen with its filters, grouping and alignment (never any data), and a section to open at. */
export function cohortHash(query: string, section?: string): string {
  const path = section ? `#/cohort/${encodeURIComponent(section)}` : '#/cohort';
  return query ? `${path}?${query}` : path;
}

/** The hash of the commissioner's report of the cohort screen's filters (never any data). */
export function reportHash(query: string): string {
  return query ? `#/report?${query}` : '#/report';
}

/**
 * The hash of one woman's journey; case ids may hold any character. Opened from the cohort
 * screen it carries that screen's query (filters, grouping, alignment; never any data), so the
 * journey screen can apply share mode to the group she was shown in.
 */
export function journeyHash(caseId: string, cohortQuery?: string): string {
  const path = `#/journeys/${encodeURIComponent(caseId)}`;
  return cohortQuery === undefined ? path : `${path}?${new URLSearchParams({ cohort: cohortQuery }).toString()}`;
}

export class Router {
  route = $state<Route>(parseHash(typeof location === 'undefined' ? '' : location.hash));

  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener('hashchange', () => {
        this.route = parseHash(location.hash);
      });
    }
  }
}
