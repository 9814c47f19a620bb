/** JSON export of an Article, with a key order that does not depend on how the object was built. */
import { sanitizeArticleHtml } from './sanitize';
import type { Article, MetadataField } from './types';

const ARTICLE_KEYS: (keyof Article)[] = [
  'url', 'title', 'byline', 'siteName', 'publishedTime', 'modifiedTime', 'lang', 'dir', 'excerpt',
  'image', 'wordCount', 'readingTimeMinutes', 'outline', 'text', 'html', 'removed', 'sources',
];

const SOURCE_KEYS: MetadataField[] = ['title', 'byline', 'siteName', 'publishedTime', 'modifiedTime', 'lang', 'dir', 'excerpt'];

function ordered<T extends object>(value: T, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const rec = value as Record<string, unknown>;
  for (const key of keys) if (key in rec && rec[key] !== undefined) out[key] = rec[key];
  // Fields added to the contract later follow, alphabetically.
  for (const key of Object.keys(rec).sort()) if (!(key in out) && rec[key] !== undefined) out[key] = rec[key];
  return out;
}

/** Returns the article as a plain object with a stable key order and sanitised HTML (for JSON and JSON Lines). */
export function articleToRecord(article: Article, doc?: Document | null): Record<string, unknown> {
  const record = ordered(article, ARTICLE_KEYS);
  // The HTML leaves in a file that anything may render: sanitised here, like every export.
  if (typeof article.html === 'string') record.html = sanitizeArticleHtml(article.html, doc);
  // URLs from page metadata are untrusted: only web addresses leave in an export.
  if (typeof record.url === 'string' && record.url !== '' && !/^https?:\/\//i.test(record.url)) record.url = '';
  if (typeof record.image === 'string' && !/^https?:\/\//i.test(record.image)) record.image = null;
  record.outline = article.outline.map((item) => ordered(item, ['level', 'text', 'id']));
  record.removed = article.removed.map((item) => ordered(item, ['category', 'sample', 'reason']));
  record.sources = ordered(article.sources, SOURCE_KEYS);
  return record;
}

/** Returns the article as pretty-printed JSON with a stable key order, ending in a newline. */
export function toJson(article: Article, doc?: Document | null): string {
  return JSON.stringify(articleToRecord(article, doc), null, 2) + '\n';
}
