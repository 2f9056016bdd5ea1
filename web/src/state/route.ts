/** The views, addressed by the URL's fragment so a reload stays on one and the server needs no route of its own. */
export type Route =
  | { view: 'restaurants' }
  | { view: 'menu'; restaurantId: string }
  | { view: 'orders' }
  | { view: 'kitchen' }
  /** `next`: the fragment to go back to once signed in. */
  | { view: 'sign-in'; next: string | null };

export function routeOf(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const [pathname = '/', query = ''] = path.split('?');
  if (pathname === '/orders') return { view: 'orders' };
  if (pathname === '/kitchen') return { view: 'kitchen' };
  if (pathname === '/sign-in') {
    const next = new URLSearchParams(query).get('next');
    // Only one of the app's own fragments: never a URL someone put in a link.
    return { view: 'sign-in', next: next && next.startsWith('#/') ? next : null };
  }
  const menu = /^\/restaurants\/([^/]+)$/.exec(pathname);
  if (menu?.[1]) return { view: 'menu', restaurantId: decodeURIComponent(menu[1]) };
  return { view: 'restaurants' };
}

export const menuHref = (restaurantId: string): string => `#/restaurants/${encodeURIComponent(restaurantId)}`;
export const signInHref = (next: string): string => `#/sign-in?next=${encodeURIComponent(next)}`;
