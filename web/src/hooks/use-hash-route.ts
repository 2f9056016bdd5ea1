import { useEffect, useState } from 'react';

export type Route = 'orders' | 'kitchen';

const routeOf = (hash: string): Route => (hash === '#/kitchen' ? 'kitchen' : 'orders');

/** The view in the URL's fragment, so a reload stays on it and the server needs no route of its own. */
export function useHashRoute(): Route {
  const [route, setRoute] = useState<Route>(() => routeOf(window.location.hash));
  useEffect(() => {
    const update = (): void => setRoute(routeOf(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
