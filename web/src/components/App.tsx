import { useCallback, useEffect, useState } from 'react';
import { signOut } from 'aws-amplify/auth';
import { Hub } from 'aws-amplify/utils';
import { currentSession, isKitchenStaff, type Session } from '../auth/session.js';
import { useHashRoute } from '../hooks/use-hash-route.js';
import { MemberViews } from './MemberViews.js';
import { MenuPage } from './MenuPage.js';
import { RestaurantsPage } from './RestaurantsPage.js';
import { SignInPage } from './SignInPage.js';

/**
 * Anyone browses the restaurants and their menus (read with the API key while signed out); signing in is asked
 * for only to order, to see one's orders, and for the kitchen (staff and admins).
 */
export function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const route = useHashRoute();
  const reload = useCallback(() => void currentSession().then(setSession), []);

  useEffect(() => {
    reload();
    // A refresh token that stops working (revoked, expired) signs the page out, as Amplify reports it.
    return Hub.listen('auth', ({ payload }) => {
      if (payload.event === 'signedOut' || payload.event === 'tokenRefresh_failure') setSession(null);
    });
  }, [reload]);

  const signedIn = useCallback(() => {
    // From the sign-in page, back to where it was asked for (a menu), or to the user's orders.
    if (route.view === 'sign-in') window.location.hash = route.next ?? '#/orders';
    reload();
  }, [route, reload]);

  const staff = session ? isKitchenStaff(session) : false;
  const current = (view: string): 'page' | undefined => (route.view === view || (view === 'restaurants' && route.view === 'menu') ? 'page' : undefined);
  const needsAccount = route.view === 'orders' || route.view === 'kitchen' || route.view === 'sign-in';

  let body = null;
  if (session === undefined) body = <p role="status">Loading…</p>;
  // Signed in: one set of views per user, sharing that user's orders (kept live while any of them is shown).
  else if (session) body = <MemberViews key={session.sub} session={session} route={route} />;
  else if (route.view === 'restaurants') body = <RestaurantsPage readAuth="apiKey" />;
  else if (route.view === 'menu') body = <MenuPage key={route.restaurantId} restaurantId={route.restaurantId} member={null} />;
  else if (needsAccount) body = <SignInPage onSignedIn={signedIn} />;

  return (
    <>
      <header className="top">
        <h1>Food orders</h1>
        <nav aria-label="Views">
          <a href="#/" aria-current={current('restaurants')}>
            Restaurants
          </a>
          {session ? (
            <a href="#/orders" aria-current={current('orders')}>
              My orders
            </a>
          ) : null}
          {staff ? (
            <a href="#/kitchen" aria-current={current('kitchen')}>
              Kitchen
            </a>
          ) : null}
        </nav>
        {session ? (
          <>
            <p className="who">
              Signed in as <strong>{session.username}</strong>
              {session.groups.length > 0 ? ` (${session.groups.join(', ')})` : ''}
            </p>
            <button type="button" className="secondary" onClick={() => void signOut().finally(() => setSession(null))}>
              Sign out
            </button>
          </>
        ) : session === null && route.view !== 'sign-in' ? (
          // From the header, signing in leads to the user's orders ("Sign in to order" on a menu comes back to it).
          <a className="who sign-in-link" href="#/sign-in">
            Sign in
          </a>
        ) : null}
      </header>
      <main>{body}</main>
    </>
  );
}
