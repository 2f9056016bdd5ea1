import { runEvaluationOptions } from './evaluation-options.js';
import { runFanout } from './fanout.js';
import { runFloor } from './floor.js';
import { runJourney } from './journey.js';
import { runRequestResponse } from './request-response.js';

/**
 * `npx tsx bench/run.ts [scenario]`: runs one benchmark scenario (BENCH_SCENARIO works too; `npm run bench` runs the
 * default, then bench/queued.ts, `fanout` and `journey`). `request-response`, the default, measures the API from another
 * process against its own store; `evaluation` compares the ways of running resolver handlers; `floor` what an HTTP
 * exchange and a round trip to a child process cost here at the least; `fanout` the delivery of one mutation to N
 * subscribers against a bare WebSocket broadcast (bench/fanout.ts); `journey` orders from placement to the kitchen
 * and back (bench/journey.ts).
 */
const scenarios: Record<string, () => Promise<void>> = {
  'request-response': runRequestResponse,
  evaluation: runEvaluationOptions,
  floor: runFloor,
  fanout: runFanout,
  journey: runJourney,
};

const name = process.argv[2] ?? process.env.BENCH_SCENARIO ?? 'request-response';
const scenario = scenarios[name];
if (!scenario) {
  process.stderr.write(`unknown scenario '${name}': one of ${Object.keys(scenarios).join(', ')}\n`);
  process.exit(2);
}
await scenario();
