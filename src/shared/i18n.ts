/**
 * UI strings: a thin layer over browser.i18n.getMessage that falls back to the English
 * catalogue (bundled) where the browser API is missing or has no translation for a key,
 * so a page opened outside the extension, or a key added before its translation, still reads.
 */
import browser from 'webextension-polyfill';
import en from '../_locales/en/messages.json';

export type MessageKey = keyof typeof en;

interface CatalogueEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

function fromCatalogue(key: MessageKey, subs: string[]): string {
  const entry = (en as Record<string, CatalogueEntry>)[key];
  if (!entry) return key;
  let text = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const placeholder = entry.placeholders?.[name.toLowerCase()];
    return placeholder ? placeholder.content : whole;
  });
  text = text.replace(/\$(\d)/g, (whole, n: string) => subs[Number(n) - 1] ?? '');
  return text.replace(/\$\$/g, '$');
}

function browserMessage(key: string, subs: string[]): string {
  try {
    return browser.i18n.getMessage(key, subs.length ? subs : undefined) || '';
  } catch {
    return '';
  }
}

/** The UI string for `key` in the browser's language, English where there is none. */
export function t(key: MessageKey, substitutions?: string | number | Array<string | number>): string {
  const subs = substitutions === undefined ? [] : (Array.isArray(substitutions) ? substitutions : [substitutions]).map(String);
  return browserMessage(key, subs) || fromCatalogue(key, subs);
}

function predefined(name: '@@ui_locale' | '@@bidi_dir'): string {
  try {
    return browser.i18n.getMessage(name) || '';
  } catch {
    return '';
  }
}

/**
 * The language the UI strings are shown in, as a BCP 47 tag ("en-US", "bn"): the locale the
 * browser picked the messages from, so dates and numbers match the words around them.
 */
export function uiLanguage(): string {
  const locale = predefined('@@ui_locale').replace(/_/g, '-');
  if (locale) return locale;
  try {
    return browser.i18n.getUILanguage() || navigator.language || 'en';
  } catch {
    return navigator.language || 'en';
  }
}

/** A count in the UI language's digits. */
export function formatCount(n: number, lang: string = uiLanguage()): string {
  try {
    return new Intl.NumberFormat(lang).format(n);
  } catch {
    return String(n);
  }
}

/** True when the UI language is written right to left. */
export function uiIsRtl(): boolean {
  const dir = predefined('@@bidi_dir');
  if (dir) return dir === 'rtl';
  return /^(ar|fa|he|iw|ur|ps|sd|ug|yi|dv|ckb)\b/i.test(uiLanguage());
}

/**
 * Fills a static page's strings: `data-i18n="key"` sets the text, and
 * `data-i18n-attr="aria-label:key;title:key"` sets attributes. Also sets `<html lang dir>`.
 */
export function localizePage(root: ParentNode = document): void {
  const html = document.documentElement;
  html.lang = uiLanguage();
  html.dir = uiIsRtl() ? 'rtl' : 'ltr';
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n as MessageKey);
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-attr]')) {
    for (const pair of (el.dataset.i18nAttr ?? '').split(';')) {
      const [attr, key] = pair.split(':').map((s) => s.trim());
      if (attr && key) el.setAttribute(attr, t(key as MessageKey));
    }
  }
}
