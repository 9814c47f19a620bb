/**
 * The reader popup: the seed fixture (bdnews24 explainer) through `popup.html?tabId=N` and the real
 * action popup, reading settings, the strip switch and the removed tray, the no-article and
 * restricted-page states, right-to-left articles and the Bengali UI. Saves screenshots.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, RESULTS_DIR, launchWithExtension, extensionWorker, serveDirectory, FIXTURES_DIR, watchErrors } from './harness';
import type { Page } from '@playwright/test';

const SCREENSHOTS = join(RESULTS_DIR, 'screenshots');
const TITLE = 'Why did ISIS-K attack a Moscow theatre?';
const QUESTIONS = ['WHAT IS ISIS-K?', 'WHAT ATTACKS HAS THE GROUP CARRIED OUT?', 'WHY WOULD THEY ATTACK RUSSIA?'];
const CHROME_TEXT = [
  'RELATED STORIES',
  'Over 60 killed in Moscow concert attack',
  'US embassy warns of imminent attack in Moscow',
  'Cryptoverse: AI tokens outpace record-breaking bitcoin',
  'Tasneem Hossain',
  'বাংলা',
];


async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(SCREENSHOTS, name) });
}

/** What a reader sees for the seed article: metadata, the three questions as headings, the outline, no chrome. */
async function expectSeedArticle(popup: Page): Promise<void> {
  await expect(popup.locator('#article-title')).toHaveText(TITLE);
  await expect(popup.locator('#article-title')).toHaveJSProperty('tagName', 'H1');
  await expect(popup.locator('#article-byline')).toHaveText('Reuters');
  await expect(popup.locator('#article-site')).toHaveText('bdnews24.com');
  await expect(popup.locator('#article-reading-time')).toHaveText(/^\d+ min read$/);
  await expect(popup.locator('#article-dates time').first()).toHaveAttribute('datetime', '2024-03-23T04:04:00+06:00');
  // Shown in the page's own time zone, in the UI language.
  await expect(popup.locator('#article-dates time').first()).toHaveText(/March 23, 2024.*4:04/);

  const article = popup.locator('article');
  await expect(article).toHaveCount(1);
  await expect(article.locator('h2')).toHaveText(QUESTIONS);
  await expect(article).toContainText('Islamic State Khorasan (ISIS-K), named after an old term');
  await expect(article).toContainText('with their own grievances against Moscow.');
  await expect(article).toHaveAttribute('lang', 'en');
  await expect(article).toHaveAttribute('dir', 'ltr');

  // The outline sits outside the article and links to its three questions.
  const outline = popup.locator('nav#outline');
  await expect(outline.locator('a')).toHaveText(QUESTIONS);
  expect(await popup.locator('article nav, article #outline, article #tray-panel').count()).toBe(0);

  const shown = await popup.locator('#state-article').innerText();
  for (const chrome of CHROME_TEXT) expect(shown, `chrome text "${chrome}" in the popup`).not.toContain(chrome);
}

test('the popup shows the seed article through ?tabId=', async ({ context, serverUrl, openPopupFor }) => {
  const page = await context.newPage();
  await page.goto(`${serverUrl}/bdnews24-explainer/source.html`);
  const popup = await openPopupFor(page);
  const errors = watchErrors(popup);
  await popup.setViewportSize({ width: 700, height: 600 });
  await expectSeedArticle(popup);
  await expect(popup.getByTestId('strip-toggle')).not.toBeChecked();

  // A jump link brings its question into view and gives it focus.
  await popup.locator('nav#outline a').nth(2).click();
  await expect(popup.locator('article h2').nth(2)).toBeInViewport();
  await expect(popup.locator('article h2').nth(2)).toBeFocused();
  await screenshot(popup, 'popup-light-scrolled.png');

  await popup.locator('#main').evaluate((main) => main.scrollTo({ top: 0, behavior: 'instant' }));
  await screenshot(popup, 'popup-light.png');
  expect(errors).toEqual([]);
});

test('the action popup shows the seed article', async ({ context, serverUrl, openActionPopup }) => {
  const page = await context.newPage();
  await page.goto(`${serverUrl}/bdnews24-hashed/source.html`);
  await page.goto(`${serverUrl}/bdnews24-explainer/source.html`);
  const popup = await openActionPopup(page);
  await expectSeedArticle(popup);
  // A real popup is sized by its document: within Chrome's 800 × 600 limit.
  const size = await popup.evaluate(() => ({ w: document.documentElement.offsetWidth, h: document.documentElement.offsetHeight }));
  expect(size.w).toBeGreaterThanOrEqual(560);
  expect(size.w).toBeLessThanOrEqual(800);
  expect(size.h).toBeLessThanOrEqual(600);
  await screenshot(popup, 'popup-action.png');
});

