import { useCallback } from 'react';
import { catalogApi, type ReadAuth } from '../api/catalog-api.js';
import { useRestaurants } from '../hooks/use-restaurants.js';
import { menuHref } from '../state/route.js';
import { OpenWord } from './OpenWord.js';

/** Every restaurant, open now or not, each a link to its menu. */
export function RestaurantsPage({ readAuth }: { readAuth: ReadAuth }) {
  const read = useCallback(() => catalogApi.listRestaurants(readAuth), [readAuth]);
  const { restaurants, error } = useRestaurants(read);
  return (
    <section className="card" aria-labelledby="restaurants-heading">
      <h2 id="restaurants-heading">Restaurants</h2>
      {restaurants === null ? <p role="status">Loading…</p> : null}
      {error ? <p className="error" role="alert">Could not load the restaurants: {error}</p> : null}
      {restaurants?.length === 0 && !error ? <p>No restaurants yet.</p> : null}
      <ul className="restaurants" aria-labelledby="restaurants-heading">
        {restaurants?.map((restaurant) => (
          <li key={restaurant.id} className="restaurant-card">
            <a href={menuHref(restaurant.id)} className="restaurant-name">
              {restaurant.name}
            </a>
            <OpenWord open={restaurant.openNow} />
            {restaurant.description ? <p className="description">{restaurant.description}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
