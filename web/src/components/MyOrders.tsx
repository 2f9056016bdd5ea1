import { useId } from 'react';
import type { RunOrderAction } from '../hooks/use-order-mutation.js';
import { type CustomerState, customerRows } from '../state/customer-state.js';
import type { Order, OrderStatus } from '../state/order-set.js';
import { CustomerOrderRow } from './CustomerOrderRow.js';
import { itemCount, StatusWord } from './OrderFacts.js';

const STATUSES: readonly OrderStatus[] = ['PENDING', 'ACCEPTED', 'PREPARING', 'READY', 'DELIVERED', 'CANCELLED', 'FAILED'];

interface MyOrdersProps {
  state: CustomerState;
  run: RunOrderAction;
  onCreated: (order: Order) => void;
  onFilter: (status: OrderStatus | null) => void;
  onLoadMore: () => void;
}

export function MyOrders({ state, run, onCreated, onFilter, onLoadMore }: MyOrdersProps) {
  const filterId = useId();
  const { orders, queued } = customerRows(state);
  const empty = orders.length === 0 && queued.length === 0;
  return (
    <section className="card" aria-labelledby="my-orders-heading">
      <div className="section-head">
        <h2 id="my-orders-heading">My orders</h2>
        <div className="field">
          <label htmlFor={filterId}>Status</label>
          <select id={filterId} value={state.filter ?? ''} onChange={(event) => onFilter((event.target.value || null) as OrderStatus | null)}>
            <option value="">All</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </div>
      </div>
      {empty && !state.loading ? (
        <p>
          No orders{state.filter ? ` with status ${state.filter}` : ''} yet. <a href="#/">Choose a restaurant</a> to order from its menu.
        </p>
      ) : null}
      <ul className="orders" aria-labelledby="my-orders-heading">
        {orders.map((order) => (
          <CustomerOrderRow key={order.id} order={order} run={run} onCreated={onCreated} />
        ))}
        {queued.map((entry) => (
          <li key={entry.id} className="order-row queued" data-order-id={entry.id} aria-labelledby={`queued-${entry.id}`}>
            <div className="facts">
              <span className="dish" id={`queued-${entry.id}`}>
                {entry.name}
              </span>
              <span className="quantity">{itemCount(entry.quantity)}</span>
              <span className="restaurant">at {entry.restaurantId}</span>
              <StatusWord status="QUEUED" />
              <span className="changed">in the order queue: created in a moment</span>
            </div>
          </li>
        ))}
      </ul>
      {state.loading ? <p role="status">Loading…</p> : null}
      {state.nextToken !== null ? (
        <button type="button" className="secondary" disabled={state.loading} onClick={onLoadMore}>
          Load more
        </button>
      ) : null}
    </section>
  );
}
