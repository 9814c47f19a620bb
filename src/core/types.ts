/**
 * The data contract of Clearpage's core. Everything the extension, the CLI, the
 * benchmark and the tests exchange about an article is one of these types.
 */

/** The kinds of page chrome Clearpage recognises, hides in place and reports. */
export type ChromeCategory =
  | 'related' // "Related stories", "You may also like", recommendation widgets
  | 'more-from' // "Opinion", "Most read", "More from this author", other story lists
  | 'language' // language toggles and edition switchers (hreflang links, "বাংলা")
  | 'navigation' // menus, breadcrumbs, pagination between sections, skip links
  | 'share' // share bars, social buttons, "follow us"
  | 'ad' // advertising slots, sponsored blocks
  | 'consent' // cookie / privacy banners and overlays
  | 'newsletter' // sign-up boxes, paywall prompts
  | 'comments' // comment sections and their prompts
  | 'header-footer'; // masthead, date bar, site footer

export const CHROME_CATEGORIES: readonly ChromeCategory[] = [
  'related',
  'more-from',
  'language',
  'navigation',
  'share',
  'ad',
  'consent',
  'newsletter',
  'comments',
  'header-footer',
];

/** One block of page chrome found on a document: the live element, so it can be hidden in place. */
export interface ChromeBlock {
  element: Element;
  category: ChromeCategory;
  /** A short sample of the block's visible text (at most ~80 characters), for the "removed" tray. */
  sample: string;
  /** Why it was judged chrome, for debugging and reports ("heading 'Related stories'", "link density 0.92"). */
  reason: string;
}

/** A serialisable record of a removed chrome block (no element), as reported in an Article. */
export interface RemovedItem {
  category: ChromeCategory;
  sample: string;
  reason: string;
}

/** Where a metadata value was found, most trusted first. */
export type MetadataSource =
  | 'json-ld'
  | 'meta'
  | 'time'
  | 'text'
  | 'readability'
  | 'document'
  | 'url';

export type MetadataField =
  | 'title'
  | 'byline'
  | 'siteName'
  | 'publishedTime'
  | 'modifiedTime'
  | 'lang'
  | 'dir'
  | 'excerpt';

/** A heading of the article body, in document order. */
export interface OutlineItem {
  /** 2..6: the article title is level 1 and is not part of the outline. */
  level: number;
  text: string;
  /** The `id` attribute the heading carries in `Article.html`, for jump links. */
  id: string;
}

/** A clean article (its HTML reduced to the article allowlist; untrusted until sanitised, see `html`). */
export interface Article {
  /** The page's URL (absolute), or '' when unknown. */
  url: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  /** ISO 8601, with the page's own offset where it states one (e.g. 2024-03-23T04:04:00+06:00). */
  publishedTime: string | null;
  modifiedTime: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  /**
   * Article body HTML reduced to the article allowlist (core/normalize-html.ts; headings carry ids
   * matching `outline`). Not sanitised: it comes from the page, so whatever shows it or writes it
   * out passes it through core/sanitize.ts (DOMPurify) first, as the popup and every export do.
   */
  html: string;
  /** The body as plain text: blocks separated by blank lines, no title or metadata header. */
  text: string;
  outline: OutlineItem[];
  wordCount: number;
  readingTimeMinutes: number;
  /** Page chrome found and left out of the article. */
  removed: RemovedItem[];
  /** For each metadata field that has a value, where it came from. */
  sources: Partial<Record<MetadataField, MetadataSource>>;
  /** The lead image URL (absolute), if any. */
  image: string | null;
}

export type NoArticleReason =
  | 'empty' // no body or no text at all
  | 'not-html' // a frameset, an image, a PDF viewer, a non-HTML document
  | 'not-article' // content exists but is not an article (home page, search results, login form)
  | 'timeout'; // extraction went past its time budget and gave up

export interface NoArticle {
  reason: NoArticleReason;
  /** A sentence a person can read ("This page has no article: it looks like a list of links."). */
  message: string;
  /** The page's title, when it has one. */
  title: string | null;
  /** Chrome still found on the page (the popup offers to strip it anyway). */
  removed: RemovedItem[];
}

export type ExtractResult =
  | { kind: 'article'; article: Article }
  | { kind: 'no-article'; noArticle: NoArticle };

export interface ExtractOptions {
  /** Give up (reason 'timeout') after about this many milliseconds. Default 3000. */
  timeBudgetMs?: number;
  /** Extra selectors to treat as chrome (per-site rules from the user). */
  extraChromeSelectors?: string[];
  /** Selectors the user asked to keep even if detected as chrome. */
  keepSelectors?: string[];
}
