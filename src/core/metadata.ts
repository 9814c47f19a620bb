/**
 * Article metadata from a document, most trusted source first: JSON-LD, then
 * OpenGraph and other meta tags, then <time> elements, then visible text such as
 * "Published : 23 March 2024, 04:04 AM". Read-only: never mutates the document.
 */
import type { Article, MetadataField, MetadataSource } from './types';
import { absoluteUrl } from './urls';
import { norm } from './block-text';

/** The metadata fields of an Article, read from the page (the title may still be missing here). */
export type PageMetadata = Pick<
  Article,
  'byline' | 'siteName' | 'publishedTime' | 'modifiedTime' | 'lang' | 'dir' | 'excerpt' | 'image' | 'sources'
> & { title: string | null };

type Json = unknown;
type JsonObject = Record<string, Json>;

const ARTICLE_TYPES = /^(Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|AskPublicNewsArticle|SatiricalArticle|BlogPosting|LiveBlogPosting|SocialMediaPosting|DiscussionForumPosting|TechArticle|ScholarlyArticle|MedicalScholarlyArticle|Report|APIReference|Review|Recipe|HowTo)$/;
const RTL_LANGS = /^(ar|he|iw|fa|ur|ps|sd|ug|yi|dv|ckb|syr|arc)(-|_|$)/i;
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function clean(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  const t = norm(s);
  return t ? decodeEntities(t) : null;
}

// A numeric reference to no character (&#x0;, a surrogate, beyond U+10FFFF: hostile or broken
// pages) becomes U+FFFD as in HTML, instead of throwing from String.fromCodePoint.
function codePoint(n: number): string {
  return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : '\uFFFD';
}

// JSON-LD and meta values are sometimes double-escaped by CMSs ("Tom &amp; Jerry").
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, n: string) => codePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => codePoint(parseInt(n, 16)))
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

function asArray(v: Json): Json[] {
  return Array.isArray(v) ? v : v == null ? [] : [v];
}

function isObject(v: Json): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typesOf(o: JsonObject): string[] {
  return asArray(o['@type']).filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/#]/, ''));
}

/** Parses every JSON-LD block and returns all objects found (flattening @graph and arrays). */
function jsonLdObjects(doc: Document): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (v: Json, depth: number): void => {
    if (depth > 4) return;
    for (const item of asArray(v)) {
      if (!isObject(item)) continue;
      out.push(item);
      if (item['@graph']) visit(item['@graph'], depth + 1);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    const raw = (script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '').trim();
    if (!raw) continue;
    try {
      visit(JSON.parse(raw), 0);
    } catch {
      // Broken JSON-LD is common (trailing commas, raw newlines); a lenient retry.
      try {
        visit(JSON.parse(raw.replace(/[\r\n\t]+/g, ' ').replace(/,\s*([}\]])/g, '$1')), 0);
      } catch {
        /* ignore unparsable block */
      }
    }
  }
  return out;
}

