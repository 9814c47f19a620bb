/**
 * In-page links (`href="#id"`: tables of contents, footnotes, "back to top") in article HTML that
 * leaves the reader. Inside the popup they jump within the article; pasted into a document or
 * saved as a file they would resolve against the popup's own address, so they are pointed at the
 * article's address instead, or kept only where their target is in the same document.
 */
import { parseSanitizedHtml, SAFE_ID_PREFIX } from './sanitize';

export interface FragmentLinkOptions {
  /**
   * Keep `#id` when an element with that id is in the HTML itself (a saved file: the jump works
   * offline). Off for the clipboard: browsers resolve relative links against the copying page
   * when they write HTML to the clipboard, so only an absolute address survives the paste.
   */
  keepInDocument: boolean;
}

/** The page's own name for one of our ids: the sanitiser prefixes every id it keeps with "cp-". */
function pageFragment(id: string): string {
  return id.startsWith(SAFE_ID_PREFIX) ? id.slice(SAFE_ID_PREFIX.length) : id;
}

/**
 * Returns sanitised article HTML whose `#fragment` links lead to the article's URL plus the page's
 * own fragment (or, with keepInDocument, stay `#id` when the id is in the HTML); without an
 * http(s) article URL such a link keeps only its text.
 */
export function pointFragmentLinks(html: string, articleUrl: string, options: FragmentLinkOptions, doc?: Document | null): string {
  const body = parseSanitizedHtml(html, doc);
  const ids = new Set([...body.querySelectorAll('[id]')].map((node) => node.id));
  let base: URL | null;
  try {
    base = /^https?:/i.test(articleUrl) ? new URL(articleUrl) : null;
  } catch {
    base = null;
  }
  for (const link of body.querySelectorAll('a[href^="#"]')) {
    const id = (link.getAttribute('href') ?? '').slice(1);
    if (options.keepInDocument && id && ids.has(id)) continue;
    if (base && id) {
      const target = new URL(base.href);
      target.hash = pageFragment(id);
      link.setAttribute('href', target.href);
    } else {
      link.removeAttribute('href');
    }
  }
  return body.innerHTML;
}
