/**
 * The browser bundle the benchmark injects into pages: Clearpage's core (whatever of
 * extract-article, chrome-detect and page-strip exists yet) and Readability, built with Vite in
 * library mode as IIFEs into .cache/bench/ and injected as one script, so both systems' timings in
 * Chromium come from the same conditions. The core is built as the extension's page scripts are
 * (vite.config.ts: its defines and plugins, so Readability inside Clearpage has its debug logging
 * compiled out as in content-extract.js); the reference is Readability as published, built apart.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Plugin, type Rolldown, type UserConfig } from 'vite';
import { CACHE_DIR, REPO_ROOT } from './corpora';

export const BENCH_GLOBAL = '__clearpageBench';
/** The global of the reference bundle (stock Readability), injected before the core's. */
const REFERENCE_GLOBAL = '__clearpageBenchReference';

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

type Settings = { define: Record<string, string>; plugins: Plugin[]; minify?: Rolldown.OutputOptions['minify'] };

/** The shipped page scripts' build settings (vite.config.ts, content-extract mode) minus its output plugin. */
async function shippedSettings(): Promise<Settings> {
  const { default: config } = (await import('../vite.config')) as { default: (env: { mode: string; command: string }) => UserConfig };
  const shipped = config({ mode: 'content-extract', command: 'build' });
  const plugins = ((shipped.plugins ?? []) as Plugin[]).filter((p) => p && p.name !== 'clearpage-extension-targets');
  // The minifier's settings too: content-extract.js shortens Readability's member names.
  const output = shipped.build?.rolldownOptions?.output;
  const minify = output && !Array.isArray(output) ? output.minify : undefined;
  return { define: (shipped.define ?? {}) as Record<string, string>, plugins, minify };
}

async function buildIife(entry: string, outDir: string, name: string, fileName: string, settings: Settings): Promise<string> {
  await build({
    configFile: false,
    root: REPO_ROOT,
    logLevel: 'warn',
    publicDir: false,
    define: settings.define,
    plugins: settings.plugins,
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      lib: { entry, formats: ['iife'], name, fileName: () => fileName },
      rolldownOptions: { output: { codeSplitting: false, ...(settings.minify ? { minify: settings.minify } : {}) } },
    },
  });
  return readFileSync(join(outDir, fileName), 'utf8');
}

/** Writes the entries (importing only the core modules present) and builds both IIFE bundles. */
export async function buildBrowserBundle(): Promise<BrowserBundle> {
  const outDir = join(CACHE_DIR, 'bench');
  mkdirSync(outDir, { recursive: true });
  const present = CORE_MODULES.filter((m) => existsSync(join(REPO_ROOT, 'src/core', m.file)));
  const referenceEntry = join(outDir, 'reference-entry.ts');
  writeFileSync(referenceEntry, "export { Readability } from '@mozilla/readability';\n");
  const entry = join(outDir, 'browser-entry.ts');
  const lines = [
    `import { createProbe } from ${JSON.stringify(join(REPO_ROOT, 'bench/browser-probe.ts'))};`,
    ...present.map((m) => `import * as ${m.as} from ${JSON.stringify(join(REPO_ROOT, 'src/core', m.file))};`),
    `const { Readability } = (globalThis as unknown as { ${REFERENCE_GLOBAL}: typeof import('@mozilla/readability') }).${REFERENCE_GLOBAL};`,
    `export const probe = createProbe({ Readability${present.map((m) => `, ${m.as}`).join('')} });`,
    '',
  ];
  writeFileSync(entry, lines.join('\n'));
  const reference = await buildIife(referenceEntry, outDir, REFERENCE_GLOBAL, 'readability-reference.js', {
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    plugins: [],
  });
  const core = await buildIife(entry, outDir, BENCH_GLOBAL, 'clearpage-bench.js', await shippedSettings());
  const path = join(outDir, 'clearpage-bench.js');
  return { path, source: `${reference}\n;${core}`, modules: present.map((m) => m.file) };
}
