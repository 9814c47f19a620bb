/**
 * The normalising pass of extraction: parses the article HTML that Readability kept into an inert
 * document and keeps only what html-allowlist.ts allows (unknown elements unwrapped, scripts, styles,
 * media and controls dropped with their content, attributes checked, ids prefixed, links given
 * rel="noopener noreferrer"), the same markup DOMPurify keeps with the same lists, so text,
 * structure and exports come out the same.
 *
 * It is NOT the security boundary and does not replace the sanitiser: it runs in the page (where
 * the content script needs no DOMPurify), and everything that turns article HTML into DOM in an
 * extension page or writes it out (popup view, exports, clipboard, CLI) sanitises it with
 * DOMPurify through sanitize.ts.
 */
import { ALLOWED_ATTR, ALLOWED_TAGS, ALLOWED_URI_REGEXP, DROPPED_WITH_CONTENT, LINK_REL, attributeValue } from './html-allowlist';
import { htmlWindowFor, type PurifierWindow } from './html-window';

const ALLOWED = new Set(ALLOWED_TAGS);
const ALLOWED_ATTRS = new Set(ALLOWED_ATTR);
const DROPPED = new Set(DROPPED_WITH_CONTENT);
/** Attributes whose value is not a URL: kept without the URL check. */
const NOT_URLS = new Set(['alt', 'class', 'id', 'title']);
const HTML_NS = 'http://www.w3.org/1999/xhtml';
// Values that could close a comment or a raw-text element when serialised into other markup;
// DOMPurify drops them, and so does this pass, so both keep the same attributes.
const BREAKOUT = /((--!?|])>)|<\/(style|script|title|xmp|textarea|noscript|iframe|noembed|noframes)/i;
// eslint-disable-next-line no-control-regex
const URL_SPACE = /[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g;

/**
 * Tree access through Node.prototype, not through the nodes: a <form> lets its named controls and
 * images shadow its own properties (`<img name="firstChild">`), and a hostile page must not be able
 * to steer (or stall) the walk that way.
 */
interface TreeAccess {
  parent: (n: Node) => Node | null;
  first: (n: Node) => Node | null;
  next: (n: Node) => Node | null;
  name: (n: Node) => string;
  type: (n: Node) => number;
  insertBefore: (parent: Node, node: Node, ref: Node | null) => void;
  remove: (node: Node) => void;
}

const access = new WeakMap<object, TreeAccess>();

const DIRECT: TreeAccess = {
  parent: (n) => n.parentNode,
  first: (n) => n.firstChild,
  next: (n) => n.nextSibling,
  name: (n) => n.nodeName,
  type: (n) => n.nodeType,
  insertBefore: (p, n, ref) => void p.insertBefore(n, ref),
  remove: (n) => n.parentNode?.removeChild(n),
};

function treeAccess(win: PurifierWindow): TreeAccess {
  let found = access.get(win);
  if (!found) {
    const proto = (win as unknown as { Node: typeof Node }).Node.prototype;
    const get = <T>(prop: string) => Object.getOwnPropertyDescriptor(proto, prop)?.get as (this: Node) => T;
    const parent = get<Node | null>('parentNode');
    const first = get<Node | null>('firstChild');
    const next = get<Node | null>('nextSibling');
    const name = get<string>('nodeName');
    const type = get<number>('nodeType');
    const { insertBefore, removeChild } = proto;
    found = {
      parent: (n) => parent.call(n),
      first: (n) => first.call(n),
      next: (n) => next.call(n),
      name: (n) => name.call(n),
      type: (n) => type.call(n),
      insertBefore: (p, n, ref) => insertBefore.call(p, n, ref),
      remove: (n) => {
        const p = parent.call(n);
        if (p) removeChild.call(p, n);
      },
    };
    access.set(win, found);
  }
  return found;
}

/** The value an attribute keeps (the allowlist's rule, then DOMPurify's generic checks), or null. */
function keptValue(tag: string, name: string, raw: string): string | null {
  const value = attributeValue(tag, name, raw.trim());
  if (value === null || BREAKOUT.test(value) || value.includes('/>') || !ALLOWED_ATTRS.has(name)) return null;
  if (NOT_URLS.has(name) || !value || ALLOWED_URI_REGEXP.test(value.replace(URL_SPACE, ''))) return value;
  // Inline images: attributeValue has already kept only raster data: URLs on <img>.
  return name === 'src' && value.startsWith('data:') ? value : null;
}

function normalizeAttributes(el: Element, tag: string): void {
  const attrs = el.attributes;
  for (let i = attrs.length - 1; i >= 0; i--) {
    const attr = attrs[i];
    if (!attr) continue;
    const value = keptValue(tag, attr.name.toLowerCase(), attr.value);
    if (value === null) el.removeAttributeNode(attr);
    else if (value !== attr.value) el.setAttribute(attr.name, value);
  }
  if (tag === 'a' && el.hasAttribute('href')) el.setAttribute('rel', LINK_REL);
}

/**
 * Returns a detached <body> element holding `html` reduced to the article allowlist, parsed in an
 * inert document of a window with a full DOM (the page's, or jsdom in Node). Not a sanitiser: what
 * it returns is sanitised again wherever it is shown or exported.
 */
export function normalizeArticleHtml(html: string, doc?: Document | null): HTMLElement {
  const win = htmlWindowFor(doc);
  const tree = treeAccess(win);
  const parser = new (win as unknown as { DOMParser: typeof DOMParser }).DOMParser();
  const parsed = parser.parseFromString(html, 'text/html');
  // A document whose body became a <frameset> has no <body>: the result is then empty.
  const body = (parsed.getElementsByTagName('body')[0] ?? parser.parseFromString('', 'text/html').body) as HTMLElement;
  // The parser drops whitespace before the first tag; DOMPurify puts it back, and so does this.
  const lead = /^[\r\n\t ]+/.exec(html);
  if (lead && body.ownerDocument === parsed) body.insertBefore(parsed.createTextNode(lead[0]), body.firstChild);
  // Walked detached from its scratch document: moving a subtree inside a document costs a walk of
  // the subtree (connection steps), so deeply nested wrappers would cost their depth squared. Detached
  // also keeps jsdom from holding on to every element with an id.
  const root = parsed.documentElement;
  // Without a <form> (whose named controls could shadow them) the nodes' own properties are safe,
  // and cheaper than calling the prototype's getters through the guard for every node.
  const t = (body as Element).getElementsByTagName('form').length ? tree : DIRECT;
  if (root && t.parent(root)) t.remove(root);
  normalizeAttributes(body, 'body');
  const after = (n: Node): Node | null => {
    for (let at: Node | null = n; at && at !== body; at = t.parent(at)) {
      const next = t.next(at);
      if (next) return next;
    }
    return null;
  };
  let node = t.first(body);
  while (node) {
    const type = t.type(node);
    if (type === 3) {
      node = after(node);
      continue;
    }
    const el = node as Element;
    const tag = type === 1 ? t.name(el).toLowerCase() : '';
    if (type === 1 && ALLOWED.has(tag) && el.namespaceURI === HTML_NS) {
      normalizeAttributes(el, tag);
      node = t.first(el) ?? after(el);
      continue;
    }
    const next = after(node);
    // Unknown elements give way to their content (which is walked next); comments, processing
    // instructions and the elements dropped with their content go whole.
    if (type === 1 && !DROPPED.has(tag) && el.namespaceURI === HTML_NS) {
      const first = t.first(el);
      const parent = t.parent(el);
      if (parent) for (let child = first; child; child = t.first(el)) t.insertBefore(parent, child, el);
      t.remove(el);
      node = first ?? next;
    } else {
      t.remove(node);
      node = next;
    }
  }
  return body;
}
