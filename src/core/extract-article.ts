/**
 * The core pipeline: Document in, ExtractResult out. Chrome is found and removed on a
 * clone, lazy images and URLs are fixed, @mozilla/readability picks the article, then the
 * structure pass, metadata, sanitising and plain text follow. Never mutates the input.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { analysePage, contentBody, findPageChromeIn } from './chrome-detect';
import { chooseMetadata, extractMetadata } from './metadata';
import type { PageMetadata } from './metadata';
import { normalizeArticleHtml } from './normalize-html';
import { markImageCaptions, structureArticle } from './structure';
import { removeCreditLines, trimArticleEdges } from './trim-edges';
import { flattenShadowRoots, scanShadowContent } from './shadow-dom';
import { copyDocument } from './document-copy';
import { blockText, countWords, norm, readingMinutes } from './block-text';
import { restoreDroppedBlocks, restoreStandfirst } from './dropped-blocks';
import { counterparts, pathFrom } from './tree-path';
import { keepsFirstPick, looksShort, nonLinkTextLength, textLeftAfterChrome } from './short-result';
import { absolutizeUrls, documentBaseUrl, resolveLazyImages } from './urls';
import type { Article, ExtractOptions, ExtractResult, MetadataField, MetadataSource, NoArticle, NoArticleReason, RemovedItem } from './types';

const DEFAULT_BUDGET_MS = 3000;

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

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

/** The <html> element when a lenient parser (linkedom) left stray elements before it at the top, else null. */
function htmlAfterStrays(doc: Document): Element | null {
  const topHtml = Array.from(doc.children).find((c) => c.tagName === 'HTML');
  return topHtml && doc.documentElement !== topHtml ? topHtml : null;
}

/** The element holding the page's content when it is not `document.body` nor inside it (a second <body>), else null. */
function misplacedContent(doc: Document): Element | null {
  const target = doc.body;
  const rich = contentBody(doc);
  return !target || !rich || rich === target || target.contains(rich) ? null : rich;
}

/** Whether repairBody would change a copy of `doc`. */
function needsRepair(doc: Document): boolean {
  return !!htmlAfterStrays(doc) || !!misplacedContent(doc);
}

/**
 * Moves the content into `document.body` when a lenient parser (linkedom, on pages with stray
 * markup before <html>) left it in a second <body>: Readability reads `document.body` only.
 */
function repairBody(clone: Document): boolean {
  let changed = false;
  // Stray elements before <html> (linkedom makes the first one the document element, and a
  // <style> there would take the page with it when Readability drops styles): fold them in.
  const topHtml = htmlAfterStrays(clone);
  if (topHtml) {
    for (const stray of Array.from(clone.children)) {
      if (stray === topHtml) continue;
      changed = true;
      const keep = !/^(SCRIPT|STYLE|LINK|META|TITLE|NOSCRIPT|TEMPLATE)$/.test(stray.tagName) && norm(stray.textContent).length > 0;
      stray.parentNode?.removeChild(stray);
      const body = topHtml.querySelector('body');
      if (keep && body) body.insertBefore(stray, body.firstChild);
    }
  }
  const rich = misplacedContent(clone);
  const target = clone.body;
  if (!rich || !target) return changed;
  const move = (child: Node): void => {
    if (child === target || child.contains(target)) return;
    // Content swallowed by <head> (a stray tag in it): keep the head's own metadata in place.
    if ((child as Element).tagName === 'HEAD') {
      for (const c of Array.from(child.childNodes)) {
        if (!/^(META|TITLE|LINK|SCRIPT|STYLE|BASE)$/.test((c as Element).tagName ?? '')) target.appendChild(c);
      }
      return;
    }
    target.appendChild(child);
  };
  for (const child of Array.from(rich.childNodes)) move(child);
  return true;
}

/**
 * The page's standfirst: the visible element whose text is the page's description. News and
 * magazine templates put it beside the headline, outside the container Readability keeps.
 */
