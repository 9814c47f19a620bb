/**
 * What the benchmark runs inside a Chromium page (bundled by browser-bundle.ts with the core and
 * Readability). It takes the core's modules as loose namespaces so the bundle still builds while
 * a module is missing; a missing capability is reported, not guessed.
 */
import type { Readability as ReadabilityClass } from '@mozilla/readability';

type AnyModule = Record<string, unknown> | undefined;
type ExtractFn = (doc: Document, url?: string, options?: { timeBudgetMs?: number }) => { kind: string };
interface StripController {
  strip(): unknown[];
  restore(): void;
  disconnect?(): void;
}
type CreateStripFn = (doc: Document) => StripController;

export interface ProbeModules {
  Readability: typeof ReadabilityClass;
  extract?: AnyModule;
  chromeDetect?: AnyModule;
  pageStrip?: AnyModule;
}

export interface PageArgs {
  url: string;
  with: string[];
  without: string[];
  /** Timed runs per system (alternating); the fastest is kept. */
  rounds: number;
  doSpeed: boolean;
  doStrip: boolean;
}

export interface PageMeasure {
  withVisibleBefore: boolean[];
  withVisibleAfter: boolean[] | null;
  withoutVisibleBefore: boolean[];
  withoutVisibleAfter: boolean[] | null;
  readabilityMs: number | null;
  clearpageMs: number | null;
  /** extractArticle changed the live document (it must not). */
  extractMutatedPage: boolean | null;
  stripMs: number | null;
  restoreMs: number | null;
  hiddenBlocks: number | null;
  /** documentElement.outerHTML after strip+restore equals the one before. */
  restoreIdentical: boolean | null;
  errors: string[];
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const describe = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/** Builds the in-page probe from the bundled modules. */
export function createProbe(m: ProbeModules) {
  const extractArticle = (m.extract?.extractArticle as ExtractFn | undefined) ?? null;
  const createPageStrip = (m.pageStrip?.createPageStrip as CreateStripFn | undefined) ?? null;

  const visible = (snippets: string[]): boolean[] => {
    const text = norm(document.body?.innerText ?? '');
    return snippets.map((s) => text.length > 0 && text.includes(norm(s)));
  };

  /** Strips then restores; returns timings, hidden count and whether the markup came back identical. */
  const stripCycle = (out: PageMeasure, between?: () => void) => {
    if (!createPageStrip) return;
    const before = document.documentElement.outerHTML;
    let controller: StripController | null = null;
    try {
      let t = performance.now();
      controller = createPageStrip(document);
      const items = controller.strip();
      out.stripMs = performance.now() - t;
      out.hiddenBlocks = items.length;
      between?.();
      t = performance.now();
      controller.restore();
      out.restoreMs = performance.now() - t;
      controller.disconnect?.();
      out.restoreIdentical = document.documentElement.outerHTML === before;
    } catch (e) {
      out.errors.push(`strip/restore: ${describe(e)}`);
      try {
        controller?.restore();
        controller?.disconnect?.();
      } catch {
        // already reported
      }
      out.restoreIdentical = document.documentElement.outerHTML === before;
    }
  };

  return {
    capabilities: () => ({ extract: extractArticle !== null, strip: createPageStrip !== null }),

    /** Visibility of snippets before/after strip, extraction timings, strip/restore timings and identity. */
    measurePage(args: PageArgs): PageMeasure {
      const out: PageMeasure = {
        withVisibleBefore: visible(args.with),
        withVisibleAfter: null,
        withoutVisibleBefore: visible(args.without),
        withoutVisibleAfter: null,
        readabilityMs: null,
        clearpageMs: null,
        extractMutatedPage: null,
        stripMs: null,
        restoreMs: null,
        hiddenBlocks: null,
        restoreIdentical: null,
        errors: [],
      };
      if (args.doSpeed) {
        const before = document.documentElement.outerHTML;
        let r = Infinity;
        let c = Infinity;
        const timeReadability = (i: number) => {
          // The live-page path: Readability needs a clone (it mutates); extractArticle clones inside.
          try {
            const t = performance.now();
            new m.Readability(document.cloneNode(true) as Document).parse();
            r = Math.min(r, performance.now() - t);
          } catch (e) {
            if (i === 0) out.errors.push(`readability: ${describe(e)}`);
          }
        };
        const timeClearpage = (i: number) => {
          if (!extractArticle) return;
          try {
            const t = performance.now();
            extractArticle(document, args.url, { timeBudgetMs: 10_000 });
            c = Math.min(c, performance.now() - t);
          } catch (e) {
            if (i === 0) out.errors.push(`extractArticle: ${describe(e)}`);
          }
        };
        for (let i = 0; i < args.rounds; i++) {
          // Which system runs first alternates by round: whichever runs second finds caches and
          // the JIT warmer, so a fixed order would favour one side.
          if (i % 2 === 0) {
            timeReadability(i);
            timeClearpage(i);
          } else {
            timeClearpage(i);
            timeReadability(i);
          }
        }
        out.readabilityMs = Number.isFinite(r) ? r : null;
        out.clearpageMs = Number.isFinite(c) ? c : null;
        if (extractArticle) out.extractMutatedPage = document.documentElement.outerHTML !== before;
      }
      if (args.doStrip) {
        stripCycle(out, () => {
          out.withVisibleAfter = visible(args.with);
          out.withoutVisibleAfter = visible(args.without);
        });
      }
      return out;
    },

    /** Strip then restore only: for the identity check on Readability's test pages. */
    identity(): PageMeasure {
      const out: PageMeasure = {
        withVisibleBefore: [],
        withVisibleAfter: null,
        withoutVisibleBefore: [],
        withoutVisibleAfter: null,
        readabilityMs: null,
        clearpageMs: null,
        extractMutatedPage: null,
        stripMs: null,
        restoreMs: null,
        hiddenBlocks: null,
        restoreIdentical: null,
        errors: [],
      };
      stripCycle(out);
      return out;
    },
  };
}

export type Probe = ReturnType<typeof createProbe>;
