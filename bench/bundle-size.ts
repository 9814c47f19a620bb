/**
 * Gzipped sizes of what ships: the content script (injected into every stripped page, so its size
 * is a goal), the popup's scripts and styles (everything popup.html loads), and the CLI bundle.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from './corpora';

export interface SizeEntry {
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

export interface SizeResult {
  skipped?: string;
  contentScript: SizeEntry | null;
  popup: SizeEntry | null;
  cli: SizeEntry | null;
}

function measure(paths: string[]): SizeEntry | null {
  const present = paths.filter((p) => existsSync(p));
  if (present.length === 0) return null;
  let raw = 0;
  let gz = 0;
  for (const p of present) {
    const bytes = readFileSync(p);
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: present.map((p) => p.slice(REPO_ROOT.length + 1)), rawBytes: raw, gzipBytes: gz };
}

/** The scripts and stylesheets an extension page loads (its <script src> and <link href>), found in dist. */
function pageAssets(distDir: string, html: string): string[] {
  const refs = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  return [...new Set(refs)].map((ref) => join(distDir, ref.replace(/^\//, '')));
}

/** Measures the built files in dist/chrome and dist/cli (bin/clearpage.js too, if it holds code). */
export function measureSizes(): SizeResult {
  const chrome = join(REPO_ROOT, 'dist', 'chrome');
  if (!existsSync(chrome)) return { skipped: 'dist/chrome is missing (build failed?)', contentScript: null, popup: null, cli: null };
  const popupHtml = join(chrome, 'popup.html');
  const popupFiles = existsSync(popupHtml) ? pageAssets(chrome, readFileSync(popupHtml, 'utf8')) : [];
  // Chunks the popup imports from its entry but that popup.html does not name (code split).
  const entryImports = popupFiles
    .filter((p) => p.endsWith('.js') && existsSync(p))
    .flatMap((p) => [...readFileSync(p, 'utf8').matchAll(/from\s*["']\.\/([\w.-]+\.js)["']/g)].map((m) => join(chrome, 'assets', m[1])));
  const cliDir = join(REPO_ROOT, 'dist', 'cli');
  const cliFiles = existsSync(cliDir) ? readdirSync(cliDir).filter((f) => f.endsWith('.js')).map((f) => join(cliDir, f)) : [];
  const bin = join(REPO_ROOT, 'bin', 'clearpage.js');
  return {
    contentScript: measure([join(chrome, 'content.js')]),
    popup: measure([...new Set([...popupFiles, ...entryImports])]),
    cli: measure([...cliFiles, bin]),
  };
}
