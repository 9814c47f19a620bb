/**
 * The reader popup, loaded by popup.ts once the page request is under way. Shows the answer as
 * one of: loading, the article, "no article here", "a page Clearpage may not touch", or an error.
 * Only what the first view needs runs before the text is on screen; the removed tray, the
 * reading settings form and the exporters are loaded and drawn after it.
 */
import { requestPage, type PageAnswer } from './page-request';
import browser from 'webextension-polyfill';
import type { Article, RemovedItem } from '../core/types';
import { isRequest, send, type StripItem, type StripState } from '../shared/messages';
import { hostKey, loadSettings, onSettingsChanged, type ExportSettings, type ReadingSettings } from '../shared/settings';
import { formatCount, localizePage, t, type MessageKey } from '../shared/i18n';
import { byId } from '../shared/element-builder';
import { renderArticle } from './article-view';
import type { ExportAction } from './export-actions';
import type { RestrictedReason } from './page-access';
import { applyReadingStyle } from '../shared/reading-style';
import { enableAutoStrip, hasAccess } from '../shared/site-access';
import { showToast } from '../shared/toast';
import { cacheReadingSettings } from './reading-cache';

type View = 'loading' | 'article' | 'no-article' | 'restricted' | 'error';

const VIEWS: Record<View, string> = {
  loading: 'state-loading',
  article: 'state-article',
  'no-article': 'state-no-article',
  restricted: 'state-restricted',
  error: 'state-error',
};

const RESTRICTED_TEXT: Record<RestrictedReason, MessageKey> = {
  'browser-page': 'restrictedBrowserPage',
  'extension-page': 'restrictedExtensionPage',
  'web-store': 'restrictedWebStore',
  'view-source': 'restrictedViewSource',
  pdf: 'restrictedPdf',
  file: 'restrictedFile',
  'no-access': 'restrictedNoAccess',
  unsupported: 'restrictedUnsupported',
};

const NO_ARTICLE_TEXT: Record<string, MessageKey> = {
  empty: 'noArticleEmpty',
  'not-html': 'noArticleNotHtml',
  'not-article': 'noArticleNotArticle',
  timeout: 'noArticleTimeout',
};

const EXPORT_ACTIONS: readonly string[] = [
  'copy-markdown',
  'copy-text',
  'copy-rich',
  'download-md',
  'download-txt',
  'download-html',
  'download-json',
];

/** The exporters (Turndown and friends) load after the article is on screen, not before. */
let exporters: Promise<typeof import('./export-actions')> | null = null;
function loadExporters(): Promise<typeof import('./export-actions')> {
  exporters ??= import('./export-actions');
  return exporters;
}

const params = new URLSearchParams(location.search);
/** Opened as an ordinary page (automation, or a tab): fill the window instead of popup size. */
const asPage = params.has('tabId');

const state: {
  tabId: number | null;
  host: string;
  /** The match pattern of the page's own origin, for "remember for this site" (any port). */
  originPattern: string;
  /** Whether the extension already holds that origin (no prompt needed). */
  siteAccess: boolean;
  article: Article | null;
  found: RemovedItem[];
  strip: StripState | null;
  exportSettings: ExportSettings;
} = {
  tabId: null,
  host: '',
  originPattern: '',
  siteAccess: false,
  article: null,
  found: [],
  strip: null,
  exportSettings: { format: 'markdown', frontMatter: true },
};

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function showView(view: View): void {
  for (const [key, id] of Object.entries(VIEWS)) byId(id).hidden = key !== view;
  byId('state-loading').setAttribute('aria-busy', String(view === 'loading'));
  byId('export-bar').hidden = view !== 'article';
  const pageControls = view === 'article' || view === 'no-article';
  byId('strip-control').hidden = !pageControls || state.strip === null;
  byId('tray-button').hidden = !pageControls || state.strip === null;
  if (!pageControls) closeSheets();
}

function showRestricted(reason: RestrictedReason): void {
  byId('restricted-why').textContent = t(RESTRICTED_TEXT[reason]);
  const hint = reason === 'file' ? t('restrictedFileHint') : t('restrictedHint');
  byId('restricted-hint').textContent = hint;
  showView('restricted');
}

