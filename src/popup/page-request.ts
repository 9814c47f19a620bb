/**
 * The popup's first job, started when this module is evaluated (popup.ts imports it first, before
 * the view code, the sanitiser and the settings): find the tab, then ask its content script for
 * the article and the strip state, injecting the script only when nobody answers. Nothing here
 * touches the popup's DOM, so it runs while the page is localised, wired and styled.
 */
import browser from 'webextension-polyfill';
import type { Tabs } from 'webextension-polyfill';
import type { ExtractResult } from '../core/types';
import { send, type StripState } from '../shared/messages';
import { pageAccess, restrictedReasonFromError, type RestrictedReason } from './page-access';

export type PageAnswer =
  | { kind: 'restricted'; tab: Tabs.Tab; reason: RestrictedReason }
  | { kind: 'answered'; tab: Tabs.Tab; result: ExtractResult; strip: StripState | null };

async function targetTab(requested: string | null): Promise<Tabs.Tab> {
  if (requested !== null) {
    const id = Number(requested);
    if (!Number.isInteger(id) || id < 0) throw new Error(`Not a tab id: "${requested}"`);
    return browser.tabs.get(id);
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab || tab.id === undefined) throw new Error('No active tab');
  return tab;
}

/** Asks the page's content script for the article and the strip state (one round trip each, in parallel). */
function askPage(tabId: number) {
  return Promise.all([
    send({ type: 'extract' }, { tabId }),
    send({ type: 'get-strip-state' }, { tabId }).catch(() => null),
  ]);
}

async function fileAccessAllowed(): Promise<boolean> {
  try {
    return await browser.extension.isAllowedFileSchemeAccess();
  } catch {
    return false;
  }
}

/** Finds the tab (`?tabId=N`, else the active tab) and gets its article, or says why it may not. */
export async function requestPage(requestedTabId: string | null): Promise<PageAnswer> {
  performance.mark('clearpage:request-start');
  const tab = await targetTab(requestedTabId);
  const tabId = tab.id!;
  if (tab.url) {
    const access = pageAccess(tab.url, { fileAccess: tab.url.startsWith('file:') ? await fileAccessAllowed() : false });
    if (!access.ok) return { kind: 'restricted', tab, reason: access.reason };
  }
  performance.mark('clearpage:tab-found');
  let answers: Awaited<ReturnType<typeof askPage>>;
  try {
    // Usually the content script is already there (the page was stripped, or the popup opened
    // before): ask first, inject only when nobody answers.
    answers = await askPage(tabId);
  } catch {
    try {
      // The toolbar click granted activeTab for this tab (tests: the test build's host access).
      await browser.scripting.executeScript({ target: { tabId }, files: ['content.js', 'content-extract.js'] });
    } catch (error) {
      const reason = restrictedReasonFromError(error instanceof Error ? error.message : String(error));
      if (reason) return { kind: 'restricted', tab, reason };
      throw error;
    }
    performance.mark('clearpage:content-ready');
    answers = await askPage(tabId);
  }
  performance.mark('clearpage:extracted');
  const [result, strip] = answers;
  return { kind: 'answered', tab, result, strip };
}

/** The request made as the popup opens; popup.ts renders its answer (a retry makes a new one). */
export const firstRequest: Promise<PageAnswer> = requestPage(new URLSearchParams(location.search).get('tabId'));
// Handled later by the popup; this only keeps an early failure from being reported as unhandled.
firstRequest.catch(() => undefined);
