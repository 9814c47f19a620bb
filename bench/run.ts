/**
 * `npm run bench`: Clearpage, Readability and Defuddle side by side on the same real pages.
 *
 *   npm run bench                          full run; writes bench/results/ (latest.json, summary.md, chart.svg, per-page reports)
 *   npm run bench -- --quick               fixed sample (every 10th page; every 25th in Chromium), about two minutes
 *   npm run bench -- --quick --only=quality   just the trafilatura scores and the per-page diff
 *
 * Options: --only=quality,metadata,chromium,cli,size,popup  --systems=clearpage,readability,defuddle
 *          --sample=N (every Nth page)  --workers=N  --timeout=MS (per page)  --no-build
 * Runs other than a full one write to .cache/bench/results-<mode>/ so the committed results stay a full run.
 */
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { spawnSync } from 'node:child_process';
import { CACHE_DIR, REPO_ROOT, listReadabilityPages, listTrafilaturaPages, openCorpus, type ReferencePage, type SnippetPage } from './corpora';
import { WorkerPool } from './worker-pool';
import { runQuality, qualityDiffMarkdown, type QualityResult } from './quality';
import { runMetadata, metadataDiffMarkdown, type MetadataResult } from './metadata';
import { buildBrowserBundle } from './browser-bundle';
import { runBrowser, stripDiffMarkdown, type BrowserResult } from './browser';
import { measureCli, type CliResult } from './cli-speed';
import { measureSizes, type SizeResult } from './bundle-size';
import { measurePopup, type PopupTiming } from './popup-timing';
import { chartSvg, consoleReport, evaluateGoals, summaryMarkdown, type BenchResult } from './report';
import { SYSTEMS, loadClearpage, type SystemName } from './systems';
import { ResultCache } from './result-cache';

const SECTIONS = ['quality', 'metadata', 'chromium', 'cli', 'size', 'popup'] as const;
type Section = (typeof SECTIONS)[number];
const SECTION_ALIASES: Record<string, Section> = { strip: 'chromium', speed: 'chromium', browser: 'chromium' };

interface Options {
  quick: boolean;
  sections: Set<Section>;
  systems: SystemName[];
  /** Keep every Nth page: trafilatura (Node), trafilatura (Chromium), Readability pages. */
  step: { trafilatura: number; chromium: number; readability: number };
  cliBatch: number;
  workers: number;
  timeoutMs: number;
  build: boolean;
  scorerCheck: boolean;
  explicitSubset: boolean;
}

function parseArgs(argv: string[]): Options {
  const get = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=').slice(1).join('=');
  const has = (name: string) => argv.includes(`--${name}`);
  for (const a of argv) {
    if (!/^--(quick|no-build|only=.+|systems=.+|sample=\d+|workers=\d+|timeout=\d+)$/.test(a)) {
      console.error(`bench: unknown option ${a}\n(see the comment at the top of bench/run.ts)`);
      process.exit(2);
    }
  }
  const quick = has('quick');
  const only = get('only');
  const sections = new Set<Section>(
    only
      ? only.split(',').map((s) => {
          const name = (SECTION_ALIASES[s] ?? s) as Section;
          if (!SECTIONS.includes(name)) {
            console.error(`bench: unknown section "${s}" (sections: ${SECTIONS.join(', ')})`);
            process.exit(2);
          }
          return name;
        })
      : SECTIONS,
  );
  const systems = (get('systems')?.split(',') ?? [...SYSTEMS]) as SystemName[];
  for (const s of systems) {
    if (!SYSTEMS.includes(s)) {
      console.error(`bench: unknown system "${s}" (systems: ${SYSTEMS.join(', ')})`);
      process.exit(2);
    }
  }
  const sample = get('sample') ? Number(get('sample')) : null;
  return {
    quick,
    sections,
    systems,
    step: sample ? { trafilatura: sample, chromium: sample, readability: sample } : quick ? { trafilatura: 10, chromium: 25, readability: 10 } : { trafilatura: 1, chromium: 1, readability: 1 },
    cliBatch: quick ? 20 : 200,
    workers: Number(get('workers') ?? 2),
    timeoutMs: Number(get('timeout') ?? 20_000),
    build: !has('no-build'),
    scorerCheck: !quick && !sample && systems.includes('readability'),
    explicitSubset: Boolean(only || sample || get('systems')),
  };
}

const sampleLabel = (step: number) => (step === 1 ? 'all pages' : `every ${step}th page`);

function progressPrinter(label: string) {
  let last = Date.now();
  const tty = process.stderr.isTTY;
  return (done: number, total: number) => {
    const now = Date.now();
    if (done === total || now - last > (tty ? 1000 : 15_000)) {
      last = now;
      if (tty) process.stderr.write(`\r  ${label}: ${done}/${total}${done === total ? '\n' : ''}`);
      else if (done < total) process.stderr.write(`  ${label}: ${done}/${total}\n`);
    }
  };
}

function chromiumVersion(): string | null {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) return null;
  const r = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return r.stdout?.trim() || null;
}

