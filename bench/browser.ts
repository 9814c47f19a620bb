/**
 * The Chromium half of the benchmark: corpus pages served from localhost with the page's own
 * scripts off, the bench bundle injected, then per page: snippet visibility before and after an
 * in-place strip, restore identity, and extraction timings on the native DOM (the live-page path).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { BENCH_GLOBAL, type BrowserBundle } from './browser-bundle';
import type { PageArgs, PageMeasure } from './browser-probe';
import type { ReferencePage, SnippetPage } from './corpora';
import { startPageServer } from './page-server';
import { quantile } from './scoring';
import { HEADLESS_CHROMIUM_FLAGS } from '../scripts/chromium-flags';

const PAGE_TIMEOUT_MS = 30_000;
const NAV_TIMEOUT_MS = 15_000;

export interface Timing {
  median: number;
  p95: number;
  pages: number;
}

export interface StripPageRecord {
  file: string;
  /** `with` snippets visible before strip but hidden by it. */
  withHidden: string[];
  /** `without` snippets visible before strip and still visible after. */
  withoutLeft: string[];
  restoreIdentical: boolean | null;
  hiddenBlocks: number | null;
  error?: string;
}

export interface BrowserResult {
  skipped?: string;
  chromium: string;
  capabilities: { extract: boolean; strip: boolean };
  pages: number;
  pageErrors: number;
  strip: {
    withVisibleBefore: number;
    withStillVisible: number;
    withNeverVisible: number;
    withoutVisibleBefore: number;
    withoutHidden: number;
    /** Share of `with` snippets (visible before) still visible after strip. */
    withVisibleShare: number;
    /** Share of `without` snippets (visible before) hidden by strip. */
    withoutHiddenShare: number;
    restoreChecked: number;
    restoreMismatches: number;
    stripTiming: Timing;
    restoreTiming: Timing;
  } | null;
  speed: {
    readability: Timing;
    clearpage: Timing | null;
    /** Clearpage's median / Readability's median (and the same for p95). */
    ratioMedian: number | null;
    ratioP95: number | null;
    extractMutatedPages: number;
  };
  identity: { pages: number; checked: number; mismatches: string[]; errors: number } | null;
  records: StripPageRecord[];
}

