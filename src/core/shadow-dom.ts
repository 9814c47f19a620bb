/**
 * Shadow DOM flattening for extraction. Web-component pages (`<story-article>` with the text in
 * an open shadow root) keep their article where `cloneNode` and Readability never look: live
 * shadow roots are not cloned, and declarative `<template shadowrootmode>` stays an inert
 * template on DOMParser, linkedom and jsdom documents. Mutates the clone only.
 */

type MaybeHost = Element & { shadowRoot?: ShadowRoot | null };

const DECLARATIVE = 'template[shadowrootmode], template[shadowroot]';

/**
 * Whether `original` holds anything to flatten (an element with an open shadow root, or a
 * declarative shadow template), and the depth of its deepest element (the root element is 0) when
 * it holds none. One element walk with no allocation but its stack, so the common page (no shadow
 * DOM at all) skips the pairing walk over both trees, and the caller learns whether deep nesting
 * needs its own walk. A live page's declarative templates are already shadow roots; DOMParser,
 * linkedom and jsdom documents keep them as templates.
 */
export function scanShadowContent(original: Document): { shadow: boolean; deepest: number } {
  const root = original.documentElement;
  if (!root) return { shadow: false, deepest: 0 };
  // Two parallel stacks, not [element, depth] pairs: this walks every element of every page.
  const stack: Element[] = [root];
  const depths: number[] = [0];
  let deepest = 0;
  while (stack.length) {
    const n = stack.pop() as MaybeHost;
    const depth = depths.pop() as number;
    if (n.shadowRoot) return { shadow: true, deepest };
    if (n.localName === 'template' && (n.hasAttribute('shadowrootmode') || n.hasAttribute('shadowroot'))) return { shadow: true, deepest };
    if (depth > deepest) deepest = depth;
    for (let c = n.lastElementChild; c; c = c.previousElementSibling) {
      stack.push(c);
      depths.push(depth + 1);
    }
  }
  return { shadow: false, deepest };
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
 * Says whether there was shadow content (if not, the clone's tree is still the original's) and,
 * when there was none, how deep the original's deepest element lies (the root element is 0).
 * `scan` is scanShadowContent(original) when the caller has it already.
 */
export function flattenShadowRoots(
  original: Document,
  clone: Document,
  scan: { shadow: boolean; deepest: number } = scanShadowContent(original),
): { flattened: boolean; deepest: number } {
  const origRoot = original.documentElement;
  const cloneRoot = clone.documentElement;
  if (!origRoot || !cloneRoot) return { flattened: false, deepest: 0 };
  // The clone is a copy of the original, so no shadow content there means none in the clone.
  if (!scan.shadow) return { flattened: false, deepest: scan.deepest };
  // Pairs are found before anything moves, so the two trees still match.
  const pairs = hostPairs(original, clone);
  for (const [host, copy] of pairs) {
    if (host.shadowRoot) renderInto(copy, copyShadow(host.shadowRoot, clone, 0));
  }
  renderDeclarative(clone, clone, new Set(), 0);
  return { flattened: true, deepest: scan.deepest };
}
