import { describe, expect, it } from 'vitest';
import { dynamoDbActionsOf, UnknownDynamoDbOperationError } from '../../infra/dynamodb-actions.js';

// The helper → operation pairs are the AppSync guide's (https://docs.aws.amazon.com/appsync/latest/devguide/
// built-in-modules-js.html); IAM names each DynamoDB operation's action after it, and authorizes transactions
// with the single-item actions (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html).
describe('dynamoDbActionsOf', () => {
  it('maps the imported dynamodb helpers to the actions they call', () => {
    const code = `import { get, put, remove, operations } from "@aws-appsync/utils/dynamodb";\nexport function request() {}`;
    expect(dynamoDbActionsOf({ code })).toEqual(['DeleteItem', 'GetItem', 'PutItem']);
  });

  it('reads the helpers used through a namespace import', () => {
    const code = `import * as ddb from "@aws-appsync/utils/dynamodb";\nexport function request(ctx) { return ddb.query({}); }`;
    expect(dynamoDbActionsOf({ code })).toEqual(['Query']);
  });

  it('reads hand-written request objects by their operation', () => {
    const code = `export function request(ctx) { return { operation: "BatchDeleteItem", tables: {} }; }`;
    expect(dynamoDbActionsOf({ code })).toEqual(['BatchWriteItem']);
  });

  it('grants a transactional write every single-item write action', () => {
    const code = `import { transactWrite } from "@aws-appsync/utils/dynamodb";`;
    expect(dynamoDbActionsOf({ code })).toEqual(['ConditionCheckItem', 'DeleteItem', 'PutItem', 'UpdateItem']);
  });

  it('ignores imports of other modules', () => {
    const code = `import { util } from "@aws-appsync/utils";\nexport function request(ctx) { return util.autoId(); }`;
    expect(dynamoDbActionsOf({ code })).toEqual([]);
  });

  it('refuses an operation it cannot read from the code', () => {
    expect(() => dynamoDbActionsOf({ code: `export function request(ctx) { return { operation: ctx.args.op }; }` })).toThrow(
      UnknownDynamoDbOperationError,
    );
    expect(() => dynamoDbActionsOf({ code: `export function request() { return { operation: "Explode" }; }` })).toThrow(
      /unknown operation Explode/,
    );
  });
});
