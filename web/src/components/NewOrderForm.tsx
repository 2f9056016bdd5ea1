import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../api/api-error.js';
import { orderApi } from '../api/order-api.js';
import type { QueuedOrder } from '../state/customer-state.js';
import type { Order } from '../state/order-set.js';
import { Field } from './Field.js';

interface NewOrderFormProps {
  onCreated: (order: Order) => void;
  onQueued: (entry: QueuedOrder) => void;
}

/** Restaurant, dish and quantity; either created at once (createOrder) or queued (submitOrder). */
export function NewOrderForm({ onCreated, onQueued }: NewOrderFormProps) {
  const [restaurantId, setRestaurantId] = useState(() => localStorage.getItem('orders.restaurant') ?? '');
  const [name, setName] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [queue, setQueue] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const queueId = useId();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    // A client token makes a retried click (or a timeout) answer the same order instead of a second one.
    const input = { restaurantId: restaurantId.trim(), name: name.trim(), quantity: Number(quantity), clientToken: crypto.randomUUID() };
    try {
      if (queue) {
        const { id } = await orderApi.submitOrder(input);
        onQueued({ id, restaurantId: input.restaurantId, name: input.name, quantity: input.quantity });
      } else {
        onCreated(await orderApi.createOrder(input));
      }
      localStorage.setItem('orders.restaurant', input.restaurantId);
      setName('');
      setQuantity('1');
    } catch (reason) {
      setError(`The order was not placed: ${ApiError.from(reason).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="new-order-heading">
      <h2 id="new-order-heading">New order</h2>
      <form aria-labelledby="new-order-heading" onSubmit={(event) => void submit(event)} className="inline-form">
        <Field label="Restaurant" value={restaurantId} onChange={setRestaurantId} maxLength={64} required />
        <Field label="Dish" value={name} onChange={setName} maxLength={200} required />
        <Field label="Quantity" type="number" value={quantity} onChange={setQuantity} min={1} max={100} inputMode="numeric" required />
        <div className="field checkbox">
          <input id={queueId} type="checkbox" checked={queue} onChange={(event) => setQueue(event.target.checked)} />
          <label htmlFor={queueId}>Queue it (created a moment later)</label>
        </div>
        <button type="submit" disabled={busy}>
          Place order
        </button>
      </form>
      {error ? <p className="error" role="alert">{error}</p> : null}
    </section>
  );
}
