/**
 * The background: loading, the badge, the keyboard command, the context menu, automatic
 * stripping per site, and pages the extension may not touch.
 */
import type { Worker } from '@playwright/test';
import { test, expect } from './harness';

const SEED = '/bdnews24-explainer/source.html';

/** Calls an export of the background bundle (an IIFE: its exports are `clearpageBackground`). */
function callBackground<T>(worker: Worker, name: string, ...args: unknown[]): Promise<T> {
  return worker.evaluate(
    ([fn, rest]) => {
      const api = (globalThis as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>).clearpageBackground;
      return api[fn as string](...(rest as unknown[]));
    },
    [name, args] as const,
  ) as Promise<T>;
}

test('the extension loads and its service worker answers', async ({ serviceWorker, extensionId, sendToBackground }) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.permissions?.sort()).toEqual(['activeTab', 'clipboardWrite', 'contextMenus', 'downloads', 'scripting', 'storage']);
  expect(Object.keys(manifest.commands ?? {}).sort()).toEqual(['_execute_action', 'toggle-strip']);
  expect(await sendToBackground({ type: 'get-site', host: 'example.com' })).toEqual({ autoStrip: false, hide: [], keep: [] });
});

test('the toolbar action opens the reader popup on the page', async ({ context, serverUrl, openActionPopup }) => {
  const page = await context.newPage();
  await page.goto(serverUrl + SEED);
  const popup = await openActionPopup(page);
  await expect(popup.locator('article')).toContainText('Islamic State Khorasan');
});

test('the badge shows how many blocks are hidden', async ({ context, serverUrl, serviceWorker, tabIdOf, sendToBackground }) => {
  const page = await context.newPage();
  await page.goto(serverUrl + SEED);
  const tabId = await tabIdOf(page);
  expect(await callBackground(serviceWorker, 'badgeText', tabId)).toBe('');
  const state = await sendToBackground({ type: 'toggle-strip', tabId });
  expect(state.stripped).toBe(true);
  await expect.poll(() => callBackground(serviceWorker, 'badgeText', tabId)).toBe(String(state.items.length));
  expect(state.items.length).toBeGreaterThanOrEqual(8);
  const restored = await sendToBackground({ type: 'toggle-strip', tabId });
  expect(restored.stripped).toBe(false);
  await expect.poll(() => callBackground(serviceWorker, 'badgeText', tabId)).toBe('');
});

