/**
 * The Markdown exporter for the context menu's "Copy article as Markdown", kept out of content.js
 * (Turndown is most of its weight): the background injects this file next to the content script
 * only when the menu item is used. Both run in the extension's isolated world, so this hands
 * `toMarkdown` to the content script through a global symbol.
 */
import { toMarkdown } from '../core/export-markdown';
import { CONTENT_EXPORT_KEY, type ContentExport } from './content-export-key';

const scope = globalThis as unknown as Record<symbol, ContentExport | undefined>;
scope[CONTENT_EXPORT_KEY] ??= { toMarkdown };
