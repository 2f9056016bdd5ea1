import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One EvaluateCode call and what AWS (or the guide) says it answers. */
export interface ConformanceCase {
  name: string;
  source: string;
  code: string;
  context: Record<string, unknown>;
  function: 'request' | 'response';
  expected: { evaluationResult?: unknown; error?: { message: string } };
}

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** EvaluateCode calls with the answers AWS gave (or the guide states), each naming its source: see captured/README.md. */
export const CAPTURED_CASES_FILE = here('./captured/cases.json');

/** Our own cases, each citing the guide page it comes from. */
export const LOCAL_CASES_DIR = here('./cases/');

export function loadCases(file: string): ConformanceCase[] {
  return JSON.parse(readFileSync(file, 'utf8')) as ConformanceCase[];
}

export function localCaseFiles(): string[] {
  return readdirSync(LOCAL_CASES_DIR)
    .filter((name) => name.endsWith('.json'))
    .map((name) => `${LOCAL_CASES_DIR}${name}`);
}

/**
 * JSON strings that hold objects (util.transform answers) are compared as objects: AWS promises no order for
 * the names and values of an expression.
 */
export function normalise(value: unknown): unknown {
  if (typeof value === 'string' && value.startsWith('{')) {
    try {
      return normalise(JSON.parse(value));
    } catch {
      return value;
    }
  }
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  }
  return value;
}
