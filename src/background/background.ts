/**
 * The background (Chrome's service worker, Firefox's event page): thin glue for the toolbar
 * badge, the keyboard command, the context menu and per-site settings. The bundle is an IIFE
 * whose exports land on `globalThis.clearpageBackground`, which the end-to-end tests call.
 */
import browser from 'webextension-polyfill';
import type { Runtime, Tabs } from 'webextension-polyfill';
import { handle, send, type Handlers, type ReplyOf, type Request, type RequestType, type StripState } from '../shared/messages';
import { hostKey, loadSites, removeSite, updateSiteRules } from '../shared/settings';
import { syncAutoStrip } from './auto-strip';
import { badgeText, clearBadge, showCount, showError } from './badge';
import { CONTENT_ADDONS, ensureContent, ensureContentExport } from './content-injection';

const MENU_COPY_MARKDOWN = 'copy-markdown';

/** Strip the tab's page, or restore it when stripped (injecting the content script first). */
export async function toggleStrip(tabId: number): Promise<StripState> {
  await ensureContent(tabId);
  const current = await send({ type: 'get-strip-state' }, { tabId });
  return send({ type: current.stripped ? 'restore' : 'strip' }, { tabId });
}

/** Extract the tab's article and put it on the clipboard as Markdown. */
export async function copyArticleMarkdown(tabId: number): Promise<{ title: string; chars: number }> {
  await ensureContentExport(tabId);
  return send({ type: 'copy-markdown' }, { tabId });
}

async function activeTabId(): Promise<number> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) throw new Error('No active tab');
  return tab.id;
}

async function reportFailure(tabId: number | undefined, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  console.warn('Clearpage:', message);
  if (tabId !== undefined) await showError(tabId, message).catch(() => {});
}

/** The keyboard command handler (also called by tests: key presses do not reach headless Chromium). */
export async function runCommand(command: string, tab?: Tabs.Tab): Promise<StripState | null> {
  if (command !== 'toggle-strip') return null;
  const tabId = tab?.id ?? (await activeTabId());
  try {
    return await toggleStrip(tabId);
  } catch (error) {
    await reportFailure(tabId, error);
    throw error;
  }
}

/** The context-menu handler. */
export async function runMenuItem(menuItemId: string | number, tab?: Tabs.Tab): Promise<void> {
  if (menuItemId !== MENU_COPY_MARKDOWN) return;
  const tabId = tab?.id ?? (await activeTabId());
  try {
    await copyArticleMarkdown(tabId);
  } catch (error) {
    await reportFailure(tabId, error);
    throw error;
  }
}

/** The badge text of a tab (tests read it here: there is no other way to see it headless). */
export { badgeText };

async function setSiteAuto(host: string, enabled: boolean) {
  const key = hostKey(host);
  // Register first: without the host permission this throws and nothing is saved.
  if (enabled) await syncAutoStrip(key, true);
  const rules = await updateSiteRules(key, (r) => ({ ...r, autoStrip: enabled }));
  if (!enabled) await syncAutoStrip(key, false);
  return rules;
}

const handlers: Handlers = {
  'toggle-strip': ({ tabId }) => toggleStrip(tabId),
  'ensure-content': ({ tabId }) => ensureContent(tabId),
  'inject-addon': async ({ file }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new Error('Add-ons are injected into the tab that asks for them.');
    if (!CONTENT_ADDONS.includes(file)) throw new Error(`Not a content add-on: ${String(file)}`);
    await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [file] });
  },
  'set-site-auto': ({ host, enabled }) => setSiteAuto(host, enabled),
  'get-site': async ({ host }) => (await loadSites())[hostKey(host)] ?? { autoStrip: false, hide: [], keep: [] },
  'list-sites': () => loadSites(),
  'add-site-rule': ({ host, kind, selector }) =>
    updateSiteRules(host, (rules) => ({ ...rules, [kind]: [...rules[kind].filter((s) => s !== selector), selector] })),
  'remove-site-rule': ({ host, kind, selector }) =>
    updateSiteRules(host, (rules) => ({ ...rules, [kind]: rules[kind].filter((s) => s !== selector) })),
  'clear-site': async ({ host }) => {
    await syncAutoStrip(hostKey(host), false);
    await removeSite(host);
  },
  'strip-state-changed': async ({ stripped, count }, sender) => {
    if (sender.tab?.id !== undefined && (sender.frameId ?? 0) === 0) await showCount(sender.tab.id, stripped, count);
  },
};

/** Answer a background request directly, as the message listener would (tests call this). */
export async function dispatch<K extends RequestType>(
  request: Request & { type: K },
  sender: Runtime.MessageSender = {},
): Promise<ReplyOf<K>> {
  const handler = handlers[request.type] as ((r: Request, s: Runtime.MessageSender) => unknown) | undefined;
  if (!handler) throw new Error(`The background does not handle "${request.type}"`);
  return (await handler(request, sender)) as ReplyOf<K>;
}

handle(handlers);

browser.runtime.onInstalled.addListener(() => {
  browser.contextMenus.removeAll().then(() => {
    browser.contextMenus.create({
      id: MENU_COPY_MARKDOWN,
      title: browser.i18n.getMessage('contextMenuCopyMarkdown') || 'Copy article as Markdown',
      contexts: ['page', 'selection'],
    });
  });
  void resyncAutoStrip();
});

browser.runtime.onStartup.addListener(() => void resyncAutoStrip());

/** Registered scripts persist, but an update or a cleared profile can lose them: register again. */
async function resyncAutoStrip(): Promise<void> {
  const sites = await loadSites();
  for (const [host, rules] of Object.entries(sites)) {
    if (rules.autoStrip) await syncAutoStrip(host, true).catch((error) => console.warn('Clearpage:', error));
  }
}

/**
 * Host access is only ever asked for by "hide clutter automatically on this site". The popup
 * that asked may have closed while the browser's prompt was up, so the grant itself finishes
 * the job here: register automatic stripping for each host just granted.
 */
browser.permissions.onAdded.addListener((permissions) => {
  const hosts = new Set((permissions.origins ?? []).map((origin) => hostKey(origin.replace(/^\*:\/\//, 'https://').replace(/\/\*$/, '/'))));
  for (const host of hosts) {
    if (host && !host.includes('*')) void setSiteAuto(host, true).catch((error) => console.warn('Clearpage:', error));
  }
});

browser.commands.onCommand.addListener((command, tab) => {
  runCommand(command, tab).catch(() => {});
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  runMenuItem(info.menuItemId, tab).catch(() => {});
});

// After a navigation the count may be stale: ask the page (a new document has no content script yet).
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status !== 'complete') return;
  send({ type: 'get-strip-state' }, { tabId })
    .then((state) => showCount(tabId, state.stripped, state.items.length))
    .catch(() => clearBadge(tabId).catch(() => {}));
});