function showError(error: unknown): void {
  byId('error-detail').textContent = errorText(error);
  showView('error');
}

// ------------------------------------------------------------------ sheets

function closeSheets(returnFocus = false): void {
  for (const [sheetId, buttonId] of [
    ['settings-panel', 'settings-button'],
    ['tray-panel', 'tray-button'],
  ] as const) {
    const sheet = byId(sheetId);
    const button = byId(buttonId);
    const wasOpen = !sheet.hidden;
    sheet.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (wasOpen && returnFocus) button.focus();
  }
}

function toggleSheet(sheetId: string, buttonId: string): void {
  const sheet = byId(sheetId);
  const open = sheet.hidden;
  closeSheets();
  if (!open) {
    byId(buttonId).focus();
    return;
  }
  sheet.hidden = false;
  byId(buttonId).setAttribute('aria-expanded', 'true');
  sheet.querySelector<HTMLElement>('input:checked, input, button:not([data-close-sheet])')?.focus();
}

// ------------------------------------------------------------------ strip state and tray

function updateStripControls(): void {
  const strip = state.strip;
  const toggle = byId<HTMLInputElement>('strip-toggle');
  toggle.checked = strip?.stripped ?? false;
  const count = strip?.stripped ? strip.items.length : state.found.length;
  const trayButton = byId('tray-button');
  byId('tray-button-label').textContent = strip?.stripped ? t('trayButtonHidden') : t('trayButtonFound');
  byId('tray-count').textContent = count ? formatCount(count) : '';
  trayButton.setAttribute(
    'aria-label',
    strip?.stripped ? t('trayButtonHiddenLong', formatCount(count)) : t('trayButtonFoundLong', formatCount(count)),
  );
  const input = { state: strip, found: state.found, onShowAgain: (item: StripItem) => void showAgain(item) };
  void import('./removed-tray').then(({ renderTray }) => renderTray(input));
}

async function setStripped(stripped: boolean): Promise<void> {
  if (state.tabId === null) return;
  const toggle = byId<HTMLInputElement>('strip-toggle');
  toggle.disabled = true;
  try {
    state.strip = await send({ type: stripped ? 'strip' : 'restore' }, { tabId: state.tabId });
    if (stripped) showToast(t('toastStripped', formatCount(state.strip.items.length)));
    else showToast(t('toastRestored'));
  } catch (error) {
    showToast(t('toastStripFailed', errorText(error)), 'error');
  } finally {
    toggle.disabled = false;
    updateStripControls();
  }
}

async function showAgain(item: StripItem): Promise<void> {
  if (state.tabId === null) return;
  try {
    state.strip = await send({ type: 'show-again', id: item.id }, { tabId: state.tabId });
    showToast(t('toastShownAgain'));
  } catch (error) {
    showToast(t('toastStripFailed', errorText(error)), 'error');
  }
  updateStripControls();
}

async function startPicker(): Promise<void> {
  if (state.tabId === null) return;
  const picking = send({ type: 'start-picker' }, { tabId: state.tabId });
  if (!asPage) {
    // A click on the page closes a toolbar popup anyway: hand over to the page now.
    picking.catch(() => undefined);
    showToast(t('toastPickOnPage'));
    setTimeout(() => window.close(), 600);
    return;
  }
  showToast(t('toastPickOnPage'));
  try {
    const result = await picking;
    state.strip = await send({ type: 'get-strip-state' }, { tabId: state.tabId });
    updateStripControls();
    showToast(result.picked ? t('toastPicked') : t('toastPickCancelled'));
  } catch (error) {
    showToast(t('toastStripFailed', errorText(error)), 'error');
  }
}

async function showSiteRow(): Promise<void> {
  const row = byId('site-row');
  const host = state.host;
  if (!host) {
    row.hidden = true;
    return;
  }
  byId('remember-site-label').textContent = t('rememberSite', host);
  const checkbox = byId<HTMLInputElement>('remember-site');
  if (state.originPattern) state.siteAccess = await hasAccess([state.originPattern]);
  byId('remember-site-hint').hidden = state.siteAccess;
  try {
    const rules = await send({ type: 'get-site', host });
    checkbox.checked = rules.autoStrip;
  } catch {
    checkbox.checked = false;
  }
  row.hidden = false;
}

