/**
 * Least-privilege checks shared by test/unit/permissions.test.ts (manifests, sources, dist when
 * built) and test/e2e/network.spec.ts (the fresh build's bundles, after `npm run build`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');

/** What the features need: strip via scripting on the active tab, settings, menu, exports, copy. */
export const ALLOWED_PERMISSIONS = ['activeTab', 'scripting', 'storage', 'contextMenus', 'downloads', 'clipboardWrite'];
const REQUIRED_PERMISSIONS = ['activeTab', 'scripting', 'storage'];
/** The test build may reach the local test server without a user gesture; nothing else. */
const TEST_HOSTS = /^http:\/\/(localhost|127\.0\.0\.1)(:\d+|:\*)?\/\*$/;

export type Manifest = {
  manifest_version?: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: unknown[];
  content_security_policy?: { extension_pages?: string; sandbox?: string } | string;
  web_accessible_resources?: unknown[];
  externally_connectable?: unknown;
  background?: { service_worker?: string; scripts?: string[]; page?: string; persistent?: boolean };
  browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: { required?: string[] } } };
  update_url?: string;
};

export function readManifest(path: string): Manifest {
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/** The problems with a manifest's privileges, as readable sentences (empty when it is fine). */
export function privilegeProblems(m: Manifest, opts: { testHosts: boolean }): string[] {
  const problems: string[] = [];
  if (m.manifest_version !== 3) problems.push(`manifest_version is ${m.manifest_version}, not 3`);
  const permissions = m.permissions ?? [];
  for (const p of permissions) if (!ALLOWED_PERMISSIONS.includes(p)) problems.push(`permission "${p}" is not needed`);
  for (const p of REQUIRED_PERMISSIONS) if (!permissions.includes(p)) problems.push(`permission "${p}" is missing`);
  // Host patterns may not hide among the API permissions (MV2 habit) either.
  for (const p of permissions) if (/[:/*<]/.test(p)) problems.push(`host pattern "${p}" in permissions`);
  for (const p of m.optional_permissions ?? []) if (/[:/*<]/.test(p)) problems.push(`host pattern "${p}" in optional_permissions`);
  const hosts = m.host_permissions ?? [];
  if (opts.testHosts) {
    for (const h of hosts) if (!TEST_HOSTS.test(h)) problems.push(`test build host permission "${h}" is not localhost`);
  } else if (hosts.length) {
    problems.push(`host_permissions at install: ${hosts.join(', ')} (must be optional)`);
  }
  if (m.content_scripts?.length) problems.push('static content_scripts (they need host access at install)');
  if (m.externally_connectable) problems.push('externally_connectable lets web pages message the extension');
  if (m.update_url) problems.push('update_url points at a server of ours');
  for (const war of (m.web_accessible_resources ?? []) as { matches?: string[] }[]) {
    if ((war.matches ?? []).some((x) => x === '<all_urls>' || x.startsWith('*://*/') || x.startsWith('http'))) {
      problems.push('web_accessible_resources exposed to web pages');
    }
  }
  const csp = typeof m.content_security_policy === 'string' ? m.content_security_policy : m.content_security_policy?.extension_pages;
  // No CSP key means the Manifest V3 default ("script-src 'self'; object-src 'self'"), which is fine.
  if (csp !== undefined) {
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map((d) => [d[0]!.toLowerCase(), d.slice(1)] as const),
    );
    const scriptSrc = directives.get('script-src') ?? directives.get('default-src');
    if (!scriptSrc) problems.push('CSP has no script-src');
    for (const source of scriptSrc ?? []) {
      if (!["'self'", "'wasm-unsafe-eval'", "'none'"].includes(source)) problems.push(`CSP script-src allows ${source}`);
    }
    if (/unsafe-eval(?!.*wasm)/.test(csp.replace(/'wasm-unsafe-eval'/g, ''))) problems.push("CSP allows 'unsafe-eval'");
    const objectSrc = directives.get('object-src');
    if (objectSrc && !objectSrc.every((s) => s === "'none'" || s === "'self'")) problems.push(`CSP object-src allows ${objectSrc.join(' ')}`);
  }
  return problems;
}

export function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Code that turns strings into code, or loads code from the network. */
export const EVAL_PATTERNS: [RegExp, string][] = [
  [/(?<![\w$.])eval\s*\(/, 'eval('],
  [/\bnew\s+Function\s*\(/, 'new Function('],
  [/(?<![\w$.])Function\s*\(\s*["'`]/, 'Function("…")'],
  [/\bset(?:Timeout|Interval)\s*\(\s*["'`]/, 'setTimeout/setInterval with a string'],
  [/\bimportScripts\s*\(\s*["'`]https?:/, 'importScripts from the network'],
  [/\bimport\s*\(\s*["'`]https?:/, 'dynamic import from the network'],
];

/** Problems in one built extension directory's code and pages. */
export function bundleProblems(dir: string): string[] {
  const problems: string[] = [];
  for (const file of files(dir)) {
    const rel = relative(dir, file);
    if (/\.(m?js)$/.test(file)) {
      const code = readFileSync(file, 'utf8');
      for (const [re, what] of EVAL_PATTERNS) if (re.test(code)) problems.push(`${rel}: ${what}`);
    }
    if (/\.html$/.test(file)) {
      const html = readFileSync(file, 'utf8');
      for (const m of html.matchAll(/<script\b[^>]*>/gi)) {
        const src = /\ssrc\s*=\s*["']?([^"'\s>]+)/i.exec(m[0])?.[1];
        if (!src) problems.push(`${rel}: inline <script> (blocked by the CSP, and a smell)`);
        else if (/^(https?:)?\/\//i.test(src)) problems.push(`${rel}: remote script ${src}`);
      }
      for (const m of html.matchAll(/<link\b[^>]*href\s*=\s*["']?(https?:)?\/\/[^"'\s>]+/gi)) problems.push(`${rel}: remote resource ${m[0]}`);
    }
  }
  return problems;
}

