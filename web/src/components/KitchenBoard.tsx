import { orderApi } from '../api/order-api.js';
import { boardOf } from '../state/kitchen-state.js';
import { kitchenActions, type KitchenAction } from '../state/order-actions.js';
import type { Order, OrderSet } from '../state/order-set.js';
import { OrderFacts } from './OrderFacts.js';

type Run = (order: Order, what: string, action: () => Promise<Order | null>) => Promise<boolean>;

interface CardProps {
  admin: boolean;
  run: Run;
  onDeleted: (id: string) => void;
}

const COLUMN_TITLES: Readonly<Record<string, string>> = { PENDING: 'New', ACCEPTED: 'Accepted', PREPARING: 'Preparing', READY: 'Ready' };

/** Orders in columns by status, and the recently finished ones; each with only its legal next steps. */
export function KitchenBoard({ orders, ...card }: CardProps & { orders: OrderSet }) {
  const board = boardOf(orders);
  return (
    <>
      <div className="board">
        {board.columns.map((column) => (
          <section key={column.status} className="column" aria-labelledby={`column-${column.status}`}>
            <h3 id={`column-${column.status}`}>
              {COLUMN_TITLES[column.status]} <span className="count">({column.orders.length})</span>
            </h3>
            <ul className="orders" aria-labelledby={`column-${column.status}`}>
              {column.orders.map((order) => (
                <KitchenCard key={order.id} order={order} {...card} />
              ))}
            </ul>
          </section>
        ))}
      </div>
      <section className="card" aria-labelledby="recent-heading">
        <h3 id="recent-heading">Recently delivered or cancelled</h3>
        {board.recent.length === 0 ? <p>None yet.</p> : null}
        <ul className="orders" aria-labelledby="recent-heading">
          {board.recent.map((order) => (
            <KitchenCard key={order.id} order={order} {...card} />
          ))}
        </ul>
      </section>
    </>
  );
}

function perform(order: Order, action: KitchenAction, onDeleted: (id: string) => void): () => Promise<Order | null> {
  switch (action.kind) {
    case 'advance':
      return () => orderApi.updateOrderStatus(order, action.to);
    case 'cancel':
      return () => orderApi.cancelOrder(order, true);
    case 'delete':
      return async () => {
        await orderApi.deleteOrder(order);
        onDeleted(order.id);
        return null;
      };
  }
}

function KitchenCard({ order, admin, run, onDeleted }: CardProps & { order: Order }) {
  return (
    <li className="order-row card-row" data-order-id={order.id}>
      <OrderFacts order={order} restaurant={false} />
      <div className="actions">
        {kitchenActions(order, { admin }).map((action) => (
          <button
            key={action.label}
            type="button"
            className={action.kind === 'advance' ? undefined : 'danger'}
            onClick={() => void run(order, action.label, perform(order, action, onDeleted))}
          >
            {action.label}
          </button>
        ))}
      </div>
    </li>
  );
}
