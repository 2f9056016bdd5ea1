/**
 * Every field of Order, nested types whole, for the IAM callers' mutations (the order journey; the poller's
 * createQueuedOrder and recordFailedOrder should read the same): subscribers of onOrderStatusChanged receive only the
 * fields the triggering mutation selected, so a mutation selecting less publishes a cut-down order to every open
 * app. test/journey-function/handler.test.ts checks it against schema.graphql.
 */
export const ORDER_SELECTION = [
  'id userId restaurantId name quantity',
  'lines { menuItemId name unitPrice quantity note lineTotal }',
  'currency total status createdAt updatedAt version errorMessage',
  'acceptBy estimatedReadyAt cancellationReason',
  'timeline { type at actor by detail }',
].join(' ');