function onRememberChange(): void {
  const checkbox = byId<HTMLInputElement>('remember-site');
  const host = state.host;
  if (!host) return;
  if (!checkbox.checked) {
    send({ type: 'set-site-auto', host, enabled: false })
      .then(() => showToast(t('toastForgotten', host)))
      .catch((error: unknown) => showToast(t('toastStripFailed', errorText(error)), 'error'));
    return;
  }
  enableAutoStrip(host, [state.originPattern || `https://${host}/*`], state.siteAccess)
    .then(async (granted) => {
      if (!granted) {
        checkbox.checked = false;
        showToast(t('toastPermissionDenied', host), 'error');
        return;
      }
      state.siteAccess = true;
      if (!state.strip?.stripped) await setStripped(true);
      showToast(t('toastRemembered', host));
    })
    .catch((error: unknown) => {
      checkbox.checked = false;
      showToast(t('toastStripFailed', errorText(error)), 'error');
    });
}

// ------------------------------------------------------------------ finding the tab and the article

/** `https://example.com/*` for a page on https://example.com:8443/a (patterns match any port). */
function originPatternOf(url: string | undefined): string {
  if (!url) return '';
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? `${protocol}//${hostname}/*` : '';
  } catch {
    return '';
  }
}

async function load(request: Promise<PageAnswer>): Promise<void> {
  showView('loading');
  const answer = await request;
  const tab = answer.tab;
  state.tabId = tab.id!;
  state.host = tab.url ? hostKey(tab.url) : '';
  state.originPattern = originPatternOf(tab.url);
  if (answer.kind === 'restricted') {
    showRestricted(answer.reason);
    return;
  }
  const { result, strip } = answer;
  state.strip = strip;
  if (strip?.host) state.host = strip.host;

  if (result.kind === 'article') {
    state.article = result.article;
    state.found = result.article.removed;
    renderArticle(result.article);
    showView('article');
    // For the benchmark: time from the popup's start to the article on screen.
    performance.mark('clearpage:article-shown');
    // The rest (tray, site row, exporters, settings form) waits for the next task, so the
    // browser paints the text first.
    await nextTask();
    void loadExporters().catch(() => undefined);
  } else {
    state.article = null;
    state.found = result.noArticle.removed;
    byId('no-article-why').textContent = t(NO_ARTICLE_TEXT[result.noArticle.reason] ?? 'noArticleNotArticle');
    const found = byId('no-article-found');
    found.hidden = result.noArticle.removed.length === 0;
    found.textContent = t('noArticleFound', formatCount(result.noArticle.removed.length));
    byId('strip-anyway').hidden = state.strip === null || state.strip.stripped;
    showView('no-article');
  }
  updateStripControls();
  void showSiteRow();
  void settingsForm().catch(() => undefined);
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Keeps the switch and tray current when the page changes on its own (late chrome hidden, the
 * keyboard shortcut). Only listens: the background answers these reports.
 */
function followPageChanges(): void {
  let pending = false;
  browser.runtime.onMessage.addListener((message: unknown, sender: { tab?: { id?: number } }) => {
    if (!isRequest(message) || message.type !== 'strip-state-changed') return undefined;
    if (state.tabId === null || sender.tab?.id !== state.tabId || pending) return undefined;
    pending = true;
    send({ type: 'get-strip-state' }, { tabId: state.tabId })
      .then((strip) => {
        state.strip = strip;
        updateStripControls();
      })
      .catch(() => undefined)
      .finally(() => {
        pending = false;
      });
    return undefined;
  });
}

// ------------------------------------------------------------------ wiring

function wire(): void {
  byId('settings-button').addEventListener('click', () => {
    settingsForm()
      .then(() => toggleSheet('settings-panel', 'settings-button'))
      .catch((error: unknown) => showToast(errorText(error), 'error'));
  });
  byId('tray-button').addEventListener('click', () => toggleSheet('tray-panel', 'tray-button'));
  for (const close of document.querySelectorAll('[data-close-sheet]')) {
    close.addEventListener('click', () => closeSheets(true));
  }
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && (!byId('settings-panel').hidden || !byId('tray-panel').hidden)) {
      event.preventDefault();
      closeSheets(true);
    }
  });

  byId<HTMLInputElement>('strip-toggle').addEventListener('change', (event) => {
    void setStripped((event.target as HTMLInputElement).checked);
  });
  byId('strip-anyway').addEventListener('click', () => {
    void setStripped(true).then(() => {
      byId('strip-anyway').hidden = state.strip?.stripped ?? false;
    });
  });
  byId('pick-element').addEventListener('click', () => void startPicker());
  byId('remember-site').addEventListener('change', onRememberChange);
  byId('retry').addEventListener('click', () => void start());
  byId('open-options').addEventListener('click', () => {
    browser.runtime.openOptionsPage().catch((error: unknown) => showToast(errorText(error), 'error'));
  });

  byId('export-bar').addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-testid]');
    const action = button?.dataset.testid as ExportAction | undefined;
    if (!button || !action || !EXPORT_ACTIONS.includes(action) || !state.article) return;
    const article = state.article;
    loadExporters()
      .then(({ runExport }) => runExport(action, article, { frontMatter: state.exportSettings.frontMatter }))
      .then((message) => {
        showToast(message);
        button.classList.add('done');
        setTimeout(() => button.classList.remove('done'), 1200);
      })
      .catch((error: unknown) => showToast(t('toastExportFailed', errorText(error)), 'error'));
  });
}

