import { InvalidParameterError } from './errors.js';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency').map((code) => code.toLowerCase()));

/** Stripe's largest amount: eight digits in the minor unit ($999,999.99). */
export const MAX_AMOUNT = 99_999_999;

/**
 * Stripe's smallest charge in some currencies (minor units), from its "Minimum and maximum charge amounts" table;
 * others only need a positive amount here. Stripe checks the minimum in the account's settlement currency too,
 * which the local endpoint does not know.
 */
const MINIMUM_AMOUNTS: Readonly<Record<string, number>> = {
  usd: 50, eur: 50, gbp: 30, chf: 50, cad: 50, aud: 50, nzd: 50, sgd: 50, jpy: 50, nok: 300, sek: 300, dkk: 250, pln: 200,
};

/** A three-letter ISO 4217 code, answered in lower case as Stripe does. */
export function checkCurrency(value: string, param = 'currency'): string {
  const currency = value.toLowerCase();
  if (!CURRENCIES.has(currency)) throw new InvalidParameterError(`Invalid currency: ${value}.`, param);
  return currency;
}

/** An amount in the currency's minor unit: a positive integer within Stripe's limits. */
export function checkAmount(amount: number, currency: string, param = 'amount'): number {
  if (amount < 1) throw new InvalidParameterError('This value must be greater than or equal to 1.', param);
  const minimum = MINIMUM_AMOUNTS[currency] ?? 1;
  if (amount < minimum) throw new InvalidParameterError(`Amount must be at least ${formatAmount(minimum, currency)} ${currency}`, param, 'amount_too_small');
  if (amount > MAX_AMOUNT) throw new InvalidParameterError(`Amount must be no more than ${formatAmount(MAX_AMOUNT, currency)}`, param, 'amount_too_large');
  return amount;
}

/** `$25.00`, `€0.50`, `¥50`: how Stripe's messages show an amount. */
export function formatAmount(amount: number, currency: string): string {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() });
  return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}
