/**
 * In-place, reversible stripping of a page's chrome. DOM only: runs on the live page (the
 * content script), on jsdom and on linkedom (unit tests).
 *
 * Stripping hides, it never deletes: one injected <style> plus `data-clearpage-hidden="<category>"`
 * on each hidden element and `data-clearpage-stripped` on <html>. Restoring removes every trace,
 * so the document's markup is what it was before (attribute order and pre-existing values too).
 */
import { findPageChrome } from './chrome-detect';
import { norm } from './block-text';
import { CHROME_CATEGORIES, type ChromeBlock, type ChromeCategory } from './types';

export const HIDDEN_ATTR = 'data-clearpage-hidden';
export const STRIPPED_ATTR = 'data-clearpage-stripped';
/** Marks the one <style> element stripping injects. */
export const STYLE_ATTR = 'data-clearpage-style';
/** Marks transient UI Clearpage puts on a page (the picker's highlight); ignored by the observer. */
export const UI_ATTR = 'data-clearpage-ui';

// Only our values (the categories) hide: a page that uses the attribute itself keeps its elements.
const STRIP_CSS = `${CHROME_CATEGORIES.map((c) => `html[${STRIPPED_ATTR}] [${HIDDEN_ATTR}="${c}"]`).join(',\n')} { display: none !important; }`;

/** At most this many added subtrees are examined per observer batch; the rest wait for the next. */
const MAX_ROOTS_PER_BATCH = 60;
/** Added subtrees with fewer characters of text than this are not worth a detection run. */
const MIN_ADDED_TEXT = 2;

/** One block hidden on the page. */
export interface HiddenItem {
  /** Unique for the life of this PageStrip. */
  id: string;
  element: Element;
  category: ChromeCategory;
  sample: string;
  reason: string;
}

export interface PageStripOptions {
  /** Selectors the user picked to hide on this site. */
  extraChromeSelectors?: string[];
  /** Selectors the user chose to keep visible on this site. */
  keepSelectors?: string[];
  /** Coalescing delay (ms) for chrome the page inserts later. Default 250. */
  observeDelayMs?: number;
  /** Called when the hidden set changed by itself while stripped (late chrome hidden, hidden blocks removed by the page). */
  onChange?: (items: HiddenItem[]) => void;
}

export interface PageStrip {
  readonly stripped: boolean;
  /** Hide the page's chrome; returns what is hidden. Stripping a stripped page changes nothing. */
  strip(): HiddenItem[];
  /** Remove every trace of stripping. */
  restore(): void;
  /** The blocks hidden now, in document order of hiding. */
  items(): HiddenItem[];
  /** Show one hidden block again (it stays visible while this page lives); returns it, or null. */
  showAgain(id: string): HiddenItem | null;
  /** Hide one more element (the picker); strips the page first when it is not stripped. */
  hide(element: Element, category: ChromeCategory, reason?: string): HiddenItem;
  /** Replace the user's rules (take effect on the next strip). */
  setRules(rules: { extraChromeSelectors?: string[]; keepSelectors?: string[] }): void;
  /** Stop observing the page (does not restore). */
  disconnect(): void;
}

/** A short sample of an element's visible text (at most ~80 characters). */
export function textSample(element: Element, max = 80): string {
  const text = norm(element.textContent);
  return text.length > max ? text.slice(0, max - 1).trimEnd() + '…' : text;
}

/** What an attribute was before we touched it: absent, or its old value. */
type Saved = { had: false } | { had: true; value: string };

function saveAndSet(element: Element, name: string, value: string): Saved {
  const node = element.getAttributeNode(name);
  if (node) {
    const saved: Saved = { had: true, value: node.value };
    // Writing the Attr node keeps the attribute where it is (some DOMs move it on setAttribute).
    node.value = value;
    return saved;
  }
  element.setAttribute(name, value);
  return { had: false };
}

