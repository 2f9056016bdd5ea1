import { describe, expect, it } from 'vitest';
import {
  type AslDefinition,
  branch,
  fails,
  JOURNEY_PATHS,
  JourneyPathError,
  journeyTable,
  lambdaInvocations,
  lookLimit,
  otherwise,
  readJourneyDefinition,
  retried,
  walk,
} from '../../app/journey-paths.js';

const definition = readJourneyDefinition();
const count = (decisions: Parameters<typeof walk>[1], machine: AslDefinition = definition) => walk(machine, decisions).transitions;

describe('state transitions of each journey outcome, as app/order-journey.asl.json has them', () => {
  it('accepted and delivered: 5 a look and 4, every Choice, Pass, Wait and the Succeed counted', () => {
    const once = walk(definition, JOURNEY_PATHS.delivered(1));
    expect(once.steps.map((step) => step.state)).toEqual([
      'Has a correlation id?',
      'Check',
      'Still pending?',
      'Ask the restaurant',
      'Start tracking',
      'Wait until ready',
      'Track',
      'Over?',
      'Closed',
    ]);
    expect(once).toMatchObject({ transitions: 9, retries: 0, outcome: 'SUCCEEDED' });
    expect([1, 2, 3, 4].map((looks) => count(JOURNEY_PATHS.delivered(looks)))).toEqual([9, 14, 19, 24]);
    expect(lambdaInvocations(walk(definition, JOURNEY_PATHS.delivered(2)))).toBe(4);
  });

  it('an order the kitchen never closes is followed to the look limit: 126 transitions', () => {
    expect(lookLimit(definition)).toBe(24);
    const walked = walk(definition, JOURNEY_PATHS.neverClosed(definition));
    expect(walked.transitions).toBe(126);
    expect(walked.steps.filter((step) => step.state === 'Track')).toHaveLength(24);
    expect(walked.steps.at(-1)?.state).toBe('Closed');
  });

  it('ends before acceptance: timed out 7, rejected 6, cancelled 6, refused by the check 4, closed before it 3', () => {
    expect(count(JOURNEY_PATHS.acceptanceTimeout())).toBe(7);
    expect(count(JOURNEY_PATHS.rejected())).toBe(6);
    expect(count(JOURNEY_PATHS.cancelledBeforeAcceptance())).toBe(6);
    expect(count(JOURNEY_PATHS.checkRefused())).toBe(4);
    expect(count(JOURNEY_PATHS.closedBeforeCheck())).toBe(3);
    expect(walk(definition, JOURNEY_PATHS.acceptanceTimeout()).steps.map((step) => step.state).slice(3)).toEqual([
      'Ask the restaurant',
      'Acceptance timed out',
      'Count the timeout',
      'Closed',
    ]);
    expect(lambdaInvocations(walk(definition, JOURNEY_PATHS.rejected()))).toBe(3);
  });

  it('counts each retry as a transition, and a step failing for good spends every retry before its Catch', () => {
    const once = walk(definition, JOURNEY_PATHS.checkRetriedOnce(2));
    expect(once).toMatchObject({ transitions: 15, retries: 1 });
    expect(once.steps[1]).toMatchObject({ state: 'Check', attempts: 2 });
    expect(lambdaInvocations(once)).toBe(5);
    const failed = walk(definition, JOURNEY_PATHS.checkFailed());
    expect(failed).toMatchObject({ transitions: 7, retries: 4, outcome: 'FAILED' });
    expect(failed.steps.map((step) => step.state)).toEqual(['Has a correlation id?', 'Check', 'Journey failed']);
    // A Lambda error retried twice, then the callback still answered: the token's wait counts once more per attempt.
    const asked = [otherwise('Has a correlation id?'), branch('Still pending?', '$.check.status', 'PENDING')];
    expect(count([...asked, retried('Ask the restaurant', 'Lambda.TooManyRequestsException', 2), branch('Over?', '$.track.done', true)])).toBe(11);
  });

  it('gives the table of docs/cost.md', () => {
    expect(journeyTable(definition).map((row) => row.walk.transitions)).toEqual([9, 14, 24, 126, 7, 6, 6, 4, 15, 7]);
  });
});

