import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleResolver } from '../../wiring/bundle.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCode } from '../../local/appsync-js/restrictions/check-code.js';

const FEATURES = 'https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html';
const CODE_ERROR = 'https://docs.aws.amazon.com/appsync/latest/APIReference/API_CodeError.html';

interface RefusedCase {
  what: string;
  code: string;
  rule: string;
  line: number;
}

/* Each snippet puts the refused construct on a known line; the rest of the snippet is allowed code. */
const refused: RefusedCase[] = [
  // Statements: "The following are not supported: catch, continue, do-while, finally, for(;;), throw, try, while,
  // labeled statements" (FEATURES).
  { what: 'try/catch', code: 'const a = 1;\ntry { a; } catch (e) { a; }', rule: '@aws-appsync/no-try', line: 2 },
  { what: 'try/finally', code: 'const a = 1;\n\ntry { a; } finally { a; }', rule: '@aws-appsync/no-try', line: 3 },
  { what: 'throw', code: 'export function request(ctx) {\n  throw ctx;\n}', rule: 'appsync-js/no-throw', line: 2 },
  { what: 'while', code: 'let i = 0;\nwhile (i < 3) { i += 1; }', rule: '@aws-appsync/no-while', line: 2 },
  { what: 'do-while', code: 'let i = 0;\ndo { i += 1; } while (i < 3);', rule: '@aws-appsync/no-while', line: 2 },
  { what: 'for(;;)', code: 'let s = 0;\nfor (let i = 0; i < 3; i += 1) { s += i; }', rule: '@aws-appsync/no-for', line: 2 },
  { what: 'continue', code: 'for (const x of [1]) {\n  if (x) continue;\n}', rule: '@aws-appsync/no-continue', line: 2 },
  { what: 'label', code: 'const xs = [1];\nouter: for (const x of xs) { break outer; }', rule: '@aws-appsync/no-labels', line: 2 },
  // Operators: "unary operators (++, --, and ~)" and "in operator" are not supported (FEATURES).
  { what: '++', code: 'let i = 0;\ni++;', rule: '@aws-appsync/no-disallowed-unary-operators', line: 2 },
  { what: '--', code: 'let i = 0;\n--i;', rule: '@aws-appsync/no-disallowed-unary-operators', line: 2 },
  { what: '~', code: 'const i = 5;\nconst j = ~i;', rule: '@aws-appsync/no-disallowed-unary-operators', line: 2 },
  { what: 'in', code: 'const o = {};\nconst has = "a" in o;', rule: '@aws-appsync/no-in-operator', line: 2 },
  // The plugin's base rules, which the guide's JS resolver overview recommends for the same runtime.
  { what: 'instanceof', code: 'const o = {};\nconst b = o instanceof Object;', rule: '@aws-appsync/no-disallowed-binary-operators', line: 2 },
  { what: 'regex literal', code: 'const s = "a";\nconst r = /a+/;', rule: '@aws-appsync/no-regex', line: 2 },
  { what: 'this', code: 'function f() {\n  return this;\n}', rule: '@aws-appsync/no-this', line: 2 },
  { what: 'class declaration', code: 'const a = 1;\nclass A {}', rule: '@aws-appsync/no-classes', line: 2 },
  { what: 'class expression', code: 'const a = 1;\nconst A = class {};', rule: 'appsync-js/no-class-expressions', line: 2 },
  { what: 'generator declaration', code: 'const a = 1;\nfunction* g() {}', rule: '@aws-appsync/no-generators', line: 2 },
  { what: 'generator expression', code: 'const a = 1;\nconst g = function* () {};', rule: 'appsync-js/no-generator-expressions', line: 2 },
  { what: 'generator method', code: 'const o = {\n  *g() {},\n};', rule: 'appsync-js/no-generator-expressions', line: 2 },
  { what: 'yield', code: 'function* g() {\n  yield 1;\n}', rule: '@aws-appsync/no-yield', line: 2 },
  // "Async processes are not supported, and promises are not supported" (FEATURES).
  { what: 'async function', code: 'const a = 1;\nasync function f() {}', rule: '@aws-appsync/no-async', line: 2 },
  { what: 'async arrow', code: 'const a = 1;\nconst f = async () => a;', rule: '@aws-appsync/no-async', line: 2 },
  { what: 'await', code: 'const p = {};\nconst v = await p;', rule: '@aws-appsync/no-await', line: 2 },
  { what: 'new Promise', code: 'const a = 1;\nconst p = new Promise(() => a);', rule: '@aws-appsync/no-promise', line: 2 },
  { what: 'Promise.resolve', code: 'const a = 1;\nconst p = Promise.resolve(a);', rule: 'appsync-js/no-async-constructs', line: 2 },
  { what: 'for await', code: 'const xs = [];\nfor await (const x of xs) { x; }', rule: 'appsync-js/no-async-constructs', line: 2 },
  { what: 'dynamic import', code: 'const a = 1;\nconst m = import("x");', rule: 'appsync-js/no-async-constructs', line: 2 },
  // Function: "apply, bind, and call methods not are supported", "Function constructors are not supported",
  // "Passing a function as an argument is not supported", "Recursive function calls are not supported" (FEATURES).
  {
    what: 'direct recursion',
    code: 'function f(n) {\n  return n > 0 ? f(n - 1) : 0;\n}',
    rule: 'appsync-js/no-recursion',
    line: 2,
  },
  {
    what: 'mutual recursion',
    code: 'const a = 1;\nfunction even(n) { return n === 0 ? true : odd(n - 1); }\nconst odd = (n) => n === 0 ? false : even(n - 1);',
    rule: 'appsync-js/no-recursion',
    line: 2,
  },
  {
    what: 'function passed to a module function',
    code: 'function apply(fn) { return fn; }\nconst r = apply(() => 1);',
    rule: 'appsync-js/no-function-passing',
    line: 2,
  },
  {
    what: 'named function passed as an argument',
    code: 'function id(x) { return x; }\nfunction g(x) { return x; }\nconst r = id(g);',
    rule: 'appsync-js/no-function-passing',
    line: 3,
  },
  {
    // "Array.prototype.sort() doesn't support arguments" (FEATURES).
    what: 'comparator passed to sort',
    code: 'const xs = [2, 1];\nconst ys = xs.sort((a, b) => a - b);',
    rule: 'appsync-js/no-function-passing',
    line: 2,
  },
  { what: 'call', code: 'function f(x) { return x; }\nconst r = f.call(null, 1);', rule: 'appsync-js/no-function-methods', line: 2 },
  { what: 'apply', code: 'function f(x) { return x; }\nconst r = f.apply(null, [1]);', rule: 'appsync-js/no-function-methods', line: 2 },
  { what: 'bind', code: 'const f = (x) => x;\nconst g = f.bind(null);', rule: 'appsync-js/no-function-methods', line: 2 },
  { what: 'new Function', code: 'const a = 1;\nconst f = new Function("return 1");', rule: 'appsync-js/no-function-constructor', line: 2 },
  { what: 'Function()', code: 'const a = 1;\nconst f = Function("return 1");', rule: 'appsync-js/no-function-constructor', line: 2 },
  // The context and its base properties are read-only.
  {
    what: 'ctx base property assignment',
    code: 'export function request(ctx) {\n  ctx.args = {};\n  return {};\n}',
    rule: '@aws-appsync/no-disallowed-re-assignment',
    line: 2,
  },
  {
    what: 'ctx re-assignment',
    code: 'export function response(ctx) {\n  ctx = {};\n  return ctx;\n}',
    rule: '@aws-appsync/no-disallowed-re-assignment',
    line: 2,
  },
  {
    what: 'ctx base property assignment in an arrow handler',
    code: 'export const request = (ctx) => {\n  ctx.stash = {};\n  return {};\n};',
    rule: 'appsync-js/no-ctx-reassignment',
    line: 2,
  },
  {
    what: 'ctx base property deletion in an arrow handler',
    code: 'export const response = (context) => {\n  delete context.result;\n  return {};\n};',
    rule: 'appsync-js/no-ctx-reassignment',
    line: 2,
  },
];

