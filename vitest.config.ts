import { defineConfig } from 'vitest/config';

export const config = defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/browser-setup.ts', 'test/support/web-app-setup.ts'],
    testTimeout: 20_000,
  },
});

export default config;
