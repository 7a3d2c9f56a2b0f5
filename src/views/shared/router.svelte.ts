/** A tiny hash router: the route lives in the URL so it survives reloads. Never holds data. */

export type Route =
  | { screen: 'data' }
  | { screen: 'help'; section?: string }
  | { screen: 'journeys'; caseId?: string };

function decode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const slash = path.indexOf('/');
  const screen = slash < 0 ? path : path.slice(0, slash);
  const rest = slash < 0 ? '' : path.slice(slash + 1);
  if (screen === 'help') return { screen: 'help', section: rest.split('/')[0] || undefined };
  if (screen === 'journeys') return { screen: 'journeys', caseId: rest ? decode(rest) : undefined };
  return { screen: 'data' };
}

/** The hash of one woman's journey; case ids may hold any character. */
export function journeyHash(caseId: string): string {
  return `#/journeys/${encodeURIComponent(caseId)}`;
}

class Router {
  route = $state<Route>(parseHash(typeof location === 'undefined' ? '' : location.hash));

  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener('hashchange', () => {
        this.route = parseHash(location.hash);
      });
    }
  }
}

export const router = new Router();