const PREFERRED: Record<ExportSettings['format'], ExportAction[]> = {
  markdown: ['copy-markdown', 'download-md'],
  text: ['copy-text', 'download-txt'],
  html: ['copy-rich', 'download-html'],
  json: ['download-json'],
};

/** Marks the buttons of the export format chosen in the options. */
function markPreferredFormat(): void {
  const preferred = PREFERRED[state.exportSettings.format] ?? [];
  for (const button of byId('export-bar').querySelectorAll<HTMLElement>('button[data-testid]')) {
    button.classList.toggle('preferred', preferred.includes(button.dataset.testid as ExportAction));
  }
}

async function start(request: Promise<PageAnswer> = requestPage(params.get('tabId'))): Promise<void> {
  try {
    await load(request);
  } catch (error) {
    showError(error);
  }
}

/** The stored reading settings, once loaded (the form is built from them). */
let readingReady: Promise<ReadingSettings> | null = null;
let formReady: Promise<void> | null = null;

/** Builds and binds the reading settings form in its sheet, once. */
function settingsForm(): Promise<void> {
  formReady ??= Promise.all([readingReady!, import('../shared/reading-settings-form')]).then(
    ([reading, { buildReadingSettingsForm, bindReadingSettingsForm }]) => {
      const form = buildReadingSettingsForm('settings-form');
      byId('settings-form-slot').replaceWith(form);
      const binding = bindReadingSettingsForm(form, reading, (error) => showToast(errorText(error), 'error'));
      byId('reset-reading').addEventListener('click', () => binding.reset());
    },
  );
  return formReady;
}

function domReady(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

/** Export defaults and the reading cache follow the stored settings (the form applies its own changes). */
function followSettings(settings: { reading: ReadingSettings; export: ExportSettings }): void {
  cacheReadingSettings(settings.reading);
  state.exportSettings = settings.export;
  markPreferredFormat();
}

/** Renders the answer to `request` (started by popup.ts) once the popup's DOM is there. */
export async function startReader(request: Promise<PageAnswer>): Promise<void> {
  const stored = loadSettings();
  readingReady = stored.then(({ settings }) => settings.reading);
  await domReady();
  if (asPage) document.documentElement.classList.add('as-page');
  localizePage();
  wire();
  followPageChanges();

  const settingsReady = stored
    .then(({ settings }) => {
      applyReadingStyle(settings.reading);
      followSettings(settings);
      onSettingsChanged(followSettings);
    })
    .catch((error: unknown) => showToast(errorText(error), 'error'));

  await Promise.all([start(request), settingsReady]);
}