function findLeadParagraph(root: Element, description: string | null, skip: readonly Element[] = [], rootText = root.textContent ?? ''): string | null {
  const want = norm(description);
  if (want.length < 50) return null;
  const head = want.slice(0, 50);
  // Most descriptions are not in the page word for word: one look at the page's text saves
  // normalising the text of every block. (An element's text is part of the body's.) The head's
  // longest word is in the raw text wherever the head is in the normalised text, and looking for
  // it first spares a search of the whole page's text on most pages. That search allows any
  // whitespace run where the head has a space: it finds the head wherever norm(rootText) holds it
  // (and may find more, which the blocks' own test then rejects) without normalising a whole page.
  const word = head.split(' ').reduce((a, b) => (b.length > a.length ? b : a), '');
  if (!rootText.includes(word) || !new RegExp(head.replace(/[^\w ]/g, '\\$&').replace(/ /g, '\\s+')).test(rootText)) return null;
  for (const el of root.querySelectorAll('p, div, h2, span, strong')) {
    const raw = el.textContent ?? '';
    if (raw.length < 50) continue;
    // The normalised text starts with the normalised first 300 characters: a block whose
    // opening differs from the description's is skipped without normalising all of it.
    const opening = raw.slice(0, 300).replace(/\s+/g, ' ').trimStart();
    if (opening.length >= 50 && !opening.startsWith(head)) continue;
    const text = norm(raw);
    if (text.length < 50 || text.length > want.length * 1.5 + 20) continue;
    // Chrome (removed from Readability's input) is no standfirst: teasers repeat descriptions.
    if (text.startsWith(head) && !el.querySelector('p, div, h2') && !el.closest('a') && !skip.some((c) => c.contains(el))) return text;
  }
  return null;
}

/** Puts the standfirst back at the top of the article body. */
function restoreLeadParagraph(body: Element, lead: string): void {
  const container = body.querySelector('#readability-page-1') ?? body;
  const p = body.ownerDocument.createElement('p');
  p.textContent = lead;
  container.insertBefore(p, container.firstChild);
}

// Blocks that may continue an article's text when a lenient parser splits it off.
const STRAY_BLOCK = new Set(['P', 'TABLE', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'BLOCKQUOTE', 'FIGURE', 'PRE']);

/**
 * Broken pages (stray `</div>` inside a layout table): linkedom closes the article's container
 * early and leaves the rest of the story as bare blocks in <body>, where Readability keeps the
 * long paragraphs but drops tables and subheadings. When body-level paragraphs of running text
 * follow the article, the run of such blocks is moved back to the end of the article container.
 */
function rejoinStrayBlocks(body: Element, article: Element): void {
  let top: Element = article;
  while (top.parentElement && top.parentElement !== body) top = top.parentElement;
  if (top.parentElement !== body) return;
  const run: Element[] = [];
  let prose = 0;
  for (let el = top.nextElementSibling; el && STRAY_BLOCK.has(el.tagName); el = el.nextElementSibling) {
    run.push(el);
    if (el.tagName === 'P' && norm(el.textContent).length >= 80) prose++;
  }
  // Trailing subheadings or tables without running text after them are not the story's.
  while (run.length && (run[run.length - 1] as Element).tagName !== 'P') run.pop();
  if (prose < 2) return;
  for (const el of run) article.appendChild(el);
}

/**
 * Removes <template> elements from a clone (declarative shadow roots are flattened before): their
 * content is inert and never shown, but linkedom parses it as children, where Readability scores
 * it. Client-rendered news pages (Vue/Alpine infinite scroll) keep story markup in them.
 */
export function removeInertTemplates(clone: Document): boolean {
  const templates = Array.from(clone.getElementsByTagName('template'));
  for (const t of templates) t.parentNode?.removeChild(t);
  return templates.length > 0;
}

const MAX_DEPTH = 300;

/**
 * Unwraps wrapper elements (one child, no text of their own) nested deeper than MAX_DEPTH:
 * pathological nesting (generated or broken markup) overflows Readability's recursive passes.
 */
function flattenDeepNesting(root: Element): boolean {
  // Two parallel stacks, not [element, depth] pairs: this walks every element of every page.
  const stack: Element[] = [root];
  const depths: number[] = [0];
  const wrappers: Element[] = [];
  while (stack.length) {
    const el = stack.pop() as Element;
    const depth = depths.pop() as number;
    if (depth > MAX_DEPTH && el.childElementCount === 1 && !Array.from(el.childNodes).some((n) => n.nodeType === 3 && norm(n.textContent))) {
      wrappers.push(el);
    }
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) {
      stack.push(c);
      depths.push(depth + 1);
    }
  }
  for (const w of wrappers) {
    const parent = w.parentNode;
    if (!parent) continue;
    while (w.firstChild) parent.insertBefore(w.firstChild, w);
    parent.removeChild(w);
  }
  return wrappers.length > 0;
}

/**
 * Whether any text node under `root` (scripts and styles included, as in textContent) holds a
 * non-space character; stops at the first, so a page's whole text is never built just to test it.
 */
