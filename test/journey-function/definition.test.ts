import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import aslValidator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import { loadMachine } from '../../local/stepfunctions/definitions.js';
import { checkDefinition } from '../../wiring/asl-definition.js';
import { functionArn, JOURNEY, ROOT } from './journey-decls.js';

/**
 * app/order-journey.asl.json as a definition: valid for asl-validator with its strictest checks, for the check
 * `npm start` and `npm run synth` share, and runnable offline; plus the rules every one of its tasks keeps.
 */
const text = readFileSync(join(ROOT, JOURNEY.definition), 'utf8');
const substituted = text.replaceAll('${JourneyFunction}', functionArn('order-journey'));

type State = { Type: string; Retry?: { ErrorEquals: string[] }[]; Catch?: { ErrorEquals: string[]; ResultPath?: string; Next: string }[]; [key: string]: unknown };
const states = (JSON.parse(substituted) as { States: Record<string, State> }).States;
const tasks = Object.entries(states).filter(([, state]) => state.Type === 'Task');

describe('the journey definition', () => {
  it('is valid for asl-validator, paths and ARNs checked', () => {
    const { isValid, errors } = aslValidator(JSON.parse(substituted) as object, { checkPaths: true, checkArn: true });
    expect(errors).toEqual([]);
    expect(isValid).toBe(true);
  });

  it("passes the repository's shared check with the wiring's substitutions, and runs offline", () => {
    expect(Object.keys(JOURNEY.definitionSubstitutions ?? {})).toEqual(['JourneyFunction']);
    const checked = checkDefinition(JOURNEY.definition, JOURNEY.name, text, { JourneyFunction: functionArn('order-journey') });
    expect(checked).toMatchObject({ ok: true });
    const machine = loadMachine(ROOT, JOURNEY, () => functionArn('order-journey'));
    expect(machine.definition.StartAt).toBe('Has a correlation id?');
  });

  it.each(tasks)('%s retries the API and Lambda failures, and keeps its input when it catches', (_, state) => {
    expect(state.Retry?.[0]?.ErrorEquals).toEqual(expect.arrayContaining(['JourneyApiError', 'Lambda.ServiceException', 'Lambda.TooManyRequestsException']));
    // The catching state reads the order and the correlation id: the error goes beside them, never over them.
    expect(state.Catch?.every((c) => c.ResultPath === '$.failure')).toBe(true);
    expect(state.Catch?.at(-1)).toEqual({ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'Journey failed' });
  });

  it('routes the restaurant’s answers and its silence by name', () => {
    const routes = Object.fromEntries((states['Ask the restaurant']?.Catch ?? []).map((c) => [c.ErrorEquals.join(), c.Next]));
    expect(routes).toEqual({
      'States.Timeout': 'Acceptance timed out',
      RestaurantRejected: 'Rejected',
      OrderCancelled: 'Cancelled before acceptance',
      OrderClosed: 'Closed',
      'States.ALL': 'Journey failed',
    });
    expect(states['Ask the restaurant']).toMatchObject({ Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', TimeoutSecondsPath: '$.acceptanceTimeoutSeconds', ResultPath: '$.acceptance' });
  });

  it('has a deadline for the whole journey, so a stuck one ends TIMED_OUT (alarmed)', () => {
    expect((JSON.parse(text) as { TimeoutSeconds?: number }).TimeoutSeconds).toBe(86_400);
  });
});
