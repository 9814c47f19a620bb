/**
 * The browser bundle the benchmark injects into pages: Clearpage's core (whatever of
 * extract-article, chrome-detect and page-strip exists yet) and Readability, built with Vite in
 * library mode as one IIFE into .cache/bench/. Both systems ship in one file so their timings in
 * Chromium come from the same conditions.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { CACHE_DIR, REPO_ROOT } from './corpora';

export const BENCH_GLOBAL = '__clearpageBench';

export interface BrowserBundle {
  path: string;
  source: string;
  /** Which core modules made it in. */
  modules: string[];
}

const CORE_MODULES: { file: string; as: string }[] = [
  { file: 'extract-article.ts', as: 'extract' },
  { file: 'chrome-detect.ts', as: 'chromeDetect' },
  { file: 'page-strip.ts', as: 'pageStrip' },
];

/** Writes the entry (importing only the core modules present) and builds the IIFE bundle. */
export async function buildBrowserBundle(): Promise<BrowserBundle> {
  const outDir = join(CACHE_DIR, 'bench');
  mkdirSync(outDir, { recursive: true });
  const present = CORE_MODULES.filter((m) => existsSync(join(REPO_ROOT, 'src/core', m.file)));
  const entry = join(outDir, 'browser-entry.ts');
  const lines = [
    "import { Readability } from '@mozilla/readability';",
    `import { createProbe } from ${JSON.stringify(join(REPO_ROOT, 'bench/browser-probe.ts'))};`,
    ...present.map((m) => `import * as ${m.as} from ${JSON.stringify(join(REPO_ROOT, 'src/core', m.file))};`),
    `export const probe = createProbe({ Readability${present.map((m) => `, ${m.as}`).join('')} });`,
    '',
  ];
  writeFileSync(entry, lines.join('\n'));
  await build({
    configFile: false,
    root: REPO_ROOT,
    logLevel: 'warn',
    publicDir: false,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      lib: { entry, formats: ['iife'], name: BENCH_GLOBAL, fileName: () => 'clearpage-bench.js' },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  });
  const path = join(outDir, 'clearpage-bench.js');
  return { path, source: readFileSync(path, 'utf8'), modules: present.map((m) => m.file) };
}
