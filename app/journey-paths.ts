import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The order journey's billed state transitions, counted on the definition's own paths. A Standard workflow is billed
 * per state transition: "a state transition is counted each time a step in your execution is completed" (Step
 * Functions guide, Standard vs. Express), and "each retry will be charged as an additional state transition" (the
 * pricing page). So every state entered counts one, Choice, Pass, Wait, Succeed and Fail included, and every retry of
 * a Task one more.
 *
 * A path is a list of decisions, one wherever the definition branches: which rule of a Choice matches, which error
 * a Task fails with for good (its Retry spent, then its Catch routes), how often a Task is retried before it goes on.
 * Everything else the walk reads from the definition, so a state added where no decision is needed (the payment
 * tasks of the next issue) is counted without touching the paths, and a path that names a state, a branch or a Catch
 * the definition lacks throws. Used by docs/cost.md and its tests (test/cost/); `npx tsx app/journey-paths.ts`
 * prints the table.
 */

/** The ASL this walk reads (JSONPath states; Parallel and Map are refused). */
export interface AslDefinition {
  StartAt: string;
  States: Record<string, AslState>;
}

export interface AslState {
  Type: string;
  Next?: string;
  End?: boolean;
  Resource?: string;
  Default?: string;
  Choices?: ChoiceRule[];
  Retry?: Retrier[];
  Catch?: Catcher[];
}

type ChoiceRule = { Variable?: string; Next: string } & Record<string, unknown>;
type Retrier = { ErrorEquals: string[]; MaxAttempts?: number };
type Catcher = { ErrorEquals: string[]; Next: string };

/** Which branch of a Choice: its Default, or the rule on `variable` comparing it with `value` (any operator). */
export type Branch = 'Default' | { variable: string; value: unknown };

export type Decision =
  | { state: string; branch: Branch }
  /** The Task fails with `error` every time: the Retry that matches it (if any) is spent, then the Catch routes. */
  | { state: string; fails: string }
  /** The Task fails `times` times with `error`, each retried, then goes on (its next decision, or success). */
  | { state: string; retried: string; times: number };

export const branch = (state: string, variable: string, value: unknown): Decision => ({ state, branch: { variable, value } });
export const otherwise = (state: string): Decision => ({ state, branch: 'Default' });
export const fails = (state: string, error: string): Decision => ({ state, fails: error });
export const retried = (state: string, error: string, times = 1): Decision => ({ state, retried: error, times });

/** One state entered: a Task's attempts are 1 and its retries; every other state's 1. */
export interface Step {
  state: string;
  type: string;
  attempts: number;
  resource?: string;
}

export interface Walk {
  steps: Step[];
  /** What Standard bills: every state entered, and every retry. */
  transitions: number;
  retries: number;
  outcome: 'SUCCEEDED' | 'FAILED';
}

export class JourneyPathError extends Error {
  override readonly name = 'JourneyPathError';
}

/** ASL's default MaxAttempts. */
const DEFAULT_MAX_ATTEMPTS = 3;
/** A loop that never ends is a path mistake (a Choice always sent back), not a journey. */
const MAX_STEPS = 10_000;

export const JOURNEY_DEFINITION = fileURLToPath(new URL('./order-journey.asl.json', import.meta.url));

/** The journey's definition as deployed (its `${JourneyFunction}` left as is: no count depends on it). */
export function readJourneyDefinition(file = JOURNEY_DEFINITION): AslDefinition {
  return JSON.parse(readFileSync(file, 'utf8')) as AslDefinition;
}

