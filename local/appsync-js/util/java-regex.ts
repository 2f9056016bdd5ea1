import { UtilArgumentError } from '../errors.js';

/**
 * `util.matches` is "based on Pattern" (java.util.regex): this turns the Java syntax people actually write into
 * an equivalent JavaScript RegExp. Constructs with no JS equivalent (possessive quantifiers, atomic groups,
 * class intersections, inline flags past the start) are refused as an invalid pattern.
 */

// Java's \s is ASCII-only; JS's also takes Unicode spaces.
const JAVA_SPACE = ' \\t\\n\\x0B\\f\\r';
const JAVA_HSPACE = ' \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000';
const POSIX_CLASSES: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: JAVA_SPACE,
};
const INLINE_FLAGS: Record<string, string> = { i: 'i', s: 's', m: 'm', u: '', U: '', d: '' };

export interface TranslatedPattern {
  source: string;
  flags: string;
}

export function translateJavaPattern(pattern: string): TranslatedPattern {
  let flags = '';
  let rest = pattern;
  const lead = /^\(\?([a-zA-Z]+)\)/.exec(rest);
  if (lead?.[1] && [...lead[1]].every((f) => f in INLINE_FLAGS)) {
    flags = [...new Set([...lead[1]].map((f) => INLINE_FLAGS[f] ?? ''))].join('');
    rest = rest.slice(lead[0].length);
  }
  let out = '';
  let inClass = false;
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i] ?? '';
    if (ch === '\\') {
      const next = rest[i + 1] ?? '';
      if (next === 'Q') {
        const end = rest.indexOf('\\E', i + 2);
        const literal = end < 0 ? rest.slice(i + 2) : rest.slice(i + 2, end);
        // `-` is only special (and only escapable in Unicode mode) inside a class.
        out += literal.replace(inClass ? /[\\^$.*+?()[\]{}|-]/g : /[\\^$.*+?()[\]{}|]/g, '\\$&');
        i = end < 0 ? rest.length : end + 1;
        continue;
      }
      const property = /^[pP]\{(\w+)\}/.exec(rest.slice(i + 1));
      if (property?.[1] && property[1] in POSIX_CLASSES) {
        const body = POSIX_CLASSES[property[1]] ?? '';
        out += inClass ? body : `[${next === 'P' ? '^' : ''}${body}]`;
        i += property[0].length;
        continue;
      }
      if (property?.[1]?.startsWith('Is')) {
        out += `\\${next}{${unicodePropertyOf(property[1].slice(2))}}`;
        i += property[0].length;
        continue;
      }
      out += translateEscape(next, inClass) ?? `\\${next}`;
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
    } else if (ch === '[') {
      inClass = true;
      out += ch;
      // A `]` right after `[` or `[^` is a literal in both dialects; copy it so it does not close the class.
      if (rest[i + 1] === '^') out += rest[++i];
      if (rest[i + 1] === ']') out += `\\${rest[++i]}`;
    } else if (ch === '.' && !flags.includes('s')) {
      out += '[^\\n\\r\\u0085\\u2028\\u2029]';
    } else {
      out += ch;
    }
  }
  return { source: out, flags };
}

// Java's `\p{IsX}`: X is a general category (`IsLu`), a binary property (`IsAlphabetic`) or else a script.
const BINARY_PROPERTIES = new Set(['Alphabetic', 'Ideographic', 'Letter', 'Lowercase', 'Uppercase', 'White_Space', 'Punctuation', 'Control', 'Hex_Digit', 'Assigned', 'Emoji']);

function unicodePropertyOf(name: string): string {
  if (name.length <= 2) return name;
  if (name === 'WhiteSpace') return 'White_Space';
  if (name === 'Letter') return 'L';
  if (name === 'Punctuation') return 'P';
  if (name === 'Control') return 'Cc';
  return BINARY_PROPERTIES.has(name) ? name : `Script=${name}`;
}

function translateEscape(letter: string, inClass: boolean): string | undefined {
  switch (letter) {
    case 's':
      return inClass ? JAVA_SPACE : `[${JAVA_SPACE}]`;
    case 'S':
      return inClass ? undefined : `[^${JAVA_SPACE}]`;
    case 'h':
      return inClass ? JAVA_HSPACE : `[${JAVA_HSPACE}]`;
    case 'H':
      return inClass ? undefined : `[^${JAVA_HSPACE}]`;
    case 'A':
      return '(?<![\\s\\S])';
    case 'z':
      return '(?![\\s\\S])';
    case 'Z':
      return '(?=(?:\\r\\n|[\\n\\r\\u0085\\u2028\\u2029])?(?![\\s\\S]))';
    case 'R':
      return '(?:\\r\\n|[\\n\\x0B\\f\\r\\u0085\\u2028\\u2029])';
    default:
      return undefined;
  }
}

/**
 * A RegExp that succeeds only when the whole input matches, as Java's `Pattern.matches` requires. Unicode mode
 * is preferred (code points, `\p{…}`); patterns that only parse in legacy mode (Java lets any symbol be
 * escaped, e.g. `\-` outside a class) fall back to it.
 */
export function compileWholeMatch(pattern: string): RegExp {
  const { source, flags } = translateJavaPattern(pattern);
  // Outside Unicode mode `\p{…}` would silently mean the letters "p{…}", so such patterns get no fallback.
  const modes = /\\[pP]\{/.test(source) ? ['u'] : ['u', ''];
  for (const unicode of modes) {
    try {
      // Compile the bare pattern first: wrapping could make an unbalanced one like `a)(b` look valid.
      new RegExp(source, flags + unicode);
      return new RegExp(`^(?:${source})$`, flags + unicode);
    } catch {
      // try the next mode
    }
  }
  throw new UtilArgumentError(`util.matches: invalid or unsupported regular expression "${pattern}"`);
}
