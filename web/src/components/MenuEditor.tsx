import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../api/api-error.js';
import { catalogApi } from '../api/catalog-api.js';
import { useMenu } from '../hooks/use-menu.js';
import { categoriesOf, type MenuItem } from '../state/menu-state.js';
import { parsePrice, priceInputValue } from '../state/money.js';
import { Category } from './Category.js';
import { DishFacts } from './DishFacts.js';
import { Field } from './Field.js';

type Run = (item: MenuItem | null, what: string, action: () => Promise<MenuItem>) => Promise<boolean>;

/**
 * The menu of the kitchen's restaurant, for its staff (and admins): change a price, mark a dish sold out or back,
 * add and remove dishes. Every change goes at the version shown; when someone changed the dish first the API
 * answers ConflictError, and the editor reads the menu again and says so.
 */
export function MenuEditor({ restaurantId, raise }: { restaurantId: string; raise: (text: string) => void }) {
  const { state, apply, reload } = useMenu(restaurantId, 'userPool', raise);
  const { restaurant } = state;

  const run: Run = async (item, what, action) => {
    try {
      apply(await action());
      return true;
    } catch (reason) {
      const error = ApiError.from(reason);
      if (item && (error.errorType === 'ConflictError' || error.errorType === 'NotFound')) {
        await reload();
        const why = error.errorType === 'NotFound' ? 'has been removed meanwhile' : 'was changed by someone else first';
        raise(`${item.name} ${why}: your ${what} was not saved. The menu has been read again: check it and try again.`);
      } else {
        raise(`Your ${what}${item ? ` of ${item.name}` : ''} was not saved: ${error.message}`);
      }
      return false;
    }
  };

  if (!restaurant) return state.loading ? <p role="status">Loading the menu…</p> : null;
  const currency = restaurant.currency;
  return (
    <section className="card" aria-labelledby="menu-editor-heading">
      <h2 id="menu-editor-heading">Menu of {restaurant.name}</h2>
      {categoriesOf(state.items).map((category) => (
        <Category key={category.name} name={category.name}>
          {category.items.map((item) => (
            <EditorRow key={`${item.id}/${item.version}`} item={item} currency={currency} run={run} />
          ))}
        </Category>
      ))}
      <AddItemForm restaurantId={restaurantId} currency={currency} run={run} />
    </section>
  );
}

/** Keyed by id and version: an event or an answer with a newer version shows its price in the field. */
function EditorRow({ item, currency, run }: { item: MenuItem; currency: string; run: Run }) {
  const [price, setPrice] = useState(() => priceInputValue(item.price, currency));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const priceId = useId();
  const change = async (what: string, changes: { price?: number; available?: boolean }): Promise<void> => {
    setBusy(true);
    await run(item, what, () => catalogApi.updateMenuItem({ restaurantId: item.restaurantId, id: item.id, expectedVersion: item.version, ...changes }));
    setBusy(false);
  };
  const savePrice = (event: FormEvent): void => {
    event.preventDefault();
    const parsed = parsePrice(price, currency);
    if ('error' in parsed) return setProblem(`Not a price: ${parsed.error}.`);
    setProblem(null);
    void change('new price', { price: parsed.minor });
  };
  return (
    <li className={`menu-item${item.available ? '' : ' sold-out'}`} data-item-id={item.id}>
      <DishFacts item={item} currency={currency} />
      <div className="actions">
        <form className="inline-form" aria-label={`Price of ${item.name}`} onSubmit={savePrice}>
          <div className="field">
            <label htmlFor={priceId}>Price ({currency})</label>
            <input id={priceId} className="price-input" inputMode="decimal" required value={price} onChange={(event) => setPrice(event.target.value)} />
          </div>
          <button type="submit" className="secondary" disabled={busy}>
            Save price
          </button>
        </form>
        {item.available ? (
          <button type="button" className="secondary" disabled={busy} onClick={() => void change('sold out', { available: false })}>
            Mark sold out
          </button>
        ) : (
          <button type="button" className="secondary" disabled={busy} onClick={() => void change('back on the menu', { available: true })}>
            Back on the menu
          </button>
        )}
        <button type="button" className="danger" disabled={busy} onClick={() => void run(item, 'removal', () => catalogApi.removeMenuItem(item))}>
          Remove
        </button>
      </div>
      {problem ? <p className="error" role="alert">{problem}</p> : null}
    </li>
  );
}

function AddItemForm({ restaurantId, currency, run }: { restaurantId: string; currency: string; run: Run }) {
  const [name, setName] = useState('');
  const [category, setCategory] = useState('');
  const [price, setPrice] = useState('');
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const parsed = parsePrice(price, currency);
    if ('error' in parsed) return setProblem(`Not a price: ${parsed.error}.`);
    setProblem(null);
    setBusy(true);
    const input = { restaurantId, name, category, price: parsed.minor, ...(description.trim() ? { description } : {}) };
    if (await run(null, `new dish ${name.trim()}`, () => catalogApi.addMenuItem(input))) {
      setName('');
      setPrice('');
      setDescription('');
    }
    setBusy(false);
  };
  return (
    <form className="add-item" aria-labelledby="add-item-heading" onSubmit={(event) => void submit(event)}>
      <h3 id="add-item-heading">Add a dish</h3>
      <div className="inline-form">
        <Field label="Name" value={name} onChange={setName} maxLength={100} required />
        <Field label="Category" value={category} onChange={setCategory} maxLength={50} required />
        <Field label={`Price (${currency})`} value={price} onChange={setPrice} inputMode="decimal" required />
        <Field label="Description" value={description} onChange={setDescription} maxLength={500} />
        <button type="submit" disabled={busy}>
          Add dish
        </button>
      </div>
      {problem ? <p className="error" role="alert">{problem}</p> : null}
    </form>
  );
}
