/**
 * The XSS corpus in Chromium with the built extension. The fixture pages (test/fixtures/xss/) may
 * run their own payloads: that is the page's business. What must never run is a payload in the
 * extension's own pages: opening the popup, stripping and restoring, every copy and every download
 * must show no dialog, log nothing from a payload, request no payload URL, set no global, and leave
 * nothing active in the popup's DOM, on the clipboard or in a downloaded file.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page, Request } from '@playwright/test';
import { test, expect } from './harness';
import {
  FIXTURE_PAGES,
  METADATA_FIXTURE_PAGES,
  PAYLOAD_PATH,
  findActiveDocument,
  findActiveHtml,
  findActiveMarkdown,
  type ActiveFinding,
} from '../xss-payloads';

const PAGES = [...Object.keys(FIXTURE_PAGES), ...METADATA_FIXTURE_PAGES];

/** Everything a payload could do that the extension's pages and workers must never show. */
interface Evidence {
  dialogs: string[];
  consoleMessages: string[];
  pageErrors: string[];
  payloadRequests: string[];
}

function show(findings: ActiveFinding[]): string[] {
  return findings.map((f) => `${f.what} @ ${f.where}`);
}

function isExtensionUrl(url: string): boolean {
  return url.startsWith('chrome-extension://');
}

/** Where a request came from: the URL of its frame, or the service worker. */
function requestOrigin(request: Request): string {
  try {
    return request.frame().url();
  } catch {
    return request.serviceWorker()?.url() ?? 'unknown';
  }
}

