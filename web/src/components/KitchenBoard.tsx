import { type FormEvent, useId, useState } from 'react';
import { orderApi } from '../api/order-api.js';
import { useClockUntil } from '../hooks/use-clock-until.js';
import type { OrderAction, RunOrderAction } from '../hooks/use-order-mutation.js';
import { formatCountdown, secondsLeft } from '../state/countdown.js';
import { boardOf } from '../state/kitchen-state.js';
import { askingOf, kitchenActions, type KitchenAction } from '../state/order-actions.js';
import type { Order, OrderSet } from '../state/order-set.js';
import { Field } from './Field.js';
import { OrderFacts } from './OrderFacts.js';
import { OrderLines } from './OrderLines.js';


interface CardProps {
  admin: boolean;
  run: RunOrderAction;
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

/** Every action but Reject, which asks for a reason first (RejectForm). */
type DirectAction = Exclude<KitchenAction, { kind: 'reject' }>;

function perform(action: DirectAction, onDeleted: (id: string) => void): OrderAction {
  switch (action.kind) {
    case 'accept':
      return (order) => orderApi.acceptOrder(order);
    case 'advance':
      return (order) => orderApi.updateOrderStatus(order, action.to);
    case 'cancel':
      return (order) => orderApi.cancelOrder(order, true);
    case 'delete':
      return async (order) => {
        await orderApi.deleteOrder(order);
        onDeleted(order.id);
        return null;
      };
  }
}

function KitchenCard({ order, admin, run, onDeleted }: CardProps & { order: Order }) {
  const nameId = useId();
  const [rejecting, setRejecting] = useState(false);
  // Ticks each second only while the restaurant is asked: the countdown and whether it may still answer.
  const now = useClockUntil(order.status === 'PENDING' ? order.acceptBy : null);
  const asking = askingOf(order, now);
  const actions = kitchenActions(order, { admin, now });
  const showForm = rejecting && asking === 'asking';
  return (
    <li className="order-row card-row" data-order-id={order.id} aria-labelledby={nameId}>
      <OrderFacts order={order} nameId={nameId} restaurant={false} reason />
      <OrderLines order={order} />
      {asking === 'checking' ? <p className="asking">Checking…</p> : null}
      {asking === 'asking' && order.acceptBy ? (
        <p className="asking">
          Accept within{' '}
          <span className="countdown" role="timer" aria-label="Time left to accept">
            {formatCountdown(secondsLeft(order.acceptBy, now))}
          </span>
        </p>
      ) : null}
      {asking === 'expired' ? <p className="asking">Time is up: the order is being cancelled.</p> : null}
      {showForm ? (
        <RejectForm order={order} run={run} onClose={() => setRejecting(false)} />
      ) : (
        <div className="actions">
          {actions.map((action) => (
            <button
              key={action.label}
              type="button"
              className={action.kind === 'accept' || action.kind === 'advance' ? undefined : 'danger'}
              onClick={() => (action.kind === 'reject' ? setRejecting(true) : void run(order, action.label, perform(action, onDeleted)))}
            >
              {action.label}
            </button>
          ))}
        </div>
      )}
    </li>
  );
}

/** Rejecting asks why: the reason is the customer's to read (1-200 characters). */
function RejectForm({ order, run, onClose }: { order: Order; run: RunOrderAction; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const hintId = useId();
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const why = reason.trim();
    if (!why) return;
    setBusy(true);
    const done = await run(order, 'Reject', (current) => orderApi.rejectOrder(current, why));
    setBusy(false);
    if (done) onClose();
  };
  return (
    <form className="inline-form reject" aria-label={`Reject ${order.name}`} aria-describedby={hintId} onSubmit={(event) => void submit(event)}>
      <p id={hintId} className="hint">
        The customer is told why.
      </p>
      <Field label="Reason" value={reason} onChange={setReason} maxLength={200} required autoFocus />
      <button type="submit" className="danger" disabled={busy || !reason.trim()}>
        Confirm rejection
      </button>
      <button type="button" className="secondary" onClick={onClose}>
        Don't reject
      </button>
    </form>
  );
}
