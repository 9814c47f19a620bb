/**
 * No network: the extension itself contacts nothing. Every request in the browser context is
 * recorded while the whole flow runs on the seed page (open the popup, strip, restore, every copy
 * and every download, the options page), and only the test page's own origin (the page and what
 * the article shows from it) and the extension's own chrome-extension:// files may appear.
 * Also: the fresh build's bundles hold no eval and no remote code.
 */
import type { Request } from '@playwright/test';
import { join } from 'node:path';
import { test, expect } from './harness';
import { ROOT, bundleProblems } from '../least-privilege';

interface Recorded {
  url: string;
  from: string;
}

/** Where a request came from: its frame's URL, or the service worker's. */
function requestOrigin(request: Request): string {
  try {
    return request.frame().url();
  } catch {
    return request.serviceWorker()?.url() ?? 'unknown';
  }
}

test.describe('the extension makes no network request of its own', () => {
  test('open popup, strip, restore, copy, download, options: only the page origin and the extension', async ({ context, serverUrl, openPopupFor, extensionId }) => {
    test.setTimeout(90_000);
    const requests: Recorded[] = [];
    context.on('request', (request) => requests.push({ url: request.url(), from: requestOrigin(request) }));
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: serverUrl });

    const page = await context.newPage();
    await page.goto(`${serverUrl}/bdnews24-explainer/source.html`);
    const popup = await openPopupFor(page);
    await expect(popup.locator('#article-body h2')).toHaveCount(3);

    const toggle = popup.getByTestId('strip-toggle');
    await toggle.check();
    await expect(page.locator('html[data-clearpage-stripped]')).toHaveCount(1);
    await toggle.uncheck();
    await expect(page.locator('html[data-clearpage-stripped]')).toHaveCount(0);

    for (const testId of ['copy-markdown', 'copy-text', 'copy-rich']) {
      await popup.bringToFront();
      await popup.getByTestId(testId).click();
    }
    for (const testId of ['download-md', 'download-txt', 'download-html', 'download-json']) {
      await popup.bringToFront();
      const downloaded = popup.waitForEvent('download');
      await popup.getByTestId(testId).click();
      await (await downloaded).path();
    }
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.waitForLoadState('load');
    // Give late requests (prefetches, beacons, images) time to show up before judging.
    await popup.waitForTimeout(1000);

    const pageOrigin = new URL(serverUrl).origin;
    const allowed = (url: string) => {
      if (/^(data|blob):/.test(url)) return true;
      if (url.startsWith(`chrome-extension://${extensionId}/`)) return true;
      try {
        return new URL(url).origin === pageOrigin;
      } catch {
        return false;
      }
    };
    const foreign = requests.filter((r) => !allowed(r.url)).map((r) => `${r.from} → ${r.url}`);
    expect(foreign).toEqual([]);
    // The record is not empty: it saw the page load and the extension's own files.
    expect(requests.some((r) => r.url.startsWith(`${pageOrigin}/bdnews24-explainer/source.html`))).toBe(true);
    expect(requests.some((r) => r.url.startsWith(`chrome-extension://${extensionId}/popup.html`))).toBe(true);
    // The extension's pages asked the page's server for nothing but what the article shows (its images).
    const fromExtension = requests.filter((r) => r.from.startsWith('chrome-extension://') && !r.url.startsWith('chrome-extension://') && !/^(data|blob):/.test(r.url));
    for (const r of fromExtension) expect(r.url, `${r.from} fetched a non-image`).toMatch(/\.(png|jpe?g|gif|webp|avif|svg)(\?|$)/i);
  });

  test('the recorder sees requests made by the background service worker and by extension pages', async ({ context, serviceWorker, extensionId, serverUrl }) => {
    const requests: Recorded[] = [];
    context.on('request', (request) => requests.push({ url: request.url(), from: requestOrigin(request) }));
    await serviceWorker.evaluate((u) => fetch(`${u}/probe-from-worker`).catch(() => undefined), serverUrl);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.evaluate((u) => fetch(`${u}/probe-from-page`).catch(() => undefined), serverUrl);
    await expect.poll(() => requests.map((r) => new URL(r.url).pathname)).toEqual(expect.arrayContaining(['/probe-from-worker', '/probe-from-page']));
    expect(requests.find((r) => r.url.endsWith('/probe-from-worker'))?.from).toMatch(/^chrome-extension:\/\/.*background\.js$/);
  });

  // (eval is not tried here: code run through DevTools evaluation is exempt from the page's CSP; the
  // manifest test and the bundle scan cover it.)
  test("the popup's Content Security Policy blocks inline script and inline handlers", async ({ context, serverUrl, openPopupFor }) => {
    const page = await context.newPage();
    await page.goto(`${serverUrl}/bdnews24-explainer/source.html`);
    const popup = await openPopupFor(page);
    await expect(popup.locator('#article-body h2')).toHaveCount(3);
    const outcome = await popup.evaluate(async () => {
      const w = window as unknown as Record<string, unknown>;
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__handlerRan = true');
      img.src = 'data:,not-an-image';
      document.body.append(img);
      await new Promise((r) => setTimeout(r, 300));
      return { inline: w.__inlineRan ?? false, handler: w.__handlerRan ?? false, violations };
    });
    expect(outcome.inline).toBe(false);
    expect(outcome.handler).toBe(false);
    expect(outcome.violations.filter((d) => d.startsWith('script-src')).length).toBeGreaterThanOrEqual(2);
  });
});

test.describe('the fresh build holds no remote code', () => {
  for (const target of ['chrome', 'firefox', 'chrome-test']) {
    test(`dist/${target}: no eval, Function constructor, string timers or remote scripts`, () => {
      expect(bundleProblems(join(ROOT, 'dist', target))).toEqual([]);
    });
  }
});
