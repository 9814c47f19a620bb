/**
 * Where extraction spends its time in Chromium: loads every Nth trafilatura page (scripts off,
 * as the bench does), injects an unminified build of the core with the shipped build's
 * Readability transform, and records a CPU profile (CDP Profiler) around repeated extractArticle
 * calls. Prints inclusive and self time per function, summed over pages, and Readability's own
 * time on the same pages for scale.
 *
 *   npx tsx scripts/profile-chromium.ts [--step=33] [--rounds=5] [--top=40]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Plugin } from 'vite';
import { chromium } from '@playwright/test';
import { CACHE_DIR, REPO_ROOT, listTrafilaturaPages, openCorpus } from '../bench/corpora';
import { startPageServer } from '../bench/page-server';
import { HEADLESS_CHROMIUM_FLAGS } from './chromium-flags';

const arg = (name: string, fallback: number): number => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.split('=')[1]) : fallback;
};
const STEP = arg('step', 33);
const ROUNDS = arg('rounds', 5);
const TOP = arg('top', 40);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
  positionTicks?: { line: number; ticks: number }[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** An unminified IIFE of `entryLines` as .cache/profile/<fileName>, built with `plugins` and `define`. */
async function iife(entryLines: string[], global: string, fileName: string, plugins: Plugin[], define: Record<string, string>): Promise<string> {
  const outDir = join(CACHE_DIR, 'profile');
  mkdirSync(outDir, { recursive: true });
  const entry = join(outDir, `${global}-entry.ts`);
  writeFileSync(entry, [...entryLines, ''].join('\n'));
  await build({
    configFile: false,
    root: REPO_ROOT,
    logLevel: 'warn',
    publicDir: false,
    define,
    plugins,
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: false,
      copyPublicDir: false,
      lib: { entry, formats: ['iife'], name: global, fileName: () => fileName },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  });
  return readFileSync(join(outDir, fileName), 'utf8');
}

/**
 * The core with the shipped build's plugins and defines (vite.config.ts, content-extract mode),
 * and apart from it the Readability it is timed against: without its logging, but not cut to
 * Clearpage's options as the core's copy is (it is called with Readability's defaults).
 */
async function bundle(): Promise<{ reference: string; core: string }> {
  const vite = await import('../vite.config');
  const config = vite.default as (env: { mode: string; command: string }) => Record<string, unknown>;
  const shipped = config({ mode: 'content-extract', command: 'build' }) as { plugins: Plugin[]; define: Record<string, string> };
  const reference = await iife(["export { Readability } from '@mozilla/readability';"], '__cpProfileReference', 'profile-reference.js', [vite.readabilityForPages({ deadCode: false })], shipped.define);
  const core = await iife(
    [`export { extractArticle } from ${JSON.stringify(join(REPO_ROOT, 'src/core/extract-article.ts'))};`],
    '__cpProfile',
    'profile.js',
    shipped.plugins.filter((p) => p.name !== 'clearpage-extension-targets'),
    shipped.define,
  );
  return { reference, core };
}

