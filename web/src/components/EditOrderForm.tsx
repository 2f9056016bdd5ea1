import { type FormEvent, useState } from 'react';
import type { Order } from '../state/order-set.js';
import { Field } from './Field.js';

interface EditOrderFormProps {
  order: Order;
  onSave: (changes: { name: string; quantity: number; restaurantId: string }) => Promise<boolean>;
  onClose: () => void;
}

/** Changes a PENDING order in place; the save carries the version it was read at. */
export function EditOrderForm({ order, onSave, onClose }: EditOrderFormProps) {
  const [restaurantId, setRestaurantId] = useState(order.restaurantId);
  const [name, setName] = useState(order.name);
  const [quantity, setQuantity] = useState(String(order.quantity));
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    const saved = await onSave({ name: name.trim(), quantity: Number(quantity), restaurantId: restaurantId.trim() });
    setBusy(false);
    if (saved) onClose();
  };

  return (
    <form className="inline-form edit" aria-label={`Edit ${order.name}`} onSubmit={(event) => void submit(event)}>
      <Field label="Restaurant" value={restaurantId} onChange={setRestaurantId} maxLength={64} required />
      <Field label="Dish" value={name} onChange={setName} maxLength={200} required />
      <Field label="Quantity" type="number" value={quantity} onChange={setQuantity} min={1} max={100} inputMode="numeric" required />
      <button type="submit" disabled={busy}>
        Save
      </button>
      <button type="button" className="secondary" onClick={onClose}>
        Discard changes
      </button>
    </form>
  );
}
