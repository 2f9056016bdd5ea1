import { useEffect, useRef } from 'react';
import { orderApi } from '../api/order-api.js';
import type { Order } from '../state/order-set.js';

/** After a subscription fails for good (Amplify gave up reconnecting), start a new one this much later. */
const RESUBSCRIBE_MS = 3_000;

/**
 * `onOrderStatusChanged` for as long as the view is shown: a customer's own orders (`restaurantId` undefined) or a
 * restaurant's. Amplify reconnects a dropped socket by itself; a subscription that ends in an error is replaced.
 */
export function useOrderEvents(restaurantId: string | null | undefined, onOrder: (order: Order) => void): void {
  const handler = useRef(onOrder);
  handler.current = onOrder;
  useEffect(() => {
    if (restaurantId === null) return undefined;
    let stop = (): void => undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let ended = false;
    const start = (): void => {
      stop = orderApi.watch(restaurantId === undefined ? {} : { restaurantId }, (order) => handler.current(order), () => {
        if (!ended) retry = setTimeout(start, RESUBSCRIBE_MS);
      });
    };
    start();
    return () => {
      ended = true;
      clearTimeout(retry);
      stop();
    };
  }, [restaurantId]);
}
