/**
 * The one module that turns untrusted HTML into markup: everything extracted from a page passes
 * through DOMPurify here, with Clearpage's own strict allowlist, before it reaches the popup, an
 * export or the clipboard. It is also the only module allowed to write innerHTML.
 *
 * DOMPurify needs a real DOM: in a browser it uses the document's window (or the global one, for
 * DOMParser documents); linkedom is not one it accepts, so in Node it uses a jsdom window, from
 * setSanitizerWindowFactory (the CLI) or loaded at run time (tests, scripts). jsdom is never
 * imported statically here, so browser bundles do not carry it.
 */
import createDOMPurify from 'dompurify';
import type { DOMPurify as Purifier, Config, UponSanitizeAttributeHookEvent } from 'dompurify';

/** Every id that survives sanitising starts with this, so it can never clobber a DOM property. */
export const SAFE_ID_PREFIX = 'cp-';

/** A window-like object DOMPurify can run on (a browser window, a jsdom window). */
export type PurifierWindow = Window | typeof globalThis;

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

const ALLOWED_TAGS = [
  'p', ...HEADINGS, 'ul', 'ol', 'li', 'blockquote', 'pre', 'code',
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'figure', 'figcaption', 'a', 'img', 'picture', 'source',
  'em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup', 'mark', 'small', 'br', 'hr', 'wbr',
  'q', 'cite', 'del', 'ins', 'kbd', 'samp', 'var',
  // No <article>: the popup and the HTML export hold the text in their own one <article> landmark,
  // and a page's own wrapper (kept by Readability) would nest a second one; its content stays.
  'dl', 'dt', 'dd', 'abbr', 'time', 'span', 'div', 'section',
];

const ALLOWED_ATTR = [
  'href', 'target', 'rel', 'src', 'srcset', 'sizes', 'type', 'media', 'alt', 'title', 'width', 'height',
  'id', 'class', 'dir', 'lang', 'datetime', 'colspan', 'rowspan', 'scope', 'span', 'start', 'reversed',
];

/** Attributes allowed only on some tags; anything not listed here is allowed wherever ALLOWED_ATTR allows it. */
const ATTR_TAGS: Record<string, readonly string[]> = {
  href: ['a'],
  target: ['a'],
  rel: ['a'],
  src: ['img'],
  srcset: ['img', 'source'],
  sizes: ['img', 'source'],
  type: ['source'],
  media: ['source'],
  alt: ['img'],
  width: ['img', 'col', 'td', 'th'],
  height: ['img'],
  class: ['code', 'pre'],
  datetime: ['time', 'del', 'ins'],
  colspan: ['td', 'th'],
  rowspan: ['td', 'th'],
  scope: ['th'],
  span: ['col', 'colgroup'],
  start: ['ol'],
  reversed: ['ol'],
};

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
  // Drop these with their text too: a button's "Share"/"Follow" label is not article text.
  ADD_FORBID_CONTENTS: ['button', 'select', 'textarea', 'object', 'embed', 'canvas', 'dialog', 'applet', 'frameset'],
  // Only http(s), mailto, relative and fragment URLs; data: is handled by our hook for <img src>.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
};

/** What every sanitize call uses: the allowlist above, returning a detached <body> element. */
const SANITIZE_CONFIG = { ...CONFIG, RETURN_DOM: true, RETURN_TRUSTED_TYPE: false } as const;

const SAFE_IMAGE_DATA_URL = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp|x-icon|vnd\.microsoft\.icon)(?:;[a-z0-9=.+-]+)*(?:;base64)?,/i;

/** Removes whitespace and control characters browsers ignore inside URLs ("java\nscript:"). */
function compactUrl(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u2029\u205f\u3000\ufeff]/g, '');
}

