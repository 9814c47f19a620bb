/**
 * Puts back paragraphs that Readability dropped from inside the article's own container.
 * Readability scores whole nodes: when one child of the container wins (a long signatories
 * table, a large image block, one Drupal/WPBakery "paragraph" component), the story's other
 * paragraphs can stay behind even though they sit beside the picked ones under the same kind
 * of parent. Only blocks that share the article's shape come back: same parent tag and class
 * as the picked paragraphs, running text rather than links, inside the picked container.
 * Works on the extracted body and a pristine copy of the body Readability read; never on the live page.
 */

import { elementAtPath } from './tree-path';
import { linkShare, norm } from './block-text';

// The blocks that can come back: paragraphs, subheadings and quotes, the parts of running text.
const BLOCKS = 'p, h2, h3, h4, blockquote';
// The pick's blocks looked up in the page by their text.
const MATCHED = 'p, td, li, pre, dd, blockquote, h2, h3, h4';
// A recovered block must not sit in one of these (they hold forms, teasers, notices or menus).
const FENCED = 'form, nav, aside, footer, header, figure, li, table, button, [role="complementary"], [role="navigation"]';
// Link share above which a paragraph is navigation (a "read also" line) rather than text.
const MAX_LINK_SHARE = 0.3;
// Below this many matched paragraphs the pick is too small to tell the article's shape.
const MIN_MATCHED = 2;

/** "div.entry-content": the tag and class attribute that say what kind of block a parent is. */
function signature(el: Element | null): string {
  if (!el) return '';
  return `${el.tagName}.${norm(el.getAttribute('class'))}`;
}

/** The parent holding most of the running-text paragraphs under `container` (their usual wrapper). */
function mainParagraphParent(container: Element): Element | null {
  const weight = new Map<Element, number>();
  for (const p of container.querySelectorAll('p')) {
    const text = norm(p.textContent);
    if (text.length < 80 || !p.parentElement || linkShare(p, text.length) > MAX_LINK_SHARE) continue;
    weight.set(p.parentElement, (weight.get(p.parentElement) ?? 0) + text.length);
  }
  let best: Element | null = null;
  let most = 0;
  for (const [el, n] of weight) if (n > most) [best, most] = [el, n];
  return best;
}

// How many ancestors up from the container a repeated component may start (page builders wrap
// each text block in five or six levels: row, column, inner column, wrapper, text column, wrapper).
const TWIN_LEVELS = 6;

/**
 * Siblings that repeat the container's own shape (same tag and class) at one of its first few
 * levels: CMS pages built of components (Drupal "paragraphs", page-builder rows, one <section>
 * per chapter) split the story into such twins, and Readability keeps only one of them. A twin
 * that carries its own h1 or is an <article> is another story (an infinite-scroll feed), not a part.
 */
function twinSiblings(container: Element): Element[] {
  let level: Element | null = container;
  for (let i = 0; level && i < TWIN_LEVELS; i++, level = level.parentElement) {
    const sig = signature(level);
    if (!level.getAttribute('class') || level.tagName === 'ARTICLE' || /^(BODY|HTML)$/.test(level.tagName)) continue;
    const parent: Element | null = level.parentElement;
    if (!parent) break;
    const twins = Array.from(parent.children).filter((c) => c !== level && signature(c) === sig && !c.querySelector('h1, article'));
    if (twins.length) return twins;
  }
  return [];
}

/**
 * True for the blurb of a story card: its block, or the one around it, also holds a linked
 * headline (related-post lists inside the post's container).
 */
function isTeaser(el: Element, container: Element): boolean {
  let e = el.parentElement;
  for (let level = 0; e && e !== container && level < 2; level++, e = e.parentElement) {
    for (const heading of e.querySelectorAll('h2, h3, h4, h5')) {
      const text = norm(heading.textContent).length;
      if (text > 0 && (!!heading.closest('a') || linkShare(heading, text) > 0.8)) return true;
    }
  }
  return false;
}

/** The table or list around a picked cell or item (a paragraph goes beside it, not into it), else the block. */
function outerBlock(el: Element, body: Element): Element {
  let out = el;
  for (let e = el.parentElement; e && e !== body; e = e.parentElement) if (/^(TABLE|UL|OL|DL)$/.test(e.tagName)) out = e;
  return out;
}

