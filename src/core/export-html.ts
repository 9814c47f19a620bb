/** Standalone HTML export: one self-contained, script-free document that reads well offline. */
import { formatArticleDate } from './export-text';
import { sanitizeArticleHtml } from './sanitize';
import type { Article } from './types';
import { norm } from './block-text';

/** Escapes text for an HTML text node or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
}

const CSP = "default-src 'none'; img-src https: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const STYLESHEET = `
:root { color-scheme: light dark; --fg: #1d1d1f; --bg: #fbfaf7; --muted: #5f5f66; --link: #1a55a8; --rule: #d9d6cf; --code-bg: #f0eee9; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6e4df; --bg: #17181a; --muted: #a3a1a8; --link: #8ab4f8; --rule: #3a3b3f; --code-bg: #232428; }
}
html { background: var(--bg); color: var(--fg); }
body { margin: 0 auto; max-width: 40em; padding: 2.5em 1.25em 4em; font: 1.15rem/1.65 Georgia, "Iowan Old Style", "Noto Serif", "Times New Roman", serif; overflow-wrap: break-word; }
header { border-bottom: 1px solid var(--rule); margin-bottom: 2em; padding-bottom: 1em; }
h1 { font-size: 2em; line-height: 1.2; margin: 0 0 0.4em; }
h2, h3, h4, h5, h6 { line-height: 1.3; margin: 1.6em 0 0.5em; }
.meta { color: var(--muted); font-size: 0.9em; margin: 0.2em 0; }
a { color: var(--link); }
img, picture, video { max-width: 100%; height: auto; }
figure { margin: 1.5em 0; }
figcaption { color: var(--muted); font-size: 0.875em; }
blockquote { border-inline-start: 3px solid var(--rule); margin-inline: 0; padding-inline-start: 1em; color: var(--muted); }
pre, code, kbd, samp { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.85em; }
pre { background: var(--code-bg); padding: 0.8em 1em; overflow-x: auto; border-radius: 4px; }
code { background: var(--code-bg); padding: 0.1em 0.25em; border-radius: 3px; }
pre code { background: none; padding: 0; }
table { border-collapse: collapse; margin: 1.5em 0; display: block; overflow-x: auto; }
th, td { border: 1px solid var(--rule); padding: 0.35em 0.6em; text-align: start; vertical-align: top; }
hr { border: 0; border-top: 1px solid var(--rule); margin: 2em 0; }
`.trim();

function metaTag(name: string, content: string | null | undefined): string {
  return content ? `<meta name="${escapeHtml(name)}" content="${escapeHtml(content)}">` : '';
}

function timeTag(label: string, iso: string | null): string {
  if (!iso) return '';
  return `${escapeHtml(label)} <time datetime="${escapeHtml(iso)}">${escapeHtml(formatArticleDate(iso))}</time>`;
}

/** Only http(s) URLs become links in the header; anything else is shown as text. */
function sourceLink(url: string): string {
  if (!/^https?:\/\//i.test(url)) return url ? escapeHtml(url) : '';
  return `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(url)}</a>`;
}

/** Returns the article as a complete HTML document: metadata in <head>, inline stylesheet, a strict CSP, no script. */
export function toStandaloneHtml(article: Article, doc?: Document | null): string {
  const title = norm(article.title) || 'Article';
  const lang = article.lang && /^[a-z]{1,8}(?:-[a-z0-9]{1,8})*$/i.test(article.lang) ? article.lang : null;
  const dir = article.dir === 'rtl' || article.dir === 'ltr' ? article.dir : null;
  const body = sanitizeArticleHtml(article.html, doc);
  const byline = [article.byline, article.siteName].filter((s): s is string => !!s && s.trim() !== '');
  const updated = article.modifiedTime && article.modifiedTime !== article.publishedTime ? article.modifiedTime : null;
  const dates = [timeTag('Published', article.publishedTime), timeTag('Updated', updated)].filter(Boolean);
  const head = [
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    metaTag('author', article.byline),
    metaTag('description', article.excerpt),
    metaTag('generator', 'Clearpage'),
    article.siteName ? `<meta property="og:site_name" content="${escapeHtml(article.siteName)}">` : '',
    article.publishedTime ? `<meta property="article:published_time" content="${escapeHtml(article.publishedTime)}">` : '',
    article.modifiedTime ? `<meta property="article:modified_time" content="${escapeHtml(article.modifiedTime)}">` : '',
    /^https?:\/\//i.test(article.url) ? `<link rel="canonical" href="${escapeHtml(article.url)}">` : '',
    `<style>\n${STYLESHEET}\n</style>`,
  ].filter(Boolean);
  const header = [
    `<h1>${escapeHtml(title)}</h1>`,
    byline.length ? `<p class="meta">${byline.map(escapeHtml).join(' · ')}</p>` : '',
    dates.length ? `<p class="meta">${dates.join(' · ')}</p>` : '',
    article.url ? `<p class="meta">Source: ${sourceLink(article.url)}</p>` : '',
  ].filter(Boolean);
  const htmlAttrs = [lang ? ` lang="${escapeHtml(lang)}"` : '', dir ? ` dir="${dir}"` : ''].join('');
  return [
    '<!DOCTYPE html>',
    `<html${htmlAttrs}>`,
    '<head>',
    ...head,
    '</head>',
    '<body>',
    '<header>',
    ...header,
    '</header>',
    '<article>',
    body,
    '</article>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