async function main(): Promise<void> {
  const { reference, core } = await bundle();
  const corpus = openCorpus('trafilatura-eval');
  if ('missing' in corpus) throw new Error(corpus.missing);
  const pages = listTrafilaturaPages(corpus.dir).pages.filter((_, i) => i % STEP === 0);
  const server = await startPageServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [...HEADLESS_CHROMIUM_FLAGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  let total = 0;
  const lineTicks = new Map<string, number>();
  const phaseSum = new Map<string, number>();
  let readabilityMs = 0;
  let clearpageMs = 0;
  const perPage: { file: string; c: number; r: number }[] = [];
  for (const p of pages) {
    const page = await context.newPage();
    try {
      await page.goto(server.urlFor(p.path), { waitUntil: 'domcontentloaded', timeout: 15_000 }).catch(() => undefined);
      await page.evaluate('window.trustedTypes && Object.defineProperty(window, "trustedTypes", { value: undefined, configurable: true })');
      // Apart, so that profile lines ("fn:line") are those of .cache/profile/profile.js.
      await page.evaluate(reference);
      await page.evaluate(core);
      const url = JSON.stringify(p.url);
      // Warm up both (JIT, DOMPurify's first setup), then time each alone.
      const times = (await page.evaluate(`(() => {
        const { Readability } = __cpProfileReference;
        const { extractArticle } = __cpProfile;
        extractArticle(document, ${url}, { timeBudgetMs: 1e9 });
        new Readability(document.cloneNode(true)).parse();
        let r = Infinity, c = Infinity;
        for (let i = 0; i < ${ROUNDS}; i++) {
          let t = performance.now(); new Readability(document.cloneNode(true)).parse(); r = Math.min(r, performance.now() - t);
          t = performance.now(); extractArticle(document, ${url}, { timeBudgetMs: 1e9 }); c = Math.min(c, performance.now() - t);
        }
        return { r, c };
      })()`)) as { r: number; c: number };
      readabilityMs += times.r;
      clearpageMs += times.c;
      perPage.push({ file: p.file, ...times });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
      await page.evaluate('globalThis.__cpT && Object.keys(globalThis.__cpT).forEach((k) => delete globalThis.__cpT[k])');
      await cdp.send('Profiler.start');
      await page.evaluate(`(() => { for (let i = 0; i < ${ROUNDS}; i++) __cpProfile.extractArticle(document, ${url}, { timeBudgetMs: 1e9 }); })()`);
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
      const phases = (await page.evaluate('globalThis.__cpT ?? {}')) as Record<string, number>;
      await page.evaluate('globalThis.__cpT && Object.keys(globalThis.__cpT).forEach((k) => delete globalThis.__cpT[k])');
      for (const [k, v] of Object.entries(phases)) phaseSum.set(k, (phaseSum.get(k) ?? 0) + v / (k === 'n2' || k === 'calls' ? 1 : ROUNDS));
      await cdp.detach();
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const parent = new Map<number, number>();
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      const key = (n: ProfileNode): string => `${n.callFrame.functionName || '(anon)'}${n.callFrame.lineNumber >= 0 && !n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
      for (const n of profile.nodes) for (const t of n.positionTicks ?? []) lineTicks.set(`${key(n)} @${t.line}`, (lineTicks.get(`${key(n)} @${t.line}`) ?? 0) + t.ticks);
      profile.samples.forEach((id, i) => {
        const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
        const leaf = byId.get(id);
        if (!leaf || /^\((idle|program|garbage collector)\)$/.test(leaf.callFrame.functionName)) return;
        total += dt;
        self.set(key(leaf), (self.get(key(leaf)) ?? 0) + dt);
        const seen = new Set<string>();
        for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
          const k = key(byId.get(cur) as ProfileNode);
          if (seen.has(k)) continue;
          seen.add(k);
          inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
        }
      });
    } catch (e) {
      console.error(p.file, String(e).split('\n')[0]);
    } finally {
      await page.close();
    }
  }
  await browser.close();
  await server.close();
  const pct = (v: number): string => `${((100 * v) / total).toFixed(1).padStart(5)}%`;
  const show = (title: string, m: Map<string, number>): void => {
    console.log(`\n${title}`);
    for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${pct(v)}  ${v.toFixed(0).padStart(6)} ms  ${k}`);
  };
  console.log(`${perPage.length} pages, ${ROUNDS} profiled rounds each; sampled ${total.toFixed(0)} ms`);
  console.log(`sum of best times: clearpage ${clearpageMs.toFixed(0)} ms, readability ${readabilityMs.toFixed(0)} ms (${(clearpageMs / readabilityMs).toFixed(2)}x)`);
  const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  console.log(`median: clearpage ${med(perPage.map((x) => x.c)).toFixed(1)} ms, readability ${med(perPage.map((x) => x.r)).toFixed(1)} ms`);
  if (phaseSum.size) {
    const all = phaseSum.get('total') ?? 1;
    console.log('\nPhases (instrumented build; ms summed over pages, per extraction)');
    for (const [k, v] of [...phaseSum].sort((a, b) => b[1] - a[1])) console.log(`${k.padEnd(14)} ${v.toFixed(1).padStart(8)}  ${((100 * v) / all).toFixed(1).padStart(5)}%`);
  }
  show('Inclusive time', inclusive);
  show('Self time', self);
  console.log('\nSelf samples by line');
  for (const [k, v] of [...lineTicks].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${String(v).padStart(6)}  ${k}`);
}

await main();