/**
 * Builds the extension and CLI when a section needs dist/: always, unless --no-build, because a
 * dist/ left from an older checkout would be measured as if it were the current code.
 */
function ensureBuilt(opts: Options, notes: string[]): void {
  if (!opts.build) {
    const needed = [join(REPO_ROOT, 'dist', 'chrome', 'content.js'), join(REPO_ROOT, 'dist', 'cli', 'clearpage.js')];
    if (!needed.every((p) => existsSync(p))) notes.push('--no-build with an incomplete dist/: sizes, CLI and popup figures may be missing.');
    return;
  }
  console.log('Building the extension and CLI: npm run build');
  const r = spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) {
    const tail = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-8).join('\n');
    notes.push(`npm run build failed (exit ${r.status}); sizes and CLI figures use whatever dist/ holds.`);
    console.error(`npm run build failed:\n${tail}`);
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opts = parseArgs(argv);
  const mode: BenchResult['mode'] = opts.quick ? 'quick' : opts.explicitSubset ? 'partial' : 'full';
  const outDir = mode === 'full' ? join(REPO_ROOT, 'bench', 'results') : join(CACHE_DIR, 'bench', `results-${mode}`);
  mkdirSync(outDir, { recursive: true });
  const started = Date.now();
  const notes: string[] = [];
  const corpora: Record<string, string> = {};
  const rel = (p: string) => relative(REPO_ROOT, p);

  let systems = [...opts.systems];
  if (systems.includes('clearpage') && !(await loadClearpage())) {
    notes.push('Clearpage skipped: src/core/extract-article.ts does not export extractArticle yet.');
    systems = systems.filter((s) => s !== 'clearpage');
  }

  let trafilatura: SnippetPage[] = [];
  let readabilityPages: ReferencePage[] = [];
  if (opts.sections.has('quality') || opts.sections.has('chromium') || opts.sections.has('cli')) {
    const c = openCorpus('trafilatura-eval');
    if ('missing' in c) {
      corpora['trafilatura-eval'] = `skipped: ${c.missing}`;
      console.log(`Skipping the trafilatura set: ${c.missing}`);
    } else {
      const listed = listTrafilaturaPages(c.dir);
      trafilatura = listed.pages;
      corpora['trafilatura-eval'] = `${trafilatura.length} pages`;
      if (listed.unreadable.length) notes.push(`${listed.unreadable.length} trafilatura pages have no HTML file and count as nothing found.`);
    }
  }
  if (opts.sections.has('metadata') || opts.sections.has('chromium')) {
    const c = openCorpus('readability-test-pages');
    if ('missing' in c) {
      corpora['readability-test-pages'] = `skipped: ${c.missing}`;
      console.log(`Skipping Readability's test pages: ${c.missing}`);
    } else {
      readabilityPages = listReadabilityPages(c.dir);
      corpora['readability-test-pages'] = `${readabilityPages.length} pages`;
    }
  }

  const diffFiles: string[] = [];
  const writeReport = (name: string, text: string) => {
    const path = join(outDir, name);
    writeFileSync(path, text);
    diffFiles.push(name);
    return path;
  };

  const seconds: Record<string, number> = {};
  const timed = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
    const t = Date.now();
    try {
      return await f();
    } finally {
      seconds[name] = Math.round((Date.now() - t) / 100) / 10;
    }
  };

  let size: SizeResult | null = null;
  if (opts.sections.has('size') || opts.sections.has('cli') || opts.sections.has('popup')) ensureBuilt(opts, notes);
  if (opts.sections.has('size')) size = measureSizes();

  let quality: QualityResult | null = null;
  let metadata: MetadataResult | null = null;
  const needPool = (opts.sections.has('quality') && trafilatura.length) || (opts.sections.has('metadata') && readabilityPages.length);
  const pool = needPool ? new WorkerPool(opts.workers, opts.timeoutMs) : null;
  try {
    if (pool && opts.sections.has('quality') && trafilatura.length) {
      const pages = trafilatura.filter((p) => p.index % opts.step.trafilatura === 0);
      console.log(`Quality: ${systems.join(', ')} on ${pages.length} trafilatura pages (${opts.workers} workers, ${opts.timeoutMs} ms limit per page)`);
      const cache = new ResultCache();
      const reuse: SystemName[] = opts.quick && systems.includes('defuddle') ? ['defuddle'] : [];
      quality = await timed('quality', () => runQuality(pages, systems, pool, progressPrinter('pages × systems'), opts.scorerCheck, { store: cache, reuse }));
      cache.save();
      if (reuse.length) notes.push('Quick run: Defuddle\'s per-page scores are reused from an earlier run of the same Defuddle version on the same pages (a full run always runs it); its Node time is shown only for pages it ran on now.');
      const path = writeReport('quality-diff.md', qualityDiffMarkdown(quality, `Per-page diff, trafilatura set (${sampleLabel(opts.step.trafilatura)})`));
      console.log(`  per-page diff: ${rel(path)}`);
    }
    if (pool && opts.sections.has('metadata') && readabilityPages.length) {
      const pages = readabilityPages.filter((p) => p.index % opts.step.readability === 0);
      const metaSystems = systems.filter((s) => s !== 'defuddle');
      console.log(`Metadata: ${metaSystems.join(', ')} on ${pages.length} Readability test pages`);
      metadata = await timed('metadata', () => runMetadata(pages, metaSystems, pool, progressPrinter('pages × systems')));
      const path = writeReport('metadata-diff.md', metadataDiffMarkdown(metadata, `Metadata mismatches, Readability test pages (${sampleLabel(opts.step.readability)})`));
      console.log(`  per-page mismatches: ${rel(path)}`);
    }
  } finally {
    await pool?.close();
  }

  let chromium: BrowserResult | null = null;
  if (opts.sections.has('chromium') && (trafilatura.length || readabilityPages.length)) {
    try {
      console.log('Chromium: building the bench bundle (Vite, IIFE) into .cache/bench/');
      const bundle = await buildBrowserBundle();
      const pages = trafilatura.filter((p) => p.index % opts.step.chromium === 0);
      const refPages = readabilityPages.filter((p) => p.index % opts.step.readability === 0);
      console.log(`Chromium: ${pages.length} trafilatura pages (strip + speed), ${refPages.length} Readability test pages (restore identity); core modules: ${bundle.modules.join(', ') || 'none'}`);
      const progress = new Map<string, ReturnType<typeof progressPrinter>>();
      chromium = await timed('chromium', () => runBrowser({
        bundle,
        trafilatura: pages,
        readability: refPages,
        doStrip: true,
        doSpeed: true,
        rounds: 2,
        progress: (label, done, total) => {
          if (!progress.has(label)) progress.set(label, progressPrinter(label));
          progress.get(label)!(done, total);
        },
      }));
      if (chromium.skipped) console.log(`  skipped: ${chromium.skipped}`);
      else {
        if (!chromium.capabilities.strip) notes.push('In-page strip not measured: src/core/page-strip.ts has no createPageStrip yet.');
        if (!chromium.capabilities.extract) notes.push('Chromium extraction time for Clearpage not measured: no extractArticle in the bundle yet.');
        if (chromium.speed.extractMutatedPages) notes.push(`extractArticle changed the live page on ${chromium.speed.extractMutatedPages} pages (it must not).`);
        const path = writeReport('strip-diff.md', stripDiffMarkdown(chromium, `In-page strip per page (${sampleLabel(opts.step.chromium)})`));
        console.log(`  per-page strip report: ${rel(path)}`);
      }
    } catch (e) {
      notes.push(`Chromium section failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      console.error('Chromium section failed:', e);
    }
  }

  let cli: CliResult | null = null;
  if (opts.sections.has('cli') && trafilatura.length) {
    const files = trafilatura.filter((p) => existsSync(p.path)).slice(0, opts.cliBatch).map((p) => p.path);
    console.log(`CLI: one process over ${files.length} pages`);
    cli = await timed('cli', () => measureCli(files));
    if (cli.skipped) console.log(`  skipped: ${cli.skipped}`);
  }

  let popupClickToText: PopupTiming | null = null;
  if (opts.sections.has('popup')) {
    console.log('Popup: click-to-text on the seed fixture (dist/chrome-test)');
    popupClickToText = await timed('popup', () => measurePopup(5));
    if ('skipped' in popupClickToText) console.log(`  skipped: ${popupClickToText.skipped}`);
  }
  const { records: _q, ...qualitySummary } = quality ?? { records: null };
  const { records: _m, ...metadataSummary } = metadata ?? { records: null };
  const { records: _c, ...chromiumSummary } = chromium ?? { records: null };
  const partial: Omit<BenchResult, 'goals'> = {
    generatedAt: new Date().toISOString(),
    mode,
    command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
    environment: { node: process.version, cpus: cpus().length, loadAverage: loadavg(), chromium: chromiumVersion() },
    sectionSeconds: seconds,
    sample: { trafilatura: sampleLabel(opts.step.trafilatura), chromium: sampleLabel(opts.step.chromium), readability: sampleLabel(opts.step.readability) },
    corpora,
    quality: quality ? (qualitySummary as BenchResult['quality']) : null,
    metadata: metadata ? (metadataSummary as BenchResult['metadata']) : null,
    chromium: chromium ? (chromiumSummary as BenchResult['chromium']) : null,
    cli,
    size,
    popupClickToText,
    notes,
  };
  const result: BenchResult = { ...partial, goals: evaluateGoals(partial) };

  writeFileSync(join(outDir, 'latest.json'), JSON.stringify(result, null, 2) + '\n');
  writeFileSync(join(outDir, 'summary.md'), summaryMarkdown(result, diffFiles));
  writeFileSync(join(outDir, 'chart.svg'), chartSvg(result));
  console.log(consoleReport(result));
  console.log(`\nWrote ${rel(join(outDir, 'latest.json'))}, summary.md, chart.svg${diffFiles.length ? `, ${diffFiles.join(', ')}` : ''} in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
