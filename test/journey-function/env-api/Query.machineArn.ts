import type { Context } from '@aws-appsync/utils';

export function request() {
  return {};
}

export function response(ctx: Context) {
  return ctx.env.APPROVAL_MACHINE_ARN;
}
