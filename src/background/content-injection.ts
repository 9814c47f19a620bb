/**
 * Getting the content script into a tab: a ping first (it may be there already, injected
 * before or registered for an auto-strip site), else scripting.executeScript. Pages the
 * browser keeps extensions out of give an Error a person can read, tagged [restricted:<reason>].
 */
import browser from 'webextension-polyfill';
import { send } from '../shared/messages';
import { pageAccess, restrictedReasonFromError, type RestrictedReason } from '../popup/page-access';

export const CONTENT_SCRIPT = 'content.js';
/** Readability, DOMPurify and the rest of extraction: injected after content.js when a page is read. */
export const CONTENT_EXTRACT_SCRIPT = 'content-extract.js';
/** Turndown and the Markdown export, injected only for the context menu's "Copy as Markdown". */
export const CONTENT_EXPORT_SCRIPT = 'content-export.js';
/** The files content.js may ask the background to inject into its frame ('inject-addon'). */
export const CONTENT_ADDONS: readonly string[] = [CONTENT_EXTRACT_SCRIPT, CONTENT_EXPORT_SCRIPT, 'content-picker.js'];

const WHY: Record<RestrictedReason, string> = {
  'browser-page': 'browser pages (chrome://, about:, the new-tab page) are off-limits to extensions.',
  'extension-page': 'pages of extensions are off-limits to other extensions.',
  'web-store': 'the browser’s add-on store is off-limits to extensions.',
  'view-source': 'view-source pages are off-limits to extensions.',
  pdf: 'the built-in PDF viewer is off-limits to extensions.',
  file: 'local files need “Allow access to file URLs” switched on for Clearpage.',
  'no-access': 'it has no access to this page yet. Click the Clearpage button on the page first.',
  unsupported: 'this kind of page has no document to read.',
};

/** An Error for a page Clearpage may not touch. */
export function restrictedError(reason: RestrictedReason, cause?: unknown): Error {
  return new Error(`Clearpage can’t work on this page: ${WHY[reason]} [restricted:${reason}]`, { cause });
}

async function isInstalled(tabId: number): Promise<boolean> {
  try {
    await send({ type: 'ping' }, { tabId });
    return true;
  } catch {
    return false;
  }
}

/** Make sure the content script runs in the tab's top frame; throws a readable Error if it cannot. */
export async function ensureContent(tabId: number): Promise<void> {
  if (await isInstalled(tabId)) return;
  const tab = await browser.tabs.get(tabId);
  // The URL is visible only with access to the page (activeTab, host permission); check it when we can.
  if (tab.url) {
    const access = pageAccess(tab.url);
    if (!access.ok) throw restrictedError(access.reason);
  }
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [CONTENT_SCRIPT] });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = restrictedReasonFromError(message);
    if (reason) throw restrictedError(reason, error);
    throw new Error(`Clearpage could not run on this page: ${message}`, { cause: error });
  }
}

/** Make sure the content script, extraction and the Markdown exporter run in the tab's top frame. */
export async function ensureContentExport(tabId: number): Promise<void> {
  await ensureContent(tabId);
  // Idempotent: a second injection finds each part installed and leaves it. content-export.js
  // takes the sanitiser from content-extract.js, so that one comes first.
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [0] },
    files: [CONTENT_EXTRACT_SCRIPT, CONTENT_EXPORT_SCRIPT],
  });
}
