/**
 * `@aws-appsync/utils/dynamodb` is a deep import into a package without an `exports` map, which NodeNext module
 * resolution only finds with a file extension; the runtime (and AppSync) know it by this exact name, so the name
 * stays and TypeScript is told where its types are.
 */
declare module '@aws-appsync/utils/dynamodb' {
  export * from '@aws-appsync/utils/lib/dynamodb-helpers.js';
}
