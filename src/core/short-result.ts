/**
 * Tells when Readability's pick covers too little of a page's remaining text, so that a second,
 * looser pass is worth its cost. Readability retries with looser rules only below a fixed 500
 * characters; pages whose story it splits or half-drops (recipe cards beside the intro, forum
 * threads of sibling posts, FAQ accordions, articles continued after an in-article widget) give
 * it more than that and so never get the retry. Sizes are compared in characters of text that is
 * not link text, the part of a page that is running text rather than navigation.
 */
import type { PageAnalysis } from './chrome-detect';
import { linkTextLength, norm } from './block-text';

// Below this share of the page's non-link text the first pick "looks short"; and pages with less
// non-link text than MIN_PAGE_TEXT are short notes where any pick is as good as another.
const SHORT_SHARE = 0.5;
const MIN_PAGE_TEXT = 1500;

/** Characters of non-link text left in the analysed page once the given chrome elements are removed. */
export function textLeftAfterChrome(page: PageAnalysis, chrome: readonly Element[]): number {
  const root = page.stats[0];
  if (!root) return 0;
  let left = root.text - root.linkText;
  if (!chrome.length) return left;
  // Chrome comes in document order: each search starts after the last one found (a native scan,
  // where a map of every element would cost a step per element).
  let from = 0;
  const removed = chrome
    .map((el) => {
      let i = page.elements.indexOf(el, from);
      if (i < 0) i = page.elements.indexOf(el);
      if (i >= 0) from = i + 1;
      return i;
    })
    .filter((i) => i > 0)
    .sort((a, b) => a - b);
  // Pre-order ranges: a block inside one already counted is skipped.
  let until = -1;
  for (const i of removed) {
    if (i <= until) continue;
    const s = page.stats[i];
    if (!s) continue;
    left -= s.text - s.linkText;
    until = s.end;
  }
  return Math.max(0, left);
}

/** Characters of non-link text in an extracted body (whitespace runs count as one, as in the page analysis). */
export function nonLinkTextLength(body: Element): number {
  return Math.max(0, norm(body.textContent).length - linkTextLength(body));
}

/** True when an extracted body of `got` characters covers too little of a page with `left` characters. */
export function looksShort(got: number, left: number): boolean {
  return left >= MIN_PAGE_TEXT && got < left * SHORT_SHARE;
}

// Share of the first pick's paragraph text the second pick must still hold. Below it the looser
// pass has found some other, longer block instead of extending the story (a page whose article
// is followed by thousands of reader comments in unrecognised markup: the thread is longer).
const KEPT_SHARE = 0.8;

/**
 * True when a second pick extends the first rather than replacing it: most of the first pick's
 * paragraph text (its whole text when it has no paragraphs) appears in the second pick's text.
 */
export function keepsFirstPick(first: Element, second: Element): boolean {
  const text = (el: Element | null) => norm(el?.textContent);
  const blocks = Array.from(first.querySelectorAll('p')).map(text).filter(Boolean);
  if (!blocks.length) blocks.push(text(first));
  const total = blocks.reduce((n, b) => n + b.length, 0);
  if (!total) return true;
  const haystack = text(second);
  let kept = 0;
  for (const b of blocks) if (haystack.includes(b)) kept += b.length;
  return kept >= total * KEPT_SHARE;
}