/** True when a URL may stay on a link or image: http(s), mailto, relative, or a fragment. */
function isSafeUrl(value: string): boolean {
  const compact = compactUrl(value);
  // No scheme means a relative URL (resolved against the page, never script).
  if (/^[a-z][a-z0-9+.-]*:/i.test(compact)) return /^(?:https?|mailto):/i.test(compact);
  return !compact.includes(':') || /^[^:]*[/?#]/.test(compact);
}

function isSafeSrcset(value: string): boolean {
  // Each candidate is "URL [descriptor]"; a data: or script URL in any candidate drops the lot.
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .every((url) => url === '' || (isSafeUrl(url) && !/^mailto:/i.test(compactUrl(url))));
}

/**
 * Returns an id that cannot clobber a DOM property: "cp-" plus the letters, digits, "-" and "_"
 * of the input (spaces become "-"); idempotent, so ids already made by it stay unchanged.
 */
export function safeElementId(raw: string): string {
  const body = raw.startsWith(SAFE_ID_PREFIX) ? raw.slice(SAFE_ID_PREFIX.length) : raw;
  const cleaned = body
    .normalize('NFC')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{M}\p{N}_-]/gu, '')
    .slice(0, 80);
  return cleaned ? SAFE_ID_PREFIX + cleaned : '';
}