test('the toggle-strip command strips and restores the active tab', async ({ context, serverUrl, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto(serverUrl + SEED);
  await page.bringToFront();
  // Key presses do not reach the browser's command handling in headless Chromium: call the handler.
  const on = await callBackground<{ stripped: boolean }>(serviceWorker, 'runCommand', 'toggle-strip');
  expect(on.stripped).toBe(true);
  await expect(page.locator('html')).toHaveAttribute('data-clearpage-stripped', '');
  await expect(page.getByText('RELATED STORIES')).toBeHidden();
  const off = await callBackground<{ stripped: boolean }>(serviceWorker, 'runCommand', 'toggle-strip');
  expect(off.stripped).toBe(false);
  await expect(page.locator('html')).not.toHaveAttribute('data-clearpage-stripped');
});

test('stripping loads no extraction code into the page; reading the article loads it', async ({ context, serverUrl, serviceWorker, tabIdOf, sendToBackground, sendToTab }) => {
  const page = await context.newPage();
  await page.goto(serverUrl + SEED);
  const tabId = await tabIdOf(page);
  // The content scripts' own world: each injected part leaves its global there (vite.config.ts).
  const loaded = () =>
    serviceWorker.evaluate(async (id) => {
      const [frame] = await chrome.scripting.executeScript({
        target: { tabId: id, frameIds: [0] },
        func: () => ['clearpageContent', 'clearpageContentExtract'].filter((name) => name in globalThis),
      });
      return frame?.result as string[];
    }, tabId);
  expect((await sendToBackground({ type: 'toggle-strip', tabId })).stripped).toBe(true);
  expect(await loaded()).toEqual(['clearpageContent']);
  const result = await sendToTab(page, { type: 'extract' });
  expect(result.kind).toBe('article');
  if (result.kind === 'article') expect(result.article.text).toContain('Islamic State Khorasan');
  expect(await loaded()).toEqual(['clearpageContent', 'clearpageContentExtract']);
});

test('"Copy article as Markdown" puts the article on the clipboard', async ({ context, serverUrl, serviceWorker, tabIdOf }) => {
  const page = await context.newPage();
  // Only to read the clipboard back: the extension writes it with its own clipboardWrite permission.
  await context.grantPermissions(['clipboard-read'], { origin: serverUrl });
  await page.goto(serverUrl + SEED);
  await page.bringToFront();
  const tabId = await tabIdOf(page);
  await callBackground(serviceWorker, 'runMenuItem', 'copy-markdown', { id: tabId });
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toMatch(/^---\n/);
  expect(markdown).toContain('## WHAT IS ISIS-K?');
  expect(markdown).toContain('Islamic State Khorasan');
  expect(markdown).not.toContain('RELATED STORIES');
});

test('automatic stripping per site works after a reload, and stops when switched off', async ({ context, serverUrl, serviceWorker, tabIdOf, sendToBackground }) => {
  const page = await context.newPage();
  await page.goto(serverUrl + SEED);
  const host = new URL(serverUrl).hostname;
  const rules = await sendToBackground({ type: 'set-site-auto', host, enabled: true });
  expect(rules.autoStrip).toBe(true);
  const registered = await serviceWorker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
  expect(registered.map((s) => s.id)).toEqual([`auto-strip:${host}`]);

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-clearpage-stripped', '');
  await expect(page.getByText('RELATED STORIES')).toBeHidden();
  const tabId = await tabIdOf(page);
  await expect.poll(() => callBackground<string>(serviceWorker, 'badgeText', tabId)).toMatch(/^\d+$/);

  await sendToBackground({ type: 'set-site-auto', host, enabled: false });
  expect(await serviceWorker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);
  await page.reload();
  await expect(page.getByText('RELATED STORIES')).toBeVisible();
  await expect(page.locator('html')).not.toHaveAttribute('data-clearpage-stripped');
});

test('automatic stripping needs the site permission first', async ({ sendToBackground }) => {
  await expect(sendToBackground({ type: 'set-site-auto', host: 'example.org', enabled: true })).rejects.toThrow(/needs access to example\.org/);
  expect((await sendToBackground({ type: 'get-site', host: 'example.org' })).autoStrip).toBe(false);
});

test('restricted pages give a clear error', async ({ serviceWorker, sendToBackground }) => {
  // Tabs opened by the extension itself, so their ids are known without reading their URLs.
  const open = async (url: string) => {
    const id = await serviceWorker.evaluate(async (u) => (await chrome.tabs.create({ url: u })).id!, url);
    await expect.poll(() => serviceWorker.evaluate(async (t) => (await chrome.tabs.get(t)).status, id)).toBe('complete');
    return id;
  };
  const tabId = await open('chrome://version');
  await expect(sendToBackground({ type: 'toggle-strip', tabId })).rejects.toThrow(/can’t work on this page: browser pages.*\[restricted:browser-page\]/);
  // Through the keyboard command the error shows on the button.
  await expect(callBackground(serviceWorker, 'runCommand', 'toggle-strip', { id: tabId })).rejects.toThrow(/restricted/);
  expect(await callBackground(serviceWorker, 'badgeText', tabId)).toBe('!');

  // No network here, but the browser guards the store by its URL all the same.
  const storeTab = await open('https://chromewebstore.google.com/detail/clearpage');
  await expect(sendToBackground({ type: 'toggle-strip', tabId: storeTab })).rejects.toThrow(/can’t work on this page: the browser’s add-on store.*\[restricted:web-store\]/);
});

test('a corrupt stored setting is reset, and the rest kept', async ({ serviceWorker, sendToBackground }) => {
  await serviceWorker.evaluate(() =>
    chrome.storage.local.set({ sites: { 'good.example': { autoStrip: false, hide: ['.promo'], keep: [] }, 'bad host': 7 }, reading: 'garbage' }),
  );
  expect(await sendToBackground({ type: 'list-sites' })).toEqual({ 'good.example': { autoStrip: false, hide: ['.promo'], keep: [] } });
  const stored = await serviceWorker.evaluate(() => chrome.storage.local.get(['sites', 'reading']));
  expect(Object.keys(stored.sites as object)).toEqual(['good.example']);
  expect(stored.reading).toMatchObject({ fontFamily: 'serif', theme: 'system' });
});
