/**
 * Extraction for the popup and the Markdown copy (Readability, metadata, the normalising pass),
 * kept out of content.js: a page remembered for automatic stripping needs only chrome detection
 * and the strip. content.js asks the background to inject this file the first time it must extract
 * (the popup injects both at once when the page has neither). chrome-detect is not bundled again:
 * the build takes it from content.js (vite.config.ts, SHARED_FROM), which is always injected first.
 *
 * No DOMPurify here: the article HTML leaves this file normalised, not sanitised, and is sanitised
 * where it becomes DOM or is written out (the popup, every export, content-export.js's Markdown).
 */
import { extractArticle } from '../core/extract-article';
import { contentAddons } from './content-addons';

contentAddons().extractArticle ??= extractArticle;

// The IIFE's global (`clearpageContentExtract`) marks the part as loaded in the page's isolated world.
export { extractArticle };