describe(`refused constructs (${FEATURES})`, () => {
  it.each(refused)('refuses $what', ({ code, rule, line }) => {
    const errors = checkCode(code, 'snippet.js');
    expect(errors.map((e) => ({ rule: e.rule, line: e.location.line }))).toContainEqual({ rule, line });
    const error = errors.find((e) => e.rule === rule);
    expect(error?.errorType).toBe('LINT_ERROR');
    expect(error?.file).toBe('snippet.js');
    expect(error?.value).not.toBe('');
  });

  it('reports every violation with its own line and a 1-based column and span', () => {
    const code = 'const xs = [1];\nlet i = 0;\nwhile (i < 1) { i++; }\ntry { i; } catch (e) { i; }';
    const errors = checkCode(code);
    expect(errors.map((e) => [e.rule, e.location.line, e.location.column])).toEqual([
      ['@aws-appsync/no-while', 3, 1],
      ['@aws-appsync/no-disallowed-unary-operators', 3, 17],
      ['@aws-appsync/no-try', 4, 1],
    ]);
    // `i++` is three characters long.
    expect(errors[1]?.location.span).toBe(3);
    expect(errors.every((e) => e.file === undefined)).toBe(true);
  });

  it('ignores eslint directives in the code: they cannot switch a restriction off', () => {
    const code = '/* eslint-disable */\nconst a = 1;\ntry { a; } catch (e) { a; } // eslint-disable-line';
    expect(checkCode(code).map((e) => [e.rule, e.location.line])).toEqual([['@aws-appsync/no-try', 3]]);
  });

  it('falls back to the bundle and its label when the inline source map is unreadable', () => {
    const code = 'const a = 1;\ntry { a; } catch (e) { a; }\n//# sourceMappingURL=data:application/json;base64,bm90IGpzb24=\n';
    expect(checkCode(code, 'bundle.js')).toEqual([
      expect.objectContaining({ file: 'bundle.js', location: expect.objectContaining({ line: 2, column: 1 }) }),
    ]);
  });

  it('names the functions of a recursion cycle', () => {
    const code = 'function a(n) { return b(n); }\nfunction b(n) { return a(n); }';
    const values = checkCode(code).map((e) => e.value);
    expect(values).toEqual([expect.stringContaining('a -> b -> a'), expect.stringContaining('b -> a -> b')]);
  });
});

