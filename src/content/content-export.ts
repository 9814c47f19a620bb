/**
 * The Markdown exporter for the context menu's "Copy article as Markdown", kept out of content.js
 * (Turndown is most of its weight): the background injects this file next to the content script
 * only when the menu item is used. It carries its own DOMPurify: the exporter sanitises the
 * article HTML it converts (content-extract.js only normalises it).
 */
import { toMarkdown } from '../core/export-markdown';
import { contentAddons } from './content-addons';

contentAddons().toMarkdown ??= toMarkdown;
