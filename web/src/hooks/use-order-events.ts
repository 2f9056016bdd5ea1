import { useEffect, useRef } from 'react';
import { orderApi } from '../api/order-api.js';
import type { Order } from '../state/order-set.js';
import { resubscribing } from './resubscribing.js';

/**
 * `onOrderStatusChanged` for as long as the view is shown: a customer's own orders (`restaurantId` undefined) or a
 * restaurant's. Amplify reconnects a dropped socket by itself; a subscription that ends in an error is replaced.
 */
export function useOrderEvents(restaurantId: string | null | undefined, onOrder: (order: Order) => void): void {
  const handler = useRef(onOrder);
  handler.current = onOrder;
  useEffect(() => {
    if (restaurantId === null) return undefined;
    return resubscribing((onError) => orderApi.watch(restaurantId === undefined ? {} : { restaurantId }, (order) => handler.current(order), onError));
  }, [restaurantId]);
}