function putBack(element: Element, name: string, saved: Saved): void {
  if (!saved.had) {
    element.removeAttribute(name);
    return;
  }
  const node = element.getAttributeNode(name);
  if (node) node.value = saved.value;
  else element.setAttribute(name, saved.value);
}

function matchesAny(element: Element, selectors: readonly string[]): boolean {
  for (const selector of selectors) {
    try {
      if (element.matches(selector)) return true;
    } catch {
      // An invalid stored selector: ignore it.
    }
  }
  return false;
}

function queryAll(root: ParentNode, selectors: readonly string[]): Element[] {
  const found: Element[] = [];
  for (const selector of selectors) {
    try {
      found.push(...root.querySelectorAll(selector));
    } catch {
      // invalid selector: ignore
    }
  }
  return found;
}

function isOurs(node: Node): boolean {
  return node.nodeType === 1 && ((node as Element).hasAttribute(STYLE_ATTR) || (node as Element).hasAttribute(UI_ATTR));
}

/** A category for an element the user picked, from its tag, role and names. */
export function categoryForElement(element: Element): ChromeCategory {
  const tag = element.localName;
  const role = element.getAttribute('role') ?? '';
  const names = `${element.id} ${element.getAttribute('class') ?? ''} ${element.getAttribute('aria-label') ?? ''}`.toLowerCase();
  if (/cookie|consent|gdpr|privacy/.test(names)) return 'consent';
  if (/\bads?\b|advert|sponsor|promo|banner-ad|dfp|gpt/.test(names)) return 'ad';
  if (/share|social|follow/.test(names)) return 'share';
  if (/comment|discuss|disqus/.test(names)) return 'comments';
  if (/newsletter|subscribe|signup|sign-up|paywall/.test(names)) return 'newsletter';
  if (/related|recommend|also-like|more-stories|read-next/.test(names)) return 'related';
  if (/most-read|popular|trending|opinion|more-from/.test(names)) return 'more-from';
  if (/lang|edition/.test(names)) return 'language';
  if (tag === 'nav' || role === 'navigation' || /\bnav|menu|breadcrumb/.test(names)) return 'navigation';
  if (tag === 'header' || tag === 'footer' || role === 'banner' || role === 'contentinfo') return 'header-footer';
  if (tag === 'aside' || role === 'complementary') return 'related';
  // Something a person singled out with no hint of its kind: on news pages that is mostly promotion.
  return 'ad';
}

/** Escape an identifier for a CSS selector (CSS.escape is not in every DOM we run on). */
function cssIdent(value: string): string {
  return value
    .replace(/^-?\d/, (m) => m.replace(/\d/, (d) => `\\3${d} `))
    .replace(/[^a-zA-Z0-9_\u00a0-\uffff-]/g, (ch) => `\\${ch}`);
}

/** Looks machine-made (changes between builds): CSS-in-JS hashes, CSS-module suffixes, React ids. */
function looksGenerated(token: string): boolean {
  if (/^(css|sc|jsx|emotion|styled|svelte|astro)-/i.test(token)) return true; // CSS-in-JS: css-1x2y3z
  if (/__[A-Za-z0-9_-]{5,}$/.test(token)) return true; // CSS modules: Card_title__x7f2a
  if (/^:|^ember\d|^yui_|\d{4,}/.test(token)) return true; // framework and counter ids
  const digits = (token.match(/\d/g) ?? []).length;
  const letters = (token.match(/[a-z]/gi) ?? []).length;
  // random mixes such as "a9f3kq": hashed class names on CSS-module sites give no class hints.
  return token.length >= 5 && digits >= 2 && letters >= 2 && !/^[a-z]+-?\d{1,2}$/i.test(token);
}

function stableClasses(element: Element): string[] {
  return [...element.classList].filter((c) => c && !c.startsWith('clearpage') && !looksGenerated(c)).slice(0, 3);
}

