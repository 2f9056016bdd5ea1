import type { TestProject } from 'vitest/node';
import { findChromium } from './chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string;
  }
}

/**
 * Finds (or unpacks) Chromium once, before any test file starts: @sparticuz/chromium unpacks into the temp dir
 * without a lock, so two test files unpacking it at once could launch a half-written binary.
 */
export async function setup(project: TestProject): Promise<void> {
  project.provide('chromiumPath', await findChromium());
}
