/**
 * The content script: glue between the live page and core/. Injected on demand
 * (scripting.executeScript) or registered by the background for sites with automatic
 * stripping. Injecting it again into the same page does nothing: one set of listeners.
 * It holds what stripping needs; extraction (content-extract.js) is injected on first use.
 */
import browser from 'webextension-polyfill';
import { createPageStrip, selectorFor, categoryForElement, textSample, type PageStrip } from '../core/page-strip';
import type { ExtractResult } from '../core/types';
import { handle, send, type PickerResult, type StripState } from '../shared/messages';
import { hostKey, storedFrontMatter, storedSiteRules, type SiteRules } from '../shared/settings';
import type { Picker } from './element-picker';
import { contentAddons } from './content-addons';

// content-extract.js uses this copy of chrome-detect instead of bundling its own (vite.config.ts):
// its exports are content.js's (the IIFE's global), not a namespace object, which costs a helper.
export * from '../core/chrome-detect';

const INSTALLED = Symbol.for('clearpage.content');

async function writeClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Not focused, or no clipboard permission for the page: fall back to a copy command.
  }
  const area = document.createElement('textarea');
  area.setAttribute('data-clearpage-ui', 'clipboard');
  area.value = text;
  Object.assign(area.style, { position: 'fixed', top: '-1000px', opacity: '0' });
  document.documentElement.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('The browser refused to write to the clipboard.');
}

function install(): void {
  const host = hostKey(location.href);
  let rules: SiteRules = { autoStrip: false, hide: [], keep: [] };
  let exportFrontMatter = true;
  let picker: Picker | null = null;

  const stripper: PageStrip = createPageStrip(document, { onChange: () => report() });

  const state = (): StripState => ({
    stripped: stripper.stripped,
    host,
    items: stripper.items().map(({ id, category, sample }) => ({ id, category, sample })),
  });

  const report = () => {
    const { stripped, items } = state();
    send({ type: 'strip-state-changed', stripped, count: items.length }).catch(() => {
      // The background may be restarting; the badge catches up on the next change.
    });
  };

  // Only this site's rules and the export default: reading settings are the popup's (and a corrupt
  // store is repaired by the popup or the background, which load everything).
  const ready = browser.storage.local
    .get(['sites', 'export'])
    .then((stored) => {
      rules = storedSiteRules(stored.sites, host) ?? rules;
      exportFrontMatter = storedFrontMatter(stored.export);
      stripper.setRules({ extraChromeSelectors: rules.hide, keepSelectors: rules.keep });
      if (rules.autoStrip && !stripper.stripped) {
        stripper.strip();
        report();
      }
    })
    .catch(() => {
      // Storage unavailable (very rare): strip with detection alone.
    });

  // The last extraction, kept until the page changes: reopening the popup on an unchanged page
  // answers at once. Any mutation (the page's own, a strip, a picked element) drops it; the
  // observer then disconnects, so a busy page pays nothing until the next extraction.
  let cached: { key: string; result: ExtractResult } | null = null;
  const changes = new MutationObserver(() => {
    cached = null;
    changes.disconnect();
  });
  const extract = async (): Promise<ExtractResult> => {
    await ready;
    const key = JSON.stringify([location.href, rules.hide, rules.keep]);
    if (cached?.key === key) return cached.result;
    // Readability and DOMPurify live in content-extract.js: the background injects it on first use.
    if (!contentAddons().extractArticle) await send({ type: 'inject-addon', file: 'content-extract.js' });
    const extractArticle = contentAddons().extractArticle;
    if (!extractArticle) throw new Error('The article extractor (content-extract.js) could not be loaded in this page.');
    const result = extractArticle(document, location.href, { extraChromeSelectors: rules.hide, keepSelectors: rules.keep });
    cached = { key, result };
    changes.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    return result;
  };

  handle({
    ping: () => ({ version: browser.runtime.getManifest().version }),

    extract,

    strip: async () => {
      await ready;
      stripper.strip();
      report();
      return state();
    },

    restore: async () => {
      await ready;
      stripper.restore();
      report();
      return state();
    },

    'get-strip-state': async () => {
      await ready;
      return state();
    },

    'show-again': async ({ id }) => {
      await ready;
      const item = stripper.showAgain(id);
      if (!item) throw new Error(`Nothing hidden with id ${id}`);
      report();
      if (host) {
        // Remembered for the site: keep it next time, and drop a pick that hid this very element.
        for (const selector of rules.hide) {
          if (item.element.matches(selector)) rules = await send({ type: 'remove-site-rule', host, kind: 'hide', selector });
        }
        rules = await send({ type: 'add-site-rule', host, kind: 'keep', selector: selectorFor(item.element) });
        stripper.setRules({ extraChromeSelectors: rules.hide, keepSelectors: rules.keep });
      }
      return state();
    },

    'start-picker': async (): Promise<PickerResult> => {
      await ready;
      picker?.cancel();
      // The picker lives in content-picker.js: the background injects it on first use.
      if (!contentAddons().startPicker) await send({ type: 'inject-addon', file: 'content-picker.js' });
      const startPicker = contentAddons().startPicker;
      if (!startPicker) throw new Error('The element picker (content-picker.js) could not be loaded in this page.');
      const current = startPicker(document);
      picker = current;
      const element = await current.result;
      if (picker === current) picker = null;
      if (!element) return { picked: false };
      const selector = selectorFor(element);
      const category = categoryForElement(element);
      const sample = textSample(element);
      stripper.hide(element, category);
      report();
      if (host) {
        for (const kept of rules.keep) {
          if (element.matches(kept)) rules = await send({ type: 'remove-site-rule', host, kind: 'keep', selector: kept });
        }
        rules = await send({ type: 'add-site-rule', host, kind: 'hide', selector });
        stripper.setRules({ extraChromeSelectors: rules.hide, keepSelectors: rules.keep });
      }
      return { picked: true, selector, category, sample };
    },

    'cancel-picker': () => {
      picker?.cancel();
      picker = null;
    },

    'write-clipboard': ({ text }) => writeClipboard(text),

    'copy-markdown': async () => {
      const result = await extract();
      if (result.kind !== 'article') throw new Error(result.noArticle.message);
      // Turndown lives in content-export.js, which the background injects before asking (or now).
      if (!contentAddons().toMarkdown) await send({ type: 'inject-addon', file: 'content-export.js' });
      const toMarkdown = contentAddons().toMarkdown;
      if (!toMarkdown) throw new Error('The Markdown exporter (content-export.js) is not loaded in this page.');
      const markdown = toMarkdown(result.article, { frontMatter: exportFrontMatter });
      await writeClipboard(markdown);
      return { title: result.article.title, chars: markdown.length };
    },
  });
}

const scope = globalThis as unknown as Record<symbol, boolean>;
if (!scope[INSTALLED]) {
  scope[INSTALLED] = true;
  install();
}