function selectorPart(element: Element): string {
  const classes = stableClasses(element);
  let part = element.localName + classes.map((c) => `.${cssIdent(c)}`).join('');
  const parent = element.parentElement;
  if (parent) {
    const same = [...parent.children].filter((child) => child.localName === element.localName && classes.every((c) => child.classList.contains(c)));
    if (same.length > 1) {
      const sameTag = [...parent.children].filter((child) => child.localName === element.localName);
      part += `:nth-of-type(${sameTag.indexOf(element) + 1})`;
    }
  }
  return part;
}

function isUnique(doc: Document, selector: string, element: Element): boolean {
  try {
    const found = doc.querySelectorAll(selector);
    return found.length === 1 && found[0] === element;
  } catch {
    return false;
  }
}

/**
 * A CSS selector that finds this element again after a reload: a stable id when there is one,
 * otherwise tag + stable classes, with :nth-of-type only where siblings are alike.
 */
export function selectorFor(element: Element): string {
  const doc = element.ownerDocument;
  const parts: string[] = [];
  let current: Element | null = element;
  while (current && current !== doc.documentElement && current !== doc.body) {
    const id = current.getAttribute('id');
    if (id && !looksGenerated(id) && isUnique(doc, `#${cssIdent(id)}`, current)) {
      parts.unshift(`#${cssIdent(id)}`);
      return parts.join(' > ');
    }
    parts.unshift(selectorPart(current));
    const candidate = parts.join(' > ');
    if (isUnique(doc, candidate, element)) return candidate;
    current = current.parentElement;
  }
  const prefix = current === doc.body ? 'body > ' : '';
  return prefix + parts.join(' > ');
}

/** A fresh, empty HTML document of the same kind as `doc` (linkedom has no DOMImplementation). */
function scratchDocument(doc: Document): Document {
  const scratch = doc.implementation?.createHTMLDocument
    ? doc.implementation.createHTMLDocument('')
    : (doc.cloneNode(false) as Document);
  if (!scratch.documentElement) {
    const html = scratch.createElement('html');
    html.append(scratch.createElement('head'), scratch.createElement('body'));
    scratch.append(html);
  }
  const lang = doc.documentElement.getAttribute('lang');
  if (lang) scratch.documentElement.setAttribute('lang', lang);
  return scratch;
}

/** Child-index path from `ancestor` down to `node`. */
function pathFrom(ancestor: Node, node: Node): number[] | null {
  const path: number[] = [];
  let current: Node | null = node;
  while (current && current !== ancestor) {
    const parent: Node | null = current.parentNode;
    if (!parent) return null;
    path.unshift(Array.prototype.indexOf.call(parent.childNodes, current));
    current = parent;
  }
  return current === ancestor ? path : null;
}

function follow(root: Node, path: number[]): Node | null {
  let current: Node | null = root;
  for (const index of path) current = current?.childNodes[index] ?? null;
  return current;
}

/**
 * Chrome inside a subtree the page added later, found by running the detector on a small
 * document holding the subtree and (as bare shells, for context) its ancestors. Blocks are
 * mapped back to the live elements, never outside the added subtree.
 */
function chromeInAddedSubtree(root: Element, options: PageStripOptions): ChromeBlock[] {
  const doc = root.ownerDocument;
  const scratch = scratchDocument(doc);
  const ancestors: Element[] = [];
  for (let a = root.parentElement; a && a !== doc.body && a !== doc.documentElement; a = a.parentElement) ancestors.unshift(a);
  let parent: Element = scratch.body;
  for (const ancestor of ancestors) {
    const shell = scratch.importNode(ancestor, false) as Element;
    parent.append(shell);
    parent = shell;
  }
  const copy = scratch.importNode(root, true) as Element;
  parent.append(copy);
  const blocks = findPageChrome(scratch, {
    extraChromeSelectors: options.extraChromeSelectors,
    keepSelectors: options.keepSelectors,
  });
  const live: ChromeBlock[] = [];
  for (const block of blocks) {
    if (block.element !== copy && block.element.contains(copy)) {
      // An ancestor shell holds nothing but the added subtree, so the verdict is about the subtree;
      // the live ancestor has other content we did not look at and stays as it is.
      live.push({ ...block, element: root });
      continue;
    }
    const path = pathFrom(copy, block.element);
    if (!path) continue;
    const element = follow(root, path);
    if (element && element.nodeType === 1) live.push({ ...block, element: element as Element });
  }
  return live;
}

