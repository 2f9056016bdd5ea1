import { readFileSync } from 'node:fs';
import type { AssetSpec } from './assets.js';

export interface PageConfig {
  endpoints: Record<string, string>;
  defaultQuery: string;
  /** Present when the API has the API_KEY mode: a key valid now (prefilled in the page's key field), or null. */
  apiKey?: string | null;
}

let template: string | undefined;

// The page only talks to this server; the policy also proves in a browser that nothing is fetched from elsewhere.
export const PAGE_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // GraphiQL sets inline style attributes on its panes and tooltips.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Inside <script type="application/json"> only "</script" and "<!--" could end the block early; escaping every <,
// > and & (plus the JS line separators) as \u escapes keeps the JSON identical once parsed.
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The explorer's HTML: only local asset URLs, and the endpoints and default query as inert JSON. */
export function renderPage(title: string, assets: { scripts: AssetSpec[]; styles: AssetSpec[] }, config: PageConfig): string {
  template ??= readFileSync(new URL('index.html', import.meta.url), 'utf8');
  const values: Record<string, string> = {
    title: escapeHtml(title),
    styles: assets.styles.map((s) => `<link rel="stylesheet" href="${escapeHtml(s.urlPath)}">`).join('\n'),
    scripts: assets.scripts.map((s) => `<script src="${escapeHtml(s.urlPath)}"></script>`).join('\n'),
    config: scriptSafeJson(config),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}
