import { parse } from 'acorn';

export interface StrictParseFailure {
  message: string;
  line: number;
  column: number;
}

/**
 * The TypeScript parser behind the lint pass accepts code that strict mode forbids (`with`, `delete x`, duplicate
 * parameters, …) and type annotations in a `.js` file. APPSYNC_JS runs modules in strict mode, so the bundle must
 * also parse as a strict ES module.
 */
export function strictParseFailure(code: string): StrictParseFailure | undefined {
  try {
    parse(code, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
    return undefined;
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const raw = error instanceof Error ? error.message : String(error);
    // acorn appends "(line:column)" to its message; the location is reported separately.
    const message = raw.replace(/\s*\(\d+:\d+\)$/, '');
    return { message, line: loc?.line ?? 0, column: loc ? loc.column + 1 : 0 };
  }
}
