/**
 * Firefox ESR smoke test: the built Firefox extension (dist/firefox) installs in Debian's
 * firefox-esr (driven by puppeteer-core over WebDriver BiDi), strips and restores the seed fixture
 * served from localhost, and its popup page shows the article.
 *
 *   npm run build && npm run test:firefox
 *
 * Firefox grants no activeTab without a real toolbar click, which automation cannot make, so the
 * test installs a copy of dist/firefox whose manifest adds host access to localhost only (as the
 * Chrome test build does). Prints one line per check and a final PASS/FAIL line; exit code 1 on failure.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { serveDirectory } from '../../scripts/static-server';
import { findActiveHtml } from '../xss-payloads';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'dist', 'firefox');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const SEED = '/bdnews24-explainer/source.html';
const TITLE = 'Why did ISIS-K attack a Moscow theatre?';
const QUESTIONS = ['WHAT IS ISIS-K?', 'WHAT ATTACKS HAS THE GROUP CARRIED OUT?', 'WHY WOULD THEY ATTACK RUSSIA?'];
const TEST_HOSTS = ['http://localhost/*', 'http://127.0.0.1/*'];

const results: { ok: boolean; what: string; detail?: string }[] = [];

function check(ok: boolean, what: string, detail?: string): void {
  results.push({ ok, what, detail });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail && !ok ? ` — ${detail}` : ''}`);
}

async function waitFor<T>(what: string, probe: () => Promise<T>, accept: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let error: unknown;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (accept(last)) return last;
    } catch (e) {
      error = e;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what} (last value: ${JSON.stringify(last)}${error ? `, last error: ${String(error)}` : ''})`);
}

/**
 * Navigates a tab to one of the extension's pages. Firefox loads moz-extension:// pages in the
 * extension process, and puppeteer's BiDi navigation never sees them finish loading, so this waits
 * on the document itself instead of on the navigation.
 */
async function openExtensionPage(page: Page, url: string): Promise<void> {
  await page.goto(url, { timeout: 3_000 }).catch(() => undefined);
  await waitFor(`${url} to load`, () => page.evaluate(() => `${location.href} ${document.readyState}`), (v) => v === `${url} complete`);
}

