import type { Context } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import { cognitoCaller } from './lib/caller.js';
import type { OrderStatus, StoredOrder } from './lib/order-types.js';
import { statusPrefix } from './lib/status-key.js';
import { pageLimit } from './lib/page.js';

type Args = { status?: OrderStatus | null; limit?: number | null; nextToken?: string | null };

/**
 * The caller's partition, sorted by id. With a status, the byOwnerStatus index answers instead (its sort key is
 * `STATUS#id`), so every page is full and in id order: a filter would be applied after the limit and return short
 * or empty pages.
 */
export function request(ctx: Context<Args>) {
  const sub = cognitoCaller(ctx.identity).sub;
  const { status, nextToken } = ctx.args;
  const limit = pageLimit(ctx.args.limit);
  if (status != null) {
    return query<StoredOrder>({
      index: 'byOwnerStatus',
      query: { userId: { eq: sub }, statusKey: { beginsWith: statusPrefix(status) } },
      limit,
      nextToken,
    });
  }
  return query<StoredOrder>({ query: { userId: { eq: sub } }, limit, nextToken });
}

export { pageResponse as response } from './lib/page.js';