/** Watches the extension's pages (not the fixture page) for any sign that a payload ran. */
function watchExtension(context: BrowserContext): Evidence {
  const evidence: Evidence = { dialogs: [], consoleMessages: [], pageErrors: [], payloadRequests: [] };
  const watchPage = (page: Page) => {
    page.on('dialog', (dialog) => {
      if (isExtensionUrl(page.url())) evidence.dialogs.push(`${page.url()}: ${dialog.type()} ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
    page.on('console', (msg) => {
      if (isExtensionUrl(page.url()) && /xss|pwned|__xss|alert/i.test(msg.text())) evidence.consoleMessages.push(`${page.url()}: ${msg.text()}`);
    });
    page.on('pageerror', (error) => {
      if (isExtensionUrl(page.url())) evidence.pageErrors.push(`${page.url()}: ${error.message}`);
    });
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  context.on('request', (request) => {
    const from = requestOrigin(request);
    if ((isExtensionUrl(from) || from === 'unknown') && request.url().includes(PAYLOAD_PATH)) {
      evidence.payloadRequests.push(`${from} → ${request.url()}`);
    }
  });
  return evidence;
}

/** Globals and document properties of an extension page that an element of the article has clobbered. */
function clobberedNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const names = ['browser', 'chrome', 'location', 'document', 'cookie', 'body', 'forms', 'defaultView', 'getElementById', 'createElement', 'attributes', 'CONFIG', 'url', '__xss', '__pwned', 'runtime'];
    const isDom = (v: unknown) => v instanceof Element || v instanceof HTMLCollection || v instanceof NodeList;
    const w = window as unknown as Record<string, unknown>;
    const d = document as unknown as Record<string, unknown>;
    // A document property is clobbered when it no longer answers what its own getter would.
    const own = (n: string) => {
      for (let proto = Object.getPrototypeOf(document); proto; proto = Object.getPrototypeOf(proto)) {
        const desc = Object.getOwnPropertyDescriptor(proto, n);
        if (desc) return desc.get ? desc.get.call(document) : desc.value;
      }
      return undefined;
    };
    return names.filter((n) => isDom(w[n]) || (isDom(d[n]) && d[n] !== own(n)));
  });
}

test.describe('the XSS corpus does not run in the extension', () => {
  for (const name of PAGES) {
    test(`xss/${name}: popup, strip/restore, every copy and download stay inert`, async ({ context, serverUrl, openPopupFor }) => {
      test.setTimeout(120_000);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: serverUrl });
      // Payload calls of __xss() record here in any page where they run, the extension's included.
      await context.addInitScript(() => {
        (window as unknown as { __xss: (n: number) => void }).__xss = (n: number) => {
          const w = window as unknown as { __xssHits?: number[] };
          (w.__xssHits ??= []).push(n);
          console.log(`__xss hit ${n}`);
        };
      });
      const evidence = watchExtension(context);

      const page = await context.newPage();
      await page.goto(`${serverUrl}/xss/${name}/source.html`);
      const popup = await openPopupFor(page);
      await expect(popup.locator('#state-article')).toBeVisible();
      await expect(popup.locator('#article-body p').first()).toBeVisible();
      expect(await popup.locator('#article-body').innerText()).toContain('sea wall');

      // Strip and restore through the popup's own switch.
      const toggle = popup.getByTestId('strip-toggle');
      await toggle.check();
      await expect(page.locator('html[data-clearpage-stripped]')).toHaveCount(1);
      await toggle.uncheck();
      await expect(page.locator('html[data-clearpage-stripped]')).toHaveCount(0);

      // The popup's own DOM: the article body holds nothing active; the header fields hold text only.
      const bodyHtml = await popup.locator('#article-body').innerHTML();
      expect.soft(show(findActiveHtml(bodyHtml)), 'popup article body').toEqual([]);
      for (const field of ['#article-title', '#article-byline', '#article-site', '#article-dek']) {
        const el = popup.locator(field);
        if (await el.count()) expect(await el.evaluate((e) => e.children.length), field).toBe(0);
      }

      // Copies: read back from the page's origin (extension origins cannot be granted clipboard-read).
      const readText = async () => {
        await page.bringToFront();
        return page.evaluate(() => navigator.clipboard.readText());
      };
      const copied: Record<string, Record<string, string>> = {};
      for (const testId of ['copy-markdown', 'copy-text', 'copy-rich']) {
        await page.bringToFront();
        await page.evaluate(() => navigator.clipboard.writeText('(cleared)'));
        await popup.bringToFront();
        await popup.getByTestId(testId).click();
        await expect.poll(readText, { message: `${testId} fills the clipboard` }).not.toBe('(cleared)');
        await page.bringToFront();
        copied[testId] = await page.evaluate(async () => {
          const out: Record<string, string> = {};
          for (const item of await navigator.clipboard.read()) {
            for (const type of item.types) out[type] = await (await item.getType(type)).text();
          }
          return out;
        });
      }
      expect.soft(show(findActiveMarkdown(copied['copy-markdown']!['text/plain']!)), 'copied Markdown').toEqual([]);
      expect(copied['copy-rich']!['text/html'], 'copy rich puts HTML on the clipboard').toBeTruthy();
      // Chromium resolves in-page links ("#cp-…") against the popup's URL when it writes text/html to
      // the clipboard: a dead link to the extension page, not a payload; anything else counts.
      const richHtml = copied['copy-rich']!['text/html']!.replace(/href="chrome-extension:\/\/[a-z]{32}\/popup\.html(\?tabId=\d+)?#[^"]*"/g, 'href="#"');
      expect.soft(show(findActiveHtml(richHtml)), 'copied rich HTML').toEqual([]);
      expect(copied['copy-text']!['text/plain']).toContain('sea wall');

      // Downloads: every file, checked by its format's rule.
      const files: Record<string, string> = {};
      for (const testId of ['download-md', 'download-txt', 'download-html', 'download-json']) {
        await popup.bringToFront();
        const downloaded = popup.waitForEvent('download');
        await popup.getByTestId(testId).click();
        const download = await downloaded;
        files[testId] = readFileSync((await download.path())!, 'utf8');
      }
      expect.soft(show(findActiveMarkdown(files['download-md']!)), 'downloaded .md').toEqual([]);
      expect.soft(show(findActiveDocument(files['download-html']!)), 'downloaded .html').toEqual([]);
      const json = JSON.parse(files['download-json']!) as { html: string; image: string | null; title: string };
      expect.soft(show(findActiveHtml(json.html)), 'downloaded .json html').toEqual([]);
      if (json.image) expect.soft(json.image).toMatch(/^https?:/);
      expect(files['download-txt']).toContain('sea wall');

      // Nothing ran in the popup: no global, no recorded call.
      const globals = await popup.evaluate(() => {
        const w = window as unknown as Record<string, unknown>;
        return { pwned: typeof w.__pwned, hits: (w.__xssHits as number[] | undefined) ?? [] };
      });
      expect(globals).toEqual({ pwned: 'undefined', hits: [] });
      // No element of the article clobbers a global or a document property of the popup.
      const clobbered = await clobberedNames(popup);
      expect(clobbered, 'clobbered globals').toEqual([]);
      // Let late timers, animations and handlers fire before judging.
      await popup.waitForTimeout(500);
      expect(evidence).toEqual({ dialogs: [], consoleMessages: [], pageErrors: [], payloadRequests: [] });
    });
  }

  test('the context menu\'s "Copy article as Markdown" of every XSS page is inert', async ({ context, serverUrl, serviceWorker, tabIdOf }) => {
    // content-extract.js only normalises the article in the page; content-export.js sanitises it
    // itself before Turndown: the Markdown on the clipboard must carry nothing active.
    test.setTimeout(120_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: serverUrl });
    const page = await context.newPage();
    for (const name of PAGES) {
      await page.goto(`${serverUrl}/xss/${name}/source.html`);
      await page.bringToFront();
      await page.evaluate(() => navigator.clipboard.writeText('(cleared)'));
      const tabId = await tabIdOf(page);
      await serviceWorker.evaluate(async (id) => {
        const api = (globalThis as unknown as { clearpageBackground: { runMenuItem(item: string, tab: { id: number }): Promise<void> } }).clearpageBackground;
        await api.runMenuItem('copy-markdown', { id });
      }, tabId);
      const markdown = await page.evaluate(() => navigator.clipboard.readText());
      expect(markdown, name).toContain('sea wall');
      expect.soft(show(findActiveMarkdown(markdown)), `xss/${name}: copied Markdown`).toEqual([]);
    }
  });

  test('the watch itself sees a payload that runs in an extension page', async ({ context, openPopupFor, serverUrl }) => {
    const evidence = watchExtension(context);
    const page = await context.newPage();
    await page.goto(`${serverUrl}/xss/scripts-and-handlers/source.html`);
    const popup = await openPopupFor(page);
    await expect(popup.locator('#state-article')).toBeVisible();
    // What a payload would do if it ran there (evaluate is not subject to the page's CSP).
    await popup.evaluate((path) => {
      void fetch(`${path}7`).catch(() => undefined);
      console.log('__xss hit 7');
      setTimeout(() => alert(7));
    }, PAYLOAD_PATH);
    await expect.poll(() => evidence.dialogs.length).toBe(1);
    await popup.evaluate(() => {
      const a = document.createElement('a');
      a.id = '__pwned';
      const embed = document.createElement('embed');
      embed.setAttribute('name', 'cookie');
      document.body.append(a, embed);
    });
    expect(await clobberedNames(popup)).toEqual(['cookie', '__pwned']);
    expect(evidence.consoleMessages).toHaveLength(1);
    expect(evidence.payloadRequests).toHaveLength(1);
  });
});
