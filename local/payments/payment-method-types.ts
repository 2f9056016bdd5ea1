import { InvalidParameterError } from './errors.js';
import type { Params } from './params.js';
import type { IntentRecord } from './records.js';

/** The first API version without `payment_method_types` as a parameter (Stripe's changelog, Endive). */
const ENDIVE = '2026-09-30';

export type MethodChoice = Pick<IntentRecord, 'paymentMethodTypes' | 'allowedPaymentMethodTypes' | 'automaticPaymentMethods'>;

/**
 * Which payment methods an intent takes, from the parameters of its creation: `allowed_payment_method_types`
 * (since 2026-07-29), `automatic_payment_methods`, or, before 2026-09-30.endive, `payment_method_types`; with none,
 * the Dashboard's methods (`automatic_payment_methods` enabled). Only cards exist here, so a list without `card`
 * is refused rather than filtered to nothing.
 */
export function readMethodChoice(params: Params, apiVersion: string | undefined): MethodChoice {
  const allowed = params.strings('allowed_payment_method_types');
  const legacy = params.strings('payment_method_types');
  const automatic = readAutomatic(params.nested('automatic_payment_methods'));
  // No Stripe-Version header means the account's default version: taken as the newest, the strictest.
  if (legacy && (apiVersion === undefined || apiVersion >= ENDIVE)) {
    throw new InvalidParameterError(
      'The payment_method_types parameter is not supported on this API version: use allowed_payment_method_types or automatic_payment_methods.',
      'payment_method_types',
      'payment_method_types_no_longer_supported',
    );
  }
  const given = Object.entries({ allowed_payment_method_types: allowed, payment_method_types: legacy, automatic_payment_methods: automatic })
    .filter(([, value]) => value !== undefined)
    .map(([name]) => name);
  if (given.length > 1) throw new InvalidParameterError(`You may only specify one of these parameters: ${given.join(', ')}.`, given[0], 'parameters_exclusive');
  const types = allowed ?? legacy;
  if (types && !types.includes('card')) throw new InvalidParameterError(`The local payments endpoint takes cards only, not: ${types.join(', ')}`, allowed ? 'allowed_payment_method_types' : 'payment_method_types');
  if (legacy?.some((type) => type !== 'card')) throw new InvalidParameterError(`The local payments endpoint takes cards only, not: ${legacy.join(', ')}`, 'payment_method_types');
  return {
    // Stripe reports the methods the intent can use; of a list, only cards are imitated.
    paymentMethodTypes: ['card'],
    allowedPaymentMethodTypes: allowed ?? null,
    automaticPaymentMethods: types ? null : (automatic ?? { enabled: true, allowRedirects: 'always' }),
  };
}

function readAutomatic(params: Params | undefined): IntentRecord['automaticPaymentMethods'] | undefined {
  if (!params) return undefined;
  const enabled = params.boolean('enabled');
  const allowRedirects = params.oneOf('allow_redirects', ['always', 'never'] as const) ?? 'always';
  params.rejectUnknown();
  if (enabled === undefined) throw new InvalidParameterError('Missing required param: automatic_payment_methods[enabled].', 'automatic_payment_methods[enabled]', 'parameter_missing');
  return { enabled, allowRedirects };
}
