/**
 * Gzipped sizes of what ships: the content script (injected into the pages Clearpage reads or strips,
 * so its size is a goal), the popup's scripts and styles (everything popup.html loads), and the CLI
 * bundle. The content script comes in parts injected as a flow needs them, so it is measured per
 * flow, as the sum of the files a page receives (each file gzipped on its own, as it is loaded):
 *   auto-strip     a site remembered for automatic stripping: content.js only
 *   toolbar click  the popup reads the article and can strip: content.js + content-extract.js
 *                  (the size goal applies to this one, the most a reader's page receives)
 *   copy Markdown  the context menu: the toolbar's parts + content-export.js (Turndown)
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
  /** The toolbar-click flow (content.js + content-extract.js): the figure the size goal applies to. */
  contentScript: SizeEntry | null;
  /** The auto-strip flow: content.js alone. */
  contentAutoStrip: SizeEntry | null;
  /** The context menu's Markdown copy: the toolbar's parts + content-export.js. */
  contentCopyMarkdown: SizeEntry | null;
  popup: SizeEntry | null;
  cli: SizeEntry | null;
}

/** Sums the files (each gzipped on its own); null when any of them is missing (an incomplete build). */
function measureAll(paths: string[]): SizeEntry | null {
  return paths.every((p) => existsSync(p)) ? measure(paths) : null;
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
  if (!existsSync(chrome)) {
    return { skipped: 'dist/chrome is missing (build failed?)', contentScript: null, contentAutoStrip: null, contentCopyMarkdown: null, popup: null, cli: null };
  }
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
    contentScript: measureAll(['content.js', 'content-extract.js'].map((f) => join(chrome, f))),
    contentAutoStrip: measureAll([join(chrome, 'content.js')]),
    contentCopyMarkdown: measureAll(['content.js', 'content-extract.js', 'content-export.js'].map((f) => join(chrome, f))),
    popup: measure([...new Set([...popupFiles, ...entryImports])]),
    cli: measure([...cliFiles, bin]),
  };
}
