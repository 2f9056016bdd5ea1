import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDefinition } from '../../wiring/asl-definition.js';
import type { DefinitionValue, StateMachineDecl } from '../../wiring/types.js';
import { DefinitionError } from './errors.js';
import type { Json } from './json-paths.js';
import { isSupportedResource } from './task-resources.js';

export interface StateDefinition {
  Type: 'Pass' | 'Task' | 'Choice' | 'Wait' | 'Succeed' | 'Fail' | 'Parallel' | 'Map';
  [field: string]: Json | undefined;
}

export interface MachineDefinition {
  StartAt: string;
  States: Record<string, StateDefinition>;
  TimeoutSeconds?: number;
}

export interface LoadedMachine {
  decl: StateMachineDecl;
  /** The definition as run: substitutions made, validated. */
  definition: MachineDefinition;
  /** The substituted text, for DescribeStateMachine-like answers. */
  text: string;
}

/** The states this engine runs; Parallel and Map (and JSONata) are refused when the stack starts. */
const RUNS = new Set(['Pass', 'Task', 'Choice', 'Wait', 'Succeed', 'Fail']);

/**
 * Reads a declared state machine's ASL file, makes its `${Key}` substitutions as CloudFormation does for
 * `DefinitionSubstitutions`, and checks it with asl-validator (wiring/asl-definition.ts, as `infra/` does at synth)
 * and against what runs offline: a DefinitionError names the file and every problem.
 */
export function loadMachine(rootDir: string, decl: StateMachineDecl, resolve: (value: DefinitionValue) => string): LoadedMachine {
  const file = decl.definition;
  let text: string;
  try {
    text = readFileSync(join(rootDir, file), 'utf8');
  } catch (error) {
    throw new DefinitionError(`State machine ${decl.name}: cannot read ${file}: ${(error as Error).message}`);
  }
  const values = Object.fromEntries(Object.entries(decl.definitionSubstitutions ?? {}).map(([key, value]) => [key, resolve(value)]));
  const checked = checkDefinition(file, decl.name, text, values);
  if (!checked.ok) throw new DefinitionError(checked.problem);
  const definition = checked.definition as unknown as MachineDefinition;
  text = checked.text;
  const problems = Object.entries(definition.States).flatMap(([name, state]) => offlineProblems(name, state, decl));
  if ((definition as { QueryLanguage?: string }).QueryLanguage === 'JSONata') problems.unshift('QueryLanguage JSONata is not run offline (JSONPath only)');
  if (problems.length > 0) throw new DefinitionError(`${file} cannot run offline: ${problems.join('; ')}`);
  return { decl, definition, text };
}

function offlineProblems(name: string, state: StateDefinition, decl: StateMachineDecl): string[] {
  if (!RUNS.has(state.Type)) return [`state ${name} is a ${state.Type} state, not run offline yet`];
  if (state.QueryLanguage === 'JSONata') return [`state ${name} uses JSONata (JSONPath only offline)`];
  if (state.Type !== 'Task') return [];
  const resource = String(state.Resource);
  if (!isSupportedResource(resource)) return [`state ${name}: the resource ${resource} is not run offline (lambda:invoke, lambda:invoke.waitForTaskToken or a function ARN)`];
  const fn = (state.Parameters as Record<string, Json> | undefined)?.FunctionName ?? (resource.startsWith('arn:aws:lambda:') ? resource : undefined);
  if (typeof fn === 'string' && decl.invokes && !decl.invokes.some((allowed) => functionNameOf(fn) === allowed)) {
    return [`state ${name} invokes ${fn}, which is not in invokes of ${decl.name}`];
  }
  return [];
}

/** The function's name in a name, a partial ARN or an ARN, without a version or alias. */
export function functionNameOf(nameOrArn: string): string {
  const match = /(?:^|function:)([A-Za-z0-9_-]+)(?::[^:]+)?$/.exec(nameOrArn);
  return match?.[1] ?? nameOrArn;
}
