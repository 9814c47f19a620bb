/**
 * `npm start` (after the build): serves the bundled fixture pages on localhost and opens
 * Chromium with Clearpage loaded on the seed page, the reader popup beside it and the page
 * stripped. Without a display (or with --headless, or in CI) it runs the same flow headless
 * and writes to demo-output/: a screenshot of the stripped page and of the popup, and the four
 * exports the popup's download buttons give; then prints their paths and the Markdown.
 *
 * It loads dist/chrome-test (the store build plus access to localhost), so the popup can act on
 * the fixture page without a click on the toolbar button first.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveDirectory } from './static-server';

const ROOT = resolve(import.meta.dirname, '..');
const EXTENSION = join(ROOT, 'dist', 'chrome-test');
const OUT = join(ROOT, 'demo-output');
const SEED = '/bdnews24-explainer/source.html';

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright's browsers are not installed: use Debian's.
  }
  return '/usr/bin/chromium';
}

const headless =
  process.argv.includes('--headless') || !!process.env.CI || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

async function tabIdOf(context: BrowserContext, url: string): Promise<number> {
  const worker =
    context.serviceWorkers().find((w) => w.url().endsWith('/background.js')) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().endsWith('/background.js') }));
  const ids = await worker.evaluate(async (u) => (await chrome.tabs.query({ url: u })).map((t) => t.id ?? -1), url);
  if (!ids.length) throw new Error(`no tab for ${url}`);
  return ids[0];
}

async function main(): Promise<void> {
  if (!existsSync(join(EXTENSION, 'manifest.json'))) {
    console.error('No build in dist/chrome-test: run `npm run build` first (npm start does).');
    process.exit(1);
  }
  const { server, url } = await serveDirectory(join(ROOT, 'test', 'fixtures'));
  const profile = mkdtempSync(join(tmpdir(), 'clearpage-demo-'));
  const executablePath = chromiumPath();
  console.log(`Serving test/fixtures on ${url}; Chromium: ${executablePath}${headless ? ' (headless)' : ''}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless,
    viewport: headless ? { width: 1280, height: 900 } : null,
    acceptDownloads: true,
    args: [
      // Chromium refuses to run as root with its sandbox (containers, CI).
      ...(headless || process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ...(headless ? ['--disable-gpu'] : []),
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
    ],
  });
  const cleanup = async () => {
    await context.close().catch(() => {});
    server.close();
    rmSync(profile, { recursive: true, force: true });
  };

  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const pageUrl = url + SEED;
    await page.goto(pageUrl);
    const tabId = await tabIdOf(context, pageUrl);
    const extensionId = new URL(
      (context.serviceWorkers().find((w) => w.url().endsWith('/background.js')) ?? (await context.waitForEvent('serviceworker'))).url(),
    ).host;

    const popup: Page = await context.newPage();
    if (headless) await popup.setViewportSize({ width: 720, height: 900 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    await popup.locator('article').getByText('Islamic State Khorasan').first().waitFor();

    // The strip switch in the popup hides the page's chrome in place.
    const toggle = popup.getByTestId('strip-toggle');
    await toggle.waitFor({ state: 'attached' });
    if (!(await toggle.isChecked())) await toggle.check({ force: true });
    await page.locator('html[data-clearpage-stripped]').waitFor({ state: 'attached' });

    if (!headless) {
      await page.bringToFront();
      console.log('Chromium is open: the seed page is stripped, the reader popup is in the next tab.');
      console.log('Click the Clearpage toolbar button (or Alt+Shift+R) on any page. Close the browser to stop.');
      await new Promise<void>((done) => context.once('close', () => done()));
      return;
    }

    mkdirSync(OUT, { recursive: true });
    const written: string[] = [];
    const strippedShot = join(OUT, 'stripped-page.png');
    await page.screenshot({ path: strippedShot, fullPage: true });
    written.push(strippedShot);
    const popupShot = join(OUT, 'popup.png');
    await popup.screenshot({ path: popupShot, fullPage: true });
    written.push(popupShot);

    let markdownFile = '';
    for (const id of ['download-md', 'download-txt', 'download-html', 'download-json']) {
      const downloading = popup.waitForEvent('download');
      await popup.getByTestId(id).click();
      const download = await downloading;
      const file = join(OUT, download.suggestedFilename());
      await download.saveAs(file);
      written.push(file);
      if (id === 'download-md') markdownFile = file;
    }
    console.log('\nWrote:');
    for (const file of written) console.log(`  ${file}`);
    console.log(`\n${readFileSync(markdownFile, 'utf8')}`);
  } finally {
    await cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
