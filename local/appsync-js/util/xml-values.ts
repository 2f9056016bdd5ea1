/**
 * How AppSync's XML helpers type text and attribute values. The guide's examples turn `<id>1</id>` into the number
 * 1 and keep other text as strings; we follow the rules of org.json's `XML.stringToValue`, the usual Java XML→JSON
 * mapping, whose output matches every example on the util.xml pages: `true`/`false`/`null` in any case, decimal
 * numbers, and integers without a leading zero (`007` stays a string).
 */

const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[dDfF]?$/;
const INTEGER = /^-?(?:0|[1-9]\d*)$/;

export function xmlTextToValue(text: string): unknown {
  if (text === '') return '';
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  const first = text[0] ?? '';
  if (!((first >= '0' && first <= '9') || first === '-')) return text;
  const isDecimal = text.includes('.') || /[eE]/.test(text) || text === '-0';
  if (isDecimal ? DECIMAL.test(text) : INTEGER.test(text)) {
    const value = Number(text.replace(/[dDfF]$/, ''));
    if (Number.isFinite(value)) return value;
  }
  return text;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The five predefined XML entities and character references; anything else is left as written. */
export function decodeXmlEntities(text: string): string {
  return text.replace(/&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (name) return PREDEFINED[name] ?? whole;
    const code = dec ? parseInt(dec, 10) : parseInt(hex ?? '', 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
