/** Plain-text export of an Article, plus the small formatting helpers the other exports share. */
import type { Article } from './types';
import { norm } from './block-text';

/**
 * Returns an ISO 8601 date-time as "2024-03-23 04:04 +06:00" (date only when there is no time),
 * the same in every locale; any other string comes back trimmed.
 */
export function formatArticleDate(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(iso.trim());
  if (!m) return iso.trim();
  const [, date, time, zone] = m;
  if (!time) return date!;
  const offset = zone === 'Z' ? 'UTC' : zone ? zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : '';
  return [date, time, offset].filter(Boolean).join(' ');
}

/** Returns the "byline · site · published · URL" line for an article ('' when it has none of them). */
export function articleSourceLine(article: Article): string {
  const parts = [
    article.byline,
    article.siteName,
    article.publishedTime ? formatArticleDate(article.publishedTime) : null,
    article.url || null,
  ];
  return parts
    .map(norm)
    .filter((p, i, all) => p !== '' && all.indexOf(p) === i)
    .join(' · ');
}

/** Returns the article as plain text: title, a byline/source line, a blank line, then the body text. */
export function toPlainText(article: Article): string {
  const title = norm(article.title);
  const source = articleSourceLine(article);
  const body = article.text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim();
  const head = [title, source].filter(Boolean).join('\n');
  return [head, body].filter(Boolean).join('\n\n') + '\n';
}
