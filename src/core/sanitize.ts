/**
 * The security boundary for article HTML: everything extracted from a page passes through DOMPurify
 * here, with Clearpage's own strict allowlist (html-allowlist.ts), where it becomes DOM in an
 * extension page (the popup) or leaves as a file or on the clipboard (every export). It is also
 * the only module allowed to write innerHTML. Extraction itself only normalises (normalize-html.ts,
 * same lists, no DOMPurify in the page): its output is untrusted until it has been through here.
 *
 * DOMPurify needs a real DOM: the document's window, the global one, or in Node a jsdom window
 * (html-window.ts).
 */
import createDOMPurify from 'dompurify';
import type { DOMPurify as Purifier, Config, UponSanitizeAttributeHookEvent } from 'dompurify';
import { ALLOWED_ATTR, ALLOWED_TAGS, ALLOWED_URI_REGEXP, DROPPED_WITH_CONTENT, LINK_REL, attributeValue } from './html-allowlist';
import { htmlWindowFor } from './html-window';

export { SAFE_ID_PREFIX, safeElementId } from './html-allowlist';
export { setSanitizerWindowFactory, type PurifierWindow } from './html-window';

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOW_SELF_CLOSE_IN_ATTR: false,
  SAFE_FOR_TEMPLATES: false,
  SANITIZE_DOM: true,
  // Ids get our own prefix (see safeElementId) so outline jump links keep working.
  SANITIZE_NAMED_PROPS: false,
  WHOLE_DOCUMENT: false,
  KEEP_CONTENT: true,
  // DOMPurify's own list plus controls and embeds (see DROPPED_WITH_CONTENT).
  FORBID_CONTENTS: DROPPED_WITH_CONTENT,
  ALLOWED_URI_REGEXP,
};

/** What every sanitize call uses: the allowlist above, returning a detached <body> element. */
const SANITIZE_CONFIG = { ...CONFIG, RETURN_DOM: true, RETURN_TRUSTED_TYPE: false } as const;

function onAttribute(node: Element, data: UponSanitizeAttributeHookEvent): void {
  const value = attributeValue(node.nodeName.toLowerCase(), data.attrName, data.attrValue);
  if (value === null) data.keepAttr = false;
  else data.attrValue = value;
}

function afterAttributes(node: Element): void {
  if (node.nodeName.toLowerCase() === 'a' && node.hasAttribute('href')) {
    node.setAttribute('rel', LINK_REL);
  }
}

// One DOMPurify per window, set up once; null marks a window DOMPurify cannot use.
const purifiers = new WeakMap<object, Purifier | null>();

function purifierForDocument(doc: Document | null | undefined): Purifier {
  const win = htmlWindowFor(doc);
  let purifier = purifiers.get(win);
  if (purifier === undefined) {
    purifier = createDOMPurify(win as unknown as Window & typeof globalThis);
    if (purifier.isSupported) {
      purifier.addHook('uponSanitizeAttribute', onAttribute);
      purifier.addHook('afterSanitizeAttributes', afterAttributes);
      // Every call uses the same settings: set once, so DOMPurify does not rebuild its allowlists per call.
      purifier.setConfig(SANITIZE_CONFIG);
    } else purifier = null;
    purifiers.set(win, purifier);
  }
  // Never fall back to returning the input unsanitised.
  if (!purifier) throw new Error('Clearpage: no DOM that DOMPurify supports is available to sanitise HTML.');
  return purifier;
}

/**
 * Sanitises into DOMPurify's own scratch document and detaches the result from it: jsdom keeps every
 * attached element with an id or name in its window's named-property table, so a CLI batch of
 * hundreds of pages would otherwise keep every page alive.
 */
function sanitizedBody(purifier: Purifier, html: string): HTMLElement {
  // A <frameset> payload leaves a document without <body>: DOMPurify returns null, we return nothing.
  const body = (purifier.sanitize(html, SANITIZE_CONFIG) ?? purifier.sanitize('', SANITIZE_CONFIG)) as HTMLElement;
  const root = body.ownerDocument?.documentElement;
  if (root?.parentNode) root.parentNode.removeChild(root);
  return body;
}

/** Returns `html` sanitised with Clearpage's allowlist, as an HTML string safe to insert anywhere. */
export function sanitizeArticleHtml(html: string, doc?: Document | null): string {
  return sanitizedBody(purifierForDocument(doc), html).innerHTML;
}

/**
 * Returns a detached <body> element holding the sanitised form of `html`, in a DOM that can be
 * walked (the document's window, the browser's, or jsdom in Node); exports convert it further.
 */
export function parseSanitizedHtml(html: string, doc?: Document | null): HTMLElement {
  return sanitizedBody(purifierForDocument(doc), html);
}

/** Replaces the children of `target` with the sanitised form of `html`. */
export function setSanitizedHtml(target: Element, html: string): void {
  const doc = target.ownerDocument;
  const clean = sanitizeArticleHtml(html, doc);
  // The string is DOMPurify's own serialisation of its sanitised tree: safe to parse into any element
  // whose content is parsed like <body>'s (not <template>, <table>, <select>, raw-text elements).
  const tag = target.nodeName.toLowerCase();
  if (['template', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'select', 'script', 'style', 'textarea', 'title', 'noscript', 'iframe', 'xmp'].includes(tag)) {
    throw new Error(`Clearpage: refusing to write article HTML into <${tag}>.`);
  }
  target.innerHTML = clean;
}