function onAttribute(node: Element, data: UponSanitizeAttributeHookEvent): void {
  const tag = node.nodeName.toLowerCase();
  const name = data.attrName;
  const tags = ATTR_TAGS[name];
  if (tags && !tags.includes(tag)) {
    data.keepAttr = false;
    return;
  }
  const value = data.attrValue;
  switch (name) {
    case 'id': {
      const id = safeElementId(value);
      if (id) data.attrValue = id;
      else data.keepAttr = false;
      return;
    }
    case 'href': {
      const compact = compactUrl(value);
      if (!isSafeUrl(value)) data.keepAttr = false;
      // In-page links follow the ids we rename (footnotes, tables of contents).
      else if (compact.startsWith('#') && compact.length > 1) {
        const id = safeElementId(decodeFragment(compact.slice(1)));
        if (id) data.attrValue = '#' + id;
        else data.keepAttr = false;
      }
      return;
    }
    case 'src': {
      const compact = compactUrl(value);
      if (/^data:/i.test(compact)) {
        // Inline raster images only: SVG can carry script, other data: types are not images.
        if (!SAFE_IMAGE_DATA_URL.test(compact)) data.keepAttr = false;
      } else if (!isSafeUrl(value) || /^mailto:/i.test(compact)) {
        data.keepAttr = false;
      }
      return;
    }
    case 'srcset':
      if (!isSafeSrcset(value)) data.keepAttr = false;
      return;
    case 'target':
      if (value.toLowerCase() !== '_blank') data.keepAttr = false;
      else data.attrValue = '_blank';
      return;
    case 'rel':
      // Set by afterAttributes for every link; the page's own value is discarded.
      data.keepAttr = false;
      return;
    case 'class': {
      // Only the code-language hint survives (Markdown fences and highlighting use it).
      const lang = value.split(/\s+/).find((c) => /^(?:language|lang)-[\w#+.-]{1,40}$/.test(c));
      if (lang) data.attrValue = lang.replace(/^lang-/, 'language-');
      else data.keepAttr = false;
      return;
    }
    case 'dir':
      if (!['ltr', 'rtl', 'auto'].includes(value.toLowerCase())) data.keepAttr = false;
      return;
    case 'lang':
      if (!/^[a-z]{1,8}(?:-[a-z0-9]{1,8})*$/i.test(value)) data.keepAttr = false;
      return;
    case 'width':
    case 'height':
    case 'colspan':
    case 'rowspan':
    case 'span':
    case 'start':
      if (!/^\d{1,5}%?$/.test(value)) data.keepAttr = false;
      return;
    default:
      return;
  }
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

function afterAttributes(node: Element): void {
  if (node.nodeName.toLowerCase() === 'a' && node.hasAttribute('href')) {
    node.setAttribute('rel', 'noopener noreferrer');
  }
}

/** Defined (true) only by the build of the extension's page scripts (vite.config.ts). */
declare const __CLEARPAGE_BROWSER__: boolean | undefined;

// null marks a window DOMPurify cannot use (linkedom's), so it is not probed again for every call.
const purifiers = new WeakMap<object, Purifier | null>();
let windowFactory: (() => PurifierWindow) | null = null;
let nodeWindow: PurifierWindow | null = null;
let nodeWindowUses = 0;
// jsdom's selector engine adds a listener to the window for every document it queries, so the
// window keeps every scratch document (and what callers queried in it) alive: a CLI batch of
// hundreds of pages grew by megabytes a page. A fresh window every few pages bounds that.
const NODE_WINDOW_USES = 20;

function purifierFor(win: PurifierWindow): Purifier | null {
  const cached = purifiers.get(win);
  if (cached !== undefined) return cached;
  const purifier = createDOMPurify(win as unknown as Window & typeof globalThis);
  if (!purifier.isSupported) {
    purifiers.set(win, null);
    return null;
  }
  purifier.addHook('uponSanitizeAttribute', onAttribute);
  purifier.addHook('afterSanitizeAttributes', afterAttributes);
  // Every call uses the same settings: set once, so DOMPurify does not rebuild its allowlists per call.
  purifier.setConfig(SANITIZE_CONFIG);
  purifiers.set(win, purifier);
  return purifier;
}

/**
 * Tells the sanitiser how to make a window DOMPurify can use when the document's own window cannot
 * (linkedom has no DOM implementation DOMPurify accepts); Node glue passes a jsdom window here.
 */
export function setSanitizerWindowFactory(factory: (() => PurifierWindow) | null): void {
  windowFactory = factory;
  nodeWindow = null;
  nodeWindowUses = 0;
}

/**
 * In Node without an injected factory, load jsdom at run time (never bundled for the browser). It is
 * resolved from the running script or the working directory: `import.meta` is unavailable in the
 * content script's IIFE bundle, which shares this module.
 */
function loadNodeWindow(): PurifierWindow | null {
  // The extension's page scripts are built with this set: their bundle drops the Node path.
  if (typeof __CLEARPAGE_BROWSER__ !== 'undefined' && __CLEARPAGE_BROWSER__) return null;
  const proc = (globalThis as { process?: { argv?: string[]; cwd?: () => string; getBuiltinModule?: (id: string) => unknown } }).process;
  const moduleApi = proc?.getBuiltinModule?.('node:module') as
    | { createRequire(path: string): (id: string) => unknown }
    | undefined;
  if (!moduleApi || !proc) return null;
  const bases = [proc.argv?.[1], proc.cwd ? `${proc.cwd()}/index.js` : undefined].filter((b): b is string => !!b);
  for (const base of bases) {
    try {
      const { JSDOM } = moduleApi.createRequire(base)('jsdom') as { JSDOM: new (html: string) => { window: PurifierWindow } };
      return new JSDOM('<!doctype html><html><head></head><body></body></html>').window;
    } catch {
      // try the next base
    }
  }
  return null;
}

function purifierForDocument(doc: Document | null | undefined): Purifier {
  const candidates: (PurifierWindow | null | undefined)[] = [doc?.defaultView];
  const g = globalThis as { document?: Document; window?: PurifierWindow };
  if (g.document && g.window) candidates.push(g.window);
  for (const win of candidates) {
    if (!win) continue;
    const purifier = purifierFor(win);
    if (purifier) return purifier;
  }
  if (!nodeWindow || nodeWindowUses >= NODE_WINDOW_USES) {
    nodeWindow = windowFactory ? windowFactory() : loadNodeWindow();
    nodeWindowUses = 0;
  }
  nodeWindowUses += 1;
  const purifier = nodeWindow ? purifierFor(nodeWindow) : null;
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
