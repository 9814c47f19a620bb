/**
 * Shared Playwright fixtures for Clearpage's end-to-end tests.
 *
 *   import { test, expect } from './harness';
 *   test('…', async ({ context, serverUrl, openPopupFor }) => { … });
 *
 * - `serverUrl`: a static server (one per worker, random port on 127.0.0.1) serving test/fixtures/,
 *   e.g. `${serverUrl}/bdnews24-explainer/source.html`.
 * - `context`: a persistent Debian Chromium context (fresh profile per test) with the test build
 *   (dist/chrome-test: the store build plus host permission for localhost) loaded, from a copy
 *   taken when the run starts (see extensionSnapshot).
 * - `serviceWorker`, `extensionId`: the extension's background service worker and id.
 * - `tabIdOf(page)`: the tab id of a page (via chrome.tabs in the service worker).
 * - `openPopupFor(page)`: opens chrome-extension://ID/popup.html?tabId=N for the page's tab.
 * - `openActionPopup(page?)`: brings the page to the front, calls chrome.action.openPopup() in the
 *   service worker and returns the real action popup's Page (found through a second, CDP
 *   connection: Playwright's own does not attach to extension popups).
 * - `sendToTab(page, request)`: sends a protocol request (src/shared/messages.ts) to the page's
 *   content script and returns the reply; `sendToBackground(request)` does the same for the
 *   background (through its exported `dispatch`, the same handlers its onMessage listener uses).
 * - `injectContent(page)`: makes sure the content script is in the page (as the popup does).
 *
 * Run `npm run build` first: the tests use what the build wrote.
 */
import { test as base, expect, chromium, type Browser, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ReplyOf, RequestOf, RequestType } from '../../src/shared/messages';
import { serveDirectory } from '../../scripts/static-server';
import { HEADLESS_CHROMIUM_FLAGS, extensionFlags } from '../../scripts/chromium-flags';

export { serveDirectory };

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const EXTENSION_DIR = resolve(ROOT, 'dist', 'chrome-test');
export const FIXTURES_DIR = resolve(ROOT, 'test', 'fixtures');
export const RESULTS_DIR = resolve(ROOT, 'test-results');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const BUILD_FILES = ['manifest.json', 'background.js', 'content.js', 'content-extract.js', 'popup.html', 'options.html'];
let snapshot: Promise<string> | null = null;

/**
 * A private copy of dist/chrome-test, made once per test process: in a shared working tree a
 * rebuild (which empties dist/ for a few seconds) must not pull the extension from under a run.
 */
export function extensionSnapshot(): Promise<string> {
  snapshot ??= (async () => {
    const complete = () => BUILD_FILES.every((f) => existsSync(join(EXTENSION_DIR, f)));
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
    }
    // A build in progress writes the files one part at a time: wait for all of them.
    for (let i = 0; i < 120 && !complete(); i++) await new Promise((r) => setTimeout(r, 250));
    if (!complete()) throw new Error(`Incomplete build in ${EXTENSION_DIR}: run \`npm run build\`.`);
    const copy = mkdtempSync(join(tmpdir(), 'clearpage-ext-'));
    cpSync(EXTENSION_DIR, copy, { recursive: true });
    process.once('exit', () => rmSync(copy, { recursive: true, force: true }));
    return copy;
  })();
  return snapshot;
}

/** Launches Debian Chromium with an unpacked extension in a fresh profile. */
export async function launchWithExtension(extensionDir?: string): Promise<{ context: BrowserContext; profile: string }> {
  extensionDir ??= await extensionSnapshot();
  const profile = mkdtempSync(join(tmpdir(), 'clearpage-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      ...HEADLESS_CHROMIUM_FLAGS,
      // A second (CDP) connection finds the action popup, which Playwright's own does not attach to.
      '--remote-debugging-port=0',
      ...extensionFlags(extensionDir),
    ],
  });
  profiles.set(context, profile);
  return { context, profile };
}

const profiles = new WeakMap<BrowserContext, string>();

/** A CDP connection to the browser of a context launched by launchWithExtension. */
export async function connectOverCdp(context: BrowserContext): Promise<Browser> {
  const profile = profiles.get(context);
  if (!profile) throw new Error('context was not launched by launchWithExtension');
  const file = join(profile, 'DevToolsActivePort');
  for (let i = 0; i < 50 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 100));
  const port = readFileSync(file, 'utf8').split('\n')[0];
  return chromium.connectOverCDP(`http://127.0.0.1:${port}`);
}