describe('a path that does not fit the definition fails loudly', () => {
  const asked = [otherwise('Has a correlation id?'), branch('Still pending?', '$.check.status', 'PENDING')];

  it('names a state the definition lacks', () => {
    expect(() => walk(definition, [otherwise('Has a correlation id?'), otherwise('Paid?')])).toThrow(new JourneyPathError('The definition does not have a state "Paid?"'));
    expect(() => walk(definition, [...asked, fails('Authorize payment', 'PaymentDeclined')])).toThrow(/does not have a state "Authorize payment"/);
  });

  it('names a branch a Choice lacks, or a Catch or a Retry a Task lacks', () => {
    expect(() => walk(definition, [otherwise('Has a correlation id?'), branch('Still pending?', '$.check.status', 'PAID')])).toThrow(
      'The Choice "Still pending?" has no branch on $.check.status = "PAID"',
    );
    expect(() => walk(definition, [...asked, fails('Ask the restaurant', 'RestaurantRejectd')])).toThrow('"Ask the restaurant" names no error RestaurantRejectd in its Retry or Catch');
    const uncaught = structuredClone(definition);
    delete uncaught.States['Rejected']?.Catch;
    expect(() => walk(uncaught, [...asked, fails('Ask the restaurant', 'RestaurantRejected'), fails('Rejected', 'States.ALL')])).toThrow('"Rejected" has no Catch for States.ALL');
    expect(() => walk(definition, [otherwise('Has a correlation id?'), retried('Check', 'OrderClosed')])).toThrow('"Check" has no Retry for OrderClosed');
    expect(() => walk(definition, [otherwise('Has a correlation id?'), retried('Check', 'JourneyApiError', 5)])).toThrow('"Check" retries JourneyApiError at most 4 times');
  });

  it('decides at a state of the wrong type', () => {
    expect(() => walk(definition, [fails('Has a correlation id?', 'States.ALL')])).toThrow('is a Choice state, not a Task');
    expect(() => walk(definition, [otherwise('Check')])).toThrow('"Check" is a Task state, not a Choice');
  });

  it('says nothing where the definition branches, or decides for a state it never reaches', () => {
    expect(() => walk(definition, [])).toThrow('The path reaches the Choice "Has a correlation id?" without saying which branch it takes');
    expect(() => walk(definition, asked)).toThrow('The path reaches the Choice "Over?" without saying which branch it takes');
    expect(() => walk(definition, [...JOURNEY_PATHS.rejected(), branch('Over?', '$.track.done', true)])).toThrow('decisions left for "Over?"');
    expect(() => walk(definition, [...asked, otherwise('Over?'), otherwise('Over?')])).toThrow('(its next decision is for "Over?")');
  });

  it('loops without end', () => {
    const loop: AslDefinition = { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Next: 'A' } } };
    expect(() => walk(loop, [])).toThrow('did not end within');
  });
});

describe('states added where no decision is needed are counted without touching the paths', () => {
  /** The next issue's payment tasks, as its comments in the definition place them: authorize after the check, void before each count. */
  function withPayments(): AslDefinition {
    const machine = structuredClone(definition);
    const task = (next: string) => ({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: next, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Journey failed' }] });
    machine.States['Authorize payment'] = task('Ask the restaurant');
    machine.States['Void payment'] = task('Rejected');
    const pending = machine.States['Still pending?'];
    const rule = pending?.Choices?.[0];
    if (rule) rule.Next = 'Authorize payment';
    const catcher = machine.States['Ask the restaurant']?.Catch?.find((c) => c.ErrorEquals.includes('RestaurantRejected'));
    if (catcher) catcher.Next = 'Void payment';
    return machine;
  }

  it('one more for the authorization on every path past the check, one more for the void where the restaurant rejects', () => {
    const machine = withPayments();
    expect(count(JOURNEY_PATHS.delivered(2), machine)).toBe(15);
    expect(count(JOURNEY_PATHS.rejected(), machine)).toBe(8);
    expect(count(JOURNEY_PATHS.acceptanceTimeout(), machine)).toBe(8);
    expect(count(JOURNEY_PATHS.checkRefused(), machine)).toBe(4);
    expect(lambdaInvocations(walk(machine, JOURNEY_PATHS.delivered(2)))).toBe(5);
  });
});
