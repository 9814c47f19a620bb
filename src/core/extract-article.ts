/**
 * The core pipeline: Document in, ExtractResult out. Chrome is found and removed on a
 * clone, lazy images and URLs are fixed, @mozilla/readability picks the article, then the
 * structure pass, metadata, sanitising and plain text follow. Never mutates the input.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { analysePage, findPageChromeIn } from './chrome-detect';
import { extractMetadata } from './metadata';
import type { PageMetadata } from './metadata';
import { parseSanitizedHtml } from './sanitize';
import { structureArticle } from './structure';
import { blockText, countWords, readingMinutes } from './block-text';
import { absolutizeUrls, documentBaseUrl, resolveLazyImages } from './urls';
import type { Article, ExtractOptions, ExtractResult, MetadataField, MetadataSource, NoArticle, NoArticleReason, RemovedItem } from './types';

const DEFAULT_BUDGET_MS = 3000;

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());
const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

class BudgetExceeded extends Error {}

function noArticle(reason: NoArticleReason, message: string, title: string | null, removed: RemovedItem[]): ExtractResult {
  const noArticle: NoArticle = { reason, message, title: title || null, removed };
  return { kind: 'no-article', noArticle };
}

function pageUrlOf(doc: Document, url: string | undefined): string {
  if (url) return url;
  try {
    const href = doc.location?.href ?? doc.URL;
    return href && /^https?:/i.test(href) ? href : '';
  } catch {
    return '';
  }
}

/** A document that is not an HTML page: a frameset, an image or media viewer, XML. */
function nonHtmlReason(doc: Document): string | null {
  const ct = (doc as Document & { contentType?: string }).contentType;
  if (ct && !/html/i.test(ct) && !/^application\/xml|^text\/xml/i.test(ct)) return `This is not a web page (${ct}).`;
  if (doc.querySelector('frameset')) return 'This page is made of frames; open the frame with the article on its own.';
  const body = doc.body;
  if (!body) return null;
  const kids = Array.from(body.children).filter((k) => !/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|LINK|META)$/.test(k.tagName));
  // A browser's own viewer for an image, a video or a PDF: one media element and no text.
  if (kids.length === 1 && /^(IMG|VIDEO|AUDIO|EMBED|OBJECT)$/.test(kids[0]?.tagName ?? '') && !norm(body.textContent)) {
    return 'This is an image, video or document viewer, not an article.';
  }
  return null;
}

/** Extracts the page's article (clean HTML, text, outline, metadata, removed chrome) or says why there is none. */
export function extractArticle(doc: Document, url?: string, options: ExtractOptions = {}): ExtractResult {
  const started = now();
  const budget = options.timeBudgetMs ?? DEFAULT_BUDGET_MS;
  const checkBudget = (): void => {
    if (now() - started > budget) throw new BudgetExceeded();
  };
  const docTitle = norm(doc.querySelector('title')?.textContent) || null;
  if (!doc.documentElement) return noArticle('empty', 'This page is empty.', null, []);
  const nonHtml = nonHtmlReason(doc);
  if (nonHtml) return noArticle('not-html', nonHtml, docTitle, []);
  if (!doc.body || (!norm(doc.body.textContent) && !doc.body.querySelector('img, video, iframe'))) {
    return noArticle('empty', 'This page is empty: it has no text.', docTitle, []);
  }
  let removed: RemovedItem[] = [];
  try {
    return extractFromPage(doc, pageUrlOf(doc, url), options, checkBudget, docTitle, (r) => (removed = r));
  } catch (e) {
    if (e instanceof BudgetExceeded) {
      return noArticle('timeout', `Clearpage gave up after ${Math.round(now() - started)} ms: the page is too large or too complex to read in time.`, docTitle, removed);
    }
    throw e;
  }
}

function extractFromPage(
  doc: Document,
  pageUrl: string,
  options: ExtractOptions,
  checkBudget: () => void,
  docTitle: string | null,
  reportRemoved: (r: RemovedItem[]) => void,
): ExtractResult {
  // Readability mutates, and chrome is removed before it scores: work on a clone throughout.
  const clone = doc.cloneNode(true) as Document;
  checkBudget();
  const page = analysePage(clone);
  const chrome = findPageChromeIn(clone, page, options);
  const removed: RemovedItem[] = chrome.map(({ category, sample, reason }) => ({ category, sample, reason }));
  reportRemoved(removed);
  checkBudget();

  const meta = extractMetadata(doc, pageUrl);
  const readerable = isProbablyReaderable(clone);
  for (const block of chrome) block.element.parentNode?.removeChild(block.element);
  resolveLazyImages(clone);
  absolutizeUrls(clone, documentBaseUrl(doc, pageUrl || undefined));
  checkBudget();

  const parsed = new Readability<Element>(clone, {
    serializer: (el) => el as Element,
  }).parse();
  checkBudget();
  const body = parsed?.content;
  if (!parsed || !body) {
    return noArticle('not-article', notArticleMessage(doc), meta.title ?? docTitle, removed);
  }

  const { title, sources } = chooseMetadata(meta, parsed, page.title >= 0 ? norm(page.elements[page.title]?.textContent) : null, docTitle);
  const outline = structureArticle(body, title.value);
  // Readability wraps the article in its own <div id="readability-page-1">: keep its content only.
  const inner = body.querySelector('#readability-page-1') ?? body;
  const safe = parseSanitizedHtml(inner.innerHTML, doc);
  const html = safe.innerHTML.trim();
  // No budget check after sanitising: its first call in Node loads a DOM (seconds), not page work.
  const text = blockText(safe);

  const verdict = judgeArticle(clone, safe, text, readerable, meta);
  if (verdict) return noArticle('not-article', verdict, title.value || docTitle, removed);

  const firstImg = safe.querySelector('img[src]')?.getAttribute('src') ?? null;
  const article: Article = {
    url: pageUrl,
    title: title.value ?? '',
    byline: sources.byline.value,
    siteName: sources.siteName.value,
    publishedTime: meta.publishedTime,
    modifiedTime: meta.modifiedTime,
    lang: sources.lang.value,
    dir: sources.dir.value,
    excerpt: sources.excerpt.value,
    html,
    text,
    outline,
    wordCount: countWords(text),
    readingTimeMinutes: readingMinutes(text),
    removed,
    sources: {},
    image: meta.image ?? (firstImg && /^https?:/i.test(firstImg) ? firstImg : null),
  };
  const record = (field: MetadataField, src: MetadataSource | null): void => {
    if (src && article[field] != null && article[field] !== '') article.sources[field] = src;
  };
  record('title', title.source);
  record('byline', sources.byline.source);
  record('siteName', sources.siteName.source);
  record('publishedTime', meta.sources.publishedTime ?? null);
  record('modifiedTime', meta.sources.modifiedTime ?? null);
  record('lang', sources.lang.source);
  record('dir', sources.dir.source);
  record('excerpt', sources.excerpt.source);
  return { kind: 'article', article };
}

