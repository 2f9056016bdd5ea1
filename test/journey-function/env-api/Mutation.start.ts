import type { Context } from '@aws-appsync/utils';

export function request(ctx: Context<{ id: string }>) {
  return {
    method: 'POST',
    resourcePath: '/',
    params: {
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSStepFunctions.StartExecution' },
      body: JSON.stringify({ stateMachineArn: ctx.env.APPROVAL_MACHINE_ARN, name: ctx.args.id, input: JSON.stringify({ id: ctx.args.id, amount: 5 }) }),
    },
  };
}

export function response(ctx: Context) {
  const result = ctx.result as { statusCode: number; body: string };
  return result.body;
}
