import type { LinkState } from '../state/connection.js';

/** Says whether the page is live; a lost link is an alert, since the page may be showing old news. */
export function LinkBanner({ state }: { state: LinkState }) {
  if (state === 'lost') {
    return (
      <p className="link lost" role="alert">
        Connection lost: reconnecting… Changes made meanwhile will be reloaded.
      </p>
    );
  }
  return (
    <p className="link" role="status">
      {state === 'live' ? 'Live: changes appear as they happen' : 'Connecting…'}
    </p>
  );
}
