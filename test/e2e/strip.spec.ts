/**
 * In-place stripping on the bdnews24 seed fixture served from localhost, driven through the
 * content script's message protocol the way the popup and the background drive it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, RESULTS_DIR } from './harness';

const SEED = '/bdnews24-explainer/source.html';
const CHROME_CATEGORIES = ['language', 'navigation', 'related', 'more-from', 'ad', 'consent', 'header-footer', 'share'];

const outerHtml = (page: Page) => page.evaluate(() => document.documentElement.outerHTML);

test.describe('stripping the seed page', () => {
  test('hides every chrome category and leaves the article readable', async ({ context, serverUrl, injectContent, sendToTab }) => {
    const page = await context.newPage();
    await page.goto(serverUrl + SEED);
    await injectContent(page);
    const state = await sendToTab(page, { type: 'strip' });

    expect(state.stripped).toBe(true);
    expect(new Set(state.items.map((i) => i.category))).toEqual(new Set(CHROME_CATEGORIES));
    await expect(page.locator('html')).toHaveAttribute('data-clearpage-stripped', '');
    await expect(page.locator('style[data-clearpage-style]')).toHaveCount(1);
    for (const category of CHROME_CATEGORIES) {
      const hidden = page.locator(`[data-clearpage-hidden="${category}"]`);
      expect(await hidden.count(), category).toBeGreaterThan(0);
      await expect(hidden.first()).toBeHidden();
    }
    // What a reader sees: none of the chrome, all of the article.
    for (const chrome of ['RELATED STORIES', 'বাংলা', 'We use cookies', 'Cryptoverse', 'Privacy policy', 'Facebook']) {
      await expect(page.getByText(chrome, { exact: false }).first(), chrome).toBeHidden();
    }
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("Why did ISIS-K attack a Moscow theatre?");
    const paragraphs = page.locator('.details-body p');
    expect(await paragraphs.count()).toBeGreaterThan(5);
    for (const p of await paragraphs.all()) await expect(p).toBeVisible();

    mkdirSync(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: join(RESULTS_DIR, 'stripped-page.png'), fullPage: true });
  });

  test('restore gives back the identical document, and stripping twice is a no-op', async ({ context, serverUrl, injectContent, sendToTab }) => {
    const page = await context.newPage();
    await page.goto(serverUrl + SEED);
    // The page itself already uses one of our attribute names: it must get its value back in place.
    await page.evaluate(() => {
      document.querySelector('.site-footer')!.setAttribute('data-clearpage-hidden', 'page-own');
      document.querySelector('.details-body p')!.setAttribute('data-clearpage-hidden', 'page-own');
    });
    const before = await outerHtml(page);
    await injectContent(page);

    const first = await sendToTab(page, { type: 'strip' });
    const stripped = await outerHtml(page);
    expect(stripped).not.toBe(before);
    // The page's own use of the attribute hides nothing: only our category values do.
    await expect(page.locator('.details-body p').first()).toBeVisible();
    await expect(page.locator('.site-footer')).toHaveAttribute('data-clearpage-hidden', 'header-footer');
    const second = await sendToTab(page, { type: 'strip' });
    expect(second.items).toEqual(first.items);
    expect(await outerHtml(page)).toBe(stripped);

    const restored = await sendToTab(page, { type: 'restore' });
    expect(restored).toMatchObject({ stripped: false, items: [] });
    expect(await outerHtml(page)).toBe(before);
    await expect(page.getByText('RELATED STORIES')).toBeVisible();
  });

  test('injecting the content script twice installs it once', async ({ context, serverUrl, tabIdOf, serviceWorker, sendToTab }) => {
    const page = await context.newPage();
    await page.goto(serverUrl + SEED);
    const tabId = await tabIdOf(page);
    for (let i = 0; i < 2; i++) {
      await serviceWorker.evaluate((id) => chrome.scripting.executeScript({ target: { tabId: id }, files: ['content.js'] }), tabId);
    }
    await sendToTab(page, { type: 'strip' });
    // Two installed copies would each answer "strip" and inject a stylesheet of their own.
    await expect(page.locator('style[data-clearpage-style]')).toHaveCount(1);
    await sendToTab(page, { type: 'restore' });
    await expect(page.locator('[data-clearpage-hidden], style[data-clearpage-style]')).toHaveCount(0);
  });

  test('chrome inserted later is hidden; late article text is not', async ({ context, serverUrl, injectContent, sendToTab }) => {
    const page = await context.newPage();
    await page.goto(serverUrl + SEED);
    await injectContent(page);
    const { items } = await sendToTab(page, { type: 'strip' });

    await page.evaluate(() => {
      const ad = document.createElement('div');
      ad.className = 'ad-slot';
      ad.id = 'late-ad';
      ad.append(Object.assign(document.createElement('span'), { textContent: 'Advertisement' }));
      document.querySelector('.main-column')!.append(ad);

      const consent = document.createElement('div');
      consent.id = 'late-consent';
      consent.setAttribute('role', 'dialog');
      consent.textContent = 'We use cookies to personalise content. Accept all cookies or manage your privacy settings.';
      document.body.append(consent);

      const p = document.createElement('p');
      p.id = 'late-paragraph';
      p.textContent = 'A late paragraph of the article that loads after the rest, with enough words to read as text.';
      document.querySelector('.details-body')!.append(p);
    });

    await expect(page.locator('#late-ad')).toHaveAttribute('data-clearpage-hidden', 'ad');
    await expect(page.locator('#late-consent')).toHaveAttribute('data-clearpage-hidden', 'consent');
    await expect(page.locator('#late-ad')).toBeHidden();
    await expect(page.locator('#late-consent')).toBeHidden();
    await expect(page.locator('#late-paragraph')).toBeVisible();
    const after = await sendToTab(page, { type: 'get-strip-state' });
    expect(after.items.length).toBe(items.length + 2);
  });

  test('show again is remembered for the site after a reload', async ({ context, serverUrl, injectContent, sendToTab, sendToBackground }) => {
    const page = await context.newPage();
    await page.goto(serverUrl + SEED);
    await injectContent(page);
    const { items, host } = await sendToTab(page, { type: 'strip' });
    const related = items.find((i) => i.category === 'related')!;
    const after = await sendToTab(page, { type: 'show-again', id: related.id });
    expect(after.items.map((i) => i.id)).not.toContain(related.id);
    await expect(page.getByText('RELATED STORIES')).toBeVisible();
    expect((await sendToBackground({ type: 'get-site', host })).keep).toHaveLength(1);

    await page.reload();
    await injectContent(page);
    const again = await sendToTab(page, { type: 'strip' });
    expect(again.items.map((i) => i.category)).not.toContain('related');
    await expect(page.getByText('RELATED STORIES')).toBeVisible();
    await expect(page.getByText('We use cookies')).toBeHidden();
  });

  test('a picked element is hidden, remembered, and hidden again after a reload; Escape cancels', async ({ context, serverUrl, injectContent, sendToTab, sendToBackground }) => {
    const page = await context.newPage();
    await page.goto(serverUrl + SEED);
    await injectContent(page);
    await sendToTab(page, { type: 'strip' });

    // Escape cancels and hides nothing.
    const cancelled = sendToTab(page, { type: 'start-picker' });
    await expect(page.locator('[data-clearpage-ui="picker"]')).toHaveCount(1);
    await page.keyboard.press('Escape');
    expect(await cancelled).toEqual({ picked: false });
    await expect(page.locator('[data-clearpage-ui]')).toHaveCount(0);

    const figure = page.locator('figure.lead-image');
    await expect(figure).toBeVisible();
    const picking = sendToTab(page, { type: 'start-picker' });
    await expect(page.locator('[data-clearpage-ui="picker"]')).toHaveCount(1);
    const box = (await figure.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const picked = await picking;
    expect(picked.picked).toBe(true);
    await expect(figure).toBeHidden();
    await expect(page.locator('[data-clearpage-ui]')).toHaveCount(0);
    const { hide } = await sendToBackground({ type: 'get-site', host: '127.0.0.1' });
    expect(hide).toEqual([picked.picked ? picked.selector : '']);

    await page.reload();
    await injectContent(page);
    await expect(figure).toBeVisible();
    const state = await sendToTab(page, { type: 'strip' });
    await expect(figure).toBeHidden();
    const category = await figure.getAttribute('data-clearpage-hidden');
    expect(state.items.filter((i) => i.category === category).length).toBeGreaterThan(0);
  });

  test('the hashed-class variant strips and restores too', async ({ context, serverUrl, injectContent, sendToTab }) => {
    const page = await context.newPage();
    await page.goto(`${serverUrl}/bdnews24-hashed/source.html`);
    const before = await outerHtml(page);
    await injectContent(page);
    const { items } = await sendToTab(page, { type: 'strip' });
    expect(items.map((i) => i.category)).toEqual(expect.arrayContaining(['related', 'language']));
    await expect(page.getByText('RELATED STORIES')).toBeHidden();
    await expect(page.getByText('বাংলা')).toBeHidden();
    await expect(page.getByText('Islamic State Khorasan (ISIS-K)')).toBeVisible();
    await sendToTab(page, { type: 'restore' });
    expect(await outerHtml(page)).toBe(before);
  });
});
