/**
 * Extraction for the popup and the Markdown copy (Readability, DOMPurify, metadata), kept out of
 * content.js: a page remembered for automatic stripping needs only chrome detection and the
 * strip. content.js asks the background to inject this file the first time it must extract (the
 * popup injects both at once when the page has neither). chrome-detect is not bundled again: the
 * build takes it from content.js (vite.config.ts, SHARED_FROM), which is always injected first.
 *
 * Its exports (`clearpageContentExtract.sanitize`) are shared the same way with content-export.js.
 */
import { extractArticle } from '../core/extract-article';
import { contentAddons } from './content-addons';

export * as sanitize from '../core/sanitize';

contentAddons().extractArticle ??= extractArticle;
