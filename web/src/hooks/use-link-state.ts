import { CONNECTION_STATE_CHANGE } from 'aws-amplify/api';
import { Hub } from 'aws-amplify/utils';
import { useEffect, useRef, useState } from 'react';
import { type LinkState, linkStateOf, needsReread } from '../state/connection.js';

/**
 * The real-time link as Amplify reports it on the Hub's `api` channel; `onLive` runs each time it becomes live
 * (again), which is when a view re-reads what it shows.
 */
export function useLinkState(onLive: () => void): LinkState {
  const [state, setState] = useState<LinkState>('connecting');
  const previous = useRef<LinkState | null>(null);
  const callback = useRef(onLive);
  callback.current = onLive;
  useEffect(
    () =>
      Hub.listen('api', ({ payload }) => {
        if (payload.event !== CONNECTION_STATE_CHANGE) return;
        const data = payload.data as { connectionState?: string } | undefined;
        const next = linkStateOf(data?.connectionState ?? '');
        if (needsReread(previous.current, next)) callback.current();
        previous.current = next;
        setState(next);
      }),
    [],
  );
  return state;
}