/** Create the stripping controller for a document (nothing happens until `strip()`). */
export function createPageStrip(doc: Document, options: PageStripOptions = {}): PageStrip {
  let extra = [...(options.extraChromeSelectors ?? [])];
  let keep = [...(options.keepSelectors ?? [])];
  let stripped = false;
  let counter = 0;
  let style: HTMLStyleElement | null = null;
  let htmlSaved: Saved | null = null;
  const hidden = new Map<string, { item: HiddenItem; saved: Saved }>();
  const byElement = new WeakMap<Element, string>();
  const shownAgain = new WeakSet<Element>();
  let observer: MutationObserver | null = null;
  let pending = new Set<Element>();
  /** Elements the page removed; hidden ones among them are forgotten so they can be collected. */
  let removed = new Set<Element>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const delay = options.observeDelayMs ?? 250;

  const isHiddenOrInside = (element: Element): boolean => {
    for (let e: Element | null = element; e; e = e.parentElement) if (byElement.has(e)) return true;
    return false;
  };

  const hideOne = (element: Element, category: ChromeCategory, sample: string, reason: string, force = false): HiddenItem | null => {
    if (byElement.has(element) || (shownAgain.has(element) && !force)) return null;
    if (element === doc.documentElement || element === doc.body || element === doc.head) return null;
    if (!force && (matchesAny(element, keep) || queryAll(element, keep).length)) return null;
    const id = `cp-${++counter}`;
    const saved = saveAndSet(element, HIDDEN_ATTR, category);
    const item: HiddenItem = { id, element, category, sample: sample || textSample(element), reason };
    hidden.set(id, { item, saved });
    byElement.set(element, id);
    return item;
  };

  /** Hide the user's picked selectors that detection did not cover. */
  const hideExtra = (root: ParentNode): HiddenItem[] => {
    const added: HiddenItem[] = [];
    const candidates = queryAll(root, extra);
    if (root.nodeType === 1 && matchesAny(root as Element, extra)) candidates.unshift(root as Element);
    for (const element of candidates) {
      if (isHiddenOrInside(element)) continue;
      const item = hideOne(element, categoryForElement(element), textSample(element), 'site rule');
      if (item) added.push(item);
    }
    return added;
  };

  /** Forget hidden blocks the page has taken out of the document (a page that recycles its ads). */
  const forgetRemoved = (): boolean => {
    let changed = false;
    for (const root of removed) {
      if (root.isConnected) continue; // moved, not removed
      const inside = byElement.has(root) ? [root] : [];
      for (const e of root.querySelectorAll(`[${HIDDEN_ATTR}]`)) if (byElement.has(e)) inside.push(e);
      for (const element of inside) {
        const id = byElement.get(element)!;
        // Clean, so that if the page puts it back it is judged afresh like any added node.
        putBack(element, HIDDEN_ATTR, hidden.get(id)!.saved);
        hidden.delete(id);
        byElement.delete(element);
        changed = true;
      }
    }
    removed = new Set();
    return changed;
  };

  const processPending = () => {
    timer = null;
    if (!stripped) {
      pending.clear();
      removed.clear();
      return;
    }
    const forgot = forgetRemoved();
    const roots = [...pending].filter((e) => e.isConnected && !isOurs(e));
    pending = new Set();
    // Outermost added roots only; a subtree inside another added one is examined with it.
    const rootSet = new Set(roots);
    const outer = roots.filter((e) => {
      for (let a = e.parentElement; a; a = a.parentElement) if (rootSet.has(a)) return false;
      return !isHiddenOrInside(e);
    });
    const batch = outer.slice(0, MAX_ROOTS_PER_BATCH);
    for (const rest of outer.slice(MAX_ROOTS_PER_BATCH)) pending.add(rest);
    const added: HiddenItem[] = [];
    for (const root of batch) {
      if ((root.textContent ?? '').trim().length < MIN_ADDED_TEXT && !root.querySelector('iframe, img, video')) continue;
      for (const block of chromeInAddedSubtree(root, { extraChromeSelectors: extra, keepSelectors: keep })) {
        if (isHiddenOrInside(block.element)) continue;
        const item = hideOne(block.element, block.category, block.sample, block.reason);
        if (item) added.push(item);
      }
      added.push(...hideExtra(root));
    }
    if (pending.size) schedule();
    if (added.length || forgot) options.onChange?.(api.items());
  };

  const schedule = () => {
    // Coalesce: the first mutation of a burst starts the clock, later ones join the batch.
    if (timer === null) timer = setTimeout(processPending, delay);
  };

  const observe = () => {
    const MO = doc.defaultView?.MutationObserver ?? (typeof MutationObserver === 'function' ? MutationObserver : undefined);
    if (!MO) return;
    observer = new MO((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeType === 1 && !isOurs(node)) pending.add(node as Element);
        }
        for (const node of record.removedNodes) {
          if (node.nodeType === 1 && !isOurs(node)) removed.add(node as Element);
        }
      }
      if (pending.size || removed.size) schedule();
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true });
  };

  const stopObserving = () => {
    observer?.disconnect();
    observer = null;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending.clear();
    removed.clear();
  };

  const api: PageStrip = {
    get stripped() {
      return stripped;
    },

    strip() {
      if (stripped) return api.items();
      const blocks = findPageChrome(doc, { extraChromeSelectors: extra, keepSelectors: keep });
      for (const block of blocks) {
        if (isHiddenOrInside(block.element)) continue;
        hideOne(block.element, block.category, block.sample, block.reason);
      }
      hideExtra(doc);
      style = doc.createElement('style');
      style.setAttribute(STYLE_ATTR, '');
      style.textContent = STRIP_CSS;
      (doc.head ?? doc.documentElement).appendChild(style);
      htmlSaved = saveAndSet(doc.documentElement, STRIPPED_ATTR, '');
      stripped = true;
      observe();
      return api.items();
    },

    restore() {
      if (!stripped) return;
      stopObserving();
      for (const { item, saved } of hidden.values()) {
        putBack(item.element, HIDDEN_ATTR, saved);
        byElement.delete(item.element);
      }
      hidden.clear();
      style?.remove();
      style = null;
      if (htmlSaved) putBack(doc.documentElement, STRIPPED_ATTR, htmlSaved);
      htmlSaved = null;
      stripped = false;
    },

    items() {
      return [...hidden.values()].map(({ item }) => item);
    },

    showAgain(id) {
      const entry = hidden.get(id);
      if (!entry) return null;
      putBack(entry.item.element, HIDDEN_ATTR, entry.saved);
      hidden.delete(id);
      byElement.delete(entry.item.element);
      shownAgain.add(entry.item.element);
      return entry.item;
    },

    hide(element, category, reason = 'picked by the user') {
      if (!stripped) api.strip();
      shownAgain.delete(element);
      const existing = byElement.get(element);
      if (existing) return hidden.get(existing)!.item;
      // A pick overrides an older keep choice for this element.
      keep = keep.filter((selector) => !matchesAny(element, [selector]));
      const item = hideOne(element, category, textSample(element), reason, true);
      if (!item) throw new Error('That element cannot be hidden.');
      return item;
    },

    setRules(rules) {
      if (rules.extraChromeSelectors) extra = [...rules.extraChromeSelectors];
      if (rules.keepSelectors) keep = [...rules.keepSelectors];
    },

    disconnect: stopObserving,
  };
  return api;
}
