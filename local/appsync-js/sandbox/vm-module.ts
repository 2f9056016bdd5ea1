import vm from 'node:vm';

/**
 * One compiled resolver module in its own vm context. The module body is re-run for every call so that
 * module-level state never leaks from one request to the next; the compiled script is reused.
 */
export class VmModule {
  private readonly context: vm.Context;
  private readonly call: vm.Script;

  constructor(commonJsCode: string, filename: string, globals: Record<string, unknown>, modules: Record<string, unknown>) {
    this.context = vm.createContext(
      { ...globals },
      { name: filename, codeGeneration: { strings: false, wasm: false }, microtaskMode: 'afterEvaluate' },
    );
    vm.runInContext(REMOVE_UNSUPPORTED_GLOBALS, this.context);
    const factory = new vm.Script(`(function (exports, require, module) {${commonJsCode}\n})`, { filename });
    const requireModule = (name: string): unknown => {
      if (!(name in modules)) throw new Error(`Cannot find module '${name}': APPSYNC_JS provides only @aws-appsync/utils`);
      return modules[name];
    };
    const install = new vm.Script(RUNNER, { filename: 'appsync-js-runner' }).runInContext(this.context) as (
      factory: unknown,
      require: unknown,
    ) => void;
    install(factory.runInContext(this.context), requireModule);
    this.call = new vm.Script('__appsyncRun()', { filename: 'appsync-js-call' });
  }

  /** The stash as the last call left it, also when that call ended with an error or an early return. */
  lastStash(): string | undefined {
    const ctx = this.context.__appsyncInput as { stash?: unknown } | undefined;
    return ctx && typeof ctx === 'object' && !Array.isArray(ctx) ? JSON.stringify(ctx.stash ?? {}) : undefined;
  }

  /** Returns `{ result, stash }` as JSON text, or `{ missing: true }` when the module has no such export. */
  run(fn: string, contextJson: string): { result?: string; stash?: string; missing?: boolean } {
    this.context.__appsyncInput = [fn, contextJson];
    return this.call.runInContext(this.context) as {
      result?: string;
      stash?: string;
      missing?: boolean;
    };
  }
}

// Built-ins APPSYNC_JS does not have (no promises, proxies, reflection, weak references, shared memory, wasm,
// eval): code that reaches for them fails locally as it would on AWS.
const REMOVE_UNSUPPORTED_GLOBALS = ['Promise', 'Proxy', 'Reflect', 'WeakRef', 'FinalizationRegistry', 'SharedArrayBuffer', 'Atomics', 'WebAssembly', 'eval']
  .map((name) => `delete globalThis.${name};`)
  .join('');

// Runs inside the context, so that the context object, the result and their JSON all live in the resolver's realm
// (as they would in AppSync) and the time limit covers serialisation too.
const RUNNER = `(function (factory, requireModule) {
  Object.defineProperty(globalThis, '__appsyncRun', { enumerable: false, value: function () {
    const input = globalThis.__appsyncInput;
    const module = { exports: {} };
    factory(module.exports, requireModule, module);
    const fn = module.exports[input[0]];
    if (typeof fn !== 'function') return { missing: true };
    const ctx = JSON.parse(input[1]);
    if (ctx.arguments === undefined) ctx.arguments = {};
    ctx.args = ctx.arguments;
    if (ctx.stash === undefined || ctx.stash === null) ctx.stash = {};
    globalThis.__appsyncInput = ctx;
    const value = fn(ctx);
    return { result: JSON.stringify(value === undefined ? null : value), stash: JSON.stringify(ctx.stash) };
  } });
})`;