describe('allowed code', () => {
  const allowed: { what: string; code: string }[] = [
    { what: 'for-of', code: 'const xs = [1, 2];\nlet s = 0;\nfor (const x of xs) { s += x; }' },
    { what: 'for-in', code: 'const o = { a: 1 };\nconst keys = [];\nfor (const k in o) { keys.push(k); }' },
    { what: 'break and switch', code: 'const k = 1;\nlet r = 0;\nswitch (k) { case 1: r = 1; break; default: r = 2; }\nfor (const x of [1]) { if (x) break; }' },
    { what: 'arrow functions and declarations', code: 'const add = (a, b) => a + b;\nfunction twice(x) { return add(x, x); }\nexport const r = twice(2);' },
    { what: 'spread and rest', code: 'const f = (...xs) => xs.length;\nconst o = { ...{ a: 1 }, b: 2 };\nconst xs = [...[1], 2];\nexport const r = f(...xs, o);' },
    { what: 'destructuring with defaults', code: 'const { a = 1, b: { c } = { c: 2 }, ...rest } = { d: 3 };\nconst [x, , y = 4] = [1];\nexport const r = [a, c, rest, x, y];' },
    { what: 'template literals', code: 'const n = 1;\nconst s = `line ${n}\nnext ${`nested ${n}`}`;' },
    { what: 'optional chaining and nullish coalescing', code: 'const o = { a: { b: null } };\nconst v = o?.a?.b ?? o.a?.["c"] ?? 0;\nconst w = o.f?.();' },
    {
      what: 'Array methods with callbacks',
      code:
        'const xs = [1, 2, 3];\nconst isOdd = (x) => x % 2 === 1;\n' +
        'const r = xs.map((x) => x * 2).filter(isOdd).reduce((a, b) => a + b, 0);\n' +
        'xs.forEach(function (x) { console.log(x); });\n' +
        'const f = [xs.find((x) => x > 1), xs.some((x) => x > 2), xs.every(isOdd), xs.findIndex(isOdd), xs.flatMap((x) => [x])];',
    },
    { what: 'typeof, void and bitwise operators', code: 'const a = 5;\nconst t = typeof a;\nconst u = void 0;\nconst b = (a & 1) | (a ^ 2) | (a << 1) | (a >> 1) | (a >>> 1);' },
    { what: 'delete and Object.hasOwn', code: 'const o = { a: 1 };\ndelete o.a;\nconst has = Object.hasOwn(o, "a");' },
    {
      what: 'a resolver writing the stash and calling util',
      code:
        "import { util } from '@aws-appsync/utils';\nimport * as ddb from '@aws-appsync/utils/dynamodb';\n" +
        'export function request(ctx) {\n  ctx.stash.started = util.time.nowISO8601();\n  ctx.args.input.id = util.autoId();\n' +
        '  if (!ctx.args.input) { util.error("no input", "BadRequest"); }\n  return ddb.get({ key: { id: ctx.args.input.id } });\n}\n' +
        'export const response = (ctx) => { ctx.stash.done = true; return ctx.result; };',
    },
    { what: 'a locally declared Promise', code: 'const Promise = { resolve: (x) => x };\nexport const r = Promise.resolve(1);' },
    { what: 'a call method of a plain object', code: 'const api = { call: (x) => x };\nexport const r = api.call(1);' },
    { what: 'a user function calling another one twice', code: 'const f = (x) => x + 1;\nfunction g(x) { return f(f(x)); }\nexport const r = g(1);' },
  ];
  it.each(allowed)('accepts $what', ({ code }) => {
    expect(checkCode(code, 'snippet.js')).toEqual([]);
  });
});

