/**
 * What the built page scripts carry: extraction in the page only normalises the article HTML
 * (core/normalize-html.ts) and must not pull DOMPurify back in through an import of core/sanitize
 * (about 12 kB gzip of the toolbar click's budget); the Markdown copy, which writes HTML-derived
 * text out of the page, must carry it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, ROOT } from './harness';

// A hook name only DOMPurify's API has: present in a bundle exactly when DOMPurify is in it.
const DOMPURIFY_MARK = 'uponSanitizeElement';

for (const build of ['chrome', 'chrome-test', 'firefox']) {
  test(`${build}: content-extract.js has no DOMPurify, content-export.js has it`, () => {
    const read = (file: string) => readFileSync(join(ROOT, 'dist', build, file), 'utf8');
    expect(read('content-export.js')).toContain(DOMPURIFY_MARK);
    expect(read('content-extract.js')).not.toContain(DOMPURIFY_MARK);
    expect(read('content.js')).not.toContain(DOMPURIFY_MARK);
  });
}
