/**
 * The options page: reading and export defaults saved, the remembered sites with their rules
 * (each removable), the uBlock Origin filter export, "clear all", and the message shown when
 * stored settings were corrupt.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, RESULTS_DIR, watchErrors } from './harness';
import type { Page, Worker } from '@playwright/test';

const SCREENSHOTS = join(RESULTS_DIR, 'screenshots');


async function stored(worker: Worker, key: string): Promise<unknown> {
  return worker.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key);
}

test('sites, rules and their uBlock Origin filters, each removable', async ({ context, extensionId, serviceWorker, sendToBackground }) => {
  await sendToBackground({ type: 'add-site-rule', host: 'bdnews24.com', kind: 'hide', selector: '#related-stories' });
  await sendToBackground({ type: 'add-site-rule', host: 'bdnews24.com', kind: 'hide', selector: 'aside.opinion' });
  await sendToBackground({ type: 'add-site-rule', host: 'bdnews24.com', kind: 'keep', selector: '.date-bar' });
  await sendToBackground({ type: 'add-site-rule', host: 'example.org', kind: 'hide', selector: 'div.cookie-wall' });
  // The test build holds localhost access, so automatic stripping can be switched on for it.
  await sendToBackground({ type: 'set-site-auto', host: '127.0.0.1', enabled: true });

  const options = await context.newPage();
  const errors = watchErrors(options);
  await options.setViewportSize({ width: 900, height: 1100 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);

  const sites = options.getByTestId('site');
  await expect(sites).toHaveCount(3);
  await expect(sites.locator('h3')).toHaveText(['127.0.0.1', 'bdnews24.com', 'example.org']);
  const bdnews = options.locator('[data-testid="site"][data-host="bdnews24.com"]');
  await expect(bdnews.locator('code')).toHaveText(['#related-stories', 'aside.opinion', '.date-bar']);
  await expect(options.locator('[data-host="127.0.0.1"] [data-testid="site-auto"]')).toBeChecked();
  await expect(options.getByTestId('ublock-filters')).toHaveValue(
    'bdnews24.com###related-stories\nbdnews24.com##aside.opinion\nexample.org##div.cookie-wall\n',
  );
  await expect(options.locator('#problems')).toBeHidden();
  mkdirSync(SCREENSHOTS, { recursive: true });
  await options.screenshot({ path: join(SCREENSHOTS, 'options.png'), fullPage: true });

  // Remove one rule: gone from the list, the filters and storage.
  await bdnews.getByRole('button', { name: 'Remove the rule aside.opinion' }).click();
  await expect(bdnews.locator('code')).toHaveText(['#related-stories', '.date-bar']);
  await expect(options.getByTestId('ublock-filters')).toHaveValue('bdnews24.com###related-stories\nexample.org##div.cookie-wall\n');
  expect(((await stored(serviceWorker, 'sites')) as Record<string, { hide: string[] }>)['bdnews24.com'].hide).toEqual(['#related-stories']);

  // Switch automatic stripping off for a site that has nothing else: it leaves the list.
  await options.locator('[data-host="127.0.0.1"] [data-testid="site-auto"]').click();
  await expect(sites.locator('h3')).toHaveText(['bdnews24.com', 'example.org']);
  await expect.poll(async () => ((await stored(serviceWorker, 'sites')) as Record<string, unknown>)['127.0.0.1']).toBeUndefined();

  // Forget a site.
  await options.locator('[data-host="example.org"]').getByTestId('remove-site').click();
  await expect(sites.locator('h3')).toHaveText(['bdnews24.com']);

  // Clear all asks for a second click.
  const clearAll = options.getByTestId('clear-all');
  await clearAll.click();
  await expect(clearAll).toHaveText('Click again to clear all');
  await expect(sites).toHaveCount(1);
  await clearAll.click();
  await expect(sites).toHaveCount(0);
  await expect(options.locator('#sites-empty')).toBeVisible();
  await expect(options.getByTestId('ublock-filters')).toHaveValue('');
  expect(await stored(serviceWorker, 'sites')).toEqual({});
  expect(errors).toEqual([]);
});

test('reading and export defaults are saved', async ({ context, extensionId, serviceWorker }) => {
  const options = await context.newPage();
  const errors = watchErrors(options);
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.locator('#sites-empty')).toBeVisible();

  await options.locator('#reading-form label', { hasText: 'Sepia' }).click();
  await expect(options.locator('html')).toHaveAttribute('data-theme', 'sepia');
  await options.locator('#reading-form label', { hasText: 'Sans-serif' }).click();
  await options.locator('#export-format').selectOption('html');
  await options.getByLabel('Start Markdown with front matter').uncheck();

  await expect.poll(() => stored(serviceWorker, 'reading')).toMatchObject({ theme: 'sepia', fontFamily: 'sans' });
  await expect.poll(() => stored(serviceWorker, 'export')).toEqual({ format: 'html', frontMatter: false });

  await options.reload();
  await expect(options.locator('#export-format')).toHaveValue('html');
  await expect(options.getByLabel('Start Markdown with front matter')).not.toBeChecked();
  await expect(options.locator('#reading-form input[value="sepia"]')).toBeChecked();
  expect(errors).toEqual([]);
});

test('the options page and the popup show one reading form: same labelled fields, same values', async ({ context, extensionId, serviceWorker }) => {
  const options = await context.newPage();
  const errors = watchErrors(options);
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const form = options.locator('#reading-form');
  await expect(form.getByRole('group', { name: 'Theme' }).getByRole('radio')).toHaveCount(4);
  await expect(form.getByRole('group', { name: 'Font' }).getByRole('radio')).toHaveCount(2);
  await form.getByLabel('Text size').fill('22');
  await expect(form.locator('#font-size-value')).toHaveText('22 px');
  await expect(options.locator('#reading-preview')).toHaveCSS('font-size', '22px');
  await form.getByLabel('Line spacing').fill('2');
  await expect.poll(() => stored(serviceWorker, 'reading')).toMatchObject({ fontSize: 22, lineHeight: 2 });

  // The popup's Aa sheet is the same form, filled from the same settings.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.locator('#settings-button').click();
  const sheet = popup.locator('#settings-panel');
  await expect(sheet.getByLabel('Text size')).toHaveValue('22');
  await expect(sheet.getByLabel('Line spacing')).toHaveValue('2');
  const labels = (page: Page, root: string) => page.locator(`${root} legend, ${root} label[for]`).allTextContents();
  expect(await labels(popup, '#settings-panel')).toEqual(await labels(options, '#reading-form'));
  expect(errors).toEqual([]);
});

test('corrupt stored settings are reset with a message, not a crash', async ({ context, extensionId, serviceWorker }) => {
  await serviceWorker.evaluate(() =>
    chrome.storage.local.set({
      reading: 'not an object',
      export: { format: 'docx', frontMatter: 'yes' },
      sites: { 'bad host!': 5, 'ok.example': { autoStrip: false, hide: ['div.ad', '<<not a selector'], keep: [] } },
    }),
  );
  const options = await context.newPage();
  const errors = watchErrors(options);
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const problems = options.locator('#problems');
  await expect(problems).toBeVisible();
  await expect(problems.locator('h2')).toHaveText('Some saved settings were damaged and have been reset');
  await expect(problems.locator('li')).not.toHaveCount(0);
  // What was sound is kept.
  await expect(options.locator('[data-host="ok.example"] code')).toHaveText(['div.ad']);
  await expect(options.locator('#export-format')).toHaveValue('markdown');
  expect(await stored(serviceWorker, 'reading')).toMatchObject({ theme: 'system', fontSize: 18 });
  await options.screenshot({ path: join(SCREENSHOTS, 'options-corrupt.png') });
  expect(errors).toEqual([]);
});
