/**
 * Hostile pages and an extension reload (issue 5): a page whose own scripts throw and rewrite the
 * DOM every 50 ms, a page that enforces Trusted Types, a page that navigates itself away while the
 * popup reads it, and settings and per-site rules that must survive chrome.runtime.reload().
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { test, expect, extensionSnapshot, extensionWorker, watchErrors, CHROMIUM_PATH } from './harness';
import { HEADLESS_CHROMIUM_FLAGS, extensionFlags } from '../../scripts/chromium-flags';

const CHURN = '/hostile-dom-churn/source.html';
const CHURN_TITLE = 'The harbour that never sleeps: a night with the river pilots';
const CHURN_PARAGRAPH = 'River pilots guide every large ship through the last eleven miles of the estuary';
const LONG_FORM_TITLE = 'The clock in the tower: a history of keeping town time';
const SEED = '/bdnews24-explainer/source.html';

/** Any of the popup's settled states (everything but "loading"), shown. */
const SETTLED = ['#state-article', '#state-no-article', '#state-error', '#state-restricted']
  .map((id) => `${id}:not([hidden])`)
  .join(', ');


/** The page's own counter (incremented every 50 ms by its script). */
const counterOf = (page: Page) => page.locator('#counter').evaluate((el) => Number(el.getAttribute('data-count')));

/** Waits until the page's counter has moved past its current value: the page's scripts still run. */
async function expectPageStillRunning(page: Page): Promise<void> {
  const start = await counterOf(page);
  await expect.poll(() => counterOf(page), { timeout: 5_000 }).toBeGreaterThan(start + 3);
}

