import { UtilArgumentError } from '../errors.js';
import { requireString } from './arg-checks.js';

/**
 * Encoding helpers of the "Built-in utilities" page (https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html).
 * All work on the UTF-8 bytes of the string, as the page says of every utility.
 */

// Bytes application/x-www-form-urlencoded leaves as they are: the WHATWG serializer and Java's URLEncoder agree.
const FORM_SAFE = new Set('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-*_'.split('').map((c) => c.charCodeAt(0)));

function urlEncode(value: unknown): string {
  const bytes = Buffer.from(requireString('util.urlEncode', value), 'utf8');
  let out = '';
  for (const byte of bytes) {
    if (byte === 0x20) out += '+';
    else if (FORM_SAFE.has(byte)) out += String.fromCharCode(byte);
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const HEX_PAIR = /^[0-9a-fA-F]{2}$/;

/** Like Java's URLDecoder: `+` is a space, and a malformed `%` escape is an error rather than literal text. */
function urlDecode(value: unknown): string {
  const text = requireString('util.urlDecode', value);
  const bytes: number[] = [];
  for (let i = 0; i < text.length; ) {
    const ch = text[i] ?? '';
    if (ch === '%') {
      const pair = text.slice(i + 1, i + 3);
      if (!HEX_PAIR.test(pair)) {
        throw new UtilArgumentError(`util.urlDecode: malformed escape sequence at index ${i} in "${text}"`);
      }
      bytes.push(parseInt(pair, 16));
      i += 3;
    } else {
      // A run of plain characters keeps its own UTF-8 bytes, so non-ASCII input survives unchanged.
      const code = text.codePointAt(i) ?? 0;
      const plain = ch === '+' ? ' ' : String.fromCodePoint(code);
      bytes.push(...Buffer.from(plain, 'utf8'));
      i += code > 0xffff ? 2 : 1;
    }
  }
  return new TextDecoder('utf-8').decode(Uint8Array.from(bytes));
}

function base64Encode(value: unknown): string {
  return Buffer.from(requireString('util.base64Encode', value), 'utf8').toString('base64');
}

// Standard alphabet, padding optional (as Java's basic decoder); Buffer alone would skip bad characters silently.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/;

function base64Decode(value: unknown): string {
  const text = requireString('util.base64Decode', value);
  if (!BASE64.test(text)) throw new UtilArgumentError(`util.base64Decode: "${text}" is not valid base64`);
  return new TextDecoder('utf-8').decode(Buffer.from(text, 'base64'));
}

/**
 * The VTL guide's `$util.escapeJavaScript` is Apache Commons' `escapeJavaScript`: quotes, backslash and `/` get a
 * backslash, control characters their short or `\uXXXX` form, and every UTF-16 unit above 0x7F a `\uXXXX` escape.
 */
function escapeJavaScript(value: unknown): string {
  const text = requireString('util.escapeJavaScript', value);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const ch = text[i] ?? '';
    if (unit > 0x7f || (unit < 0x20 && !SHORT_ESCAPES[ch])) out += `\\u${unit.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += SHORT_ESCAPES[ch] ?? ch;
  }
  return out;
}

const SHORT_ESCAPES: Record<string, string | undefined> = {
  '\b': '\\b',
  '\n': '\\n',
  '\t': '\\t',
  '\f': '\\f',
  '\r': '\\r',
  "'": "\\'",
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
};

export const encodingHelpers = { base64Encode, base64Decode, urlEncode, urlDecode, escapeJavaScript };
