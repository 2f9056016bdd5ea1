import { createRequire } from 'node:module';

/** What dynalite's validation hands its expression parsers (validations/index.js, validateExpressions). */
interface ParseContext {
  attrNames?: Record<string, unknown>;
  attrVals?: Record<string, unknown>;
  unusedAttrNames: Record<string, boolean>;
  unusedAttrVals: Record<string, boolean>;
  [other: string]: unknown;
}

interface ExpressionParser {
  parse(text: string, options: { context: ParseContext }): unknown;
}

interface Parsed {
  result: unknown;
  names: string[];
  values: string[];
}

const PARSERS = ['./db/conditionParser', './db/updateParser', './db/projectionParser'];
const MAX_ENTRIES = 1_000;
const cached = new WeakSet<ExpressionParser>();

/**
 * dynalite parses every expression with its PEG parsers on every request: a quarter of the store's work under the
 * order API's load, where the same few expressions come again and again. Here each parser keeps what it made of an
 * expression with the same names and values (a bounded map, oldest out first) and hands out a copy (dynalite
 * applies updates from the tree, so no request may share one). The names and values an expression uses are marked
 * used as the parser marks them, computed once against all of them (so an expression that shares a name with
 * another of the request is counted right). A parse that fails is not kept: its error comes from the parser
 * each time.
 */
export function cacheExpressionParses(dynalitePath: string): void {
  const requireFromDynalite = createRequire(dynalitePath);
  for (const path of PARSERS) {
    const parser = requireFromDynalite(path) as ExpressionParser;
    if (cached.has(parser)) continue;
    cached.add(parser);
    const parse = parser.parse;
    const entries = new Map<string, Parsed>();
    parser.parse = (text, options) => {
      const { context } = options;
      const key = `${text}\u0000${JSON.stringify(context.attrNames ?? null)}\u0000${JSON.stringify(context.attrVals ?? null)}`;
      let parsed = entries.get(key);
      if (!parsed) {
        parsed = parseAgainstAll(parse, text, context);
        if (parsed === undefined) return parse(text, options);
        if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
        entries.set(key, parsed);
      }
      for (const name of parsed.names) delete context.unusedAttrNames[name];
      for (const value of parsed.values) delete context.unusedAttrVals[value];
      return structuredClone(parsed.result);
    };
  }
}

/** The parse with every name and value unused at first; undefined when it fails or its tree cannot be copied. */
function parseAgainstAll(parse: ExpressionParser['parse'], text: string, context: ParseContext): Parsed | undefined {
  const allNames = Object.fromEntries(Object.keys(context.attrNames ?? {}).map((name) => [name, true]));
  const allValues = Object.fromEntries(Object.keys(context.attrVals ?? {}).map((value) => [value, true]));
  const fresh = { ...context, unusedAttrNames: { ...allNames }, unusedAttrVals: { ...allValues } };
  try {
    const result = structuredClone(parse(text, { context: fresh }));
    return {
      result,
      names: Object.keys(allNames).filter((name) => !(name in fresh.unusedAttrNames)),
      values: Object.keys(allValues).filter((value) => !(value in fresh.unusedAttrVals)),
    };
  } catch {
    return undefined;
  }
}
