/**
 * Money is an integer in the currency's minor unit with its ISO 4217 code (schema.graphql); only the web app
 * formats it. How many digits the minor unit has comes from the currency itself, as Intl knows it (EUR 2, JPY 0,
 * KWD 3), never from the locale.
 */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** A price for people: the browser's locale (or `locale`), the currency's symbol and digits. */
export function formatPrice(minor: number, currency: string, locale?: string): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(minor / 10 ** digits);
}

/** A price as an input shows it: major units with the currency's digits and a dot (8.50, 1200). */
export function priceInputValue(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}

/**
 * What someone typed as a price (major units: "8.5", "8,50", "1200") in minor units, or an explanation of why it is
 * not one: negative, or more decimals than the currency has.
 */
export function parsePrice(text: string, currency: string): { minor: number } | { error: string } {
  const digits = minorDigits(currency);
  const normalized = text.trim().replace(',', '.');
  const pattern = digits === 0 ? /^\d+$/ : new RegExp(`^\\d+(\\.\\d{1,${digits}})?$`);
  if (!pattern.test(normalized)) {
    return { error: digits === 0 ? `a ${currency} price is a whole number` : `a ${currency} price has at most ${digits} decimals` };
  }
  const [whole = '0', fraction = ''] = normalized.split('.');
  return { minor: Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0') };
}