test.describe('hostile pages', () => {
  test('a page that throws and rewrites its DOM every 50 ms: popup, strip and restore still work', async ({ context, serverUrl, openPopupFor }) => {
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const ourPageMessages: string[] = [];
    page.on('console', (m) => {
      if ((m.type() === 'error' || m.type() === 'warning') && /clearpage/i.test(m.text())) ourPageMessages.push(m.text());
    });
    await page.goto(serverUrl + CHURN);
    await expectPageStillRunning(page);
    // The fixture really is hostile: its own errors reach the page.
    await expect.poll(() => pageErrors.length, { timeout: 5_000 }).toBeGreaterThan(0);

    const popup = await openPopupFor(page);
    const errors = watchErrors(popup);
    await expect(popup.locator(SETTLED)).toHaveCount(1, { timeout: 15_000 });
    await expect(popup.locator('#state-article')).toBeVisible();
    await expect(popup.locator('#article-title')).toHaveText(CHURN_TITLE);
    await expect(popup.locator('#article-body')).toContainText(CHURN_PARAGRAPH);
    // The ticker and the sidebar's churn are not article text.
    await expect(popup.locator('#article-body')).not.toContainText('Breaking update number');

    // Strip through the popup's switch.
    const toggle = popup.getByTestId('strip-toggle');
    await expect(toggle).not.toBeChecked();
    await toggle.click();
    await expect(toggle).toBeChecked();
    await expect(page.locator('html')).toHaveAttribute('data-clearpage-stripped', '');
    await expect(page.getByRole('heading', { level: 1, name: CHURN_TITLE })).toBeVisible();
    await expect(page.getByText(CHURN_PARAGRAPH)).toBeVisible();
    await expectPageStillRunning(page);
    // Still stripped after the page has rewritten itself for a while.
    await expect(page.locator('html')).toHaveAttribute('data-clearpage-stripped', '');

    // Restore.
    await toggle.click();
    await expect(toggle).not.toBeChecked();
    await expect(page.locator('html')).not.toHaveAttribute('data-clearpage-stripped');
    await expect(page.locator('[data-clearpage-hidden], style[data-clearpage-style]')).toHaveCount(0);
    await expect(page.getByText(CHURN_PARAGRAPH)).toBeVisible();
    await expectPageStillRunning(page);

    // Everything the page threw is its own; nothing reached the popup's console.
    expect(pageErrors.filter((m) => !m.includes('hostile page'))).toEqual([]);
    expect(ourPageMessages).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('a page that enforces Trusted Types reads exactly as without them', async ({ context, serverUrl, openPopupFor }) => {
    // Sites that require TrustedHTML for every HTML sink (a CSP header): extraction parses the
    // article HTML in the page (the content script's own world), and must not be refused there.
    const source = readFileSync(join(import.meta.dirname, '..', 'fixtures', SEED.slice(1)), 'utf8');
    const enforced = `${serverUrl}/trusted-types${SEED}`;
    await context.route(enforced, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': "require-trusted-types-for 'script'; trusted-types 'none'" }, body: source }),
    );
    const shown: string[] = [];
    const writes: string[] = [];
    for (const url of [serverUrl + SEED, enforced]) {
      const page = await context.newPage();
      await page.goto(url);
      // Whether the page itself may write HTML: refused where Trusted Types are enforced.
      writes.push(await page.evaluate(() => { try { document.body.insertAdjacentHTML('beforeend', ''); return 'allowed'; } catch { return 'refused'; } }));
      const popup = await openPopupFor(page);
      await expect(popup.locator('#state-article')).toBeVisible();
      shown.push(await popup.locator('#article-body').innerHTML());
    }
    expect(writes).toEqual(['allowed', 'refused']);
    expect(shown[1]).toContain('Islamic State Khorasan');
    expect(shown[1]).toBe(shown[0]);
  });

  test('a page that navigates away while the popup reads it: a readable state, never a hang', async ({ context, serverUrl, openPopupFor }) => {
    for (const delay of [300, 500, 800]) {
      const page = await context.newPage();
      await page.goto(`${serverUrl}/navigates-away/source.html?delay=${delay}`);
      const popup = await openPopupFor(page);
      const errors = watchErrors(popup);

      await expect(popup.locator(SETTLED), `delay ${delay}`).toHaveCount(1, { timeout: 15_000 });
      await expect(popup.locator('#state-loading')).toBeHidden();
      const shown = (await popup.locator(SETTLED).innerText()).trim();
      expect(shown.length, `delay ${delay}: the popup says something`).toBeGreaterThan(20);
      const view = await popup.locator(SETTLED).getAttribute('id');
      test.info().annotations.push({ type: 'popup state', description: `delay ${delay} ms: ${view}: ${shown.slice(0, 80)}` });

      if (await popup.locator('#state-article').isVisible()) {
        // Either the page it was, or the page it became.
        await expect(popup.locator('#article-title')).toHaveText(/Why the old lighthouse keepers kept diaries|The clock in the tower/);
      } else if (await popup.locator('#state-error').isVisible()) {
        // An error says what went wrong and offers a retry, which reads the page the tab holds now.
        await expect(popup.locator('#error-detail')).not.toBeEmpty();
        await page.waitForURL(/long-form\/source\.html/, { timeout: 10_000 });
        await popup.locator('#retry').click();
        await expect(popup.locator('#article-title')).toHaveText(LONG_FORM_TITLE, { timeout: 15_000 });
      }

      // The page did navigate, and the tab is usable: the popup for its new page shows that article.
      await page.waitForURL(/long-form\/source\.html/, { timeout: 10_000 });
      await page.waitForLoadState('load');
      const again = await openPopupFor(page);
      const againErrors = watchErrors(again);
      await expect(again.locator('#article-title')).toHaveText(LONG_FORM_TITLE, { timeout: 15_000 });

      expect(errors, `delay ${delay}`).toEqual([]);
      expect(againErrors, `delay ${delay}`).toEqual([]);
      await again.close();
      await popup.close();
      await page.close();
    }
  });
});

/**
 * Our background service worker other than `old`, waiting for it after a reload. A reloaded MV3
 * worker may stay asleep until an event: after a second, the options page (which asks the
 * background for the site list) wakes it.
 */
async function newWorker(context: BrowserContext, old: Worker, extensionId: string): Promise<Worker> {
  const isOurs = (w: Worker) => w !== old && w.url().startsWith('chrome-extension://') && w.url().endsWith('/background.js');
  const start = Date.now();
  const deadline = start + 20_000;
  let waker: Page | null = null;
  for (;;) {
    if (!waker && Date.now() - start > 1_000 && !context.serviceWorkers().some(isOurs)) {
      waker = await context.newPage();
      await waker.goto(`chrome-extension://${extensionId}/options.html`).catch(() => undefined);
    }
    const found = context.serviceWorkers().find(isOurs);
    if (found) {
      // The new worker answers once its bundle has run.
      const ready = await found
        .evaluate(() => typeof (globalThis as unknown as { clearpageBackground?: unknown }).clearpageBackground === 'object')
        .catch(() => false);
      if (ready) {
        await waker?.close();
        return found;
      }
    }
    if (Date.now() > deadline) {
      const seen = context.serviceWorkers().map((w) => `${w === old ? 'old' : 'new'} ${w.url()}`);
      throw new Error(`No new service worker after chrome.runtime.reload() (workers: ${seen.join(', ') || 'none'})`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function tabIdIn(worker: Worker, page: Page): Promise<number> {
  const ids = await worker.evaluate(async (u) => (await chrome.tabs.query({})).filter((t) => t.url === u).map((t) => t.id ?? -1), page.url());
  expect(ids).toHaveLength(1);
  return ids[0];
}

/**
 * A context like the harness's, but with developer mode on: with it off, Chromium (137+) disables an
 * unpacked extension that calls chrome.runtime.reload() instead of reloading it.
 */
async function launchInDeveloperMode(): Promise<{ context: BrowserContext; profile: string }> {
  const extensionDir = await extensionSnapshot();
  const profile = mkdtempSync(join(tmpdir(), 'clearpage-e2e-reload-'));
  mkdirSync(join(profile, 'Default'), { recursive: true });
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ extensions: { ui: { developer_mode: true } } }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      ...HEADLESS_CHROMIUM_FLAGS,
      ...extensionFlags(extensionDir),
    ],
  });
  return { context, profile };
}

const dispatchIn = (worker: Worker, message: unknown) =>
  worker.evaluate(
    (m) => (globalThis as unknown as { clearpageBackground: { dispatch: (m: unknown) => Promise<unknown> } }).clearpageBackground.dispatch(m),
    message,
  );

test('reading settings and per-site rules survive an extension reload', async ({ serverUrl }) => {
  const { context, profile } = await launchInDeveloperMode();
  try {
    await reloadAndCheck(context, serverUrl);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

async function reloadAndCheck(context: BrowserContext, serverUrl: string): Promise<void> {
  const serviceWorker = await extensionWorker(context);
  const extensionId = new URL(serviceWorker.url()).host;
  const reading = { fontSize: 20, width: 68, lineHeight: 1.6, fontFamily: 'sans', theme: 'dark' };
  await serviceWorker.evaluate((r) => chrome.storage.local.set({ reading: r }), reading);
  await dispatchIn(serviceWorker, { type: 'add-site-rule', host: '127.0.0.1', kind: 'hide', selector: 'figure.lead-image' });
  expect(await dispatchIn(serviceWorker, { type: 'get-site', host: '127.0.0.1' })).toMatchObject({ hide: ['figure.lead-image'] });

  // The worker goes away mid-call: the evaluate may reject, which is expected.
  await serviceWorker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
  const worker = await newWorker(context, serviceWorker, extensionId);
  expect(new URL(worker.url()).host).toBe(extensionId);

  const stored = await worker.evaluate(() => chrome.storage.local.get(['reading', 'sites']));
  expect(stored.reading).toEqual(reading);
  expect(await dispatchIn(worker, { type: 'get-site', host: '127.0.0.1' })).toMatchObject({ hide: ['figure.lead-image'] });

  // A popup opened after the reload applies both.
  const page = await context.newPage();
  await page.goto(serverUrl + SEED);
  const figure = page.locator('figure.lead-image');
  await expect(figure).toBeVisible();
  const popup = await context.newPage();
  const errors = watchErrors(popup);
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${await tabIdIn(worker, page)}`);
  await expect(popup.locator('#state-article')).toBeVisible({ timeout: 15_000 });
  await expect(popup.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(popup.locator('article p').first()).toHaveCSS('font-size', '20px');

  const toggle = popup.getByTestId('strip-toggle');
  await toggle.click();
  await expect(toggle).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-clearpage-stripped', '');
  await expect(figure).toBeHidden();
  expect(errors).toEqual([]);
}
