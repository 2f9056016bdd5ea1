import { EarlyReturnSignal, UtilArgumentError } from '../errors.js';

/** The `runtime` object of `@aws-appsync/utils`. */
export const runtime = {
  earlyReturn(value?: unknown, options?: unknown): never {
    const skipTo = (options as { skipTo?: unknown } | undefined)?.skipTo;
    if (skipTo !== undefined && skipTo !== 'END' && skipTo !== 'NEXT') {
      throw new UtilArgumentError(`runtime.earlyReturn: skipTo must be END or NEXT, not ${String(skipTo)}`);
    }
    throw new EarlyReturnSignal(value === undefined ? null : value, skipTo);
  },
};