/** Follows `decisions` through `definition` from StartAt to a Succeed, a Fail or an End, counting what is billed. */
export function walk(definition: AslDefinition, decisions: readonly Decision[]): Walk {
  for (const decision of decisions) checkDecision(definition, decision);
  const steps: Step[] = [];
  let next = 0;
  let name = definition.StartAt;
  for (;;) {
    if (steps.length >= MAX_STEPS) throw new JourneyPathError(`The path did not end within ${MAX_STEPS} states (last: "${name}")`);
    const state = stateOf(definition, name);
    const step: Step = { state: name, type: state.Type, attempts: 1, ...(state.Resource ? { resource: state.Resource } : {}) };
    steps.push(step);
    let to: string | undefined;
    if (state.Type === 'Succeed' || state.Type === 'Fail') {
      return finish(steps, state.Type === 'Succeed' ? 'SUCCEEDED' : 'FAILED', decisions.slice(next));
    } else if (state.Type === 'Choice') {
      const decision = decisions[next];
      if (!decision || decision.state !== name || !('branch' in decision)) {
        throw new JourneyPathError(`The path reaches the Choice "${name}" without saying which branch it takes${decision ? ` (its next decision is for "${decision.state}")` : ''}`);
      }
      next += 1;
      to = target(name, state, decision.branch);
    } else if (state.Type === 'Task') {
      const used = new Map<Retrier, number>();
      while (!to && decisions[next]?.state === name) {
        const decision = decisions[next] as Exclude<Decision, { branch: Branch }>;
        next += 1;
        if ('retried' in decision) {
          step.attempts += retry(name, state, decision.retried, decision.times, used);
        } else {
          step.attempts += retry(name, state, decision.fails, 'all left', used);
          to = catcherOf(name, state, decision.fails).Next;
        }
      }
      to ??= nextOf(state);
    } else if (state.Type === 'Pass' || state.Type === 'Wait') {
      to = nextOf(state);
    } else {
      throw new JourneyPathError(`"${name}" is a ${state.Type} state, which this walk does not follow`);
    }
    if (to === undefined) return finish(steps, 'SUCCEEDED', decisions.slice(next));
    name = to;
  }
}

/** The Lambda invocations of a walk: every attempt of a Task that invokes a function (a retry invokes it again). */
export function lambdaInvocations(walked: Walk): number {
  return walked.steps.filter((step) => step.resource?.startsWith('arn:aws:states:::lambda:invoke')).reduce((sum, step) => sum + step.attempts, 0);
}

function finish(steps: Step[], outcome: Walk['outcome'], left: readonly Decision[]): Walk {
  if (left.length > 0) {
    throw new JourneyPathError(`The path ended at "${steps.at(-1)?.state}" with decisions left for ${left.map((d) => `"${d.state}"`).join(', ')}: states it never reached`);
  }
  const transitions = steps.reduce((sum, step) => sum + step.attempts, 0);
  return { steps, transitions, retries: transitions - steps.length, outcome };
}

function stateOf(definition: AslDefinition, name: string): AslState {
  const state = definition.States[name];
  if (!state) throw new JourneyPathError(`The definition does not have a state "${name}"`);
  return state;
}

/** Every decision names a state of the right type, and a branch, Retry or Catch it has: before walking, so a wrong path fails whatever it reaches. */
function checkDecision(definition: AslDefinition, decision: Decision): void {
  const state = stateOf(definition, decision.state);
  if ('branch' in decision) {
    if (state.Type !== 'Choice') throw new JourneyPathError(`"${decision.state}" is a ${state.Type} state, not a Choice: no branch to take`);
    target(decision.state, state, decision.branch);
    return;
  }
  if (state.Type !== 'Task') throw new JourneyPathError(`"${decision.state}" is a ${state.Type} state, not a Task: it cannot fail or be retried`);
  const error = 'retried' in decision ? decision.retried : decision.fails;
  const named = [...(state.Retry ?? []), ...(state.Catch ?? [])].some((handler) => handler.ErrorEquals.includes(error));
  if (!named && !WILDCARDS.includes(error)) {
    throw new JourneyPathError(`"${decision.state}" names no error ${error} in its Retry or Catch: name an error it routes on (a wildcard would take any other)`);
  }
  if ('retried' in decision) retrierOf(decision.state, state, decision.retried);
  else catcherOf(decision.state, state, decision.fails);
}

