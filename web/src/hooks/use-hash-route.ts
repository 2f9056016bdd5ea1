import { useEffect, useState } from 'react';
import { type Route, routeOf } from '../state/route.js';

/** The view in the URL's fragment (state/route.ts), following the browser's navigation. */
export function useHashRoute(): Route {
  const [route, setRoute] = useState<Route>(() => routeOf(window.location.hash));
  useEffect(() => {
    const update = (): void => setRoute(routeOf(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
