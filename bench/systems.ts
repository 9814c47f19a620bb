/**
 * The extractors the benchmark compares, each behind one function: a parsed Document in,
 * the text a user would get and the metadata out, with the extraction time (parsing excluded).
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { Defuddle } from 'defuddle/node';
import type { ExtractOptions, ExtractResult } from '../src/core/types';

export type SystemName = 'clearpage' | 'readability' | 'defuddle';
export const SYSTEMS: readonly SystemName[] = ['clearpage', 'readability', 'defuddle'];

/** The metadata fields scored on Readability's test pages. */
export const METADATA_FIELDS = ['title', 'byline', 'siteName', 'publishedTime', 'lang', 'dir', 'excerpt'] as const;
export type MetadataFieldName = (typeof METADATA_FIELDS)[number];
export type Metadata = Record<MetadataFieldName, string | null>;

export interface SystemOutput {
  /** The text scored against snippets (for Clearpage: title, blank line, body; see README). */
  text: string;
  /** Clearpage only: the body alone (`article.text`), scored as a second row. */
  bodyText?: string;
  metadata: Metadata;
  /** Extraction time in ms, document parse excluded. */
  ms: number;
  /** 'no-article' and similar outcomes that are not crashes. */
  note?: string;
}

/** The time budget the bench gives extractArticle, in Node and in Chromium. */
export const BENCH_TIME_BUDGET_MS = 10_000;

type ExtractArticleFn = (doc: Document, url?: string, options?: ExtractOptions) => ExtractResult;

let clearpageExtract: ExtractArticleFn | null | undefined;

/** Loads Clearpage's extractArticle from src/core, or null while it does not exist yet. */
export async function loadClearpage(): Promise<ExtractArticleFn | null> {
  if (clearpageExtract !== undefined) return clearpageExtract;
  const modulePath = new URL('../src/core/extract-article.ts', import.meta.url).href;
  try {
    const mod = (await import(modulePath)) as { extractArticle?: ExtractArticleFn };
    clearpageExtract = typeof mod.extractArticle === 'function' ? mod.extractArticle : null;
  } catch {
    clearpageExtract = null;
  }
  return clearpageExtract;
}

/** Parses HTML into a linkedom Document (the Node DOM every system gets). */
export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

const emptyMetadata = (): Metadata => ({
  title: null,
  byline: null,
  siteName: null,
  publishedTime: null,
  lang: null,
  dir: null,
  excerpt: null,
});

/**
 * Runs Readability 0.6 on a clone of the document (clone included in the time: Clearpage clones
 * inside extractArticle, so both pay for not mutating the caller's page) and returns `textContent`.
 */
function runReadability(doc: Document): SystemOutput {
  const start = performance.now();
  const clone = doc.cloneNode(true) as Document;
  const parsed = new Readability(clone).parse();
  const ms = performance.now() - start;
  return {
    text: parsed?.textContent ?? '',
    ms,
    note: parsed ? undefined : 'no-article',
    metadata: {
      title: parsed?.title ?? null,
      byline: parsed?.byline ?? null,
      siteName: parsed?.siteName ?? null,
      publishedTime: parsed?.publishedTime ?? null,
      lang: parsed?.lang ?? null,
      dir: parsed?.dir ?? null,
      excerpt: parsed?.excerpt ?? null,
    },
  };
}

/** Runs Defuddle's Node API (no network) and returns the text of its content HTML. */
async function runDefuddle(doc: Document, url: string): Promise<SystemOutput> {
  const start = performance.now();
  const result = await Defuddle(doc, url, { useAsync: false });
  const ms = performance.now() - start;
  const content = result.content ?? '';
  const text = content ? (parseDocument(`<!doctype html><html><body>${content}</body></html>`).body?.textContent ?? '') : '';
  return {
    text,
    ms,
    metadata: {
      ...emptyMetadata(),
      title: result.title || null,
      byline: result.author || null,
      siteName: result.site || null,
      publishedTime: result.published || null,
      excerpt: result.description || null,
    },
  };
}

/**
 * Runs Clearpage's extractArticle. The scored text is what a user reads in the plain-text export
 * minus its byline line: the title, a blank line, then `article.text`.
 */
async function runClearpage(doc: Document, url: string): Promise<SystemOutput> {
  const extract = await loadClearpage();
  if (!extract) throw new Error('src/core/extract-article.ts does not export extractArticle yet');
  const start = performance.now();
  // The bench machine is shared and its workers run side by side, so wall time per page is
  // inflated; a 10 s budget (the product's default is 3 s) keeps that from turning into misses.
  const result = extract(doc, url, { timeBudgetMs: BENCH_TIME_BUDGET_MS });
  const ms = performance.now() - start;
  if (result.kind !== 'article') {
    return { text: '', bodyText: '', ms, note: `no-article:${result.noArticle.reason}`, metadata: { ...emptyMetadata(), title: result.noArticle.title } };
  }
  const a = result.article;
  return {
    text: a.title ? `${a.title}\n\n${a.text}` : a.text,
    bodyText: a.text,
    ms,
    metadata: {
      title: a.title ?? null,
      byline: a.byline,
      siteName: a.siteName,
      publishedTime: a.publishedTime,
      lang: a.lang,
      dir: a.dir,
      excerpt: a.excerpt,
    },
  };
}

/** Runs one system on a freshly parsed document of `html`. */
export async function runSystem(system: SystemName, html: string, url: string): Promise<SystemOutput> {
  const doc = parseDocument(html);
  switch (system) {
    case 'readability':
      return runReadability(doc);
    case 'defuddle':
      return runDefuddle(doc, url);
    case 'clearpage':
      return runClearpage(doc, url);
  }
}
