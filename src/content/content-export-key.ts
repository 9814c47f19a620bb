/**
 * Where content-export.js leaves its exporter for the content script (same isolated world).
 * A type-only link: content.js must not bundle the exporter itself.
 */
import type { toMarkdown } from '../core/export-markdown';

export const CONTENT_EXPORT_KEY = Symbol.for('clearpage.content-export');

/** What content-export.js provides. */
export interface ContentExport {
  toMarkdown: typeof toMarkdown;
}

/** The exporter content-export.js installed, or null when it has not been injected yet. */
export function contentExport(): ContentExport | null {
  return (globalThis as unknown as Record<symbol, ContentExport | undefined>)[CONTENT_EXPORT_KEY] ?? null;
}