/** The page with this URL prefix among a CDP-connected browser's pages, waiting for it to appear. */
async function findPage(browser: Browser, prefix: string, timeoutMs = 10_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const page = browser.contexts().flatMap((c) => c.pages()).find((p) => p.url().startsWith(prefix));
    if (page) return page;
    if (Date.now() > deadline) throw new Error(`No page ${prefix} appeared`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The extension's background service worker (waits for it to start). */
export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://') && w.url().endsWith('/background.js');
  return context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs }));
}

type SendToTab = <K extends RequestType>(page: Page, request: RequestOf<K>) => Promise<ReplyOf<K>>;
type SendToBackground = <K extends RequestType>(request: RequestOf<K>) => Promise<ReplyOf<K>>;

export interface ClearpageFixtures {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  tabIdOf: (page: Page) => Promise<number>;
  openPopupFor: (page: Page) => Promise<Page>;
  openActionPopup: (page?: Page) => Promise<Page>;
  sendToTab: SendToTab;
  sendToBackground: SendToBackground;
  injectContent: (page: Page) => Promise<void>;
}

export interface ClearpageWorkerFixtures {
  serverUrl: string;
}

export const test = base.extend<ClearpageFixtures, ClearpageWorkerFixtures>({
  serverUrl: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
    async ({}, use) => {
      const { server, url } = await serveDirectory(FIXTURES_DIR);
      await use(url);
      await new Promise<void>((done) => server.close(() => done()));
    },
    { scope: 'worker' },
  ],

  // eslint-disable-next-line no-empty-pattern -- no dependencies
  context: async ({}, use) => {
    const { context, profile } = await launchWithExtension();
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },

  serviceWorker: async ({ context }, use) => {
    await use(await extensionWorker(context));
  },

  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },

  tabIdOf: async ({ serviceWorker }, use) => {
    await use(async (page: Page) => {
      const url = page.url();
      const byUrl = await serviceWorker.evaluate(async (u) => {
        const tabs = await chrome.tabs.query({});
        return tabs.filter((t) => t.url === u).map((t) => t.id ?? -1);
      }, url);
      if (byUrl.length === 1) return byUrl[0];
      // Several tabs with this URL, or one we may not read the URL of (chrome://): the active one.
      await page.bringToFront();
      const active = await serviceWorker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return tab?.id ?? -1;
      });
      if (active < 0) throw new Error(`No tab found for ${url}`);
      return active;
    });
  },

  openPopupFor: async ({ context, extensionId, tabIdOf }, use) => {
    await use(async (page: Page) => {
      const tabId = await tabIdOf(page);
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
      return popup;
    });
  },

  openActionPopup: async ({ context, serviceWorker, extensionId }, use) => {
    let cdp: Browser | null = null;
    await use(async (page?: Page) => {
      if (page) await page.bringToFront();
      const popupUrl = `chrome-extension://${extensionId}/popup.html`;
      await serviceWorker.evaluate(() => chrome.action.openPopup());
      // Connect after opening: a fresh connection lists the popup among its pages.
      await cdp?.close();
      cdp = await connectOverCdp(context);
      return findPage(cdp, popupUrl);
    });
    await (cdp as Browser | null)?.close();
  },

  sendToTab: async ({ serviceWorker, tabIdOf }, use) => {
    const send: SendToTab = async (page, request) => {
      const tabId = await tabIdOf(page);
      const envelope = (await serviceWorker.evaluate(
        ([id, message]) => chrome.tabs.sendMessage(id as number, message, { frameId: 0 }),
        [tabId, request] as const,
      )) as { ok: boolean; value?: unknown; error?: string } | undefined;
      if (!envelope) throw new Error(`No content script answered "${request.type}"`);
      if (!envelope.ok) throw new Error(envelope.error);
      return envelope.value as never;
    };
    await use(send);
  },

  sendToBackground: async ({ serviceWorker }, use) => {
    const send: SendToBackground = async (request) =>
      (await serviceWorker.evaluate(
        // The background bundle is an IIFE whose exports land on `clearpageBackground`.
        (message) => (globalThis as unknown as { clearpageBackground: { dispatch: (m: unknown) => Promise<unknown> } }).clearpageBackground.dispatch(message),
        request,
      )) as never;
    await use(send);
  },

  injectContent: async ({ tabIdOf, sendToBackground }, use) => {
    await use(async (page: Page) => {
      const tabId = await tabIdOf(page);
      await sendToBackground({ type: 'ensure-content', tabId });
    });
  },
});

/** Collects console errors and uncaught exceptions of a page. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

export { expect };
