import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WEB_BASE_PATH } from './vite-options.js';

/** The first load's JavaScript, gzipped, may not exceed this (issue 10's budget). */
export const FIRST_LOAD_BUDGET_BYTES = 350 * 1024;

export interface FirstLoadSize {
  files: { path: string; bytes: number; gzipBytes: number }[];
  gzipBytes: number;
}

/**
 * What a browser fetches before the app runs: the module scripts and module preloads index.html names (Vite
 * lists every static import of the entry as a modulepreload). Lazy chunks are not part of the first load.
 */
export function measureFirstLoadJs(distDir: string): FirstLoadSize {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const urls = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isModule = /^<script\b/.test(tag) && /\btype="module"/.test(tag);
    const isPreload = /^<link\b/.test(tag) && /\brel="modulepreload"/.test(tag);
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if ((isModule || isPreload) && url) urls.add(url);
  }
  const files = [...urls].map((url) => {
    const path = url.startsWith(WEB_BASE_PATH) ? url.slice(WEB_BASE_PATH.length) : url.replace(/^\.?\//, '');
    const body = readFileSync(join(distDir, path));
    return { path, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
  });
  return { files, gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0) };
}

export function describeFirstLoad(size: FirstLoadSize): string {
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
  const verdict = size.gzipBytes <= FIRST_LOAD_BUDGET_BYTES ? 'within' : 'OVER';
  return `first-load JavaScript: ${kb(size.gzipBytes)} gzipped in ${size.files.length} file(s), ${verdict} the ${kb(FIRST_LOAD_BUDGET_BYTES)} budget`;
}
