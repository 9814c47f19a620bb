/**
 * The popup's copy and download buttons: core's exports of the article, onto the clipboard or
 * into a file named from the title.
 */
import browser from 'webextension-polyfill';
import type { Article } from '../core/types';
import { toMarkdown } from '../core/export-markdown';
import { toPlainText } from '../core/export-text';
import { toStandaloneHtml } from '../core/export-html';
import { toJson } from '../core/export-json';
import { safeFileName } from '../core/file-name';
import { pointFragmentLinks } from '../core/fragment-links';
import { t, type MessageKey } from '../shared/i18n';

export type ExportAction =
  | 'copy-markdown'
  | 'copy-text'
  | 'copy-rich'
  | 'download-md'
  | 'download-txt'
  | 'download-html'
  | 'download-json';

export interface ExportOptions {
  frontMatter: boolean;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The HTML put on the clipboard by "copy rich": title, byline and source as escaped text, then
 * the article body (sanitised by core), whose in-page links now lead to the article's address:
 * the browser would resolve `#id` against the popup, a page the reader of the paste cannot open.
 */
export function richClipboardHtml(article: Article): string {
  const head = [`<h1>${escapeText(article.title)}</h1>`];
  const meta = [article.byline, article.siteName].filter(Boolean).join(' · ');
  if (meta) head.push(`<p><em>${escapeText(meta)}</em></p>`);
  if (/^https?:/i.test(article.url)) {
    head.push(`<p><a href="${escapeText(article.url)}">${escapeText(article.url)}</a></p>`);
  }
  const lang = article.lang ? ` lang="${escapeText(article.lang)}"` : '';
  const dir = article.dir === 'rtl' || article.dir === 'ltr' ? ` dir="${article.dir}"` : '';
  const body = pointFragmentLinks(article.html, article.url, { keepInDocument: false }, document);
  return `<div${lang}${dir}>${head.join('')}${body}</div>`;
}

async function copyPlain(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}

async function copyRich(html: string, text: string): Promise<void> {
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard.write) {
    await navigator.clipboard.writeText(text);
    return;
  }
  await navigator.clipboard.write([
    new ClipboardItem({
      'text/html': new Blob([html], { type: 'text/html' }),
      'text/plain': new Blob([text], { type: 'text/plain' }),
    }),
  ]);
}

/** Firefox closes a popup's own `<a download>` without saving; Chrome saves it as named. */
function needsDownloadsApi(): boolean {
  return typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';
}

/** Saves a file: a link with `download` in Chrome, the downloads API in Firefox. */
async function saveFile(name: string, type: string, content: string): Promise<void> {
  const blob = new Blob([content], { type: `${type};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const revokeLater = () => setTimeout(() => URL.revokeObjectURL(url), 60_000);
  if (needsDownloadsApi() && browser.downloads?.download) {
    await browser.downloads.download({ url, filename: name, saveAs: false, conflictAction: 'uniquify' });
    revokeLater();
    return;
  }
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  revokeLater();
}

const TOASTS: Record<ExportAction, MessageKey> = {
  'copy-markdown': 'toastCopiedMarkdown',
  'copy-text': 'toastCopiedText',
  'copy-rich': 'toastCopiedRich',
  'download-md': 'toastSaved',
  'download-txt': 'toastSaved',
  'download-html': 'toastSaved',
  'download-json': 'toastSaved',
};

/** Runs one export action on an article and returns the message to show. */
export async function runExport(action: ExportAction, article: Article, options: ExportOptions): Promise<string> {
  const title = article.title || 'article';
  let fileName = '';
  switch (action) {
    case 'copy-markdown':
      await copyPlain(toMarkdown(article, { frontMatter: options.frontMatter }));
      break;
    case 'copy-text':
      await copyPlain(toPlainText(article));
      break;
    case 'copy-rich':
      await copyRich(richClipboardHtml(article), toPlainText(article));
      break;
    case 'download-md':
      fileName = safeFileName(title, 'md');
      await saveFile(fileName, 'text/markdown', toMarkdown(article, { frontMatter: options.frontMatter }));
      break;
    case 'download-txt':
      fileName = safeFileName(title, 'txt');
      await saveFile(fileName, 'text/plain', toPlainText(article));
      break;
    case 'download-html':
      fileName = safeFileName(title, 'html');
      // In a saved file a jump to a heading or footnote in it works; others go to the article.
      await saveFile(fileName, 'text/html', toStandaloneHtml({ ...article, html: pointFragmentLinks(article.html, article.url, { keepInDocument: true }, document) }));
      break;
    case 'download-json':
      fileName = safeFileName(title, 'json');
      await saveFile(fileName, 'application/json', toJson(article));
      break;
  }
  return t(TOASTS[action], fileName);
}