/** The deepest element holding every element of `els` (all in one document). */
function commonAncestor(els: Element[]): Element | null {
  let anc: Element | null = els[0] ?? null;
  for (const el of els.slice(1)) {
    while (anc && !anc.contains(el)) anc = anc.parentElement;
  }
  return anc;
}

/**
 * Adds to `body` (Readability's result) the paragraphs of the picked container under `root`
 * (a copy of the body Readability read) that share the picked paragraphs' parent and were left out;
 * each goes after the nearest picked paragraph before it. Returns how many were added.
 */
export function restoreDroppedBlocks(body: Element, root: Element, articlePath: number[] | null = null): number {
  const article = articlePath ? elementAtPath(root, articlePath) : null;
  // The pick's text blocks (a pick may hold no paragraph at all: one table cell, one list).
  const byText = new Map<string, Element>();
  for (const el of body.querySelectorAll(MATCHED)) {
    const text = norm(el.textContent);
    if (text.length >= 20 && !el.querySelector(MATCHED)) byText.set(`${el.tagName} ${text}`, el);
  }
  // Pristine blocks with the same tag and text as a picked one: where the pick sits in the page.
  // (Normalising never lengthens a text: one under 20 characters cannot be a picked block's.)
  const counterpart = new Map<Element, Element>();
  for (const el of root.querySelectorAll(MATCHED)) {
    const raw = el.textContent ?? '';
    if (raw.length < 20) continue;
    const hit = byText.get(`${el.tagName} ${norm(raw)}`);
    if (hit) counterpart.set(el, hit);
  }
  if (!counterpart.size) return 0;
  const matched = commonAncestor([...counterpart.keys()]);
  // The page analysis's article container, when it holds the pick, is the scope: a pick of one
  // table cell or one component leaves the story's other paragraphs beside it in that container.
  let container = article && matched && article.contains(matched) ? article : counterpart.size >= MIN_MATCHED ? matched : null;
  // A pick inside a table (one cell of a long signatories or data table, rich in commas) leaves the
  // story's paragraphs beside the table, not in it: open letters, petitions, reports with a table.
  const table = container?.closest('table');
  if (table && table.parentElement && !Array.from(counterpart.keys()).some((el) => el.tagName === 'P' && !table.contains(el))) container = table.parentElement;
  if (!container || container === root) return 0;
  const shapes = new Set<string>();
  for (const el of counterpart.keys()) if (el.tagName === 'P') shapes.add(signature(el.parentElement));
  const main = mainParagraphParent(container);
  if (main) shapes.add(signature(main));
  if (!shapes.size) return 0;
  const scopes = [container, ...twinSiblings(container)];
  // The pick's text, read only when a block gets as far as the test.
  let have: string | undefined;
  // In document order: each candidate goes after the last picked block seen before it.
  let anchor: Element | null = null;
  let firstPicked: Element | null = null;
  const additions: { block: Element; after: Element | null }[] = [];
  const inScope = (el: Element): boolean => scopes.some((sc) => sc.contains(el));
  // The twins' common parent holds the scope's blocks in document order.
  const walkRoot = scopes.length > 1 ? (commonAncestor(scopes) as Element) : container;
  for (const el of walkRoot.querySelectorAll(`${BLOCKS}, ${MATCHED}`)) {
    if (!inScope(el)) continue;
    const mine = counterpart.get(el);
    if (mine) {
      anchor = outerBlock(mine, body);
      firstPicked ??= anchor;
      continue;
    }
    if (!el.matches(BLOCKS) || !shapes.has(signature(el.parentElement))) continue;
    const text = norm(el.textContent);
    if (text.length < 2 || (have ??= norm(body.textContent)).includes(text)) continue;
    if (el.closest(FENCED) || el.querySelector(BLOCKS)) continue;
    if (linkShare(el, text.length) > MAX_LINK_SHARE || isTeaser(el, walkRoot)) continue;
    additions.push({ block: el, after: anchor });
  }
  if (!additions.length || !firstPicked) return 0;
  const doc = body.ownerDocument;
  let added = 0;
  // Blocks before the first picked paragraph go in front of it, in order; the others after
  // their anchor, back to front, so that blocks sharing one anchor keep their order.
  for (const { block, after } of additions) {
    if (after) continue;
    firstPicked.parentNode?.insertBefore(doc.importNode(block, true), firstPicked);
    added++;
  }
  for (let i = additions.length - 1; i >= 0; i--) {
    const { block, after } = additions[i] as { block: Element; after: Element | null };
    if (!after) continue;
    after.parentNode?.insertBefore(doc.importNode(block, true), after.nextSibling);
    added++;
  }
  return added;
}

