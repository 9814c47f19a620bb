/**
 * Every copy and download button of the popup gives the expected content for the seed article.
 * The clipboard is read back from the fixture page (clipboard permission granted to its origin;
 * extension origins cannot be granted one), downloads through Playwright's download event.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, FIXTURES_DIR } from './harness';
import type { Page } from '@playwright/test';
import { safeFileName } from '../../src/core/file-name';

const TITLE = 'Why did ISIS-K attack a Moscow theatre?';
const QUESTIONS = ['WHAT IS ISIS-K?', 'WHAT ATTACKS HAS THE GROUP CARRIED OUT?', 'WHY WOULD THEY ATTACK RUSSIA?'];
const CHROME_TEXT = ['RELATED STORIES', 'Over 60 killed in Moscow concert attack', 'Cryptoverse', 'Tasneem Hossain', 'বাংলা'];

/** The golden body paragraphs of the seed fixture (the golden text export minus its two header lines). */
function goldenParagraphs(): string[] {
  const text = readFileSync(join(FIXTURES_DIR, 'bdnews24-explainer', 'expected.txt'), 'utf8');
  return text
    .split(/\n{2,}/)
    .slice(1)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p && !QUESTIONS.includes(p) && p !== TITLE);
}

/** An <h2> whose text is the question (inline tags such as <strong> allowed around it). */
function headingPattern(question: string): RegExp {
  return new RegExp(`<h2[^>]*>(?:<[^>]+>)*${question.replace(/[?]/g, '\\?')}(?:</[^>]+>)*</h2>`);
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Every golden paragraph in order, every question, no chrome. */
function expectWholeArticle(exported: string, label: string): void {
  const flat = squash(exported);
  let from = 0;
  for (const paragraph of goldenParagraphs()) {
    // Markdown escapes a few characters; compare on the words.
    const probe = paragraph.slice(0, 60).replace(/[\\*_`]/g, '');
    const at = flat.replace(/\\/g, '').indexOf(probe, from);
    expect(at, `${label}: paragraph "${probe}…" in order`).toBeGreaterThanOrEqual(0);
    from = at;
  }
  for (const question of QUESTIONS) expect(flat, `${label}: question`).toContain(question);
  for (const chrome of CHROME_TEXT) expect(flat, `${label}: chrome text "${chrome}"`).not.toContain(chrome);
}

test.describe('exports from the popup', () => {
  let page: Page;
  let popup: Page;

  test.beforeEach(async ({ context, serverUrl, openPopupFor }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: serverUrl });
    page = await context.newPage();
    await page.goto(`${serverUrl}/bdnews24-explainer/source.html`);
    popup = await openPopupFor(page);
    await expect(popup.locator('article h2')).toHaveCount(3);
  });

  async function clipboardText(): Promise<string> {
    await page.bringToFront();
    return page.evaluate(() => navigator.clipboard.readText());
  }

  async function clickInPopup(testId: string): Promise<void> {
    await popup.bringToFront();
    await popup.getByTestId(testId).click();
  }

  test('copy as Markdown puts front matter and ## questions on the clipboard', async () => {
    await clickInPopup('copy-markdown');
    await expect(popup.locator('#toast')).toHaveText('Copied as Markdown');
    const markdown = await clipboardText();
    expect(markdown).toMatch(/^---\ntitle: "Why did ISIS-K attack a Moscow theatre\?"\n/);
    expect(markdown).toContain('byline: "Reuters"');
    expect(markdown).toContain('published: "2024-03-23T04:04:00+06:00"');
    for (const question of QUESTIONS) expect(markdown).toContain(`\n## ${question}\n`);
    expectWholeArticle(markdown, 'Markdown');
  });

  test('copy as text puts the plain text on the clipboard', async () => {
    await clickInPopup('copy-text');
    await expect(popup.locator('#toast')).toHaveText('Copied as plain text');
    const text = await clipboardText();
    expect(text.startsWith(`${TITLE}\n`)).toBe(true);
    expect(text).toContain('Reuters');
    expect(text).not.toMatch(/<\/?[a-z]+[ >]|^#+ /m);
    expectWholeArticle(text, 'text');
  });

  test('copy rich puts HTML and plain text on the clipboard together', async () => {
    await clickInPopup('copy-rich');
    await expect(popup.locator('#toast')).toHaveText('Copied with formatting');
    await page.bringToFront();
    const { types, html, text } = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const read = async (type: string) => (item.types.includes(type) ? (await item.getType(type)).text() : '');
      return { types: [...item.types], html: await read('text/html'), text: await read('text/plain') };
    });
    expect(types).toEqual(expect.arrayContaining(['text/html', 'text/plain']));
    expect(html).toContain(`<h1>${TITLE}</h1>`);
    for (const question of QUESTIONS) expect(html).toMatch(headingPattern(question));
    expect(html).not.toMatch(/<script|\son[a-z]+=/i);
    expectWholeArticle(text, 'rich text/plain');
  });

  const downloads = [
    { testId: 'download-md', ext: 'md' },
    { testId: 'download-txt', ext: 'txt' },
    { testId: 'download-html', ext: 'html' },
    { testId: 'download-json', ext: 'json' },
  ];
  for (const { testId, ext } of downloads) {
    test(`${testId} saves ${safeFileName(TITLE, ext)} with the article`, async () => {
      const downloaded = popup.waitForEvent('download');
      await clickInPopup(testId);
      const download = await downloaded;
      expect(download.suggestedFilename()).toBe(safeFileName(TITLE, ext));
      const content = readFileSync((await download.path())!, 'utf8');
      await expect(popup.locator('#toast')).toHaveText(`Saved ${safeFileName(TITLE, ext)}`);

      if (ext === 'md') {
        for (const question of QUESTIONS) expect(content).toContain(`\n## ${question}\n`);
        expectWholeArticle(content, '.md');
      } else if (ext === 'txt') {
        expect(content.startsWith(`${TITLE}\n`)).toBe(true);
        expectWholeArticle(content, '.txt');
      } else if (ext === 'html') {
        expect(content).toMatch(/^<!doctype html>/i);
        expect(content).toContain(`<title>${TITLE}</title>`);
        for (const question of QUESTIONS) expect(content).toMatch(headingPattern(question));
        expect(content).not.toMatch(/<script/i);
        expectWholeArticle(content.replace(/<[^>]+>/g, ' ').replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&'), '.html');
      } else {
        const json = JSON.parse(content) as { title: string; byline: string; siteName: string; outline: Array<{ text: string }>; text: string };
        expect(json.title).toBe(TITLE);
        expect(json.byline).toBe('Reuters');
        expect(json.siteName).toBe('bdnews24.com');
        expect(json.outline.map((o) => o.text)).toEqual(QUESTIONS);
        expectWholeArticle(json.text, '.json text');
      }
    });
  }
});
