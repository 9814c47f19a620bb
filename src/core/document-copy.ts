/**
 * Copies of a page for the extraction pipeline to mutate (Readability changes its input).
 */

// A type no browser treats as CSS: the copy's style elements keep their text but get no sheet.
const INERT_STYLE_TYPE = 'text/x-clearpage-inert';

/** A copy of the page and, for each element asked for, its copy (null when it was left out). */
export interface DocumentCopy {
  copy: Document;
  found: (Element | null)[];
}

/**
 * A deep copy of `doc` without the elements of `leaveOut` (and all inside them), and the copies
 * of the elements of `find`. Only elements under the document element are left out or found.
 *
 * Subtrees with nothing to leave out or find are copied whole (one native call each); only the
 * elements on the way to those are copied one level at a time. Page chrome is most of a news
 * page's elements, so copying without it costs far less than copying it and removing it after.
 *
 * The copy's style elements are typed as inert before they join it: a document's own cloneNode
 * parses every <style> into a style sheet as it connects (Chromium and jsdom do; news pages inline
 * hundreds of kB of CSS), about two fifths of a whole copy's time, and the copy is only read and
 * handed to Readability, which drops styles. Otherwise the tree is the page's, node for node.
 */
export function copyDocument(doc: Document, leaveOut: readonly Element[] = [], find: readonly (Element | null | undefined)[] = []): DocumentCopy {
  const copy = doc.cloneNode(false) as Document;
  const root = doc.documentElement;
  const skip = new Set<Node>();
  // Elements holding something to leave out or find: copied shallow, their children one by one.
  const open = new Set<Node>();
  const wanted = new Set<Node>();
  const copies = new Map<Node, Element>();
  const under = (el: Element | null | undefined): boolean => {
    let e = el;
    while (e && e !== root) e = e.parentElement;
    return !!e;
  };
  const openAbove = (el: Element): void => {
    for (let e = el.parentElement; e && !open.has(e); e = e.parentElement) open.add(e);
  };
  for (const el of leaveOut) {
    if (!under(el)) continue;
    skip.add(el);
    openAbove(el);
  }
  for (const el of find) {
    if (!el || !under(el)) continue;
    wanted.add(el);
    openAbove(el);
  }
  const take = (from: Node): Node => {
    const whole = !open.has(from);
    const node = copy.importNode(from, whole);
    if (wanted.has(from)) copies.set(from, node as Element);
    if (!whole) {
      for (let c = from.firstChild; c; c = c.nextSibling) if (!skip.has(c)) node.appendChild(take(c));
    }
    return node;
  };
  for (const child of Array.from(doc.childNodes)) {
    if (skip.has(child)) continue;
    const node = take(child);
    // Typed while detached, then connected: the styles never become sheets.
    if (node.nodeType === 1) {
      const el = node as Element;
      for (const style of [el, ...Array.from(el.getElementsByTagName('style'))]) {
        if (style.localName === 'style') style.setAttribute('type', INERT_STYLE_TYPE);
      }
    }
    copy.appendChild(node);
  }
  return { copy, found: find.map((el) => (el && copies.get(el)) ?? null) };
}
