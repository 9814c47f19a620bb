/**
 * Parts of the content script that most pages never need, kept out of content.js: extraction
 * (Readability, for the popup and the Markdown copy), the Markdown exporter
 * (Turndown, for the context menu) and the element picker. The background or the popup injects
 * their files (content-extract.js, content-export.js, content-picker.js) next to content.js when
 * they are used; all run in the extension's isolated world and meet here, on one global object.
 * Type-only links: content.js must not bundle the add-ons themselves.
 */
import type { extractArticle } from '../core/extract-article';
import type { toMarkdown } from '../core/export-markdown';
import type { startPicker } from './element-picker';

/** What the add-on files provide once injected. */
export interface ContentAddons {
  extractArticle?: typeof extractArticle;
  toMarkdown?: typeof toMarkdown;
  startPicker?: typeof startPicker;
}

const KEY = Symbol.for('clearpage.content-addons');

/** The add-ons injected into this page so far (an injected file adds its own). */
export function contentAddons(): ContentAddons {
  const scope = globalThis as unknown as Record<symbol, ContentAddons | undefined>;
  return (scope[KEY] ??= {});
}
