import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keyForStart, startKeyLine } from '../local/api-keys/start-key.js';
import { queueOptionsFromEnv } from '../local/lambda/local-queue-options.js';
import { parseFieldLogLevel } from '../local/observability/api-log.js';
import { PortInUseError, startLocalStack } from '../local/server/local-stack.js';
import { ensureWebAppBuilt } from '../web/build-app.js';
import { STAGE_FIELD_LOG_LEVELS } from './log-levels.js';
import { catalogIsEmpty, demoUserLines, seedDemo } from './seed.js';
import { orderApi } from './wiring.js';

const EXAMPLE_QUERY = `# Sign in above (a demo user: alice, carla or ada, password Demo-pass1), then run an operation.

# Run Watch in a second tab, then Create or Cancel here: subscribers receive the fields a mutation selects,
# and their filters read userId and restaurantId, so the mutations select those too.
subscription Watch {
  onOrderStatusChanged { id userId restaurantId name status version acceptBy timeline { type at actor detail } }
}

# A menu's item ids, and whether the restaurant takes orders now (in its own time zone).
query Menu {
  getMenu(restaurantId: "trattoria-roma") {
    restaurant { name openNow currency acceptanceTimeoutSeconds }
    categories { name items { id name price available } }
  }
}

# Priced by the API from the menu; its journey then checks it and asks the restaurant (acceptBy appears).
mutation Create($menuItemId: ID!) {
  createOrder(input: { restaurantId: "trattoria-roma", lines: [{ menuItemId: $menuItemId, quantity: 2 }] }) {
    id userId restaurantId name total currency status version acceptBy timeline { type at actor detail }
  }
}

query Mine {
  listMyOrders(limit: 20) {
    items { id restaurantId name total currency status version acceptBy cancellationReason }
    nextToken
  }
}

mutation Cancel($id: ID!, $version: Int!) {
  cancelOrder(id: $id, expectedVersion: $version) { id userId restaurantId name status version cancellationReason }
}
`;

/** `npm start`: the order API offline on the embedded default, until SIGINT or SIGTERM. */
const rootDir = fileURLToPath(new URL('..', import.meta.url));
// Checked before anything starts: a misspelt level fails at once rather than logging nothing.
const fieldLogLevel = parseFieldLogLevel(process.env.FIELD_LOG_LEVEL, STAGE_FIELD_LOG_LEVELS.dev);
// Built by npm install; rebuilt here only when a source changed since (a few seconds).
const webAppDir = await ensureWebAppBuilt();
const stack = await startLocalStack({
  rootDir,
  wiring: orderApi,
  dataDir: resolve(process.env.DATA_DIR ?? '.data'),
  port: Number(process.env.PORT ?? 4000),
  host: process.env.HOST ?? '127.0.0.1',
  explorer: { title: 'Order API explorer', defaultQuery: EXAMPLE_QUERY },
  // TLS=1: HTTPS and WSS with a self-signed certificate, for clients that insist on wss:// (Amplify JS).
  tls: process.env.TLS === '1',
  // LOCAL_SQS_VISIBILITY_TIMEOUT, LOCAL_FUNCTION_TIMEOUT (seconds), POWERTOOLS_LOG_LEVEL: the order queue and poller.
  queues: queueOptionsFromEnv(process.env),
  // The web client (web/) at /app/, its config.json made from these endpoints.
  webApp: { dir: webAppDir },
}).catch((error: unknown) => {
  // A taken port is the user's to fix, not a crash: one line saying what to do, no stack trace.
  if (!(error instanceof PortInUseError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});

// With the API_KEY mode, a key that works now: the one the data dir holds, or a new one (365 days).
const startKey = stack.apiKeys ? keyForStart(stack.apiKeys) : undefined;

// A data dir without restaurants gets the demo catalog and users (app/seed.ts), through the API as an admin, so
// the app's first screen is not empty; DEMO_DATA=0 skips it. Before the request log starts: its lines are not news.
// A failure is reported, not fatal: the API itself is up.
if (startKey && process.env.DEMO_DATA !== '0') {
  const graphqlUrl = stack.endpoints.graphql ?? '';
  try {
    if (await catalogIsEmpty(graphqlUrl, startKey.key.id)) {
      const report = await seedDemo(graphqlUrl, stack.pool);
      process.stdout.write(`Seeded the demo catalog: ${report.restaurantsCreated.join(', ')} (${report.dishesAdded} dishes)\n`);
    }
  } catch (error) {
    process.stderr.write(`The demo catalog was not seeded (npm run seed tries again): ${error instanceof Error ? error.message : String(error)}\n`);
  }
}

// One JSON line per request (and per real-time event), plus AppSync's field-level entries at FIELD_LOG_LEVEL.
stack.api.log.fieldLogLevel = fieldLogLevel;
stack.api.log.subscribe((line) => process.stdout.write(`${line}\n`));

const apiKeyLine = startKey ? `${startKeyLine(startKey)}\n` : '';
const demoLines = demoUserLines(stack.pool).map((line) => `${line}\n`).join('');
process.stdout.write(`Order API running offline\n${Object.entries(stack.endpoints).map(([k, v]) => `  ${k.padEnd(16)} ${v}`).join('\n')}\n${apiKeyLine}  explorer         ${stack.url}/\n${demoLines}`);
if (stack.endpoints.certificate) {
  process.stdout.write(`Self-signed certificate: trust it with NODE_EXTRA_CA_CERTS=${stack.endpoints.certificate} (Node) or your OS store (browsers)\n`);
}

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`${signal}: shutting down\n`);
  stack.close().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`shutdown failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
