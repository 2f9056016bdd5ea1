/** What the app tells the user about its real-time connection, from Amplify's connection states. */
export type LinkState = 'connecting' | 'live' | 'lost';

/** Amplify's ConnectionState values (as strings, so this module stays free of Amplify for unit tests). */
export function linkStateOf(amplifyState: string): LinkState {
  switch (amplifyState) {
    case 'Connected':
    case 'ConnectedPendingKeepAlive':
    case 'ConnectedPendingDisconnect':
      return 'live';
    case 'Connecting':
      return 'connecting';
    default:
      // ConnectionDisrupted, ConnectionDisruptedPendingNetwork, ConnectedPendingNetwork, Disconnected.
      return 'lost';
  }
}

/**
 * AppSync does not replay events missed while disconnected, so a view re-reads its lists each time the link
 * becomes live again after it was lost (and once it first becomes live, to close the gap between the first read
 * and the subscription's start).
 */
export function needsReread(previous: LinkState | null, next: LinkState): boolean {
  return next === 'live' && previous !== 'live';
}
