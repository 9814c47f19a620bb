/**
 * Shadow DOM flattening for extraction. Web-component pages (`<story-article>` with the text in
 * an open shadow root) keep their article where `cloneNode` and Readability never look: live
 * shadow roots are not cloned, and declarative `<template shadowrootmode>` stays an inert
 * template on DOMParser, linkedom and jsdom documents. Mutates the clone only.
 */

type MaybeHost = Element & { shadowRoot?: ShadowRoot | null };

const DECLARATIVE = 'template[shadowrootmode], template[shadowroot]';

/**
 * Whether `original` holds anything to flatten: an element with an open shadow root, or a
 * declarative shadow template. One element walk with no allocation, so the common page (no shadow
 * DOM at all) skips the pairing walk over both trees. A live page's declarative templates are
 * already shadow roots; DOMParser, linkedom and jsdom documents keep them as templates.
 */
function hasShadowContent(original: Document): boolean {
  const walker = original.createTreeWalker(original, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let n = walker.nextNode() as MaybeHost | null; n; n = walker.nextNode() as MaybeHost | null) {
    if (n.shadowRoot) return true;
    if (n.localName === 'template' && (n.hasAttribute('shadowrootmode') || n.hasAttribute('shadowroot'))) return true;
  }
  return false;
}

/** Pairs of (original, copy) elements that are open shadow hosts, found by walking both trees in step. */
function hostPairs(original: ParentNode, copy: ParentNode): [MaybeHost, Element][] {
  const out: [MaybeHost, Element][] = [];
  const stack: [Element, Element][] = [];
  const pushKids = (a: ParentNode, b: ParentNode): void => {
    const ak = a.children;
    const bk = b.children;
    if (ak.length !== bk.length) return; // the copy no longer matches: leave that subtree alone
    for (let i = ak.length - 1; i >= 0; i--) stack.push([ak[i] as Element, bk[i] as Element]);
  };
  pushKids(original, copy);
  while (stack.length) {
    const [a, b] = stack.pop() as [Element, Element];
    if (a.tagName !== b.tagName) continue;
    if ((a as MaybeHost).shadowRoot) out.push([a as MaybeHost, b]);
    pushKids(a, b);
  }
  return out;
}

/**
 * Puts the host's light-DOM children at the shadow content's <slot>s, as a browser renders them
 * (named slots take `slot="name"` children, the default slot the rest; an empty slot shows its
 * fallback), then makes the result the host's only content.
 */
function renderInto(host: Element, content: DocumentFragment): void {
  const slots = Array.from(content.querySelectorAll('slot'));
  const assigned = new Map<Element, Node[]>();
  const named = (name: string): Element | undefined => slots.find((s) => (s.getAttribute('name') ?? '') === name);
  for (const node of Array.from(host.childNodes)) {
    const name = node.nodeType === 1 ? ((node as Element).getAttribute('slot') ?? '') : '';
    const slot = named(name);
    if (!slot) continue; // unassigned light children are not rendered
    const list = assigned.get(slot) ?? [];
    list.push(node);
    assigned.set(slot, list);
  }
  for (const slot of slots) {
    const parent = slot.parentNode;
    if (!parent) continue;
    const nodes = assigned.get(slot) ?? Array.from(slot.childNodes);
    for (const n of nodes) parent.insertBefore(n, slot);
    parent.removeChild(slot);
  }
  while (host.firstChild) host.removeChild(host.firstChild);
  host.appendChild(content);
}

/** A copy of a live shadow root's content in `doc`, with shadow roots nested inside it flattened too. */
function copyShadow(shadow: ShadowRoot, doc: Document, depth: number): DocumentFragment {
  const frag = doc.createDocumentFragment();
  for (const child of Array.from(shadow.childNodes)) frag.appendChild(doc.importNode(child, true));
  if (depth < 20) {
    for (const [inner, copy] of hostPairs(shadow, frag)) {
      if (inner.shadowRoot) renderInto(copy, copyShadow(inner.shadowRoot, doc, depth + 1));
    }
  }
  return frag;
}

/** Replaces each declarative shadow template under `root` by its content, rendered with the host's slots. */
function renderDeclarative(root: ParentNode, doc: Document, done: Set<Element>, depth: number): void {
  for (const tpl of Array.from(root.querySelectorAll(DECLARATIVE))) {
    if (done.has(tpl)) continue;
    done.add(tpl);
    const host = tpl.parentElement;
    if (!host) continue;
    const content = (tpl as HTMLTemplateElement).content;
    const frag = doc.createDocumentFragment();
    // Browsers and jsdom keep a template's children in .content; linkedom parses them as children.
    if (content && content.childNodes.length) {
      for (const n of Array.from(content.childNodes)) frag.appendChild(doc.importNode(n, true));
    } else {
      for (const n of Array.from(tpl.childNodes)) frag.appendChild(n);
    }
    host.removeChild(tpl);
    if (depth < 20) renderDeclarative(frag, doc, done, depth + 1);
    renderInto(host, frag);
  }
}

/**
 * Flattens open shadow roots into `clone` (a `cloneNode(true)` copy of `original`): each host's
 * shadow content replaces its children, with the light-DOM children placed at their <slot>s.
 * Handles live shadow roots (read from `original`) and declarative `<template shadowrootmode>`.
 * Returns whether there was shadow content (false: the clone's tree is still the original's).
 */
export function flattenShadowRoots(original: Document, clone: Document): boolean {
  const origRoot = original.documentElement;
  const cloneRoot = clone.documentElement;
  if (!origRoot || !cloneRoot) return false;
  // The clone is a copy of the original, so no shadow content there means none in the clone.
  if (!hasShadowContent(original)) return false;
  // Pairs are found before anything moves, so the two trees still match.
  const pairs = hostPairs(original, clone);
  for (const [host, copy] of pairs) {
    if (host.shadowRoot) renderInto(copy, copyShadow(host.shadowRoot, clone, 0));
  }
  renderDeclarative(clone, clone, new Set(), 0);
  return true;
}