const timing = (values: number[]): Timing => ({ median: quantile(values, 0.5), p95: quantile(values, 0.95), pages: values.length });

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: timeout after ${ms} ms`)), ms);
    }),
  ]);
}

/** One browser, one context with scripts off and every request outside localhost refused. */
class BrowserSession {
  private browser: Browser | null = null;
  private context: BrowserContext | null = null;
  private page: Page | null = null;

  constructor(private readonly executablePath: string) {}

  async currentPage(): Promise<Page> {
    if (!this.browser || !this.browser.isConnected()) {
      this.browser = await chromium.launch({
        executablePath: this.executablePath,
        headless: true,
        args: [
          ...HEADLESS_CHROMIUM_FLAGS,
          // Saved pages point at CDNs, trackers and fonts; none is reachable or wanted here, and
          // failing their names at once is far cheaper than routing each request through Playwright.
          '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
        ],
      });
      this.context = null;
      this.page = null;
    }
    if (!this.context) {
      this.context = await this.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    }
    if (!this.page || this.page.isClosed()) this.page = await this.context.newPage();
    return this.page;
  }

  /** Drops the page (and the browser if closing the page hangs) after a failure. */
  async reset(): Promise<void> {
    const page = this.page;
    this.page = null;
    try {
      if (page) await withTimeout(page.close({ runBeforeUnload: false }), 5000, 'close page');
    } catch {
      await this.close();
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    this.context = null;
    this.page = null;
    try {
      if (browser) await withTimeout(browser.close(), 10_000, 'close browser');
    } catch {
      // the process is gone or stuck; Playwright kills it on exit
    }
  }
}

/** Loads `url`, injects the bundle and runs `call` (an expression on the probe) in the page. */
async function inPage<T>(session: BrowserSession, bundle: BrowserBundle, url: string, call: string): Promise<T> {
  const page = await session.currentPage();
  try {
    const t0 = Date.now();
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: NAV_TIMEOUT_MS });
    if (process.env.BENCH_DEBUG) console.error('goto', Date.now() - t0, url);
  } catch (e) {
    // A page whose load event never comes is still measured as far as it got.
    if (!/Timeout/i.test(String(e))) throw e;
  }
  return withTimeout(
    (async () => {
      // With the page's scripts off, Chromium will not call back into a Trusted Types policy
      // ("callback is no longer runnable"); DOMPurify then works on plain strings, as on pages
      // without Trusted Types.
      await page.evaluate('window.trustedTypes && Object.defineProperty(window, "trustedTypes", { value: undefined, configurable: true })');
      await page.evaluate(bundle.source);
      return (await page.evaluate(`${BENCH_GLOBAL}.probe.${call}`)) as T;
    })(),
    PAGE_TIMEOUT_MS,
    url,
  );
}

export interface BrowserOptions {
  bundle: BrowserBundle;
  trafilatura: SnippetPage[];
  readability: ReferencePage[];
  doStrip: boolean;
  doSpeed: boolean;
  rounds: number;
  progress: (label: string, done: number, total: number) => void;
}

/** Runs the Chromium measurements; returns a skipped result when Chromium is not installed. */
export async function runBrowser(opts: BrowserOptions): Promise<BrowserResult> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const empty: BrowserResult = {
    chromium: executablePath,
    capabilities: { extract: false, strip: false },
    pages: 0,
    pageErrors: 0,
    strip: null,
    speed: { readability: timing([]), clearpage: null, ratioMedian: null, ratioP95: null, extractMutatedPages: 0 },
    identity: null,
    records: [],
  };
  if (!existsSync(executablePath)) return { ...empty, skipped: `Chromium not found at ${executablePath} (set CHROMIUM_PATH)` };

  const server = await startPageServer();
  const session = new BrowserSession(executablePath);
  try {
    const capabilities = await inPage<{ extract: boolean; strip: boolean }>(session, opts.bundle, 'about:blank', 'capabilities()');
    const doStrip = opts.doStrip && capabilities.strip;
    const result: BrowserResult = { ...empty, capabilities };
    const rTimes: number[] = [];
    const cTimes: number[] = [];
    const stripTimes: number[] = [];
    const restoreTimes: number[] = [];
    const s = { withVisibleBefore: 0, withStillVisible: 0, withNeverVisible: 0, withoutVisibleBefore: 0, withoutHidden: 0, restoreChecked: 0, restoreMismatches: 0 };

    let done = 0;
    for (const page of opts.trafilatura) {
      const args: PageArgs = { url: page.url, with: page.with, without: page.without, rounds: opts.rounds, doSpeed: opts.doSpeed, doStrip };
      const record: StripPageRecord = { file: page.file, withHidden: [], withoutLeft: [], restoreIdentical: null, hiddenBlocks: null };
      try {
        const m = await inPage<PageMeasure>(session, opts.bundle, server.urlFor(page.path), `measurePage(${JSON.stringify(args)})`);
        if (m.readabilityMs !== null) rTimes.push(m.readabilityMs);
        if (m.clearpageMs !== null) cTimes.push(m.clearpageMs);
        if (m.extractMutatedPage) result.speed.extractMutatedPages++;
        if (m.errors.length) record.error = m.errors.join('; ');
        if (doStrip) {
          page.with.forEach((snippet, i) => {
            if (!m.withVisibleBefore[i]) s.withNeverVisible++;
            else {
              s.withVisibleBefore++;
              if (m.withVisibleAfter?.[i]) s.withStillVisible++;
              else record.withHidden.push(snippet);
            }
          });
          page.without.forEach((snippet, i) => {
            if (!m.withoutVisibleBefore[i]) return;
            s.withoutVisibleBefore++;
            if (m.withoutVisibleAfter && !m.withoutVisibleAfter[i]) s.withoutHidden++;
            else record.withoutLeft.push(snippet);
          });
          if (m.stripMs !== null) stripTimes.push(m.stripMs);
          if (m.restoreMs !== null) restoreTimes.push(m.restoreMs);
          if (m.restoreIdentical !== null) {
            s.restoreChecked++;
            if (!m.restoreIdentical) s.restoreMismatches++;
          }
          record.restoreIdentical = m.restoreIdentical;
          record.hiddenBlocks = m.hiddenBlocks;
        }
      } catch (e) {
        result.pageErrors++;
        record.error = String(e instanceof Error ? e.message : e).split('\n')[0];
        await session.reset();
      }
      result.records.push(record);
      opts.progress('chromium pages', ++done, opts.trafilatura.length);
    }
    result.pages = opts.trafilatura.length;
    result.speed = {
      readability: timing(rTimes),
      clearpage: cTimes.length ? timing(cTimes) : null,
      ratioMedian: cTimes.length && rTimes.length ? quantile(cTimes, 0.5) / quantile(rTimes, 0.5) : null,
      ratioP95: cTimes.length && rTimes.length ? quantile(cTimes, 0.95) / quantile(rTimes, 0.95) : null,
      extractMutatedPages: result.speed.extractMutatedPages,
    };
    if (doStrip) {
      result.strip = {
        ...s,
        withVisibleShare: s.withVisibleBefore ? s.withStillVisible / s.withVisibleBefore : 0,
        withoutHiddenShare: s.withoutVisibleBefore ? s.withoutHidden / s.withoutVisibleBefore : 0,
        stripTiming: timing(stripTimes),
        restoreTiming: timing(restoreTimes),
      };
    }

    if (doStrip && opts.readability.length) {
      const identity = { pages: opts.readability.length, checked: 0, mismatches: [] as string[], errors: 0 };
      let n = 0;
      for (const page of opts.readability) {
        try {
          const m = await inPage<PageMeasure>(session, opts.bundle, server.urlFor(page.sourcePath), 'identity()');
          if (m.restoreIdentical !== null) {
            identity.checked++;
            if (!m.restoreIdentical) identity.mismatches.push(page.name);
          }
          if (m.errors.length) identity.errors++;
        } catch {
          identity.errors++;
          await session.reset();
        }
        opts.progress('restore identity', ++n, opts.readability.length);
      }
      result.identity = identity;
    }
    return result;
  } finally {
    await session.close();
    await server.close();
  }
}

/** A Markdown list of pages where stripping hid article text or left chrome visible. */
export function stripDiffMarkdown(result: BrowserResult, title: string): string {
  const lines = [`# ${title}`, '', 'Per page, in Chromium with scripts off: `with` snippets that were visible before the strip and hidden by it, and `without` snippets still visible after it.', ''];
  const q = (s: string) => `"${s.replace(/\s+/g, ' ').slice(0, 120)}"`;
  const hid = result.records.filter((r) => r.withHidden.length);
  lines.push(`## Article text hidden by strip (${hid.length} pages)`, '');
  for (const r of hid) lines.push(`- ${r.file}: ${r.withHidden.map(q).join(', ')}`);
  lines.push('', `## Restore not identical (${result.records.filter((r) => r.restoreIdentical === false).length} pages)`, '');
  for (const r of result.records.filter((x) => x.restoreIdentical === false)) lines.push(`- ${r.file}`);
  if (result.identity?.mismatches.length) {
    lines.push('', '### Readability test pages', '');
    for (const name of result.identity.mismatches) lines.push(`- ${name}`);
  }
  const errs = result.records.filter((r) => r.error);
  lines.push('', `## Errors (${errs.length} pages)`, '');
  for (const r of errs) lines.push(`- ${r.file}: ${r.error}`);
  const left = result.records.filter((r) => r.withoutLeft.length);
  lines.push('', `## Chrome left visible (${left.length} pages)`, '');
  for (const r of left) lines.push(`- ${r.file}: ${r.withoutLeft.map(q).join(', ')}`);
  return lines.join('\n') + '\n';
}
