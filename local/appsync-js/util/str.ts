import { UtilArgumentError } from '../errors.js';
import { requireString } from './arg-checks.js';

/**
 * `util.str`. The JS page (https://docs.aws.amazon.com/appsync/latest/devguide/str-helpers-in-util-str-js.html)
 * documents `normalize`; `toUpper`, `toLower` and `toReplace` come from the `$util.str` page
 * (https://docs.aws.amazon.com/appsync/latest/devguide/str-helpers-in-util-str.html), kept for code ported from VTL.
 */

const FORMS = new Set(['NFC', 'NFD', 'NFKC', 'NFKD']);

function normalize(value: unknown, form: unknown): string {
  const text = requireString('util.str.normalize', value);
  const name = requireString('util.str.normalize', form, 'normalization type').toUpperCase();
  if (!FORMS.has(name)) {
    throw new UtilArgumentError(`util.str.normalize: the normalization type must be "nfc", "nfd", "nfkc" or "nfkd", got "${String(form)}"`);
  }
  return text.normalize(name);
}

/** Java's String.replace: every literal occurrence, no pattern syntax in either argument. */
function toReplace(value: unknown, target: unknown, replacement: unknown): string {
  const text = requireString('util.str.toReplace', value);
  const search = requireString('util.str.toReplace', target, 'substring');
  const by = requireString('util.str.toReplace', replacement, 'replacement');
  // A function replacement keeps `$&` and friends literal.
  return text.replaceAll(search, () => by);
}

export const str = {
  normalize,
  toUpper: (value: unknown): string => requireString('util.str.toUpper', value).toUpperCase(),
  toLower: (value: unknown): string => requireString('util.str.toLower', value).toLowerCase(),
  toReplace,
};
