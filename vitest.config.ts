import { defineConfig } from 'vitest/config';

export const config = defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/browser-setup.ts', 'test/support/web-app-setup.ts'],
    setupFiles: ['test/support/quiet-output.ts'],
    testTimeout: 20_000,
    // Two workers on two cores, each running its files one after another in one process: a file's servers,
    // threads and evaluator processes leave the other core idle much of the time, and importing the AWS SDK,
    // aws-cdk-lib, fauxqs and the runtime once per worker instead of once per file took a fifth of the run
    // (docs/testing.md). Files start their own servers on port 0 with their own data dirs, so they share no state.
    pool: 'forks',
    isolate: false,
    maxWorkers: 2,
    minWorkers: 1,
    // fauxqs keeps queues with node:sqlite, whose ExperimentalWarning every worker would print.
    poolOptions: { forks: { execArgv: ['--disable-warning=ExperimentalWarning'] } },
    // Console output (and what servers write to stdout, test/support/quiet-output.ts) only for failing tests.
    silent: 'passed-only',
    // A passing file is one line; a test is named in the run's output only past a minute.
    slowTestThreshold: 60_000,
  },
});

export default config;
