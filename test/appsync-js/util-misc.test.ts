import { runInNewContext } from 'node:vm';
import { decodeTime } from 'ulid';
import { describe, expect, it } from 'vitest';
import { UtilArgumentError } from '../../local/appsync-js/errors.js';
import { encodingHelpers as enc } from '../../local/appsync-js/util/encoding.js';
import { idHelpers as ids } from '../../local/appsync-js/util/ids.js';
import { math } from '../../local/appsync-js/util/math.js';
import { str } from '../../local/appsync-js/util/str.js';
import { typeHelpers as t } from '../../local/appsync-js/util/type-helpers.js';
import { xml } from '../../local/appsync-js/util/xml.js';

// Built-in utilities page: https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html

const times = <T>(n: number, make: () => T): T[] => Array.from({ length: n }, make);

describe('ID generation', () => {
  it('autoId is a random (version 4, RFC 4122 variant) UUID, never repeated', () => {
    const all = times(2000, ids.autoId);
    for (const id of all) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(all).size).toBe(all.length);
  });

  it('autoUlid is a 26-character Crockford base32 ULID stamped with the current time', () => {
    const before = Date.now();
    const id = ids.autoUlid();
    expect(id).toMatch(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/);
    expect(decodeTime(id)).toBeGreaterThanOrEqual(before);
    expect(decodeTime(id)).toBeLessThanOrEqual(Date.now());
    const all = times(2000, ids.autoUlid);
    expect(new Set(all).size).toBe(all.length);
  });

  it('autoKsuid is 27 base62 characters whose first 4 bytes are seconds since the KSUID epoch (1.4e9)', () => {
    const before = Math.floor(Date.now() / 1000);
    const all = times(2000, ids.autoKsuid);
    const after = Math.floor(Date.now() / 1000);
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
    for (const id of all) {
      expect(id).toMatch(/^[0-9A-Za-z]{27}$/);
      const value = [...id].reduce((n, c) => n * 62n + BigInt(alphabet.indexOf(c)), 0n);
      expect(value < 1n << 160n).toBe(true);
      const seconds = Number(value >> 128n) + 1_400_000_000;
      expect(seconds).toBeGreaterThanOrEqual(before);
      expect(seconds).toBeLessThanOrEqual(after);
    }
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('encoding', () => {
  it('urlEncode agrees with the WHATWG application/x-www-form-urlencoded serializer on every ASCII character', () => {
    const ascii = String.fromCharCode(...Array.from({ length: 128 }, (_, i) => i));
    expect(enc.urlEncode(ascii)).toBe(new URLSearchParams({ a: ascii }).toString().slice(2));
  });

  it('urlEncode / urlDecode round-trip non-ASCII text as UTF-8', () => {
    const text = 'Grüße, 日本語, emoji 😀, combining é, + and %';
    expect(enc.urlEncode('😀')).toBe('%F0%9F%98%80');
    expect(enc.urlDecode(enc.urlEncode(text))).toBe(text);
    expect(enc.urlDecode('%e2%9c%93')).toBe('✓');
    expect(enc.urlDecode('already plain é')).toBe('already plain é');
  });

  it('urlDecode refuses malformed escapes, as Java URLDecoder does', () => {
    for (const bad of ['%', 'abc%2', '%zz', '100%']) expect(() => enc.urlDecode(bad)).toThrow(UtilArgumentError);
  });

  it('base64 round-trips any Unicode text through its UTF-8 bytes', () => {
    const text = 'aé日😀\u0000\n';
    expect(enc.base64Encode(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
    expect(enc.base64Decode(enc.base64Encode(text))).toBe(text);
    // RFC 4648 section 10 vectors, with and without padding.
    expect(enc.base64Decode('Zm9vYmFy')).toBe('foobar');
    expect(enc.base64Decode('Zm9vYg==')).toBe('foob');
    expect(enc.base64Decode('Zm9vYg')).toBe('foob');
  });

  it('base64Decode refuses text outside the standard alphabet', () => {
    for (const bad of ['Zm9v!', 'Zm9vY', '-_-_', 'Zm9v Zg==', 'Zg===']) expect(() => enc.base64Decode(bad)).toThrow(UtilArgumentError);
  });

  it('escapeJavaScript follows Commons Lang: short escapes, \\uXXXX for other controls and non-ASCII units', () => {
    expect(enc.escapeJavaScript('\b\f\r\u0001\u001f\u007f')).toBe('\\b\\f\\r\\u0001\\u001F\u007f');
    expect(enc.escapeJavaScript('😀')).toBe('\\uD83D\\uDE00');
    expect(enc.escapeJavaScript('</script>')).toBe('<\\/script>');
  });

  it('refuses non-string arguments', () => {
    for (const fn of [enc.urlEncode, enc.urlDecode, enc.base64Encode, enc.base64Decode, enc.escapeJavaScript]) {
      expect(() => fn(null)).toThrow(UtilArgumentError);
      expect(() => fn(42)).toThrow(UtilArgumentError);
    }
  });
});

describe('type helpers', () => {
  it('treats undefined as null', () => {
    expect(t.isNull(undefined)).toBe(true);
    expect(t.typeOf(undefined)).toBe('Null');
    expect(t.defaultIfNull(undefined, 5)).toBe(5);
    expect(t.defaultIfNull(0, 5)).toBe(0);
  });

  it('isNullOrBlank uses Java whitespace: no-break spaces are not blank, em space and U+001C are', () => {
    expect(t.isNullOrBlank('\u00a0')).toBe(false);
    expect(t.isNullOrBlank('\u202f')).toBe(false);
    expect(t.isNullOrBlank('\u2003\u001c\u3000')).toBe(true);
    expect(t.isNullOrBlank('')).toBe(true);
    expect(t.isNullOrEmpty([])).toBe(false);
  });

  it('recognises lists and maps made in the resolver realm', () => {
    const [list, map, date] = runInNewContext('[[1], { a: 1 }, new Date(0)]') as unknown[];
    expect(t.isList(list)).toBe(true);
    expect(t.isMap(map)).toBe(true);
    expect(t.typeOf(list)).toBe('List');
    expect(t.typeOf(map)).toBe('Map');
    expect(t.isMap(date)).toBe(false);
    expect(t.typeOf(date)).toBe('Object');
    expect(t.typeOf(() => 1)).toBe('Object');
  });
});

describe('util.matches (java.util.regex semantics)', () => {
  it('matches the whole input, backtracking into alternatives', () => {
    expect(t.matches('a|ab', 'ab')).toBe(true);
    expect(t.matches('\\d+', '12a')).toBe(false);
    expect(t.matches('', '')).toBe(true);
  });

  it('translates Java-only syntax', () => {
    expect(t.matches('\\Aab\\z', 'ab')).toBe(true);
    expect(t.matches('ab\\Z', 'ab')).toBe(true);
    expect(t.matches('\\s', '\u00a0')).toBe(false); // Java's \s is ASCII-only
    expect(t.matches('\\S', '\u00a0')).toBe(true);
    expect(t.matches('.', '\u0085')).toBe(false); // NEL is a line terminator for Java
    expect(t.matches('(?s).', '\n')).toBe(true);
    expect(t.matches('\\p{Alnum}+\\p{Punct}', 'abc9!')).toBe(true);
    expect(t.matches('[\\p{Digit}x]+', '1x2')).toBe(true);
    expect(t.matches('\\p{L}+', 'Ωmega')).toBe(true);
    expect(t.matches('\\p{IsAlphabetic}+', '日本')).toBe(true);
    expect(t.matches('\\p{IsGreek}+', 'Ωω')).toBe(true);
    expect(t.matches('\\p{IsLu}', 'a')).toBe(false);
    expect(t.matches('a\\-b', 'a-b')).toBe(true);
    expect(t.matches('\\Q(*)\\E', '(*)')).toBe(true);
    expect(t.matches('\\Qa-b\\E\\p{L}', 'a-bx')).toBe(true);
    expect(t.matches('[\\Q-]\\E]+', '-]')).toBe(true);
    expect(t.matches('[]a]+', ']a')).toBe(true);
    expect(t.matches('x\\Ry', 'x\r\ny')).toBe(true);
  });

  it('treats unbalanced, unsupported and non-string patterns as errors', () => {
    for (const bad of ['a)(b', '(', '*a', 'a*+', '(?>a)', '\\p{InGreek}']) {
      expect(() => t.matches(bad, 'a')).toThrow(UtilArgumentError);
    }
    expect(() => t.matches(null, 'a')).toThrow(UtilArgumentError);
    expect(() => t.matches('a', null)).toThrow(UtilArgumentError);
  });
});

describe('util.str', () => {
  it('normalize accepts the four forms in any case and refuses others', () => {
    expect(str.normalize('e\u0301', 'NFC')).toBe('\u00e9');
    expect(str.normalize('\u1e9b\u0323', 'nfkd')).toBe('s\u0323\u0307'); // UAX #15 example
    expect(() => str.normalize('x', 'nfx')).toThrow(UtilArgumentError);
    expect(() => str.normalize('x', undefined)).toThrow(UtilArgumentError);
  });

  it('toReplace is Java String.replace, including an empty target', () => {
    expect(str.toReplace('abc', '', '-')).toBe('-a-b-c-');
    expect(str.toReplace('aaa', 'aa', 'b')).toBe('ba');
    expect(() => str.toReplace('abc', null, 'x')).toThrow(UtilArgumentError);
  });

  it('toUpper applies full case mapping', () => {
    expect(str.toUpper('straße')).toBe('STRASSE');
  });
});

describe('util.math', () => {
  it('roundNum follows Java Math.round edge cases', () => {
    expect(math.roundNum(0.49999999999999994)).toBe(0);
    expect(math.roundNum(Number.NaN)).toBe(0);
    expect(math.roundNum(Number.POSITIVE_INFINITY)).toBe(9223372036854775807);
    expect(() => math.roundNum('1')).toThrow(UtilArgumentError);
  });

  it('randomDouble stays in [0, 1) and spreads over it', () => {
    const draws = times(20000, math.randomDouble);
    for (const d of draws) expect(d >= 0 && d < 1).toBe(true);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
  });

  it('randomWithinRange gives integers inside the range and refuses a reversed one', () => {
    const draws = times(5000, () => math.randomWithinRange(-3, 4));
    for (const d of draws) expect(Number.isInteger(d) && d >= -3 && d <= 4).toBe(true);
    expect(new Set(draws).size).toBeGreaterThan(5);
    expect(() => math.randomWithinRange(5, 1)).toThrow(UtilArgumentError);
    expect(() => math.randomWithinRange(0, 2 ** 40)).toThrow(UtilArgumentError);
  });

  it('minVal and maxVal refuse non-numbers', () => {
    expect(() => math.minVal(1, '2')).toThrow(UtilArgumentError);
    expect(math.maxVal(-0.5, -1)).toBe(-0.5);
  });
});

describe('util.xml', () => {
  it('puts attributes beside children and text under content', () => {
    expect(xml.toMap('<post id="7" lang="en">Hello</post>')).toEqual({ post: { id: 7, lang: 'en', content: 'Hello' } });
    expect(xml.toMap('<a x="1"><b>2</b></a>')).toEqual({ a: { x: 1, b: 2 } });
    expect(xml.toMap('<a>one<b/>two</a>')).toEqual({ a: { content: ['one', 'two'], b: '' } });
  });

  it('types text like the guide: numbers, booleans, null; keeps leading zeros and CDATA as text', () => {
    const map = xml.toMap(
      '<v><i>-12</i><d>3.50</d><e>1e3</e><z>007</z><b>TRUE</b><n>null</n><s>12abc</s><c><![CDATA[42]]></c><empty></empty></v>',
    );
    expect(map).toEqual({ v: { i: -12, d: 3.5, e: 1000, z: '007', b: true, n: null, s: '12abc', c: '42', empty: '' } });
  });

  it('decodes XML entities once and keeps namespace prefixes', () => {
    expect(xml.toMap('<ns:a xmlns:ns="urn:x">&lt;&#65;&#x42;&amp;#67;</ns:a>')).toEqual({ 'ns:a': { 'xmlns:ns': 'urn:x', content: '<AB&#67;' } });
  });

  it('keeps document order for repeated elements interleaved with others', () => {
    expect(xml.toMap('<r><a>1</a><b>x</b><a>2</a><a>3</a></r>')).toEqual({ r: { a: [1, 2, 3], b: 'x' } });
  });

  it('handles empty, null and invalid input', () => {
    expect(xml.toMap('')).toEqual({});
    expect(xml.toMap(null)).toBeNull();
    expect(xml.toJsonString('<a/>')).toBe('{"a":""}');
    expect(() => xml.toMap('<a><b></a>')).toThrow(UtilArgumentError);
    expect(() => xml.toMap('not xml')).toThrow(UtilArgumentError);
    expect(() => xml.toMap(42)).toThrow(UtilArgumentError);
  });

  it('string-encodes the JSON only when asked to', () => {
    expect(xml.toJsonString('<a>1</a>', true)).toBe('"{\\"a\\":1}"');
    expect(xml.toJsonString('<a>1</a>', false)).toBe('{"a":1}');
  });
});