function hasAnyText(root: Node): boolean {
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop() as Node;
    const type = node.nodeType;
    if (type === 3 || type === 4) {
      if (/\S/.test((node as CharacterData).data)) return true;
    } else {
      for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
    }
  }
  return false;
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
  const body = contentBody(doc);
  if (!body || (!hasAnyText(body) && !body.querySelector('img, video, iframe'))) {
    return noArticle('empty', 'This page is empty: it has no text.', docTitle, []);
  }
  let removed: RemovedItem[] = [];
  try {
    return extractFromPage(doc, pageUrlOf(doc, url), options, checkBudget, docTitle, (r) => (removed = r), () => (now() - started) / budget);
  } catch (e) {
    // Nesting too deep even after flattening overflows the stack: give up like on a timeout.
    if (e instanceof RangeError) {
      return noArticle('timeout', 'Clearpage gave up: the page is nested too deeply to read.', docTitle, removed);
    }
    if (e instanceof BudgetExceeded) {
      return noArticle('timeout', `Clearpage gave up after ${Math.round(now() - started)} ms: the page is too large or too complex to read in time.`, docTitle, removed);
    }
    throw e;
  }
}

interface PreparedClone {
  clone: Document;
  page: ReturnType<typeof analysePage>;
  /** The chrome found, its elements in the page that was analysed (`analysed`). */
  chrome: ReturnType<typeof findPageChromeIn>;
  /**
   * The document analysed: the original page when the clone's tree is still a copy of it (no
   * shadow content, no template, no repair: most pages), else the clone (before chrome removal).
   */
  analysed: Document;
  /** Readability's readerable test on the page before chrome removal; asked only by the verdict, and rarely. */
  readerable: () => boolean;
  /** The analysis's article container in the clone, or null. */
  article: Element | null;
  /** The analysis's title heading in the clone, or null. */
  title: Element | null;
}

/**
 * A clone of the page with its chrome removed and lazy images resolved: Readability's input.
 * Chrome detection only reads, so when a clone would still match the page (no shadow content, no
 * template, no broken body, no pathological nesting: most pages) it reads the page itself, and
 * the page is then copied without its chrome; a second pass (`reuse`) skips the detection.
 */
function prepareClone(
  doc: Document,
  options: ExtractOptions,
  checkBudget: () => void,
  onChrome?: (removed: RemovedItem[]) => void,
  reuse?: PreparedClone,
): PreparedClone {
  const scan = scanShadowContent(doc);
  const matching = !scan.shadow && scan.deepest <= MAX_DEPTH && !doc.getElementsByTagName('template').length && !needsRepair(doc);
  // Readability mutates, and chrome is removed before it scores: it gets a clone. Other pages
  // are copied whole first, and chrome detection reads the copy unless it still matches the page.
  let clone = matching ? null : copyDocument(doc).copy;
  let same = matching;
  if (clone) {
    // Web-component pages: shadow content, with light-DOM children at their slots.
    const { flattened, deepest } = flattenShadowRoots(doc, clone, scan);
    const templates = removeInertTemplates(clone);
    const repaired = repairBody(clone);
    // The shadow scan measured the original's depth: a clone that still matches it (removing
    // templates only makes it shallower) needs no walk of its own when that depth is small.
    const deep = clone.body && (flattened || repaired || deepest > MAX_DEPTH) ? flattenDeepNesting(clone.body) : false;
    same = !flattened && !templates && !repaired && !deep;
  }
  checkBudget();
  const analysed = same || !clone ? doc : clone;
  const page = reuse && same && reuse.analysed === doc ? reuse.page : analysePage(analysed);
  const chrome = reuse && same && reuse.analysed === doc ? reuse.chrome : findPageChromeIn(analysed, page, options);
  onChrome?.(chrome.map(({ category, sample, reason }) => ({ category, sample, reason })));
  checkBudget();
  // The readerable test reads the page before chrome removal: the original answers it, later and
  // only if the verdict asks, when the clone still matches it; otherwise the clone answers now.
  let readerable: () => boolean;
  if (same || !clone) {
    let answer: boolean | undefined;
    readerable = () => (answer ??= isProbablyReaderable(doc));
  } else {
    const answer = isProbablyReaderable(clone);
    readerable = () => answer;
  }
  const wanted = [page.elements[page.article], page.elements[page.title]];
  const chromeEls = chrome.map((block) => block.element);
  let found: (Element | null | undefined)[];
  if (!clone) ({ copy: clone, found } = copyDocument(doc, chromeEls, wanted));
  else {
    // Found before anything is removed: positions are those of the original tree.
    found = same ? counterparts([...wanted, ...chromeEls], doc, clone) : [...wanted, ...chromeEls];
    for (const el of found.slice(2)) el?.parentNode?.removeChild(el);
  }
  const [article = null, title = null] = found;
  if (article && clone.body?.contains(article)) rejoinStrayBlocks(clone.body, article);
  // Lazy images before Readability: its image counts and noscript handling see the real images.
  // URLs are made absolute later, on the picked article only.
  resolveLazyImages(clone);
  checkBudget();
  return { clone, page, chrome, analysed, readerable, article, title };
}

