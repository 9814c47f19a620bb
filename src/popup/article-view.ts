/**
 * Renders core's Article into the popup: a header (site, reading time, title, summary, byline,
 * dates), the outline with jump links, and the one <article> element holding the sanitised body.
 */
import type { Article } from '../core/types';
import { setSanitizedHtml } from '../core/sanitize';
import { formatCount, t, uiIsRtl, uiLanguage } from '../shared/i18n';
import { byId, clear, el } from '../shared/element-builder';

const ISO_OFFSET = /(?:([+-])(\d{2}):?(\d{2})|Z)$/;

/** "+06:00" for an ISO string that states its offset, else null (show the reader's own zone). */
function statedOffset(iso: string): string | null {
  const m = ISO_OFFSET.exec(iso);
  if (!m || !/T\d{2}:\d{2}/.test(iso)) return null;
  return m[1] ? `${m[1]}${m[2]}:${m[3]}` : '+00:00';
}

/** A date as a person reads it in the UI language, in the time zone the page stated. */
export function formatDate(iso: string, lang: string = uiLanguage()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const options: Intl.DateTimeFormatOptions = dateOnly
    ? { dateStyle: 'long', timeZone: 'UTC' }
    : { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' };
  const offset = dateOnly ? null : statedOffset(iso);
  if (offset) {
    try {
      return new Intl.DateTimeFormat(lang, { ...options, timeZone: offset }).format(date);
    } catch {
      // Offset time zones are recent in Intl; older engines show the reader's zone instead.
    }
  }
  try {
    return new Intl.DateTimeFormat(lang, options).format(date);
  } catch {
    return date.toLocaleString();
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * True when the summary is not simply the article's opening (then it is worth showing). News
 * sites often write the meta description as a trimmed copy of the lead: compare the openings.
 */
function excerptAddsSomething(article: Article): boolean {
  if (!article.excerpt) return false;
  const excerpt = normalise(article.excerpt).replace(/[….]+$/, '');
  if (excerpt.length < 20) return false;
  return !normalise(article.text.slice(0, 800)).includes(excerpt.slice(0, 40));
}

function uiDir(): 'rtl' | 'ltr' {
  return uiIsRtl() ? 'rtl' : 'ltr';
}

function dateItem(label: string, iso: string): HTMLElement {
  return el('span', { class: 'date', attrs: { dir: uiDir() } }, `${label} `, el('time', { attrs: { datetime: iso }, text: formatDate(iso) }));
}

/** Moves keyboard focus and the view to a heading of the article, with a short highlight. */
function jumpTo(id: string): void {
  const body = byId('article-body');
  const target = body.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
  if (!target) return;
  target.setAttribute('tabindex', '-1');
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
  target.classList.remove('flash');
  void target.offsetWidth;
  target.classList.add('flash');
}

/** Fills the article view from an Article (the body only through setSanitizedHtml). */
export function renderArticle(article: Article): void {
  const lang = article.lang || null;
  const dir = article.dir === 'rtl' ? 'rtl' : 'ltr';
  const view = byId('state-article');
  view.setAttribute('dir', dir);

  const site = article.siteName || hostOf(article.url);
  byId('article-site').textContent = site;
  const minutes = Math.max(1, Math.round(article.readingTimeMinutes || 0));
  byId('article-reading-time').textContent = t('readingTime', formatCount(minutes));
  // UI-language text inside a right-to-left article (or the reverse) keeps its own direction.
  for (const id of ['article-reading-time', 'article-source']) byId(id).dir = uiDir();
  byId('article-kicker-dot').hidden = !site;

  const title = byId('article-title');
  title.textContent = article.title || t('untitled');
  title.lang = lang ?? '';
  if (!lang) title.removeAttribute('lang');

  const dek = byId('article-dek');
  dek.hidden = !excerptAddsSomething(article);
  dek.textContent = dek.hidden ? '' : (article.excerpt ?? '');
  if (lang) dek.lang = lang;

  const byline = byId('article-byline');
  byline.hidden = !article.byline;
  byline.textContent = article.byline ?? '';

  const dates = byId('article-dates');
  clear(dates);
  const published = article.publishedTime;
  const modified = article.modifiedTime && article.modifiedTime !== published ? article.modifiedTime : null;
  if (published) dates.append(dateItem(t('published'), published));
  if (published && modified) dates.append(el('span', { class: 'sep', attrs: { 'aria-hidden': 'true' }, text: '·' }));
  if (modified) dates.append(dateItem(t('updated'), modified));
  dates.hidden = !published && !modified;

  const outline = byId('outline');
  const list = byId('outline-list');
  clear(list);
  for (const item of article.outline) {
    const link = el('a', {
      attrs: { href: `#${item.id}` },
      text: item.text,
      on: {
        click: (event) => {
          event.preventDefault();
          jumpTo(item.id);
        },
      },
    });
    list.append(el('li', { class: `level-${item.level}` }, link));
  }
  if (lang) list.lang = lang;
  list.dir = dir;
  outline.hidden = article.outline.length === 0;

  const body = byId('article-body');
  if (lang) body.lang = lang;
  else body.removeAttribute('lang');
  body.dir = dir;
  setSanitizedHtml(body, article.html);

  const source = byId<HTMLAnchorElement>('article-source');
  const host = hostOf(article.url);
  if (host && /^https?:/i.test(article.url)) {
    source.href = article.url;
    source.textContent = t('sourceLink', host);
    source.parentElement!.hidden = false;
  } else {
    source.parentElement!.hidden = true;
  }
}