/** A copy of dist/firefox with host access to the local test server (Firefox test build). */
function testBuild(): { dir: string; id: string } {
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error(`No build in ${DIST}: run \`npm run build\` first.`);
  const dir = mkdtempSync(join(tmpdir(), 'clearpage-firefox-ext-'));
  cpSync(DIST, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    host_permissions?: string[];
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  manifest.host_permissions = TEST_HOSTS;
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error('dist/firefox/manifest.json has no browser_specific_settings.gecko.id');
  return { dir, id };
}

async function main(): Promise<void> {
  const { server, url: serverUrl } = await serveDirectory(join(ROOT, 'test', 'fixtures'));
  const ext = testBuild();
  // A fixed moz-extension:// UUID for our add-on id, so the test can open its pages.
  const uuid = randomUUID();
  let browser: Browser | null = null;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      // WebDriver BiDi navigates only to http(s)/file/blob URLs unless system access is allowed;
      // the test opens the extension's own moz-extension:// pages, so it needs it.
      args: ['-remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [ext.id]: uuid }),
        // No network beyond the local server: no updates, telemetry, or remote settings.
        'app.update.enabled': false,
        'extensions.update.enabled': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'toolkit.telemetry.enabled': false,
      },
    });
    const version = await browser.version();
    check(/firefox/i.test(version), `launched ${version}`);

    const installedId = await browser.installExtension(ext.dir);
    check(installedId === ext.id, `installed ${ext.id} temporarily`, `got ${installedId}`);
    const base = `moz-extension://${uuid}`;

    const page = await browser.newPage();
    await page.goto(serverUrl + SEED, { waitUntil: 'load' });
    const before = await page.evaluate(() => document.documentElement.outerHTML);

    // The tab id of the fixture page, asked from an extension page (which has the tabs API).
    const helper = await browser.newPage();
    await openExtensionPage(helper, `${base}/options.html`);
    const tabId = await waitFor(
      'the fixture tab in browser.tabs.query',
      () =>
        helper.evaluate(async (u: string) => {
          const api = (globalThis as unknown as { browser: typeof chrome }).browser;
          const tabs = await api.tabs.query({});
          return tabs.find((t) => t.url === u)?.id ?? -1;
        }, serverUrl + SEED),
      (id) => id >= 0,
    );
    check(tabId >= 0, `found the fixture tab (id ${tabId})`);
    await helper.close();

    const popup: Page = await browser.newPage();
    await openExtensionPage(popup, `${base}/popup.html?tabId=${tabId}`);
    const shown = await waitFor(
      'the article in the popup',
      () =>
        popup.evaluate(() => ({
          visible: !document.getElementById('state-article')?.hidden,
          title: document.getElementById('article-title')?.textContent?.trim() ?? '',
          h2: Array.from(document.querySelectorAll('#article-body h2')).map((h) => h.textContent?.trim() ?? ''),
          paragraphs: document.querySelectorAll('#article-body p').length,
          error: document.getElementById('state-error')?.hidden === false ? document.getElementById('state-error')?.textContent?.trim() : null,
        })),
      (v) => (v.visible && v.title !== '') || !!v.error,
    );
    check(shown.visible && !shown.error, 'the popup page shows the article', shown.error ?? undefined);
    check(shown.title === TITLE, `popup title is "${TITLE}"`, `got "${shown.title}"`);
    check(QUESTIONS.every((q) => shown.h2.some((h) => h.includes(q))), 'popup shows the questions as headings', JSON.stringify(shown.h2));
    check(shown.paragraphs > 5, `popup shows the article paragraphs (${shown.paragraphs})`);

    const relatedBefore = await page.evaluate(() =>
      Array.from(document.querySelectorAll('body *')).some(
        (el) => el.children.length === 0 && /RELATED STORIES/i.test(el.textContent ?? '') && (el as HTMLElement).offsetParent !== null,
      ),
    );
    check(relatedBefore, '"RELATED STORIES" is visible before strip');

    // Strip through the popup's switch, then restore.
    const setToggle = (on: boolean) =>
      popup.evaluate((want: boolean) => {
        const box = document.querySelector<HTMLInputElement>('[data-testid="strip-toggle"]');
        if (!box) throw new Error('no strip toggle');
        if (box.checked !== want) box.click();
      }, on);
    await setToggle(true);
    const stripped = await waitFor(
      'the page to be stripped',
      () =>
        page.evaluate(() => ({
          flag: document.documentElement.hasAttribute('data-clearpage-stripped'),
          hidden: document.querySelectorAll('[data-clearpage-hidden]').length,
          relatedVisible: Array.from(document.querySelectorAll('body *')).some(
            (el) => el.children.length === 0 && /RELATED STORIES/i.test(el.textContent ?? '') && (el as HTMLElement).offsetParent !== null,
          ),
          articleVisible: (document.querySelector('h1') as HTMLElement | null)?.offsetParent !== null,
        })),
      (v) => v.flag,
    );
    check(stripped.flag && stripped.hidden > 0, `strip hid ${stripped.hidden} chrome blocks`);
    check(!stripped.relatedVisible, '"RELATED STORIES" is hidden after strip');
    check(stripped.articleVisible, 'the article stays visible after strip');

    await setToggle(false);
    await waitFor('the page to be restored', () => page.evaluate(() => document.documentElement.hasAttribute('data-clearpage-stripped')), (v) => !v);
    const after = await page.evaluate(() => document.documentElement.outerHTML);
    check(after === before, 'restore gives back the identical document', `${before.length} vs ${after.length} characters`);

    // The XSS corpus's first page: the popup shows it with nothing active and nothing run.
    const hostile = await browser.newPage();
    const dialogs: string[] = [];
    hostile.on('dialog', (d) => void d.dismiss().catch(() => undefined));
    await hostile.goto(`${serverUrl}/xss/scripts-and-handlers/source.html`, { waitUntil: 'load' });
    const helper2 = await browser.newPage();
    await openExtensionPage(helper2, `${base}/options.html`);
    const hostileTab = await waitFor(
      'the hostile tab in browser.tabs.query',
      () =>
        helper2.evaluate(async (u: string) => {
          const api = (globalThis as unknown as { browser: typeof chrome }).browser;
          return (await api.tabs.query({})).find((t) => t.url === u)?.id ?? -1;
        }, `${serverUrl}/xss/scripts-and-handlers/source.html`),
      (id) => id >= 0,
    );
    await helper2.close();
    const hostilePopup = await browser.newPage();
    hostilePopup.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss().catch(() => undefined);
    });
    await openExtensionPage(hostilePopup, `${base}/popup.html?tabId=${hostileTab}`);
    const hostileView = await waitFor(
      'the hostile article in the popup',
      () =>
        hostilePopup.evaluate(() => ({
          visible: !document.getElementById('state-article')?.hidden,
          body: document.getElementById('article-body')?.innerHTML ?? '',
        })),
      (v) => v.visible && v.body.includes('sea wall'),
    );
    await new Promise((r) => setTimeout(r, 1000));
    const ran = await hostilePopup.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return { pwned: typeof w.__pwned, hits: typeof w.__xssHits };
    });
    const active = findActiveHtml(hostileView.body).map((f) => `${f.what} @ ${f.where}`);
    check(active.length === 0, 'hostile page: the popup article holds nothing active', active.slice(0, 5).join('; '));
    check(ran.pwned === 'undefined' && ran.hits === 'undefined' && dialogs.length === 0, 'hostile page: no payload ran in the popup', JSON.stringify({ ...ran, dialogs }));
  } catch (error) {
    check(false, 'smoke test ran to the end', error instanceof Error ? error.stack ?? error.message : String(error));
  } finally {
    await browser?.close().catch(() => undefined);
    server.close();
    rmSync(ext.dir, { recursive: true, force: true });
  }
  const failed = results.filter((r) => !r.ok);
  console.log(failed.length ? `FAIL firefox smoke: ${failed.length} of ${results.length} checks failed` : `PASS firefox smoke: ${results.length} checks`);
  process.exit(failed.length ? 1 : 0);
}

void main();
