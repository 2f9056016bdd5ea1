import { InvalidParameterError } from './errors.js';

/** A form parameter's value: Stripe's bracket syntax nests objects (`a[b]=`) and lists (`a[]=`, `a[0]=`). */
export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

const KEY = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;
const SEGMENT = /\[([^[\]]*)\]/g;

/**
 * Parses an `application/x-www-form-urlencoded` body (or query string) the way Stripe reads it:
 * `metadata[order_id]=42` is an object, `payment_method_types[]=card` and `payment_method_types[0]=card` (what
 * the SDK sends) are lists. A name that is not of this form is a parameter error.
 */
export function parseForm(text: string): FormObject {
  const root: FormObject = {};
  for (const [name, value] of new URLSearchParams(text)) {
    const match = KEY.exec(name);
    if (!match?.[1]) throw new InvalidParameterError(`Invalid parameter name: ${name}`, name);
    const path = [match[1], ...[...(match[2] ?? '').matchAll(SEGMENT)].map((segment) => segment[1] ?? '')];
    assign(root, path, value, name);
  }
  return root;
}

function assign(container: FormObject | FormValue[], path: string[], value: string, name: string): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (Array.isArray(container)) {
    if (head !== '' && !/^\d+$/.test(head)) throw new InvalidParameterError(`Invalid array index in ${name}`, name);
    const index = head === '' ? container.length : Number(head);
    if (index > container.length) throw new InvalidParameterError(`Invalid array index in ${name}: indices start at 0 and follow each other`, name);
    setChild(container, index, rest, value, name);
    return;
  }
  setChild(container, head, rest, value, name);
}

function setChild(container: FormObject | FormValue[], key: string | number, rest: string[], value: string, name: string): void {
  const slots = container as Record<string | number, FormValue | undefined>;
  const [next] = rest;
  if (next === undefined) {
    if (slots[key] !== undefined) throw new InvalidParameterError(`Parameter ${name} is given more than once`, name);
    slots[key] = value;
    return;
  }
  // A list when the next segment is empty or an index, an object otherwise; a clash is the sender's mistake.
  const wantsList = next === '' || /^\d+$/.test(next);
  const existing = slots[key];
  const child = existing ?? (wantsList ? [] : {});
  if (typeof child === 'string' || Array.isArray(child) !== wantsList) throw new InvalidParameterError(`Parameter ${name} mixes a value, a list and an object`, name);
  slots[key] = child;
  assign(child, rest, value, name);
}
