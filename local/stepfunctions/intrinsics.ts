import { randomUUID } from 'node:crypto';
import { StatesError } from './errors.js';
import { type Json, type PathScope, queryPath } from './json-paths.js';

/**
 * The intrinsic functions a `.$` field may call: States.Format, States.StringToJson, States.JsonToString,
 * States.Array, States.ArrayGetItem, States.ArrayLength, States.MathAdd and States.UUID; others are States.Runtime.
 * Arguments are string literals ('…', with \' \{ \} \\ escapes), numbers, true/false/null, paths and nested calls.
 */
export function evaluateIntrinsic(text: string, scope: PathScope): Json {
  const parser = { text, at: 0 };
  const value = parseCall(parser, scope);
  skipSpaces(parser);
  if (parser.at !== text.length) throw intrinsicError(text, 'unexpected text after the call');
  return value;
}

interface Parser {
  text: string;
  at: number;
}

const intrinsicError = (text: string, detail: string): StatesError => new StatesError('States.Runtime', `The intrinsic function '${text}' is not valid: ${detail}`);

function skipSpaces(p: Parser): void {
  while (p.text[p.at] === ' ') p.at += 1;
}

function parseCall(p: Parser, scope: PathScope): Json {
  const match = /^States\.[A-Za-z]+/.exec(p.text.slice(p.at));
  if (!match || p.text[p.at + match[0].length] !== '(') throw intrinsicError(p.text, `no function call at ${p.at}`);
  const name = match[0];
  p.at += name.length + 1;
  const args: Json[] = [];
  skipSpaces(p);
  while (p.text[p.at] !== ')') {
    if (p.at >= p.text.length) throw intrinsicError(p.text, 'missing )');
    args.push(parseArgument(p, scope));
    skipSpaces(p);
    if (p.text[p.at] === ',') p.at += 1;
    skipSpaces(p);
  }
  p.at += 1;
  return call(name, args, p.text);
}

function parseArgument(p: Parser, scope: PathScope): Json {
  const rest = p.text.slice(p.at);
  if (rest.startsWith('States.')) return parseCall(p, scope);
  if (rest.startsWith("'")) {
    let out = '';
    p.at += 1;
    while (p.text[p.at] !== "'") {
      if (p.at >= p.text.length) throw intrinsicError(p.text, 'unterminated string');
      if (p.text[p.at] === '\\') p.at += 1;
      out += p.text[p.at];
      p.at += 1;
    }
    p.at += 1;
    return out;
  }
  const token = /^[^,)]+/.exec(rest)?.[0].trim() ?? '';
  p.at += /^[^,)]+/.exec(rest)?.[0].length ?? 0;
  if (token.startsWith('$')) return queryPath(token, scope, p.text);
  if (token === 'true' || token === 'false' || token === 'null') return JSON.parse(token) as Json;
  if (token !== '' && !Number.isNaN(Number(token))) return Number(token);
  throw intrinsicError(p.text, `cannot read the argument '${token}'`);
}

function call(name: string, args: Json[], text: string): Json {
  switch (name) {
    case 'States.Format': {
      const [template, ...values] = args;
      if (typeof template !== 'string') throw intrinsicError(text, 'the template must be a string');
      let index = 0;
      return template.replace(/\{\}/g, () => {
        const value = values[index++];
        return typeof value === 'string' ? value : JSON.stringify(value);
      });
    }
    case 'States.StringToJson':
      return JSON.parse(String(args[0])) as Json;
    case 'States.JsonToString':
      return JSON.stringify(args[0]);
    case 'States.Array':
      return args;
    case 'States.ArrayGetItem':
      return (args[0] as Json[])[args[1] as number] ?? null;
    case 'States.ArrayLength':
      return (args[0] as Json[]).length;
    case 'States.MathAdd':
      return (args[0] as number) + (args[1] as number);
    case 'States.UUID':
      return randomUUID();
    default:
      throw intrinsicError(text, `${name} is not supported offline`);
  }
}
