/**
 * Popup click-to-text on the seed fixture: the built test extension (dist/chrome-test, which may
 * act on localhost) in Chromium, the fixture served from localhost, then `popup.html?tabId=N`
 * opened the way the toolbar click opens it. The time is from the popup's navigation start (the
 * click) to the moment its <article> first holds the article's text, recorded inside the popup.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { REPO_ROOT } from './corpora';
import { startPageServer } from './page-server';
import { quantile } from './scoring';
import { HEADLESS_CHROMIUM_FLAGS, extensionFlags } from '../scripts/chromium-flags';

export type PopupTiming = { skipped: string } | { ms: number; p95: number; runs: number; fixture: string };

// Runs in the popup from its first script on: notes when <article> first holds real text.
const RECORDER = `(() => {
  const check = () => {
    const a = document.querySelector('article');
    if (a && a.textContent && a.textContent.trim().length > 200 && window.__clearpageTextAt === undefined) {
      window.__clearpageTextAt = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

/** Measures click-to-text `runs` times; skipped when the test build or Chromium is missing. */
export async function measurePopup(runs = 5): Promise<PopupTiming> {
  const extensionDir = join(REPO_ROOT, 'dist', 'chrome-test');
  const fixture = join(REPO_ROOT, 'test', 'fixtures', 'bdnews24-explainer', 'source.html');
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(join(extensionDir, 'manifest.json'))) return { skipped: 'no dist/chrome-test build' };
  if (!existsSync(fixture)) return { skipped: 'no seed fixture' };
  if (!existsSync(executablePath)) return { skipped: `Chromium not found at ${executablePath}` };
  const profile = mkdtempSync(join(tmpdir(), 'clearpage-bench-'));
  const server = await startPageServer();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [...HEADLESS_CHROMIUM_FLAGS, ...extensionFlags(extensionDir)],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
    const page = await context.newPage();
    const url = server.urlFor(fixture);
    await page.goto(url);
    const tabId = (await worker.evaluate(`chrome.tabs.query({}).then((tabs) => (tabs.find((t) => t.url === ${JSON.stringify(url)}) || {}).id)`)) as number | undefined;
    if (typeof tabId !== 'number') return { skipped: 'could not find the fixture tab' };
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const popup = await context.newPage();
      await popup.addInitScript(RECORDER);
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
      // Functions, not strings: the popup's CSP forbids string evaluation.
      await popup.waitForFunction(() => (window as unknown as { __clearpageTextAt?: number }).__clearpageTextAt !== undefined, undefined, { timeout: 15_000 });
      times.push(await popup.evaluate(() => (window as unknown as { __clearpageTextAt: number }).__clearpageTextAt));
      await popup.close();
    }
    return { ms: quantile(times, 0.5), p95: quantile(times, 0.95), runs, fixture: 'test/fixtures/bdnews24-explainer/source.html' };
  } catch (e) {
    return { skipped: `failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  } finally {
    await context.close().catch(() => {});
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