/** Errors a path may name without the state naming them: they stand for any error its wildcards take. */
const WILDCARDS = ['States.ALL', 'States.TaskFailed'];

function target(name: string, state: AslState, chosen: Branch): string {
  if (chosen === 'Default') {
    if (!state.Default) throw new JourneyPathError(`The Choice "${name}" has no Default branch`);
    return state.Default;
  }
  const rule = (state.Choices ?? []).find((r) => r.Variable === chosen.variable && sameValue(operandOf(r), chosen.value));
  if (!rule) throw new JourneyPathError(`The Choice "${name}" has no branch on ${chosen.variable} = ${JSON.stringify(chosen.value)}`);
  return rule.Next;
}

/** The value a rule compares its Variable with, whatever the operator (StringEquals, IsPresent, NumericGreaterThanEquals…). */
function operandOf(rule: ChoiceRule): unknown {
  const operands = Object.entries(rule).filter(([key]) => !['Variable', 'Next', 'Comment'].includes(key));
  return operands.length === 1 ? operands[0]?.[1] : undefined;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function nextOf(state: AslState): string | undefined {
  return state.End ? undefined : state.Next;
}

/**
 * Counts the retries of `error`: `times` of them, or every attempt its Retrier has left. Attempts are counted per
 * Retrier and per entry into the state, as ASL counts them. An error no Retrier matches is retried 0 times.
 */
function retry(name: string, state: AslState, error: string, times: number | 'all left', used: Map<Retrier, number>): number {
  const retrier = times === 'all left' ? matching(state.Retry, error) : retrierOf(name, state, error);
  if (!retrier) return 0;
  const max = retrier.MaxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const spent = used.get(retrier) ?? 0;
  const count = times === 'all left' ? max - spent : times;
  if (spent + count > max) throw new JourneyPathError(`"${name}" retries ${error} at most ${max} times; the path asks for ${spent + count}`);
  used.set(retrier, spent + count);
  return count;
}

function retrierOf(name: string, state: AslState, error: string): Retrier {
  const retrier = matching(state.Retry, error);
  if (!retrier) throw new JourneyPathError(`"${name}" has no Retry for ${error}`);
  return retrier;
}

function catcherOf(name: string, state: AslState, error: string): Catcher {
  const catcher = matching(state.Catch, error);
  if (!catcher) throw new JourneyPathError(`"${name}" has no Catch for ${error}`);
  return catcher;
}

/**
 * The first Retrier or Catcher whose ErrorEquals matches, as ASL reads them: the name itself, States.ALL (any error
 * but States.Runtime, which nothing retries or catches), States.TaskFailed (any but States.Timeout).
 */
function matching<T extends { ErrorEquals: string[] }>(handlers: T[] | undefined, error: string): T | undefined {
  if (error === 'States.Runtime') return undefined;
  return (handlers ?? []).find(
    (h) => h.ErrorEquals.includes(error) || h.ErrorEquals.includes('States.ALL') || (h.ErrorEquals.includes('States.TaskFailed') && error !== 'States.Timeout'),
  );
}

/** The most looks the journey takes at an accepted order: the bound of "Looked long enough?", read from the definition. */
export function lookLimit(definition: AslDefinition): number {
  const rule = (definition.States['Looked long enough?']?.Choices ?? []).find((r) => r.Variable === '$.tracking.looks');
  const limit = rule ? operandOf(rule) : undefined;
  if (typeof limit !== 'number') throw new JourneyPathError('The definition has no "Looked long enough?" rule on $.tracking.looks');
  return limit;
}

const STARTED = [otherwise('Has a correlation id?')];
const ASKED = [...STARTED, branch('Still pending?', '$.check.status', 'PENDING')];

/** Every look but the last finds the order open (counted, then looked at again 5 minutes later); the last finds it closed. */
function looks(count: number): Decision[] {
  if (count < 1) throw new JourneyPathError('An accepted order is looked at least once');
  const again = Array.from({ length: count - 1 }, () => [otherwise('Over?'), otherwise('Looked long enough?')]).flat();
  return [...again, branch('Over?', '$.track.done', true)];
}

/** The journey's outcomes as decisions (a function of the definition only where a bound is read from it). */
export const JOURNEY_PATHS = {
  /** Accepted, followed until a look finds it DELIVERED (or CANCELLED) at the `count`th look. */
  delivered: (count: number): Decision[] => [...ASKED, ...looks(count)],
  /** Accepted and never closed by the kitchen: followed until the look limit, then no longer. */
  neverClosed: (definition: AslDefinition): Decision[] => {
    const limit = lookLimit(definition);
    const open = Array.from({ length: limit - 1 }, () => [otherwise('Over?'), otherwise('Looked long enough?')]).flat();
    return [...ASKED, ...open, otherwise('Over?'), branch('Looked long enough?', '$.tracking.looks', limit)];
  },
  acceptanceTimeout: (): Decision[] => [...ASKED, fails('Ask the restaurant', 'States.Timeout')],
  rejected: (): Decision[] => [...ASKED, fails('Ask the restaurant', 'RestaurantRejected')],
  cancelledBeforeAcceptance: (): Decision[] => [...ASKED, fails('Ask the restaurant', 'OrderCancelled')],
  /** The check finds the restaurant closed or a dish sold out: the API cancels the order, the journey ends. */
  checkRefused: (): Decision[] => [...STARTED, otherwise('Still pending?')],
  /** Cancelled (by its customer) before the check ran: the check finds it closed. */
  closedBeforeCheck: (): Decision[] => [...STARTED, fails('Check', 'OrderClosed')],
  /** The check's call to the API fails once (retried), then the order goes the `count`-look delivered way. */
  checkRetriedOnce: (count: number): Decision[] => [...STARTED, retried('Check', 'JourneyApiError'), branch('Still pending?', '$.check.status', 'PENDING'), ...looks(count)],
  /** The check's call fails every time: its retries spent, the execution fails (alarmed). */
  checkFailed: (): Decision[] => [...STARTED, fails('Check', 'JourneyApiError')],
};

/** The rows of docs/cost.md's transitions table: each outcome, its decisions, as the definition has it now. */
export function journeyTable(definition: AslDefinition): { path: string; walk: Walk }[] {
  const rows: [string, Decision[]][] = [
    ['accepted, delivered by the first look (at the estimate)', JOURNEY_PATHS.delivered(1)],
    ['accepted, delivered by the second look (typical)', JOURNEY_PATHS.delivered(2)],
    ['late: still cooking at the estimate, collected by the fourth look', JOURNEY_PATHS.delivered(4)],
    [`never closed by the kitchen: ${lookLimit(definition)} looks`, JOURNEY_PATHS.neverClosed(definition)],
    ['not accepted in time', JOURNEY_PATHS.acceptanceTimeout()],
    ['rejected by the restaurant', JOURNEY_PATHS.rejected()],
    ['cancelled by the customer before acceptance', JOURNEY_PATHS.cancelledBeforeAcceptance()],
    ['refused by the check (closed, sold out)', JOURNEY_PATHS.checkRefused()],
    ['typical, its check retried once', JOURNEY_PATHS.checkRetriedOnce(2)],
    ['a step failing for good (retries spent)', JOURNEY_PATHS.checkFailed()],
  ];
  return rows.map(([path, decisions]) => ({ path, walk: walk(definition, decisions) }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const definition = readJourneyDefinition();
  process.stdout.write('| path | state transitions | of which retries | Lambda invocations | states entered |\n| --- | --- | --- | --- | --- |\n');
  for (const { path, walk: w } of journeyTable(definition)) {
    process.stdout.write(`| ${path} | ${w.transitions} | ${w.retries} | ${lambdaInvocations(w)} | ${w.steps.length} |\n`);
  }
}
