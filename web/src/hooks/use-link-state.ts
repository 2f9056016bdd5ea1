import { CONNECTION_STATE_CHANGE } from 'aws-amplify/api';
import { Hub } from 'aws-amplify/utils';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { type LinkState, linkStateOf, needsReread } from '../state/connection.js';

/**
 * Amplify shares one socket between views and reports it on the Hub only when its state changes, so the state is
 * kept here, once per app: a view mounted while the socket is already open (another view's subscription kept it
 * up) starts from "live" instead of waiting for a change that never comes.
 */
let current: LinkState = 'connecting';
const listeners = new Set<() => void>();
let listening = false;

function subscribe(listener: () => void): () => void {
  if (!listening) {
    listening = true;
    Hub.listen('api', ({ payload }) => {
      if (payload.event !== CONNECTION_STATE_CHANGE) return;
      const data = payload.data as { connectionState?: string } | undefined;
      current = linkStateOf(data?.connectionState ?? '');
      for (const notify of listeners) notify();
    });
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = (): LinkState => current;

/** The real-time link's state; `onLive` runs each time it becomes live (again), when a view re-reads its lists. */
export function useLinkState(onLive: () => void): LinkState {
  const state = useSyncExternalStore(subscribe, snapshot);
  const previous = useRef<LinkState>(state);
  const callback = useRef(onLive);
  callback.current = onLive;
  useEffect(() => {
    if (needsReread(previous.current, state)) callback.current();
    previous.current = state;
  }, [state]);
  return state;
}