function names(v: Json, byId: Map<string, JsonObject>): string[] {
  const out: string[] = [];
  for (let item of asArray(v)) {
    if (isObject(item) && typeof item['@id'] === 'string' && !item['name'] && byId.has(item['@id'])) {
      item = byId.get(item['@id']) as JsonObject;
    }
    if (typeof item === 'string') {
      const n = clean(item);
      if (n && !/^https?:\/\//.test(n)) out.push(n);
    } else if (isObject(item)) {
      const n = clean(item['name']) ?? clean([item['givenName'], item['familyName']].filter(Boolean).join(' '));
      if (n) out.push(n);
    }
  }
  return out;
}

function imageUrl(v: Json, byId: Map<string, JsonObject>): string | null {
  for (let item of asArray(v)) {
    // Yoast-style @graph pages give the image as {"@id": "…#primaryimage"}: follow the reference.
    if (isObject(item) && typeof item['@id'] === 'string' && !item['url'] && !item['contentUrl'] && byId.has(item['@id'])) {
      item = byId.get(item['@id']) as JsonObject;
    }
    if (typeof item === 'string' && item.trim()) return item.trim();
    if (isObject(item)) {
      const u = item['url'] ?? item['contentUrl'];
      if (typeof u === 'string' && u.trim()) return u.trim();
    }
  }
  return null;
}

/** Each meta key (property, name or itemprop, lower-cased) with the first non-empty content given for it. */
function metaIndex(doc: Document): Map<string, string> {
  const index = new Map<string, string>();
  // One pass over the meta tags, not one per field: a page can carry hundreds of them.
  for (const m of doc.querySelectorAll('meta[content]')) {
    const k = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').trim().toLowerCase();
    // RDFa allows several properties in one attribute (property="dc:description og:description").
    const keys = k.includes(' ') ? k.split(/\s+/) : [k];
    if (keys.every((key) => index.has(key))) continue;
    const v = clean(m.getAttribute('content'));
    if (!v) continue;
    for (const key of keys) if (!index.has(key)) index.set(key, v);
  }
  return index;
}

function metaContent(metas: Map<string, string>, keys: string[]): string | null {
  for (const key of keys) {
    const v = metas.get(key);
    if (v) return v;
  }
  return null;
}

/**
 * A site name from application-name and the like, without a slogan: portals often write
 * "Yahoo News - Latest News & Headlines" there, where og:site_name would say "Yahoo News".
 */
function appName(v: string | null): string | null {
  if (!v) return null;
  const m = /^(.+?) [-|–—] /.exec(v);
  const brand = m?.[1]?.trim();
  return brand && brand.split(/\s+/).length <= 4 && /\p{L}/u.test(brand) ? brand : v;
}

/** A +HH:MM / -HH:MM / Z offset from an ISO-like date string, or null. */
function offsetOf(s: string | null): string | null {
  if (!s) return null;
  const m = /T\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/i.exec(s.trim());
  if (!m || !m[1]) return null;
  if (/^z$/i.test(m[1])) return '+00:00';
  return m[1].length === 5 ? `${m[1].slice(0, 3)}:${m[1].slice(3)}` : m[1];
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Parses a human date such as "23 March 2024, 04:04 AM", "March 23, 2024 4:04 pm" or
 * "2024-03-23 04:04" into ISO 8601, adding `offset` when given. Returns null when not a date.
 */
export function parseVisibleDate(text: string, offset: string | null): string | null {
  const t = text.replace(/\s+/g, ' ');
  let y: number;
  let mo: number;
  let d: number;
  let rest: string;
  let m = /\b(\d{1,2})(?:st|nd|rd|th)?\.? ([A-Za-z]{3,9})\.?,? (\d{4})\b(.*)$/.exec(t);
  if (m && MONTHS[(m[2] ?? '').slice(0, 3).toLowerCase()] && (m[2] ?? '').length >= 3) {
    d = Number(m[1]);
    mo = MONTHS[(m[2] ?? '').slice(0, 3).toLowerCase()] ?? 0;
    y = Number(m[3]);
    rest = m[4] ?? '';
  } else if ((m = /\b([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b(.*)$/.exec(t)) && MONTHS[(m[1] ?? '').slice(0, 3).toLowerCase()]) {
    mo = MONTHS[(m[1] ?? '').slice(0, 3).toLowerCase()] ?? 0;
    d = Number(m[2]);
    y = Number(m[3]);
    rest = m[4] ?? '';
  } else if ((m = /\b(\d{4})-(\d{2})-(\d{2})\b(.*)$/.exec(t))) {
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
    rest = m[4] ?? '';
  } else {
    return null;
  }
  if (!(y > 1900 && y < 2200 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return null;
  const tm = /^[,\sT|at-]*(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?/.exec(rest);
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  if (!tm) return date;
  let h = Number(tm[1]);
  const min = Number(tm[2]);
  const sec = Number(tm[3] ?? 0);
  const ampm = tm[4]?.toLowerCase().replace(/\./g, '');
  if (ampm === 'pm' && h < 12) h += 12;
  if (ampm === 'am' && h === 12) h = 0;
  if (h > 23 || min > 59 || sec > 59) return date;
  return `${date}T${pad(h)}:${pad(min)}:${pad(sec)}${offset ?? ''}`;
}

// A zone in a date string Date.parse understands: a name (GMT, UTC, EST…) or an offset after the time.
const STATES_ZONE = /\b(GMT|UTC|UT|Z|[ECMP][SD]T)\b|\d:\d\d(:\d\d)?(\.\d+)?\s*([AP]M\s*)?[+-]\d\d:?\d\d\b/i;

/** Normalises a machine date (ISO-ish) to ISO 8601, keeping its own offset; null if unparsable. */
export function normaliseIsoDate(s: string | null): string | null {
  if (!s) return null;
  const t = s.trim();
  // Already ISO 8601 in the extended form: keep the page's own spelling (precision, "Z").
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/.test(t)) return t;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(t);
  if (m) {
    const date = `${m[1]}-${m[2]}-${m[3]}`;
    if (!m[4]) return date;
    const off = m[7] ? (offsetOf(`T00:00${m[7]}`) ?? '') : '';
    return `${date}T${pad(Number(m[4]))}:${m[5]}:${m[6] ?? '00'}${off}`;
  }
  // Numeric dates in CMS meta tags: "10.12.2022, 07:00:03" is day-first wherever dots are used
  // (German, Czech, Russian sites); with slashes, day-first only when the first number cannot be a
  // month ("29/05/2007"), else the US order ("05/29/2007"). No zone is stated, so none is added.
  const n = /^(\d{1,2})([./])(\d{1,2})\2(\d{4})(?:[,\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$/.exec(t);
  if (n) {
    const [a, b] = [Number(n[1]), Number(n[3])];
    const dayFirst = n[2] === '.' || a > 12;
    const [day, month] = dayFirst ? [a, b] : [b, a];
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    const date = `${n[4]}-${pad(month)}-${pad(day)}`;
    return n[5] ? `${date}T${pad(Number(n[5]))}:${n[6]}:${n[7] ?? '00'}` : date;
  }
  // RFC 2822 and other formats Date understands; rendered in UTC since the offset is lost.
  const ms = Date.parse(t);
  if (!Number.isNaN(ms) && /\d{4}/.test(t)) {
    // A date with no zone ("05/29/2007 09:49:00" in a CMS's publishdate meta) is read by Date.parse
    // as local time: keep it a local time too, rather than invent a UTC offset the page never gave.
    if (!STATES_ZONE.test(t)) {
      const d = new Date(ms);
      const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
      return /\d:\d\d/.test(t) ? `${day}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` : day;
    }
    // RFC 2822 with a numeric zone ("Tue, 29 May 2007 09:49:00 +0200"): keep the page's own offset.
    const z = /([+-])(\d\d):?(\d\d)\s*$/.exec(t);
    if (z) {
      const minutes = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3]));
      const local = new Date(ms + minutes * 60000);
      return `${local.toISOString().slice(0, 19)}${z[1]}${z[2]}:${z[3]}`;
    }
    return new Date(ms).toISOString().replace('.000Z', 'Z');
  }
  return parseVisibleDate(t, null);
}

const PUBLISHED_LABEL = /^\s*(published|posted|first published|publish(ed)? (on|at|date)|date published|veröffentlicht|publié|publicado)\b\s*(on|at)?\s*[:：-]?\s*/i;
const UPDATED_LABEL = /^\s*(updated|last updated|modified|last modified|aktualisiert|mis à jour|actualizado)\b\s*(on|at)?\s*[:：-]?\s*/i;
// A word every match of the label above holds (same flags, so the same letters match).
const PUBLISHED_WORD = /publish|posted|veröffentlicht|publié|publicado/i;
const UPDATED_WORD = /updated|modified|aktualisiert|mis à jour|actualizado/i;
const ANY_LABEL_WORD = new RegExp(`${PUBLISHED_WORD.source}|${UPDATED_WORD.source}`, 'i');

/**
 * Finds "Published : …" / "Updated : …" lines in short text elements; `want` says which are still
 * needed (the walk stops once those are found, and is skipped when neither is).
 */
function visibleDates(
  doc: Document,
  offset: string | null,
  want: { published: boolean; modified: boolean },
  bodyText: () => string,
): { published: string | null; modified: string | null } {
  let published: string | null = null;
  let modified: string | null = null;
  const body = doc.body;
  if (!body || !(want.published || want.modified)) return { published, modified };
  // A label lies inside one text node, so it is in the body's text too: one native read of that
  // text spares the walk over every node on the many pages that print no such label at all.
  const words = want.published ? (want.modified ? ANY_LABEL_WORD : PUBLISHED_WORD) : UPDATED_WORD;
  if (!words.test(bodyText())) return { published, modified };
  const stack: Element[] = [body];
  const kids: Element[] = [];
  let visited = 0;
  while (stack.length && visited < 20000 && !((published || !want.published) && (modified || !want.modified))) {
    const el = stack.pop() as Element;
    visited++;
    const tag = el.tagName;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE' || tag === 'SVG') continue;
    // One pass over the children: text nodes are checked, elements are queued in document order.
    kids.length = 0;
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 1) {
        kids.push(node as Element);
        continue;
      }
      if (node.nodeType !== 3) continue;
      const raw = (node as Text).data;
      if (raw.length > 200 || !/[a-zé]/i.test(raw)) continue;
      const isPub = want.published && PUBLISHED_LABEL.test(raw);
      const isUpd = !isPub && want.modified && UPDATED_LABEL.test(raw);
      if (!isPub && !isUpd) continue;
      // The date may sit in a sibling element ("<b>Published:</b> <time>…</time>").
      const ctx = (el.textContent ?? '').length < 200 ? (el.textContent ?? '') : raw;
      const afterLabel = ctx.replace(isPub ? PUBLISHED_LABEL : UPDATED_LABEL, '');
      const parsed = parseVisibleDate(afterLabel.slice(0, 80), offset);
      if (!parsed) continue;
      if (isPub && !published) published = parsed;
      if (isUpd && !modified) modified = parsed;
    }
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Element);
  }
  return { published, modified };
}

/**
 * The <time datetime> elements most likely to hold the publication time and the last update: one
 * marked as published (itemprop=datePublished, pubdate, a "published" class) else the first in an
 * <article>, else the first on the page; never one marked or labelled as the update.
 */
function dateTimeElements(doc: Document): { published: Element | null; updated: Element | null } {
  const times = Array.from(doc.querySelectorAll('time[datetime]'));
  if (!times.length) return { published: null, updated: null };
  // WordPress themes write class="entry-date published updated" on the one post date: it is the published one.
  const isPublished = (t: Element): boolean =>
    /^datepublished$/i.test(t.getAttribute('itemprop') ?? '') || t.hasAttribute('pubdate') || /\bpublished\b/i.test(t.getAttribute('class') ?? '');
  // How-to and news CMSs print only "Last updated <time>" on revised pages: that is not when it was published.
  const isUpdate = (t: Element): boolean => {
    if (isPublished(t)) return false;
    const hints = `${t.getAttribute('itemprop') ?? ''} ${t.getAttribute('class') ?? ''}`;
    if (/date-?modified|updated|modified/i.test(hints)) return true;
    const before = t.previousSibling?.nodeType === 3 ? (t.previousSibling.textContent ?? '') : '';
    if (UPDATED_LABEL.test(t.textContent ?? '') || /(updated|modified)\s*(on|at)?\s*[:：-]?\s*$/i.test(before)) return true;
    // "<span>Updated: <b>…</b> <time>…</time></span>": a short line that starts with the label.
    const parent = t.parentElement;
    if (!parent || parent.childNodes.length > 8) return false;
    const parentText = parent.textContent ?? '';
    return parentText.length < 200 && UPDATED_LABEL.test(parentText);
  };
  const updates = new Set(times.filter(isUpdate));
  const candidates = times.filter((t) => !updates.has(t));
  const published = times.find(isPublished) ?? candidates.find((t) => t.closest('article')) ?? candidates[0] ?? null;
  return { published, updated: times.find((t) => updates.has(t)) ?? null };
}

const BYLINE_HINT = /byline|author|dateline|writtenby|p-author/i;

/**
 * The first visible byline element in document order (rel=author, itemprop=author, or a
 * byline/author class), as Readability finds it, preferring an itemprop=name inside it.
 */
export function contentByline(doc: Document): string | null {
  const body = doc.body;
  if (!body) return null;
  const own = bylineOf(body, body);
  if (own !== undefined) return own;
  // The selector finds every element the byline test could accept (and a few more, which the
  // test then drops), natively and in document order: no script-side walk over the whole page.
  // The first match is most often the byline, and finding it alone stops early in the page.
  const first = body.querySelector(BYLINE_CANDIDATES);
  if (!first) return null;
  const found = bylineOf(first, body);
  if (found !== undefined) return found;
  const all = body.querySelectorAll(BYLINE_CANDIDATES);
  for (let k = 1; k < all.length; k++) {
    const next = bylineOf(all[k] as Element, body);
    if (next !== undefined) return next;
  }
  return null;
}

/** The byline `el` gives when it passes the byline test (null when it holds only spaces), else undefined. */
function bylineOf(el: Element, body: Element): string | null | undefined {
  const itemprop = el.getAttribute('itemprop') ?? '';
  const match = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (!(el.getAttribute('rel') === 'author' || itemprop.includes('author') || BYLINE_HINT.test(match))) return undefined;
  if (!shownInBody(el, body)) return undefined;
  const len = (el.textContent ?? '').trim().length;
  if (!(len > 0 && len < 100)) return undefined;
  const name = Array.from(el.querySelectorAll('[itemprop]')).find((n) => (n.getAttribute('itemprop') ?? '').includes('name'));
  return ((name ?? el).textContent ?? '').trim() || null;
}

// Every element whose rel, itemprop, class or id can pass the byline test above (BYLINE_HINT's words).
const BYLINE_CANDIDATES = [
  '[rel="author" i]',
  '[itemprop*="author" i]',
  ...['byline', 'author', 'dateline', 'writtenby'].flatMap((w) => [`[class*="${w}" i]`, `[id*="${w}" i]`]),
].join(', ');

/** False when `el` or an element around it up to `body` is hidden, a script-like element or a modal dialog. */
function shownInBody(el: Element, body: Element): boolean {
  for (let e: Element | null = el; e; e = e === body ? null : e.parentElement) {
    const tag = e.tagName;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') return false;
    if (e.hasAttribute('hidden') || e.getAttribute('aria-hidden') === 'true' || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(e.getAttribute('style') ?? '')) return false;
    if (e.getAttribute('aria-modal') === 'true' && e.getAttribute('role') === 'dialog') return false;
  }
  return true;
}

/**
 * An attribute of a second <body> tag. Pages with stray markup before <head> (a <div> ahead of it)
 * make an HTML parser open the body early; browsers then merge the real <body lang dir>'s
 * attributes into it, but linkedom (the CLI) keeps a second <body> element holding them.
 */
function strayBodyAttribute(doc: Document, name: 'lang' | 'dir'): string | null {
  return doc.querySelector(`body body[${name}], html > body ~ body[${name}]`)?.getAttribute(name) ?? null;
}

function langFrom(doc: Document): { lang: string | null; source: MetadataSource | null } {
  const htmlLang = clean(doc.documentElement?.getAttribute('lang') ?? doc.documentElement?.getAttribute('xml:lang'));
  if (htmlLang) return { lang: htmlLang, source: 'document' };
  const httpEquiv = Array.from(doc.querySelectorAll('meta[http-equiv]')).find(
    (m) => (m.getAttribute('http-equiv') ?? '').toLowerCase() === 'content-language',
  );
  const cl = clean(httpEquiv?.getAttribute('content'))?.split(',')[0]?.trim();
  if (cl) return { lang: cl, source: 'meta' };
  const bodyLang = clean(doc.body?.getAttribute('lang') ?? strayBodyAttribute(doc, 'lang'));
  if (bodyLang) return { lang: bodyLang, source: 'document' };
  return { lang: null, source: null };
}

/**
 * Reads title, byline, site name, dates, language, direction, excerpt and lead image from a document.
 * `bodyText` gives the body's textContent, for a caller that reads it too (it is read once then).
 */
export function extractMetadata(doc: Document, url?: string, bodyText = (): string => doc.body?.textContent ?? ''): PageMetadata {
  const sources: PageMetadata['sources'] = {};
  const metas = metaIndex(doc);
  const objects = jsonLdObjects(doc);
  const byId = new Map<string, JsonObject>();
  for (const o of objects) if (typeof o['@id'] === 'string') byId.set(o['@id'], o);
  const article =
    objects.find((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t))) ??
    objects.find((o) => typesOf(o).some((t) => /^(WebPage|ItemPage)$/.test(t)) && (o['datePublished'] || o['author']));
  const webPage = objects.find((o) => typesOf(o).some((t) => /WebPage$/.test(t)));
  const webSite = objects.find((o) => typesOf(o).includes('WebSite'));

  const pick = <T>(field: MetadataField, candidates: [T | null | undefined, MetadataSource][]): T | null => {
    for (const [v, src] of candidates) {
      if (v != null && v !== '') {
        sources[field] = src;
        return v;
      }
    }
    return null;
  };

  const ldTitle = article ? (clean(article['headline']) ?? clean(article['name'])) : null;
  const title = pick('title', [
    [ldTitle, 'json-ld'],
    [metaContent(metas, ['og:title', 'twitter:title', 'dc.title', 'dcterm:title', 'parsely-title', 'sailthru.title']), 'meta'],
    [clean(doc.querySelector('title')?.textContent), 'document'],
  ]);

  const ldAuthors = article ? names(article['author'] ?? article['creator'], byId) : [];
  // article:author is meant to be a profile URL, but many CMSs (often on non-English sites) put the name there.
  const metaAuthor = [
    metaContent(metas, ['author', 'article:author_name', 'dc.creator', 'dcterm:creator', 'parsely-author', 'sailthru.author', 'byl', 'twitter:creator']),
    metaContent(metas, ['article:author']),
  ].find((v) => v && !/^(https?:|@)/.test(v));
  const byline = pick('byline', [
    [ldAuthors.length ? ldAuthors.join(', ') : null, 'json-ld'],
    [metaAuthor ?? null, 'meta'],
  ]);

  const ldPublisher = article ? names(article['publisher'], byId)[0] : undefined;
  const siteName = pick('siteName', [
    [ldPublisher ?? (webSite ? clean(webSite['name']) : null), 'json-ld'],
    [metaContent(metas, ['og:site_name']) ?? appName(metaContent(metas, ['application-name', 'apple-mobile-web-app-title', 'twitter:site:name'])), 'meta'],
  ]);

  const ldPublished = article ? clean(article['datePublished']) : null;
  // dateCreated can be when a draft was started (wiki and CMS pages); a meta published time beats it.
  const ldCreated = article ? clean(article['dateCreated']) : null;
  const ldModified = article ? clean(article['dateModified']) : null;
  const metaPublished = metaContent(metas, [
    'article:published_time', 'og:published_time', 'datepublished', 'publishdate', 'publish-date', 'pubdate',
    'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dc.date', 'dcterms.created', 'date', 'article.published',
  ]);
  const metaModified = metaContent(metas, ['article:modified_time', 'og:updated_time', 'datemodified', 'last-modified', 'dcterms.modified']);
  // The page's own offset, used to complete visible-text dates that state none.
  const offset = offsetOf(ldPublished) ?? offsetOf(ldCreated) ?? offsetOf(ldModified) ?? offsetOf(metaPublished) ?? offsetOf(metaModified);
  const timeEls = dateTimeElements(doc);
  const timeEl = timeEls.published;
  const timeUpdated = normaliseIsoDate(timeEls.updated?.getAttribute('datetime') ?? null);
  const itempropPublished = doc.querySelector('[itemprop="datePublished" i]');
  const itempropValue = itempropPublished?.getAttribute('content') ?? itempropPublished?.getAttribute('datetime') ?? null;
  // The visible-text walk is the last resort for each date: only run it for the ones still missing.
  const visible = visibleDates(doc, offset, {
    published: !(normaliseIsoDate(ldPublished) ?? normaliseIsoDate(metaPublished) ?? normaliseIsoDate(itempropValue) ?? normaliseIsoDate(ldCreated) ?? normaliseIsoDate(timeEl?.getAttribute('datetime') ?? null)),
    modified: !(normaliseIsoDate(ldModified) ?? normaliseIsoDate(metaModified) ?? timeUpdated),
  }, bodyText);

  const publishedTime = pick('publishedTime', [
    [normaliseIsoDate(ldPublished), 'json-ld'],
    [normaliseIsoDate(metaPublished) ?? normaliseIsoDate(itempropValue), 'meta'],
    [normaliseIsoDate(ldCreated), 'json-ld'],
    [normaliseIsoDate(timeEl?.getAttribute('datetime') ?? null), 'time'],
    [visible.published, 'text'],
  ]);
  const modifiedTime = pick('modifiedTime', [
    [normaliseIsoDate(ldModified), 'json-ld'],
    [normaliseIsoDate(metaModified), 'meta'],
    [timeUpdated, 'time'],
    [visible.modified, 'text'],
  ]);

  const docLang = langFrom(doc);
  const ldLang = clean(article?.['inLanguage']) ?? clean(webPage?.['inLanguage']);
  const lang = pick('lang', [
    [docLang.source === 'document' ? docLang.lang : null, 'document'],
    [docLang.source === 'meta' ? docLang.lang : null, 'meta'],
    [ldLang, 'json-ld'],
    [metaContent(metas, ['og:locale'])?.replace('_', '-'), 'meta'],
  ]);

  const dirAttr = (doc.documentElement?.getAttribute('dir') ?? doc.body?.getAttribute('dir') ?? strayBodyAttribute(doc, 'dir') ?? '').toLowerCase();
  const dir = pick<'ltr' | 'rtl'>('dir', [
    [dirAttr === 'rtl' || dirAttr === 'ltr' ? dirAttr : null, 'document'],
    [lang && RTL_LANGS.test(lang) ? 'rtl' : null, 'document'],
  ]);

  const excerpt = pick('excerpt', [
    [article ? clean(article['description']) : null, 'json-ld'],
    [metaContent(metas, ['og:description', 'description', 'twitter:description', 'dc.description']), 'meta'],
  ]);

  const rawImage =
    (article ? imageUrl(article['image'] ?? article['thumbnailUrl'], byId) : null) ??
    metaContent(metas, ['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src']);
  // Only a web address may become the lead image: hostile pages put javascript:/data: URLs in JSON-LD.
  const absImage = rawImage ? absoluteUrl(rawImage, url) : null;
  const image = absImage && /^https?:\/\//i.test(absImage) ? absImage : null;

  return { title, byline, siteName, publishedTime, modifiedTime, lang, dir, excerpt, image, sources };
}

/** The metadata part of Readability's parse result, as chooseMetadata reads it. */
export interface ReadabilityMetadata {
  title?: string | null;
  byline?: string | null;
  dir?: string | null;
  lang?: string | null;
  siteName?: string | null;
  excerpt?: string | null;
}

/** A metadata value with the source credited for it. */
export interface Chosen<T> {
  value: T | null;
  source: MetadataSource | null;
}

// Bylines that are really dates or buttons ("Follow Author", "Updated April 29, 2019"). Letters are
// Unicode-aware: CJK, Arabic or Cyrillic names (陈晓雯) have no ASCII word characters at all.
const IMPLAUSIBLE_BYLINE = /^(follow|share|subscribe|sign in|log in|menu|(last )?updated|published|posted)\b|^[^\p{L}\p{N}]*$|^(by|von|par|por|di|door)\s*[:.]?$|\b(19|20)\d\d\b.*\d{1,2}:\d{2}/iu;
const MONTH_WORD = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
// Where a date starts in a byline box that also holds the date line ("By Jane Doe March 25, 2015",
// "by Lucas Nolan22 Dec 2016"): a month-first date, a day-first date or an ISO date.
const TRAILING_DATE = new RegExp(
  `(?:\\s*[|•·,–—-]\\s*|\\s+|(?<=\\p{L}))(?:(?:updated|published|posted)\\b.*|(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?(?:${MONTH_WORD}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+${MONTH_WORD},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}).*)$`,
  'isu',
);

/** A byline without the date that shares its box, or null when nothing plausible is left. */
export function cleanByline(b: string | null): string | null {
  if (!b || /^\s*(last )?(updated|published|posted)\b/i.test(b)) return null;
  const cut = b.replace(TRAILING_DATE, '').trim();
  return cut.length <= 100 && !IMPLAUSIBLE_BYLINE.test(cut) ? cut : null;
}

// Titles joined to the site name with a spaced en or em dash ("Post title – Site", WordPress's
// default separator). Readability 0.6 cuts only at | - \ / > », so these need our own cut.
const DASH_SEPARATOR = / [–—] /;

/**
 * The document title without its site-name part, for titles joined with an en or em dash: cut
 * at the last separator, unless that leaves four words or fewer (then the whole title stays).
 */
export function titleWithoutSite(docTitle: string): string {
  const t = norm(docTitle);
  const seps = Array.from(t.matchAll(/ [|\-–—\\/>»] /g));
  const last = seps[seps.length - 1];
  if (!DASH_SEPARATOR.test(t) || last?.index === undefined) return t;
  const cut = t.slice(0, last.index).trim();
  // A short first part may be a topic, not a site ("Autofinanzierung – Autokredit oder Leasing?"):
  // unlike Readability's "Site | Title" rule, nothing is dropped from the front.
  return cut.split(/\s+/).length <= 4 ? t : cut;
}

/**
 * Chooses each field from our page reading and Readability's. Readability already reads JSON-LD,
 * then meta tags (Dublin Core, OpenGraph, author, description), then the page; where it has a value
 * we keep it and credit the source we found the same value in. Our own reader fills the gaps (more
 * date formats, visible text, <time>, @graph references, content-language).
 */
export function chooseMetadata(original: Document, meta: PageMetadata, parsed: ReadabilityMetadata, heading: string | null, docTitle: string | null) {
  const choose = <T extends string>(field: keyof PageMetadata['sources'], ours: T | null, theirs: T | null | undefined): Chosen<T> => {
    if (theirs != null && theirs !== '') {
      const same = ours != null && norm(ours).toLowerCase() === norm(theirs).toLowerCase();
      return { value: theirs, source: same ? (meta.sources[field] ?? 'readability') : 'readability' };
    }
    if (ours != null && ours !== '') return { value: ours, source: meta.sources[field] ?? null };
    return { value: null, source: null };
  };
  // Readability's strings are kept as the page wrote them (trimmed only), whitespace included.
  const raw = (v: string | null | undefined): string | null => (v ?? '').trim() || null;
  let title = choose('title', meta.title, raw(parsed.title));
  // No metadata title (no og:title, JSON-LD headline…): both readers fell back on <title>.
  if (meta.sources.title === 'document' && meta.title && DASH_SEPARATOR.test(meta.title)) {
    title = { value: titleWithoutSite(meta.title), source: 'document' };
  }
  if (!title.value && heading) title = { value: heading, source: 'document' };
  if (!title.value && docTitle) title = { value: docTitle, source: 'document' };
  const plausible = cleanByline;
  // Readability finds bylines in the page before it scores; ours ran on a clone without chrome,
  // so look in the original page too.
  const pageByline = meta.byline ? null : plausible(contentByline(original));
  const theirByline = plausible(raw(parsed.byline));
  const dir = parsed.dir === 'rtl' || parsed.dir === 'ltr' ? parsed.dir : null;
  return {
    title,
    sources: {
      byline: pageByline ? ({ value: pageByline, source: 'document' } as Chosen<string>) : choose('byline', meta.byline, theirByline),
      siteName: choose('siteName', meta.siteName, raw(parsed.siteName)),
      lang: choose('lang', meta.lang, raw(parsed.lang)),
      dir: choose<'ltr' | 'rtl'>('dir', meta.dir, dir),
      excerpt: choose('excerpt', meta.excerpt, raw(parsed.excerpt)),
    },
  };
}
