import { JSONPath } from 'jsonpath-plus';
import { StatesError } from './errors.js';
import { evaluateIntrinsic } from './intrinsics.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** What paths read: the state's input (`$`) and the context object (`$$`). */
export interface PathScope {
  input: Json;
  context: Json;
}

const runtime = (message: string): StatesError => new StatesError('States.Runtime', message);

/** A JSONPath (`$…` on the input, `$$…` on the context object); a path that selects nothing is States.Runtime. */
export function queryPath(path: string, scope: PathScope, field = 'path'): Json {
  const onContext = path.startsWith('$$');
  const json = onContext ? scope.context : scope.input;
  const found = JSONPath({ path: onContext ? path.slice(1) : path, json: json as object, wrap: false }) as Json | undefined;
  if (found === undefined) throw runtime(`The JSONPath '${path}' specified for the field '${field}' could not be found in the input '${JSON.stringify(json)}'`);
  return found;
}

/** InputPath and OutputPath: null gives `{}`, absent gives everything. */
export function selectPath(path: string | null | undefined, value: Json, context: Json, field: string): Json {
  if (path === null) return {};
  if (path === undefined || path === '$') return value;
  return queryPath(path, { input: value, context }, field);
}

/** Parameters, ResultSelector: keys ending `.$` take a path's value or an intrinsic function's. */
export function applyTemplate(template: Json, scope: PathScope): Json {
  if (Array.isArray(template)) return template.map((item) => applyTemplate(item, scope));
  if (template === null || typeof template !== 'object') return template;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(template)) {
    if (!key.endsWith('.$')) {
      out[key] = applyTemplate(value, scope);
      continue;
    }
    if (typeof value !== 'string') throw runtime(`The value for the field '${key}' must be a STRING that contains a JSONPath but was a ${typeof value}`);
    const name = key.slice(0, -2);
    out[name] = value.startsWith('States.') ? evaluateIntrinsic(value, scope) : queryPath(value, scope, key);
  }
  return out;
}

/** ResultPath: null keeps the input, `$` replaces it, a reference path sets the result into a copy of it. */
export function applyResultPath(resultPath: string | null | undefined, input: Json, result: Json): Json {
  if (resultPath === null) return input;
  if (resultPath === undefined || resultPath === '$') return result;
  const steps = JSONPath.toPathArray(resultPath).slice(1);
  const root = structuredClone(input ?? {}) as Json;
  if (typeof root !== 'object' || root === null) throw runtime(`Unable to apply ResultPath '${resultPath}' to input '${JSON.stringify(input)}'`);
  let node = root as Record<string, Json>;
  steps.forEach((step, index) => {
    if (index === steps.length - 1) {
      node[step] = result;
      return;
    }
    const next = node[step];
    if (next === undefined || next === null || typeof next !== 'object') node[step] = {};
    node = node[step] as Record<string, Json>;
  });
  return root;
}
