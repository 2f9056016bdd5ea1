import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { Worker } from 'node:worker_threads';
import { EvaluationScope } from '../local/appsync-js/evaluation.js';
import { firstStep } from '../local/appsync-js/resolver-steps.js';
import { AppSyncJsRuntime } from '../local/appsync-js/runtime.js';
import { VmModule } from '../local/appsync-js/sandbox/vm-module.js';
import { createModules } from '../local/appsync-js/util/index.js';
import { cpuPerRequest, cpuSnapshot } from './process-cpu.js';

/**
 * `npx tsx bench/run.ts evaluation`: what one resolver function's two handler calls (getOrder's getOrderItem request and response,
 * with the `ctx` a real request gives: identity, headers with the token, info) cost, for each way of running them:
 * the CPU of the server's process (its threads included) and, for the evaluator options, of the evaluator
 * processes too (on 2 cores both come out of the same budget). Calls one after another; BENCH_EVALUATIONS
 * (default 4000) per option, three rounds.
 */
const N = Number(process.env.BENCH_EVALUATIONS ?? 4000);
const root = fileURLToPath(new URL('..', import.meta.url));

const token = `eyJ${'x'.repeat(1000)}`;
const claims = { sub: 'abc-123', 'cognito:groups': [], token_use: 'access', scope: 'aws.cognito.signin.user.admin', auth_time: 1, exp: 2, iat: 1, jti: 'j', client_id: 'c', username: 'bench-user' };
const base = {
  arguments: { id: '01J8ZK3Q9X' },
  source: null,
  identity: { sub: 'abc-123', issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_x', username: 'bench-user', claims, sourceIp: ['127.0.0.1'], defaultAuthStrategy: 'ALLOW', groups: null },
  request: { headers: { host: '127.0.0.1:4000', connection: 'keep-alive', 'content-type': 'application/json', authorization: token, 'content-length': '200' }, domainName: null },
  info: { fieldName: 'getOrder', parentTypeName: 'Query', variables: {}, selectionSetList: ['id', 'userId', 'name'], selectionSetGraphQL: '{ id userId name }' },
  env: {},
  // What loadStaffRestaurants leaves for a customer, before getOrderItem runs.
  stash: { staff: { admin: false, username: 'bench-user', restaurantIds: [] } },
};
// An order of one line as its journey leaves it once the restaurant is asked: what getOrder reads.
const at = '2024-01-01T00:00:00.000Z';
const item = {
  id: '01J8ZK3Q9X', userId: 'abc-123', restaurantId: 'r1', name: 'Margherita', quantity: 1,
  lines: [{ menuItemId: '01J8ZK3Q9Y', name: 'Margherita', unitPrice: 900, quantity: 1, note: null, lineTotal: 900 }], currency: 'EUR', total: 900,
  status: 'PENDING', statusKey: 'PENDING#01J8ZK3Q9X', createdAt: at, updatedAt: at, version: 3, acceptBy: '2024-01-01T00:05:00.000Z',
  timeline: ['PLACED', 'CHECKED', 'SENT_TO_RESTAURANT'].map((type) => ({ type, at, actor: type === 'PLACED' ? 'CUSTOMER' : 'SYSTEM', by: null, detail: null })),
};

/** µs per resolver: this process (all its threads), and its evaluator processes where the option has them. */
async function cpuPerResolver(resolve: () => Promise<unknown>): Promise<{ own: number; evaluators: number }> {
  for (let i = 0; i < 300; i += 1) await resolve();
  const before = process.cpuUsage();
  const children = cpuSnapshot(process.pid);
  for (let i = 0; i < N; i += 1) await resolve();
  const used = process.cpuUsage(before);
  return { own: (used.user + used.system) / N, evaluators: cpuPerRequest(children, cpuSnapshot(process.pid), N)?.evaluators ?? 0 };
}

export async function runEvaluationOptions(): Promise<void> {
  const runtime = new AppSyncJsRuntime();
  const code = await runtime.compile({ file: `${root}resolvers/Query.getOrder/2-get-order.ts` });
  const scope = new EvaluationScope();
  const modules = createModules(scope);
  const utils = modules['@aws-appsync/utils'] as Record<string, unknown>;
  const module = new VmModule(code.commonJs, code.filename, { util: utils.util, extensions: utils.extensions, runtime: utils.runtime, console }, modules);
  const context = (module as unknown as { context: vm.Context }).context;
  const timed = new vm.Script('__appsyncRun()');
  const worker = echoWorker();
  const options: [string, () => Promise<unknown>][] = [
    ['evaluator process, whole ctx with every call', async () => {
      await runtime.evaluate(code, 'request', base);
      await runtime.evaluate(code, 'response', { ...base, result: item });
    }],
    ['evaluator process, one chain per resolver', async () => {
      const chain = runtime.openChain(base);
      const plan = { kind: 'UNIT', code } as const;
      await chain.advance(plan, firstStep(plan), {});
      await chain.advance(plan, { position: { at: 'unit-response' }, source: { result: item } }, {});
      chain.close();
    }],
    ['in-process vm, no guard at all', async () => {
      module.run('request', JSON.stringify(base));
      module.run('response', JSON.stringify({ ...base, result: item }));
    }],
    ['in-process vm, vm timeout per call', async () => {
      for (const [fn, extra] of [['request', {}], ['response', { result: item }]] as const) {
        context.__appsyncInput = [fn, JSON.stringify({ ...base, ...extra })];
        timed.runInContext(context, { timeout: 1000 });
      }
    }],
    ['worker thread, postMessage per call (messaging only)', async () => {
      await worker.call(JSON.stringify(base));
      await worker.call(JSON.stringify({ ...base, result: item }));
    }],
  ];
  process.stdout.write(`evaluation options: CPU per unit resolver (2 handler calls), the server's process + its evaluator processes, ${N} resolvers each, Node ${process.version}\n\n`);
  process.stdout.write(`| option | round 1 | round 2 | round 3 |\n| --- | --- | --- | --- |\n`);
  const rounds = new Map<string, { own: number; evaluators: number }[]>();
  for (let round = 0; round < 3; round += 1) {
    for (const [name, resolve] of options) rounds.set(name, [...(rounds.get(name) ?? []), await cpuPerResolver(resolve)]);
  }
  const cell = ({ own, evaluators }: { own: number; evaluators: number }) => (evaluators > 0 ? `${own.toFixed(0)} + ${evaluators.toFixed(0)} µs` : `${own.toFixed(0)} µs`);
  for (const [name, figures] of rounds) process.stdout.write(`| ${name} | ${figures.map(cell).join(' | ')} |\n`);
  await worker.close();
  await runtime.close();
}

/** A worker thread that parses and re-serialises what it is sent in a vm context: the messaging cost of option (c). */
function echoWorker(): { call(context: string): Promise<unknown>; close(): Promise<number> } {
  const worker = new Worker(`
    const { parentPort } = require('node:worker_threads');
    const vm = require('node:vm');
    const context = vm.createContext({});
    const script = new vm.Script('JSON.stringify(JSON.parse(input))');
    parentPort.on('message', (m) => { context.input = m.context; parentPort.postMessage({ id: m.id, result: script.runInContext(context) }); });
  `, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 256 } });
  let nextId = 0;
  const waiting = new Map<number, (value: unknown) => void>();
  worker.on('message', (message: { id: number }) => {
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  });
  return {
    call: (context) => new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      worker.postMessage({ id, context });
    }),
    close: () => worker.terminate(),
  };
}
