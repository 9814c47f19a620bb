/**
 * Child-index paths: where an element sits below a root (its index among its parent's element
 * children at each level), so that it can be found again in a copy whose tree still matches.
 */

/** The element's index among its parent's element children. */
type Position = (el: Element, parent: Element) => number;
/** An element's element children, in order. */
type Children = (el: Element) => ArrayLike<Element>;

const positionIn: Position = (el, parent) => Array.prototype.indexOf.call(parent.children, el);
const childrenOf: Children = (el) => el.children;

/** The child-index path from `root` down to `el` ([] for the root), or null when `el` is not below `root`. */
export function pathFrom(root: Element, el: Element, position: Position = positionIn): number[] | null {
  const path: number[] = [];
  for (let e: Element = el; e !== root; ) {
    const parent: Element | null = e.parentElement;
    if (!parent) return null;
    path.push(position(e, parent));
    e = parent;
  }
  return path.reverse();
}

/** The element at a child-index path below `root`, or null. */
export function elementAtPath(root: Element, path: readonly number[], children: Children = childrenOf): Element | null {
  let el: Element | null = root;
  for (let i = 0; i < path.length && el; i++) el = children(el)[path[i] as number] ?? null;
  return el;
}

/**
 * Finds elements of `original` again in `copy`, a clone whose tree still matches it, by their
 * position (null for those not under the document element). Each parent's children are indexed
 * once, so many blocks among thousands of siblings (long lists, flat pages) cost one pass over them.
 */
export function counterparts(els: readonly (Element | null | undefined)[], original: Document, copy: Document): (Element | null)[] {
  const indexOf = new Map<Element, Map<Element, number>>();
  const position: Position = (el, parent) => {
    let index = indexOf.get(parent);
    if (!index) {
      index = new Map();
      let i = 0;
      for (let c = parent.firstElementChild; c; c = c.nextElementSibling) index.set(c, i++);
      indexOf.set(parent, index);
    }
    return index.get(el) ?? -1;
  };
  const kids = new Map<Element, Element[]>();
  const children: Children = (el) => {
    let list = kids.get(el);
    if (!list) {
      list = [];
      for (let c = el.firstElementChild; c; c = c.nextElementSibling) list.push(c);
      kids.set(el, list);
    }
    return list;
  };
  const from = original.documentElement;
  const to = copy.documentElement;
  return els.map((el) => {
    const path = el && from && to ? pathFrom(from, el, position) : null;
    return path ? elementAtPath(to, path, children) : null;
  });
}
