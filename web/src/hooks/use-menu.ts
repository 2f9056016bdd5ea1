import { useCallback, useEffect, useReducer, useRef } from 'react';
import { ApiError } from '../api/api-error.js';
import { catalogApi, type ReadAuth } from '../api/catalog-api.js';
import type { LinkState } from '../state/connection.js';
import { initialMenuState, type MenuItem, menuReducer, type MenuState } from '../state/menu-state.js';
import { useLinkState } from './use-link-state.js';
import { resubscribing } from './resubscribing.js';

export interface MenuData {
  state: MenuState;
  link: LinkState;
  /** A mutation's answer, merged as an event would be. */
  apply: (item: MenuItem) => void;
  /** Reads the whole menu again (after a conflict, or when the link comes back). */
  reload: () => Promise<void>;
}

/**
 * A restaurant's menu, kept live: one read (`getMenu`), then `onMenuChanged` merged in (a newer version replaces an
 * item, `removed` drops it), and a re-read each time the real-time link is live again, since AppSync replays nothing.
 */
export function useMenu(restaurantId: string, authMode: ReadAuth, raise: (text: string) => void): MenuData {
  const [state, dispatch] = useReducer(menuReducer, initialMenuState);
  const apply = useCallback((item: MenuItem) => dispatch({ type: 'item', item }), []);

  const reload = useCallback(async () => {
    const requestedAt = new Date().toISOString();
    dispatch({ type: 'loading' });
    try {
      const menu = await catalogApi.getMenu(restaurantId, authMode);
      dispatch({ type: 'loaded', restaurant: menu?.restaurant ?? null, items: menu?.items ?? [], requestedAt });
    } catch (reason) {
      dispatch({ type: 'failed' });
      raise(`Could not load the menu: ${ApiError.from(reason).message}`);
    }
  }, [restaurantId, authMode, raise]);

  useEffect(() => void reload(), [reload]);
  const current = useRef(reload);
  current.current = reload;
  const link = useLinkState(() => void current.current());

  useEffect(() => resubscribing((onError) => catalogApi.watchMenu(restaurantId, authMode, apply, onError)), [restaurantId, authMode, apply]);

  return { state, link, apply, reload };
}