/** The fields of Readability's result Clearpage reads: the page build drops the others (vite.config.ts). */
type ReadableResult = Pick<NonNullable<ReturnType<Readability<Element>['parse']>>, 'content' | 'title' | 'byline' | 'dir' | 'lang' | 'siteName' | 'excerpt'>;

function parseReadable(clone: Document, charThreshold?: number): ReadableResult | null {
  return new Readability<Element>(clone, {
    serializer: (el) => el as Element,
    // Classes are dropped by the sanitiser except code-language hints ("language-ts"), which
    // the Markdown export needs for fenced blocks: keep them through Readability.
    keepClasses: true,
    ...(charThreshold ? { charThreshold } : {}),
  }).parse();
}

function extractFromPage(
  doc: Document,
  pageUrl: string,
  options: ExtractOptions,
  checkBudget: () => void,
  docTitle: string | null,
  reportRemoved: (r: RemovedItem[]) => void,
  budgetUsed: () => number,
): ExtractResult {
  let removed: RemovedItem[] = [];
  const first = prepareClone(doc, options, checkBudget, (r) => {
    removed = r;
    reportRemoved(r);
  });
  const { clone, page, chrome, readerable } = first;
  // The page's text, read once for the date labels and the standfirst search.
  let liveText: string | undefined;
  const bodyText = (): string => (liveText ??= doc.body?.textContent ?? '');
  const meta = extractMetadata(doc, pageUrl, bodyText);
  // The standfirst search reads the page as Readability gets it. On a clone that no longer
  // matches the page it must run now (Readability consumes the clone); otherwise it runs on the
  // page itself, skipping the chrome, and only if the picked article lacks the description.
  const earlyLead = first.analysed === clone && clone.body ? findLeadParagraph(clone.body, meta.excerpt) : null;
  const pageText = textLeftAfterChrome(page, chrome.map((b) => b.element));
  const articlePath = first.article && clone.body ? pathFrom(clone.body, first.article) : null;
  const titlePath = first.title && clone.body?.contains(first.title) ? pathFrom(clone.body, first.title) : null;
  // Readability mutates its input: a copy of it lets dropped paragraphs be found afterwards. The
  // recovery passes read only the body: it alone is copied, detached (connecting every node to a
  // new document costs more than copying it), under a bare <html> (as far as closest() climbs).
  const pristine = clone.body?.cloneNode(true) as Element | undefined;
  clone.body?.parentElement?.cloneNode(false).appendChild(pristine as Element);
  let parsed = parseReadable(clone);
  checkBudget();
  // A pick that covers little of the page's text (a story split across sibling containers, a
  // recipe card or FAQ beside the intro, a thread of posts): a second pass on a fresh clone lets
  // Readability try its looser rules until the pick reaches half the page's text (it keeps the
  // longest try). Costs a second pipeline and up to four Readability passes, so it runs only
  // when the first result looks short and most of the time budget is left (huge pages skip it).
  // looksShort(0, n): whether the page has enough text for any pick to look short; most pages
  // do not, and skip measuring the pick.
  const got = parsed?.content && looksShort(0, pageText) ? nonLinkTextLength(parsed.content) : 0;
  if (parsed?.content && looksShort(got, pageText) && budgetUsed() < 0.2) {
    const again = prepareClone(doc, options, checkBudget, undefined, first);
    const retry = parseReadable(again.clone, Math.round(pageText * 0.5));
    checkBudget();
    // Taken only when it is longer AND still holds the first pick: a longer block elsewhere
    // (a huge comment thread) must not replace the story.
    if (retry?.content && nonLinkTextLength(retry.content) > got * 1.2 && keepsFirstPick(parsed.content, retry.content)) parsed = retry;
  }
  const body = parsed?.content;
  if (!parsed || !body) {
    return noArticle('not-article', notArticleMessage(doc), meta.title ?? docTitle, removed);
  }
  if (pristine) {
    restoreDroppedBlocks(body, pristine, articlePath);
    restoreStandfirst(body, pristine, titlePath);
  }

  // Only the picked article's URLs are resolved, not every link of the page (menus, teasers, footers).
  // Readability has already resolved them against the document's base URI where it has one (a
  // live page); this resolves them against the page URL where it has none (linkedom, DOMParser).
  absolutizeUrls(body, documentBaseUrl(doc, pageUrl || undefined));
  const { title, sources } = chooseMetadata(doc, meta, parsed, page.title >= 0 ? norm(page.elements[page.title]?.textContent) : null, docTitle);
  // A description's opening that the article body lacks: a standfirst Readability left out.
  const want = norm(meta.excerpt);
  if (want.length >= 50 && !norm(body.textContent).includes(want.slice(0, 50))) {
    const root = first.analysed === doc ? doc.body : null;
    const lead = root ? findLeadParagraph(root, meta.excerpt, chrome.map((b) => b.element), bodyText()) : earlyLead;
    checkBudget();
    if (lead) restoreLeadParagraph(body, lead);
  }
  // DOMPurify drops customised built-ins (<section is="x-y">) with all their content; the
  // attribute means nothing in the reader (WordPress block themes use it on the whole post).
  for (const el of body.querySelectorAll('[is]')) el.removeAttribute('is');
  removeCreditLines(body);
  trimArticleEdges(body);
  markImageCaptions(body);
  const outline = structureArticle(body, title.value);
  // Readability wraps the article in its own <div id="readability-page-1">: keep its content only.
  const inner = body.querySelector('#readability-page-1') ?? body;
  // Reduced to the article allowlist (not sanitised: the popup and every export do that).
  const safe = normalizeArticleHtml(inner.innerHTML, doc);
  const html = safe.innerHTML.trim();
  // No budget check after normalising: its first call in Node loads a DOM (seconds), not page work.
  const text = blockText(safe);

  const wordCount = countWords(text);
  const verdict = judgeArticle(doc, safe, wordCount, readerable, meta);
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
    wordCount,
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

function notArticleMessage(doc: Document): string {
  if (doc.querySelector('input[type="password"]')) return 'This page has no article: it looks like a sign-in form.';
  if (doc.querySelector('iframe') && norm(contentBody(doc)?.textContent).length < 200) {
    return 'This page has no article of its own: its content is shown in a frame from another page.';
  }
  return 'This page has no article: it looks like a list of links or a page without running text.';
}

/**
 * Says why an extracted body is not an article (home pages of link lists, search results,
 * sign-in forms, image galleries), or null when it is one. Deliberately conservative: a short
 * blog post is still an article, and saying "no article" on one loses the reader the page.
 */
function judgeArticle(original: Document, body: Element, words: number, readerable: () => boolean, meta: PageMetadata): string | null {
  const linkWords = (el: Element): number => Array.from(el.querySelectorAll('a')).reduce((n, a) => n + countWords(a.textContent ?? ''), 0);
  const imgs = body.querySelectorAll('img').length;
  if (words < 8) {
    return imgs >= 3 ? 'This page has no article: it looks like an image gallery.' : 'This page has no article: there is too little text.';
  }
  const declaredArticle = meta.sources.publishedTime === 'json-ld' || meta.sources.publishedTime === 'meta';
  // Running text in words (ideographs count one each, so CJK paragraphs are judged alike), counted
  // only as far as the tests below look: 40 words settle a declared article, 60 any page.
  const enough = declaredArticle ? 40 : 60;
  let proseWords = 0;
  for (const p of body.querySelectorAll('p, pre, blockquote, td, dd')) {
    if (p.closest('li') || p.querySelector('p')) continue;
    const w = countWords(p.textContent ?? '');
    if (w < 12) continue;
    if (linkWords(p) < w * 0.3) proseWords += w;
    if (proseWords >= enough) break;
  }
  if (declaredArticle && proseWords >= 40) return null;
  // A page that declares itself an article (a published date in JSON-LD or meta tags) and shows a
  // paragraph of running text is one even when short: paywalled stories show their first paragraph
  // above a log-in form, and photo stories carry a label per picture.
  const declaredWithProse = declaredArticle && proseWords > 0;
  // Sign-in pages: a password field and little running text.
  // (Many articles carry a sign-in box in their header, so only a page with little text counts.)
  if (!declaredWithProse && original.querySelector('input[type="password"]') && words < 150 && proseWords < 40) return 'This page has no article: it looks like a sign-in form.';
  // Galleries: many images, captions only.
  if (imgs >= 6 && proseWords < 30 && words / imgs < 15 && !(declaredArticle && words >= 30)) return 'This page has no article: it looks like an image gallery.';
  // Home pages and search results: mostly links, little running text.
  if (proseWords >= 60) return null;
  const density = linkWords(body) / words;
  if (density > 0.5 || (proseWords < 25 && density > 0.3 && !readerable())) {
    return 'This page has no article: it looks like a list of links (a home page or search results).';
  }
  return null;
}