interface Chosen<T> {
  value: T | null;
  source: MetadataSource | null;
}

type Parsed = NonNullable<ReturnType<Readability<Element>['parse']>>;

/** Our metadata first (JSON-LD, meta, time, text), Readability's as the fallback. */
function chooseMetadata(meta: PageMetadata, parsed: Parsed, heading: string | null, docTitle: string | null) {
  const choose = <T>(field: keyof PageMetadata['sources'], ours: T | null, theirs: T | null | undefined): Chosen<T> => {
    if (ours != null && ours !== '') return { value: ours, source: meta.sources[field] ?? null };
    if (theirs != null && theirs !== '') return { value: theirs, source: 'readability' };
    return { value: null, source: null };
  };
  const ourTitle = meta.sources.title === 'json-ld' || meta.sources.title === 'meta' ? meta.title : null;
  let title = choose('title', ourTitle, norm(parsed.title) || null);
  if (!title.value && heading) title = { value: heading, source: 'document' };
  if (!title.value && docTitle) title = { value: docTitle, source: 'document' };
  const dir = parsed.dir === 'rtl' || parsed.dir === 'ltr' ? parsed.dir : null;
  return {
    title,
    sources: {
      byline: choose('byline', meta.byline, norm(parsed.byline) || null),
      siteName: choose('siteName', meta.siteName, norm(parsed.siteName) || null),
      lang: choose('lang', meta.lang, norm(parsed.lang) || null),
      dir: choose<'ltr' | 'rtl'>('dir', meta.dir, dir),
      excerpt: choose('excerpt', meta.excerpt, norm(parsed.excerpt) || null),
    },
  };
}

function notArticleMessage(doc: Document): string {
  if (doc.querySelector('input[type="password"]')) return 'This page has no article: it looks like a sign-in form.';
  return 'This page has no article: it looks like a list of links or a page without running text.';
}

/**
 * Says why an extracted body is not an article (home pages of link lists, search results,
 * sign-in forms, image galleries), or null when it is one.
 */
function judgeArticle(page: Document, body: Element, text: string, readerable: boolean, meta: PageMetadata): string | null {
  const textLen = text.length;
  const linkText = Array.from(body.querySelectorAll('a')).reduce((n, a) => n + norm(a.textContent).length, 0);
  const density = textLen ? linkText / textLen : 1;
  let prose = 0;
  for (const p of Array.from(body.querySelectorAll('p, pre, blockquote'))) {
    const t = norm(p.textContent);
    if (t.length >= 80 && !p.closest('li')) {
      const lt = Array.from(p.querySelectorAll('a')).reduce((n, a) => n + norm(a.textContent).length, 0);
      if (lt < t.length * 0.3) prose += t.length;
    }
  }
  const declaredArticle = meta.sources.publishedTime === 'json-ld' || meta.sources.publishedTime === 'meta';
  if (textLen < 40) {
    const imgs = body.querySelectorAll('img').length;
    return imgs >= 3 ? 'This page has no article: it looks like an image gallery.' : 'This page has no article: there is too little text.';
  }
  if (declaredArticle && prose >= 200) return null;
  // Sign-in pages: a password field and little running text.
  if (page.querySelector('input[type="password"]') && prose < 400) return 'This page has no article: it looks like a sign-in form.';
  // Galleries: many images, captions only.
  const imgs = body.querySelectorAll('img').length;
  if (imgs >= 6 && prose < 300 && textLen / imgs < 120) return 'This page has no article: it looks like an image gallery.';
  // Home pages and search results: mostly links, little running text.
  if (!readerable && prose < 500 && (density > 0.35 || prose < textLen * 0.25)) {
    return 'This page has no article: it looks like a list of links (a home page or search results).';
  }
  if (density > 0.6 && prose < 300) return 'This page has no article: it looks like a list of links (a home page or search results).';
  return null;
}