// Class words that name a standfirst (lead, intro, dek, chapô, entradilla, bajada…) in news and
// magazine templates, matched as whole parts of a class name ("c-page-intro__copy", "a-lead").
const LEAD_WORDS = new Set(['lead', 'lede', 'leader', 'intro', 'teaser', 'standfirst', 'summary', 'excerpt', 'abstract', 'dek', 'deck', 'subhead', 'subheadline', 'chapo', 'chapeau', 'entradilla', 'bajada', 'sumario', 'copete', 'vorspann', 'anriss']);
// How far past the headline (in elements, document order) a standfirst may start; the walk also
// ends where the body's text starts. (Further on, "summary" boxes are offer cards, not leads.)
const LEAD_REACH = 80;
const LEAD_MIN = 60;
const LEAD_MAX = 1200;

function hasLeadClass(el: Element): boolean {
  const cls = el.getAttribute('class');
  if (!cls) return false;
  return cls.toLowerCase().split(/[\s_-]+/).some((w) => LEAD_WORDS.has(w));
}

/**
 * Puts back the standfirst that news templates set in the article header, between the headline
 * and the body, where Readability (which keeps the body's container) leaves it out: a block
 * after the headline whose class names a lead, of running text without links, not in the pick.
 * It goes first in the body. `titlePath` is the headline's path below `root` (a copy of the body Readability read). Returns whether one was added.
 */
export function restoreStandfirst(body: Element, root: Element, titlePath: number[] | null): boolean {
  if (!titlePath) return false;
  const title = elementAtPath(root, titlePath);
  if (!title) return false;
  const have = norm(body.textContent);
  const first = body.querySelector('p, ul, ol, h2, h3, blockquote, table, pre');
  if (!first) return false;
  let el: Element | null = title;
  for (let i = 0; i < LEAD_REACH && el; i++) {
    el = nextInOrder(el, root);
    if (!el) break;
    if (el.tagName === 'P') {
      // The body's own text reached: nothing stood between headline and body.
      const text = norm(el.textContent);
      if (text.length >= LEAD_MIN && have.includes(text)) return false;
    }
    if (el.closest(FENCED_LEAD)) continue;
    // The subtitle of an <hgroup> (the headline's own group, after it): magazine templates set the
    // standfirst as its h2 or p.
    const subtitle = el.parentElement?.tagName === 'HGROUP' && el.parentElement.contains(title) && el.previousElementSibling === title;
    if (!subtitle && !hasLeadClass(el)) continue;
    const text = norm(el.textContent);
    if (text.length >= LEAD_MIN && have.includes(text)) return false;
    if (text.length < LEAD_MIN || text.length > LEAD_MAX || linkShare(el, text.length) > 0.1 || CALL_TO_ACTION.test(text)) continue;
    if (el.querySelector('form, input, button')) continue;
    // A lead box around one heading (templates that set the standfirst as an h2) is that heading's
    // text; a box holding headings among other text is a header block, not a standfirst.
    const heading = el.querySelector('h1, h2, h3');
    const wrapsHeading = heading && norm(heading.textContent) === text && !heading.querySelector('h1, h2, h3');
    if (heading && !wrapsHeading) continue;
    const doc = body.ownerDocument;
    let lead: Element;
    if (subtitle || wrapsHeading) {
      // As a paragraph: a two-line heading would top the outline.
      lead = doc.createElement('p');
      lead.textContent = text;
    } else {
      lead = doc.importNode(el, true);
    }
    first.parentNode?.insertBefore(lead, first);
    return true;
  }
  return false;
}

// Bootstrap's "lead" class is also the big text of sign-up and log-in boxes under the headline.
const CALL_TO_ACTION = /\b(sign ?(up|in)|log ?in|subscri|newsletter|register)|registrier|anmelden|melde dich|abonn|suscr[ií]b|inscri[pv]|connectez/i;

// A standfirst is never inside a link, a list item (a teaser card) or page furniture.
const FENCED_LEAD = 'a, li, nav, aside, footer, form, figure, button';

/** The next element in document order after `el` within `root` (its first child first). */
function nextInOrder(el: Element, root: Element): Element | null {
  if (el.firstElementChild) return el.firstElementChild;
  for (let e: Element | null = el; e && e !== root; e = e.parentElement) {
    if (e.nextElementSibling) return e.nextElementSibling;
  }
  return null;
}
