import type { DataSource } from '../engine/data-sources.js';
import type { HandlerCall, LoadedFunction, LoadedResolver } from '../engine/resolver-executor.js';

/** A handler call with what ran it: the resolver's own code or a pipeline function, and its data source. */
export interface AttributedCall {
  call: HandlerCall;
  functionName?: string;
  dataSource?: DataSource;
}

/**
 * Which code each call of a field ran. A unit resolver's calls are its own; a pipeline's first call is its
 * `request` (before), then each function's request (and response, unless it returned early), then its `response`
 * (after). Calls are matched to the wiring by code file in that order.
 */
export function attributeCalls(resolver: LoadedResolver, calls: readonly HandlerCall[]): AttributedCall[] {
  if (resolver.kind === 'UNIT') return calls.map((call) => ({ call, dataSource: resolver.dataSource }));
  const out: AttributedCall[] = [];
  let current: LoadedFunction | undefined;
  let next = 0;
  calls.forEach((call, index) => {
    if (index > 0 && call.fn === 'request') {
      const found = resolver.functions.findIndex((fn, i) => i >= next && fn.code.filename === call.filename);
      if (found >= 0) {
        current = resolver.functions[found];
        next = found + 1;
      }
    }
    const own = index === 0 || !current || current.code.filename !== call.filename;
    out.push(own ? { call } : { call, functionName: current?.name ?? '', ...(current ? { dataSource: current.dataSource } : {}) });
    if (call.fn === 'response' && !own) current = undefined;
  });
  return out;
}