test('reading settings apply at once and are remembered', async ({ context, serverUrl, openPopupFor }) => {
  const page = await context.newPage();
  await page.goto(`${serverUrl}/bdnews24-explainer/source.html`);
  let popup = await openPopupFor(page);
  const errors = watchErrors(popup);
  await popup.setViewportSize({ width: 700, height: 600 });
  await expect(popup.locator('article h2')).toHaveCount(3);

  await popup.locator('#settings-button').click();
  await expect(popup.locator('#settings-panel')).toBeVisible();
  await popup.locator('#settings-panel label', { hasText: 'Dark' }).click();
  await expect(popup.locator('html')).toHaveAttribute('data-theme', 'dark');
  await popup.locator('#settings-panel label', { hasText: 'Sans-serif' }).click();
  await popup.locator('#font-size').fill('20');
  await expect(popup.locator('#font-size-value')).toHaveText('20 px');
  const bodySize = await popup.locator('article p').first().evaluate((p) => getComputedStyle(p).fontSize);
  expect(bodySize).toBe('20px');
  await screenshot(popup, 'popup-settings-dark.png');

  await popup.locator('#settings-panel [data-close-sheet]').click();
  await expect(popup.locator('#settings-panel')).toBeHidden();
  await screenshot(popup, 'popup-dark-sans.png');
  expect(errors).toEqual([]);

  // Remembered: a new popup opens dark, sans, 20 px. Then back to serif at 18 px for the dark screenshot.
  await popup.waitForTimeout(400); // the settings save is debounced by 250 ms
  await popup.close();
  popup = await openPopupFor(page);
  await popup.setViewportSize({ width: 700, height: 600 });
  await expect(popup.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(popup.locator('article p').first()).toHaveCSS('font-size', '20px');
  await popup.locator('#settings-button').click();
  await popup.locator('#settings-panel label', { hasText: 'Serif' }).first().click();
  await popup.locator('#font-size').fill('18');
  await popup.keyboard.press('Escape');
  await expect(popup.locator('#settings-panel')).toBeHidden();
  await expect(popup.locator('article p').first()).toHaveCSS('font-size', '18px');
  await screenshot(popup, 'popup-dark.png');

  await popup.locator('#settings-button').click();
  await popup.locator('#settings-panel label', { hasText: 'Sepia' }).click();
  await popup.keyboard.press('Escape');
  await screenshot(popup, 'popup-sepia.png');
});

test('the strip switch and the removed tray', async ({ context, serverUrl, openPopupFor }) => {
  const page = await context.newPage();
  await page.goto(`${serverUrl}/bdnews24-explainer/source.html`);
  const popup = await openPopupFor(page);
  const errors = watchErrors(popup);
  await popup.setViewportSize({ width: 700, height: 600 });
  await expect(popup.locator('article h2')).toHaveCount(3);

  // Before stripping, the tray lists what was found.
  await popup.locator('#tray-button').click();
  await expect(popup.locator('#tray-summary')).toContainText('found');
  await expect(popup.locator('#tray-groups .tray-group[data-category="related"]')).toBeVisible();
  await popup.keyboard.press('Escape');

  await popup.getByTestId('strip-toggle').check();
  await expect(page.locator('html')).toHaveAttribute('data-clearpage-stripped', /.*/);
  await expect(popup.getByTestId('strip-toggle')).toBeChecked();
  const hiddenOnPage = await page.locator('[data-clearpage-hidden]').count();
  expect(hiddenOnPage).toBeGreaterThan(0);
  await expect(popup.locator('#tray-count')).toHaveText(String(hiddenOnPage));

  await popup.locator('#tray-button').click();
  const tray = popup.locator('#tray-panel');
  await expect(tray).toBeVisible();
  await expect(tray.locator('#tray-summary')).toContainText(`${hiddenOnPage} blocks are hidden`);
  for (const category of ['related', 'more-from', 'language']) {
    await expect(tray.locator(`.tray-group[data-category="${category}"]`)).toBeVisible();
  }
  const relatedGroup = tray.locator('.tray-group[data-category="related"]');
  await expect(relatedGroup.locator('h3')).toContainText('Related stories');
  await expect(relatedGroup.locator('.sample').first()).not.toBeEmpty();
  await expect(tray.locator('.tray-group[data-category="language"] .sample')).toContainText(['বাংলা']);
  await screenshot(popup, 'popup-tray.png');

  // Show one block again: it is visible on the page once more, the rest stay hidden.
  await tray.locator('.tray-group[data-category="language"] li button').first().click();
  await expect(popup.locator('#toast')).toContainText('Shown again');
  await expect(page.locator('[data-clearpage-hidden]')).toHaveCount(hiddenOnPage - 1);
  await expect(page.getByText('বাংলা', { exact: true }).first()).toBeVisible();

  // Switching off restores the page.
  await popup.keyboard.press('Escape');
  await popup.getByTestId('strip-toggle').uncheck();
  await expect(page.locator('html')).not.toHaveAttribute('data-clearpage-stripped', /.*/);
  await expect(page.locator('[data-clearpage-hidden]')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a page without an article offers to strip it anyway', async ({ context, serverUrl, openPopupFor }) => {
  const page = await context.newPage();
  await page.goto(`${serverUrl}/no-article-home/source.html`);
  const popup = await openPopupFor(page);
  const errors = watchErrors(popup);
  await popup.setViewportSize({ width: 700, height: 600 });
  await expect(popup.locator('#state-no-article')).toBeVisible();
  await expect(popup.locator('#no-article-title')).toHaveText('No article on this page');
  await expect(popup.locator('#no-article-why')).not.toBeEmpty();
  await expect(popup.locator('article')).toBeHidden();
  await expect(popup.locator('#export-bar')).toBeHidden();
  await screenshot(popup, 'popup-no-article.png');

  const stripAnyway = popup.getByRole('button', { name: 'Strip page chrome anyway' });
  await expect(stripAnyway).toBeVisible();
  await stripAnyway.click();
  await expect(page.locator('html')).toHaveAttribute('data-clearpage-stripped', /.*/);
  await expect(popup.getByTestId('strip-toggle')).toBeChecked();
  expect(errors).toEqual([]);
});

test('a browser page gets the restricted state with the reason', async ({ context, openActionPopup, openPopupFor }) => {
  const page = await context.newPage();
  await page.goto('chrome://version');
  const popup = await openActionPopup(page);
  await expect(popup.locator('#state-restricted')).toBeVisible();
  await expect(popup.locator('#restricted-title')).toHaveText('Clearpage can’t read this page');
  await expect(popup.locator('#restricted-why')).toContainText('browser’s own pages');
  await expect(popup.locator('#export-bar')).toBeHidden();
  await expect(popup.getByTestId('strip-toggle')).toBeHidden();

  // Through ?tabId= too (without a toolbar click the tab's URL may be unknown: still a clear refusal).
  const viaParam = await openPopupFor(page);
  const errors = watchErrors(viaParam);
  await viaParam.setViewportSize({ width: 700, height: 600 });
  await expect(viaParam.locator('#state-restricted')).toBeVisible();
  await expect(viaParam.locator('#restricted-why')).not.toBeEmpty();
  await screenshot(viaParam, 'popup-restricted.png');
  expect(errors).toEqual([]);
});

test('a right-to-left article renders right to left', async ({ context, serverUrl, openPopupFor }) => {
  const page = await context.newPage();
  await page.goto(`${serverUrl}/rtl-arabic/source.html`);
  const popup = await openPopupFor(page);
  await popup.setViewportSize({ width: 700, height: 600 });
  const article = popup.locator('article');
  await expect(article).toHaveAttribute('dir', 'rtl');
  await expect(article).toHaveAttribute('lang', /^ar/);
  expect(await article.evaluate((a) => getComputedStyle(a).direction)).toBe('rtl');
  await screenshot(popup, 'popup-rtl.png');
});

test('the UI follows the browser language: Bengali', async () => {
  // A browser of its own, started in Bengali: Chromium on Linux takes its UI locale from the
  // environment, and needs its Bengali resources (Debian: chromium-l10n).
  const LOCALE_ENV = { LANGUAGE: 'bn', LC_ALL: 'bn_BD.UTF-8', LANG: 'bn_BD.UTF-8' };
  const saved = Object.fromEntries(Object.keys(LOCALE_ENV).map((k) => [k, process.env[k]]));
  Object.assign(process.env, LOCALE_ENV);
  const launched = await launchWithExtension().finally(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
  const { context, profile } = launched;
  const { server, url } = await serveDirectory(FIXTURES_DIR);
  try {
    const worker = await extensionWorker(context);
    const extensionId = new URL(worker.url()).host;
    const page = await context.newPage();
    await page.goto(`${url}/bdnews24-explainer/source.html`);
    const tabId = await worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0].id, page.url());
    const popup = await context.newPage();
    const errors = watchErrors(popup);
    await popup.setViewportSize({ width: 700, height: 600 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);

    await expect(popup.locator('html')).toHaveAttribute('lang', /^bn/);
    await expect(popup.locator('#outline-heading')).toHaveText('এই নিবন্ধে');
    await expect(popup.locator('.switch-label')).toHaveText('জঞ্জাল লুকান');
    await expect(popup.locator('#copy-label')).toHaveText('কপি');
    await expect(popup.locator('#article-reading-time')).toHaveText(/^পড়তে [০-৯]+ মিনিট$/);
    await expect(popup.locator('#article-dates')).toContainText('প্রকাশিত');
    // The article keeps its own language.
    await expect(popup.locator('article')).toHaveAttribute('lang', 'en');
    await expect(popup.locator('article h2')).toHaveText(QUESTIONS);
    await screenshot(popup, 'popup-bn.png');

    await popup.getByTestId('strip-toggle').check();
    await expect(popup.locator('#toast')).toContainText('জঞ্জাল-অংশ লুকানো হয়েছে');
    expect(errors).toEqual([]);

    // The options page too.
    const options = await context.newPage();
    await options.setViewportSize({ width: 900, height: 900 });
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.locator('html')).toHaveAttribute('lang', /^bn/);
    await expect(options.locator('h1')).toHaveText('Clearpage অপশন');
    await expect(options.locator('#sites-heading')).toHaveText('সাইট');
    await options.screenshot({ path: join(SCREENSHOTS, 'options-bn.png') });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await new Promise<void>((done) => server.close(() => done()));
  }
});

test('"pick an element to hide" from the tray hides it and remembers it for the site', async ({ context, serverUrl, openPopupFor, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto(`${serverUrl}/bdnews24-explainer/source.html`);
  const popup = await openPopupFor(page);
  const errors = watchErrors(popup);
  await expect(popup.locator('article h2')).toHaveCount(3);
  await popup.locator('#tray-button').click();
  await popup.getByTestId('pick-element').click();
  await expect(popup.locator('#toast')).toContainText('Click the element on the page');

  // The person goes to the page and clicks the footer.
  await page.bringToFront();
  await expect(page.locator('[data-clearpage-ui="picker"]')).toHaveCount(1);
  const footer = page.locator('footer').last();
  await footer.hover();
  await footer.click();
  await expect(footer).toHaveAttribute('data-clearpage-hidden', /.+/);
  await expect(footer).toBeHidden();

  await popup.bringToFront();
  await expect(popup.locator('#toast')).toContainText('Hidden, and remembered for this site');
  await expect(popup.locator('#tray-groups li')).not.toHaveCount(0);
  const sites = (await serviceWorker.evaluate(async () => (await chrome.storage.local.get('sites')).sites)) as Record<string, { hide: string[] }>;
  expect(sites['127.0.0.1'].hide).toHaveLength(1);
  expect(errors).toEqual([]);
});

test('"hide clutter automatically" on a site strips it now and after a reload', async ({ context, serverUrl, openPopupFor, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto(`${serverUrl}/bdnews24-explainer/source.html`);
  const popup = await openPopupFor(page);
  const errors = watchErrors(popup);
  await expect(popup.locator('article h2')).toHaveCount(3);
  await popup.locator('#tray-button').click();
  const remember = popup.getByTestId('remember-site');
  await expect(popup.locator('#remember-site-label')).toHaveText('Hide clutter automatically on 127.0.0.1');
  await expect(remember).not.toBeChecked();
  // The test build already holds http://127.0.0.1/*, so the permission request answers without a prompt.
  await remember.check();
  await expect(popup.locator('#toast')).toContainText('Clutter will be hidden automatically on 127.0.0.1');
  await expect(page.locator('html')).toHaveAttribute('data-clearpage-stripped', /.*/);
  await expect(popup.getByTestId('strip-toggle')).toBeChecked();
  const sites = (await serviceWorker.evaluate(async () => (await chrome.storage.local.get('sites')).sites)) as Record<string, { autoStrip: boolean }>;
  expect(sites['127.0.0.1'].autoStrip).toBe(true);

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-clearpage-stripped', /.*/);
  await expect(page.getByText('RELATED STORIES')).toBeHidden();
  expect(errors).toEqual([]);
});

test('a tab that cannot be found gives the error state with a retry', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  const uncaught: string[] = [];
  popup.on('pageerror', (e) => uncaught.push(String(e)));
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=987654`);
  await expect(popup.locator('#state-error')).toBeVisible();
  await expect(popup.locator('#error-title')).toHaveText('Something went wrong');
  await expect(popup.locator('#error-detail')).toContainText('987654');
  await expect(popup.getByRole('button', { name: 'Try again' })).toBeVisible();
  expect(uncaught).toEqual([]);
});

test('the popup follows stripping started elsewhere (the keyboard shortcut)', async ({ context, serverUrl, openPopupFor, tabIdOf, sendToBackground }) => {
  const page = await context.newPage();
  await page.goto(`${serverUrl}/bdnews24-explainer/source.html`);
  const popup = await openPopupFor(page);
  await expect(popup.locator('article h2')).toHaveCount(3);
  await expect(popup.getByTestId('strip-toggle')).not.toBeChecked();
  // What the toggle-strip command does, without the key press.
  await sendToBackground({ type: 'toggle-strip', tabId: await tabIdOf(page) });
  await expect(page.locator('html')).toHaveAttribute('data-clearpage-stripped', /.*/);
  await expect(popup.getByTestId('strip-toggle')).toBeChecked();
  await expect(popup.locator('#tray-button-label')).toHaveText('Hidden');
});

test('a blog post keeps its code, table, list and quote in the reader', async ({ context, serverUrl, openPopupFor }) => {
  const page = await context.newPage();
  await page.goto(`${serverUrl}/blog-code-table/source.html`);
  const popup = await openPopupFor(page);
  await popup.setViewportSize({ width: 700, height: 600 });
  const article = popup.locator('article');
  await expect(article.locator('pre code')).toHaveCount(1);
  await expect(article.locator('table')).toHaveCount(1);
  await expect(article.locator('blockquote')).toHaveCount(1);
  // Code keeps its own font and does not widen the popup.
  expect(await article.locator('pre').evaluate((pre) => getComputedStyle(pre).fontFamily)).toMatch(/mono/i);
  expect(await popup.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await article.locator('pre').scrollIntoViewIfNeeded();
  await screenshot(popup, 'popup-code.png');
  await article.locator('table').scrollIntoViewIfNeeded();
  await screenshot(popup, 'popup-table.png');
});

// An essay with footnotes, the way blogs and encyclopaedias write them: a superscript link down to
// the note, and a link from the note back up to its reference.
const FOOTNOTED_ESSAY = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bells at sea</title>
<link rel="canonical" href="https://essays.example/bells-at-sea"></head><body>
<header><a href="/">Essays</a></header>
<article>
<h1>Bells at sea</h1>
${Array.from({ length: 6 }, (_, i) => `<p>Ships kept time by the bell for centuries, striking the half hours of each watch so that every hand aboard knew how long remained before relief, paragraph ${i + 1} of the essay.${i === 1 ? '<sup id="ref-1"><a href="#note-1">1</a></sup>' : ''}</p>`).join('\n')}
<h2>Notes</h2>
<ol><li id="note-1">Eight bells ends a watch. <a href="#ref-1">↩</a></li></ol>
</article></body></html>`;

test('copy rich and the saved HTML send in-article links to the article or to ids in the file, never to the popup', async ({ context, serverUrl, openPopupFor }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: serverUrl });
  await context.route(`${serverUrl}/essay-with-footnotes.html`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: FOOTNOTED_ESSAY }));
  const page = await context.newPage();
  await page.goto(`${serverUrl}/essay-with-footnotes.html`);
  const popup = await openPopupFor(page);
  await expect(popup.locator('article sup a')).toHaveText('1');

  await popup.getByTestId('copy-rich').click();
  await expect(popup.locator('#toast')).toHaveText('Copied with formatting');
  await page.bringToFront();
  const html = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return (await item.getType('text/html')).text();
  });
  expect(html).not.toContain('chrome-extension:');
  // The article's address is the page's (the canonical link names another host here).
  expect(html).toContain(`href="${serverUrl}/essay-with-footnotes.html#note-1"`);
  expect(html).toContain(`href="${serverUrl}/essay-with-footnotes.html#ref-1"`);

  await popup.bringToFront();
  const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('download-html').click()]);
  const saved = await new Promise<string>((resolve, reject) => {
    download.createReadStream().then((stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks).toString('utf8'))).on('error', reject);
    }, reject);
  });
  // The file carries both ends of each footnote link, so the jumps stay inside it.
  const file = await context.newPage();
  await file.setContent(saved);
  const noteLink = file.locator('article sup a');
  const target = (await noteLink.getAttribute('href'))!;
  expect(target).toMatch(/^#./);
  await expect(file.locator(target)).toContainText('Eight bells ends a watch');
  const backLink = file.locator('article li a');
  await expect(file.locator((await backLink.getAttribute('href'))!)).toHaveCount(1);
});
