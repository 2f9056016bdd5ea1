import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/api-error.js';
import type { Restaurant } from '../state/menu-state.js';

export interface RestaurantList {
  /** null until the first read answers. */
  restaurants: Restaurant[] | null;
  error: string | null;
  reload: () => void;
}

/** A list of restaurants read once (and again on demand): every restaurant, or the caller's own. */
export function useRestaurants(read: () => Promise<Restaurant[]>): RestaurantList {
  const [restaurants, setRestaurants] = useState<Restaurant[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    setError(null);
    read().then(setRestaurants, (reason: unknown) => {
      setRestaurants([]);
      setError(ApiError.from(reason).message);
    });
  }, [read]);
  useEffect(reload, [reload]);
  return { restaurants, error, reload };
}