describe(`parse failures come back as PARSER_ERROR (${CODE_ERROR})`, () => {
  it('reports an unterminated string where it is', () => {
    const errors = checkCode('export function request(ctx) {\n  return "abc;\n}', 'broken.js');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ errorType: 'PARSER_ERROR', file: 'broken.js', location: { line: 2 } });
    // The API reference's example value is "Parsing error: Unterminated string literal".
    expect(errors[0]?.value).toMatch(/^Parsing error: Unterminated string literal/);
  });

  it('refuses what strict mode forbids, as modules run in strict mode', () => {
    const errors = checkCode('const o = {};\nwith (o) { o; }');
    expect(errors).toEqual([
      expect.objectContaining({ errorType: 'PARSER_ERROR', location: expect.objectContaining({ line: 2 }) }),
    ]);
  });

  it('refuses TypeScript syntax left in the JavaScript', () => {
    const errors = checkCode('const a: number = 1;');
    expect(errors.map((e) => e.errorType)).toEqual(['PARSER_ERROR']);
  });
});

describe('bundles with an inline source map', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'restrictions-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  // The project's one bundler, so the test sees exactly what the runtime and the deployment see.
  const bundle = async (entry: string): Promise<string> => (await bundleResolver({ file: entry })).code;

  it('reports the TypeScript file, line and column', async () => {
    await writeFile(
      join(dir, 'helper.ts'),
      ['export interface Item {', '  n: number;', '}', '', 'export function total(items: Item[]): number {', '  let sum = 0;', '  for (const item of items) sum += item.n;', '  while (sum > 10) sum -= 10;', '  return sum;', '}', ''].join('\n'),
    );
    await writeFile(
      join(dir, 'resolver.ts'),
      [
        "import type { Context } from '@aws-appsync/utils';",
        "import { total, type Item } from './helper';",
        '',
        'type Args = { items: Item[] };',
        '',
        'export function request(ctx: Context<Args>) {',
        '  const sum: number = total(ctx.args.items);',
        '  try {',
        '    return { sum };',
        '  } catch (e) {',
        '    return {};',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    const code = await bundle(join(dir, 'resolver.ts'));
    const errors = checkCode(code, 'bundle.js');
    const located = errors.map((e) => ({
      rule: e.rule,
      file: resolve(e.file ?? ''),
      line: e.location.line,
      column: e.location.column,
    }));
    expect(located).toEqual([
      { rule: '@aws-appsync/no-while', file: join(dir, 'helper.ts'), line: 8, column: 3 },
      { rule: '@aws-appsync/no-try', file: join(dir, 'resolver.ts'), line: 8, column: 3 },
    ]);
  });

  it('lets a typical TypeScript resolver through, esbuild helpers included', async () => {
    await writeFile(join(dir, 'keys.ts'), 'export const PK = "pk";\nexport function key(id: string) { return { [PK]: id }; }\n');
    await writeFile(
      join(dir, 'typical.ts'),
      [
        "import { util, type Context } from '@aws-appsync/utils';",
        "import * as ddb from '@aws-appsync/utils/dynamodb';",
        "import * as keys from './keys';",
        'export enum Status { Open = "OPEN", Closed = "CLOSED" }',
        'export function request(ctx: Context<{ id: string; tags?: string[] }>) {',
        '  const { id, tags = [] } = ctx.args;',
        '  const clean = tags.map((t) => t.trim()).filter((t) => t.length > 0);',
        '  const names = Object.keys(keys);',
        '  for (const t of clean) console.log(`${t} ${names.length}`);',
        '  return ddb.get({ key: keys.key(id) });',
        '}',
        'export function response(ctx: Context) {',
        '  if (ctx.error) util.error(ctx.error.message, ctx.error.type);',
        '  return { ...ctx.result, status: ctx.result?.status ?? Status.Open };',
        '}',
        '',
      ].join('\n'),
    );
    const code = await bundle(join(dir, 'typical.ts'));
    expect(checkCode(code, 'typical.js')).toEqual([]);
  });
});
