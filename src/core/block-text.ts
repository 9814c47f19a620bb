/**
 * Block-by-block plain text: each paragraph, heading, list item, table row or
 * preformatted block becomes one block, so words never run together across block
 * boundaries the way `textContent` glues them ("…Moscow.RELATED STORIES").
 */

// Whitespace runs that are not already one plain space: prose has few, and a string without any
// comes back from replace() as it is, with nothing copied.
const LOOSE_SPACE = /\s{2,}|[^\S ]/g;

/** `s` with each whitespace run collapsed to one space, trimmed ('' for null or undefined). */
export const norm = (s: string | null | undefined): string => (s ?? '').replace(LOOSE_SPACE, ' ').trim();

/** Characters of link text under `el`, each whitespace run counted as one. */
export function linkTextLength(el: Element): number {
  let n = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) n += norm(a.textContent).length;
  return n;
}

/** The share of link text in `el`, whose text is `length` characters long (0 for no text). */
export const linkShare = (el: Element, length: number): number => (length ? linkTextLength(el) / length : 0);

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR',
  'LI', 'MAIN', 'NAV', 'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL', 'LEGEND', 'OPTION',
]);
// RT/RP: ruby annotations (furigana readings) are not part of the sentence in plain text.
const SKIP_TAGS = new Set(['RT', 'RP', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK', 'BUTTON', 'SELECT', 'TEXTAREA', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS']);
const CELL_TAGS = new Set(['TD', 'TH']);
const LINE_BREAK = '\u2028';

export interface BlockTextOptions {
  /**
   * Leave out image captions (<figcaption>): they label a picture rather than continue the
   * text, and are mostly photo credits on news pages. The HTML keeps them. Default true.
   */
  skipCaptions?: boolean;
}

/** Returns the text blocks under `root`, in document order, whitespace-normalised. */
export function textBlocks(root: Node, options: BlockTextOptions = {}): string[] {
  const skipCaptions = options.skipCaptions ?? true;
  const out: string[] = [];
  let cur = '';
  const flush = (): void => {
    const t = cur
      // Zero-width spaces and stray byte-order marks are invisible: keep them out of the words.
      // (Soft hyphens stay: they are the page's own hyphenation points.)
      .replace(/[\u200b\ufeff]/g, '')
      .replace(/[ \t\n\r\f\v\u00a0]+/g, ' ')
      .replace(/ ?\u2028 ?/g, '\n')
      .replace(/\n{2,}/g, '\n')
      .trim();
    if (t) out.push(t);
    cur = '';
  };
  // Explicit stack (deeply nested pages must not overflow the call stack); a null marks a block's end.
  const stack: (Node | null)[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (node === null) {
      flush();
      continue;
    }
    if (!node) continue;
    if (node.nodeType === 3) {
      cur += (node as Text).data;
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11 && node.nodeType !== 9) continue;
    const el = node as Element;
    const tag = el.tagName ? el.tagName.toUpperCase() : '';
    if (SKIP_TAGS.has(tag) || (skipCaptions && tag === 'FIGCAPTION')) continue;
    if (tag === 'BR') {
      cur += LINE_BREAK;
      continue;
    }
    if (tag === 'PRE') {
      flush();
      const pre = (el.textContent ?? '').replace(/^\n/, '').replace(/\s+$/, '');
      if (pre.trim()) out.push(pre);
      continue;
    }
    if (CELL_TAGS.has(tag)) cur += ' ';
    const block = BLOCK_TAGS.has(tag);
    if (block) {
      flush();
      stack.push(null);
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Node);
  }
  flush();
  return out;
}

/** Plain text of `root`: its blocks separated by blank lines. */
export function blockText(root: Node, options: BlockTextOptions = {}): string {
  return textBlocks(root, options).join('\n\n');
}

const IDEOGRAPHIC = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
// A whitespace-delimited token holding a letter or digit: one match per word, no token array
// (called on whole articles and on every link and paragraph of them).
const WORD = /(?<!\S)\S*?[\p{L}\p{N}]\S*/gu;

/** Counts words, counting each Chinese/Japanese character as one (those scripts do not space words). */
export function countWords(text: string): number {
  const ideographs = text.match(IDEOGRAPHIC)?.length ?? 0;
  const rest = (ideographs ? text.replace(IDEOGRAPHIC, ' ') : text).match(WORD)?.length ?? 0;
  return ideographs + rest;
}

/** Minutes to read `text` (about 230 words or 500 ideographs a minute), at least 1 for any text. */
export function readingMinutes(text: string): number {
  const ideographs = text.match(IDEOGRAPHIC)?.length ?? 0;
  const words = countWords(text) - ideographs;
  if (words + ideographs === 0) return 0;
  return Math.max(1, Math.round(words / 230 + ideographs / 500));
}
