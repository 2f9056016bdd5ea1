import { useState } from 'react';
import { orderApi } from '../api/order-api.js';
import { customerActions } from '../state/order-actions.js';
import type { Order } from '../state/order-set.js';
import { EditOrderForm } from './EditOrderForm.js';
import { OrderFacts } from './OrderFacts.js';

interface CustomerOrderRowProps {
  order: Order;
  run: (order: Order, what: string, action: () => Promise<Order | null>) => Promise<boolean>;
  onCreated: (order: Order) => void;
}

/** One of my orders with the actions the API allows on it now. */
export function CustomerOrderRow({ order, run, onCreated }: CustomerOrderRowProps) {
  const [editing, setEditing] = useState(false);
  const actions = customerActions(order);
  const editable = editing && actions.includes('edit');
  return (
    <li className="order-row" data-order-id={order.id}>
      <OrderFacts order={order} />
      {editable ? (
        <EditOrderForm
          order={order}
          onClose={() => setEditing(false)}
          onSave={(changes) => run(order, 'Edit', () => orderApi.updateOrder({ id: order.id, expectedVersion: order.version, ...changes }))}
        />
      ) : (
        <div className="actions">
          {actions.includes('edit') ? (
            <button type="button" className="secondary" onClick={() => setEditing(true)}>
              Edit
            </button>
          ) : null}
          {actions.includes('cancel') ? (
            <button type="button" className="danger" onClick={() => void run(order, 'Cancel', () => orderApi.cancelOrder(order, false))}>
              Cancel
            </button>
          ) : null}
          {actions.includes('again') ? (
            <button
              type="button"
              className="secondary"
              onClick={() =>
                void run(order, 'Order again', async () => {
                  const copy = await orderApi.createOrder({ restaurantId: order.restaurantId, name: order.name, quantity: order.quantity, clientToken: crypto.randomUUID() });
                  onCreated(copy);
                  return null;
                })
              }
            >
              Order again
            </button>
          ) : null}
        </div>
      )}
    </li>
  );
}
