import { useCallback, useEffect, useState } from 'react';
import { signOut } from 'aws-amplify/auth';
import { Hub } from 'aws-amplify/utils';
import { currentSession, isAdmin, isKitchenStaff, type Session } from '../auth/session.js';
import { useHashRoute } from '../hooks/use-hash-route.js';
import { CustomerView } from './CustomerView.js';
import { KitchenView } from './KitchenView.js';
import { SignInPage } from './SignInPage.js';

/** Signed out: the sign-in page. Signed in: the customer's orders, and the kitchen for staff and admins. */
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

  const staff = session ? isKitchenStaff(session) : false;
  const view = route === 'kitchen' && staff ? 'kitchen' : 'orders';

  return (
    <>
      <header className="top">
        <h1>Orders</h1>
        {session ? (
          <>
            <nav aria-label="Views">
              <a href="#/" aria-current={view === 'orders' ? 'page' : undefined}>
                My orders
              </a>
              {staff ? (
                <a href="#/kitchen" aria-current={view === 'kitchen' ? 'page' : undefined}>
                  Kitchen
                </a>
              ) : null}
            </nav>
            <p className="who">
              Signed in as <strong>{session.username}</strong>
              {session.groups.length > 0 ? ` (${session.groups.join(', ')})` : ''}
            </p>
            <button type="button" className="secondary" onClick={() => void signOut().finally(() => setSession(null))}>
              Sign out
            </button>
          </>
        ) : null}
      </header>
      <main>
        {session === undefined ? <p role="status">Loading…</p> : null}
        {session === null ? <SignInPage onSignedIn={reload} /> : null}
        {session && view === 'orders' ? <CustomerView key={session.sub} /> : null}
        {session && view === 'kitchen' ? <KitchenView key={session.sub} admin={isAdmin(session)} /> : null}
      </main>
    </>
  );
}
