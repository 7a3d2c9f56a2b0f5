/** A tiny hash router: the route lives in the URL so it survives reloads. Never holds data. */

export type Route = { screen: 'data' } | { screen: 'help'; section?: string };

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const [screen, section] = path.split('/');
  if (screen === 'help') return { screen: 'help', section: section || undefined };
  return { screen: 'data' };
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
