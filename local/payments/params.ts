import { InvalidParameterError } from './errors.js';
import type { FormObject, FormValue } from './form-encoding.js';

const METADATA_KEYS = 50;
const METADATA_KEY_LENGTH = 40;
const METADATA_VALUE_LENGTH = 500;

/**
 * A request's parameters, read by name with Stripe's parameter errors. Every name read is remembered, so that
 * `rejectUnknown` refuses the rest: a parameter this endpoint does not imitate fails loudly rather than being
 * ignored, which would let code pass offline that Stripe answers differently.
 */
export class Params {
  private readonly read = new Set<string>();

  constructor(
    private readonly values: FormObject,
    private readonly prefix = '',
  ) {}

  string(name: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') throw new InvalidParameterError(`Invalid ${this.label(name)}: must be a string`, this.label(name));
    return value;
  }

  requiredString(name: string): string {
    const value = this.string(name);
    if (value === undefined) throw missing(this.label(name));
    return value;
  }

  integer(name: string): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!/^-?\d{1,15}$/.test(value)) throw new InvalidParameterError(`Invalid integer: ${value}`, this.label(name), 'parameter_invalid_integer');
    return Number(value);
  }

  requiredInteger(name: string): number {
    const value = this.integer(name);
    if (value === undefined) throw missing(this.label(name));
    return value;
  }

  boolean(name: string): boolean | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (value !== 'true' && value !== 'false') throw new InvalidParameterError(`Invalid boolean: ${value}`, this.label(name));
    return value === 'true';
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      throw new InvalidParameterError(`Invalid ${this.label(name)}: must be one of ${allowed.join(', ')}`, this.label(name));
    }
    return value as T;
  }

  strings(name: string): string[] | undefined {
    const value = this.raw(name);
    if (value === undefined || value === '') return undefined;
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
      throw new InvalidParameterError(`Invalid array: ${this.label(name)} must be a list of strings`, this.label(name));
    }
    return value as string[];
  }

  /** A nested object (`automatic_payment_methods[enabled]`) read with its own reader. */
  nested(name: string): Params | undefined {
    const value = this.raw(name);
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) throw new InvalidParameterError(`Invalid object: ${this.label(name)}`, this.label(name));
    return new Params(value, this.label(name));
  }

  /** Stripe's limits: 50 keys, keys up to 40 characters, values up to 500; an empty value unsets its key. */
  metadata(name = 'metadata'): Record<string, string> | undefined {
    const value = this.raw(name);
    if (value === undefined || value === '') return value === '' ? {} : undefined;
    if (typeof value !== 'object') throw new InvalidParameterError(`Invalid object: ${name}`, name);
    const entries = Object.entries(value).map(([key, item]): [string, FormValue | undefined] => [key, item]);
    if (entries.length > METADATA_KEYS) throw new InvalidParameterError(`Invalid metadata: metadata can have up to ${METADATA_KEYS} keys`, name);
    const metadata: Record<string, string> = {};
    for (const [key, item] of entries) {
      const label = `${name}[${key}]`;
      if (typeof item !== 'string') throw new InvalidParameterError(`Invalid value for ${label}: metadata values must be strings`, label);
      if (key.length > METADATA_KEY_LENGTH) throw new InvalidParameterError(`Invalid metadata: keys can be up to ${METADATA_KEY_LENGTH} characters`, label);
      if (item.length > METADATA_VALUE_LENGTH) throw new InvalidParameterError(`Invalid metadata: values can be up to ${METADATA_VALUE_LENGTH} characters`, label);
      if (item !== '') metadata[key] = item;
    }
    return metadata;
  }

  /** The local endpoint never expands related objects: an `expand` asking for one is refused, not ignored. */
  noExpansion(): void {
    const expand = this.strings('expand');
    if (expand?.length) throw new InvalidParameterError(`The local payments endpoint does not expand objects (expand: ${expand.join(', ')})`, 'expand');
  }

  rejectUnknown(): void {
    const unknown = Object.keys(this.values).find((name) => !this.read.has(name));
    if (unknown === undefined) return;
    const label = this.label(unknown);
    throw new InvalidParameterError(
      `Received unknown parameter: ${label} (or one the local payments endpoint does not imitate: docs/payments-offline.md)`,
      label,
      'parameter_unknown',
    );
  }

  private raw(name: string): FormValue | undefined {
    this.read.add(name);
    return this.values[name];
  }

  private label(name: string): string {
    return this.prefix ? `${this.prefix}[${name}]` : name;
  }
}

function missing(param: string): InvalidParameterError {
  return new InvalidParameterError(`Missing required param: ${param}.`, param, 'parameter_missing');
}
