/**
 * Accessibility: axe-core finds no serious or critical problem in the popup (article, reading
 * settings, removed tray, no-article and restricted states; light and dark) or the options page.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './harness';
import type { Page } from '@playwright/test';

/** Serious and critical axe violations, as readable lines. */
async function seriousProblems(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  // axe really looked at the page (a blank page would pass vacuously).
  expect(results.passes.length, `${label}: rules that passed`).toBeGreaterThan(10);
  if (process.env.A11Y_VERBOSE) {
    for (const v of results.violations) console.log(label, v.id, v.impact, v.nodes.map((n) => n.target.join(' ')).join(', '));
  }
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the popup has no serious accessibility problem', async ({ context, serverUrl, openPopupFor }) => {
  const page = await context.newPage();
  await page.goto(`${serverUrl}/bdnews24-explainer/source.html`);
  const popup = await openPopupFor(page);
  await popup.setViewportSize({ width: 700, height: 600 });
  await expect(popup.locator('article h2')).toHaveCount(3);

  const problems: string[] = [];
  problems.push(...(await seriousProblems(popup, 'article, light')));

  await popup.locator('#settings-button').click();
  await expect(popup.locator('#settings-panel')).toBeVisible();
  problems.push(...(await seriousProblems(popup, 'reading settings, light')));
  await popup.locator('#settings-panel label', { hasText: 'Dark' }).click();
  await expect(popup.locator('html')).toHaveAttribute('data-theme', 'dark');
  problems.push(...(await seriousProblems(popup, 'reading settings, dark')));
  await popup.keyboard.press('Escape');
  problems.push(...(await seriousProblems(popup, 'article, dark')));
  await popup.locator('#settings-button').click();
  await popup.locator('#settings-panel label', { hasText: 'Sepia' }).click();
  await popup.keyboard.press('Escape');
  problems.push(...(await seriousProblems(popup, 'article, sepia')));

  await popup.getByTestId('strip-toggle').check();
  await expect(page.locator('html')).toHaveAttribute('data-clearpage-stripped', /.*/);
  await popup.locator('#tray-button').click();
  await expect(popup.locator('#tray-panel')).toBeVisible();
  problems.push(...(await seriousProblems(popup, 'removed tray, sepia')));

  expect(problems).toEqual([]);
});

test('the popup states without an article have no serious accessibility problem', async ({ context, serverUrl, openPopupFor }) => {
  const page = await context.newPage();
  await page.goto(`${serverUrl}/no-article-home/source.html`);
  const popup = await openPopupFor(page);
  await expect(popup.locator('#state-no-article')).toBeVisible();
  const problems = await seriousProblems(popup, 'no article');

  await page.goto('chrome://version');
  const restricted = await openPopupFor(page);
  await expect(restricted.locator('#state-restricted')).toBeVisible();
  problems.push(...(await seriousProblems(restricted, 'restricted page')));
  expect(problems).toEqual([]);
});

test('the options page has no serious accessibility problem', async ({ context, extensionId, sendToBackground }) => {
  await sendToBackground({ type: 'add-site-rule', host: 'bdnews24.com', kind: 'hide', selector: '#related-stories' });
  await sendToBackground({ type: 'add-site-rule', host: 'bdnews24.com', kind: 'keep', selector: '.date-bar' });
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByTestId('site')).toHaveCount(1);
  const problems = await seriousProblems(options, 'options, light');
  await options.locator('#reading-form label', { hasText: 'Dark' }).click();
  await expect(options.locator('html')).toHaveAttribute('data-theme', 'dark');
  problems.push(...(await seriousProblems(options, 'options, dark')));
  expect(problems).toEqual([]);
});
