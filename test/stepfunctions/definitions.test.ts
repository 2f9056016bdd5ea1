import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalStack } from '../../local/server/local-stack.js';
import { loadMachine } from '../../local/stepfunctions/definitions.js';
import { DefinitionError } from '../../local/stepfunctions/errors.js';
import { stepApi } from '../fixtures/step-api/wiring.js';
import { STEP_API_ROOT } from './sfn-fixture.js';

/** Definitions are checked with asl-validator, and against what runs offline, when the stack starts. */
const rootDir = mkdtempSync(join(tmpdir(), 'sfn-defs-'));

afterAll(() => rmSync(rootDir, { recursive: true, force: true }));

const resolve = (): string => 'arn:aws:lambda:eu-west-1:000000000000:function:notify';
const decl = (file: string, text: string) => {
  writeFileSync(join(rootDir, file), text);
  return { name: 'm', definition: file };
};

describe('state machine definitions', () => {
  it("accepts the fixture's definition, its substitution made", () => {
    const machine = loadMachine(STEP_API_ROOT, stepApi.stateMachines?.[0] ?? { name: '', definition: '' }, resolve);
    expect(machine.text).toContain('"FunctionName": "arn:aws:lambda:eu-west-1:000000000000:function:notify"');
    expect(Object.keys(machine.definition.States)).toContain('Await approval');
  });

  it("names the file and asl-validator's findings", () => {
    const bad = decl('broken.asl.json', JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' } } }));
    expect(() => loadMachine(rootDir, bad, resolve)).toThrow(new DefinitionError("broken.asl.json is not a valid state machine: Missing 'StartAt'|'Next'|'Default' target: B; State machine fsm1 is missing a terminal state"));
  });

  it('refuses what does not run offline, a missing substitution, a function not in invokes', () => {
    const map = decl('map.asl.json', JSON.stringify({ StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } } }));
    expect(() => loadMachine(rootDir, map, resolve)).toThrow('map.asl.json cannot run offline: state M is a Map state, not run offline yet');
    const unsubstituted = decl('sub.asl.json', '{"StartAt":"P","States":{"P":{"Type":"Pass","Result":"${Missing}","End":true}}}');
    expect(() => loadMachine(rootDir, unsubstituted, resolve)).toThrow('sub.asl.json: ${Missing} has no value in definitionSubstitutions of m');
    const task = { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'other' }, End: true };
    const other = { ...decl('other.asl.json', JSON.stringify({ StartAt: 'T', States: { T: task } })), invokes: ['notify'] };
    expect(() => loadMachine(rootDir, other, resolve)).toThrow('other.asl.json cannot run offline: state T invokes other, which is not in invokes of m');
  });

  it('stops the stack from starting, naming the file', async () => {
    writeFileSync(join(rootDir, 'schema.graphql'), 'type Query { ping: String }');
    const wiring = { ...stepApi, dataSources: [], resolvers: [], stateMachines: [decl('broken.asl.json', '{"StartAt":"A","States":{}}')] };
    const dataDir = mkdtempSync(join(tmpdir(), 'sfn-defs-data-'));
    try {
      await expect(startLocalStack({ rootDir, wiring, dataDir, port: 0, onCodeDelivery: false })).rejects.toThrow(/^broken\.asl\.json is not a valid state machine: /);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
