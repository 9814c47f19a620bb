/**
 * Section structure of an extracted article body: Q&A questions and bold standalone lines
 * become real headings, heading levels are normalised below the title (the body's top level
 * is h2), every heading gets an id, and the outline lists them. Mutates the given body only.
 */
import { safeElementId } from './html-allowlist';
import { norm } from './block-text';
import type { OutlineItem } from './types';

const HEADING = /^H[1-6]$/;
const comparable = (s: string): string => norm(s).toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, ' ').trim();

/** True when the text has cased letters and none of them is lower case ("WHAT IS ISIS-K?"). */
function isCapitals(text: string): boolean {
  const upper = text.match(/\p{Lu}/gu)?.length ?? 0;
  const lower = text.match(/\p{Ll}/gu)?.length ?? 0;
  return upper >= 4 && lower === 0;
}

/** True when every letter of `p` sits inside <strong>/<b> (a bold line used as a subheading). */
function isFullyBold(p: Element): boolean {
  const total = norm(p.textContent).replace(/\s/g, '').length;
  if (!total) return false;
  let bold = 0;
  for (const b of p.querySelectorAll('strong, b')) {
    if (b.parentElement?.closest('strong, b') && p.contains(b.parentElement.closest('strong, b'))) continue;
    bold += norm(b.textContent).replace(/\s/g, '').length;
  }
  return bold >= total;
}

/**
 * A short standalone paragraph acting as a heading: a question or line in capitals, or a
 * fully bold line, followed by more content. News explainers (Q&A in capitals) and blogs
 * (bold lines as section titles) both write headings this way.
 */
export function isPseudoHeading(p: Element): boolean {
  if (p.tagName !== 'P') return false;
  const text = norm(p.textContent);
  if (text.length < 3 || text.length > 120) return false;
  if (p.querySelector('img, a, picture, video, iframe, br + br')) return false;
  const next = p.nextElementSibling;
  if (!next || !norm(next.textContent)) return false;
  if (/^(by|von|par|por|photo|image|source|credit|read more|also read)\b/i.test(text)) return false;
  const words = text.split(' ').length;
  if (isCapitals(text)) return text.endsWith('?') || (words >= 2 && !/[.,;:]$/.test(text));
  if (isFullyBold(p)) return text.length <= 100 && !/[.,;:]$/.test(text) && /\p{L}/u.test(text);
  return false;
}

function retag(el: Element, tag: string): Element {
  const doc = el.ownerDocument;
  const h = doc.createElement(tag);
  while (el.firstChild) h.appendChild(el.firstChild);
  const id = el.getAttribute('id');
  if (id) h.setAttribute('id', id);
  el.parentNode?.replaceChild(h, el);
  return h;
}

function slug(text: string): string {
  return (
    norm(text)
      .toLowerCase()
      .normalize('NFC')
      .replace(/[^\p{L}\p{M}\p{N}\s-]/gu, '')
      .trim()
      .replace(/\s+/g, '-')
      .slice(0, 60)
      .replace(/-+$/, '') || 'section'
  );
}

/**
 * Applies the structure pass to an article body: drops the title heading, promotes
 * pseudo-headings, normalises levels (top level h2), gives headings ids; returns the outline.
 */
export function structureArticle(body: Element, title: string | null): OutlineItem[] {
  const titleKey = title ? comparable(title) : '';
  let headings = Array.from(body.querySelectorAll('h1, h2, h3, h4, h5, h6'));
  // The title is shown apart from the body: drop headings repeating it.
  for (const h of headings) {
    if (titleKey && comparable(h.textContent ?? '') === titleKey) h.parentNode?.removeChild(h);
  }
  headings = headings.filter((h) => h.parentNode && norm(h.textContent));
  // Empty headings are layout spacers.
  for (const h of body.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    if (!norm(h.textContent) && !h.querySelector('img')) h.parentNode?.removeChild(h);
  }

  const promoted = new Set<Element>();
  for (const p of body.querySelectorAll('p')) {
    if (isPseudoHeading(p)) promoted.add(p);
  }

  const levels = [...new Set(headings.map((h) => Number(h.tagName[1])))].sort((a, b) => a - b);
  const levelMap = new Map(levels.map((l, i) => [l, Math.min(6, 2 + i)]));
  // Pseudo-headings sit one level below real section headings when the article has both.
  const promotedLevel = levels.length ? 3 : 2;

  const seen = new Set<string>();
  const outline: OutlineItem[] = [];
  for (const el of body.querySelectorAll('h1, h2, h3, h4, h5, h6, p')) {
    let h: Element;
    let level: number;
    if (HEADING.test(el.tagName)) {
      if (!el.parentNode || !norm(el.textContent)) continue;
      level = levelMap.get(Number(el.tagName[1])) ?? 2;
      h = `H${level}` === el.tagName ? el : retag(el, `h${level}`);
    } else if (promoted.has(el)) {
      level = promotedLevel;
      h = retag(el, `h${level}`);
    } else {
      continue;
    }
    const text = norm(h.textContent);
    let id = safeElementId(slug(text));
    for (let n = 2; seen.has(id); n++) id = safeElementId(`${slug(text)}-${n}`);
    seen.add(id);
    h.setAttribute('id', id);
    outline.push({ level, text, id });
  }
  return outline;
}

// Class names that say "caption of the picture beside me" in CMS templates that do not use
// <figcaption>: WordPress (wp-caption-text), TYPO3 (csc-textpic caption), Drupal/custom
// (image-subtitle, media__caption, img-metadata), Italian "didascalia", German "Bildunterschrift".
const CAPTION_CLASS = /(^|[\s_-])(caption|legend|legende|dida|didascalia|bildunterschrift|bildtext|imagedescription|image-?subtitle|img-metadata)/i;
// A caption is a line or two; a longer block with this class is a text box, not a label.
const CAPTION_MAX = 400;
// Elements that hold a picture's label when a <figure> has no <figcaption>.
const LOOSE_CAPTION = new Set(['SPAN', 'DIV', 'SMALL', 'CITE']);
// Figures that hold text of their own rather than a picture with a label (quotes, tables, code).
const TEXT_FIGURE = 'blockquote, table, pre, ul, ol';

/**
 * True when a picture (image, video, embed) sits in the small wrapper around `el`: an ancestor a
 * few levels up that holds little text besides `el`'s own (a section of the story holds more).
 */
function besidePicture(el: Element, body: Element, textLength: number): boolean {
  let e: Element | null = el.parentElement;
  for (let level = 0; e && e !== body && level < 3; level++, e = e.parentElement) {
    if (norm(e.textContent).length > textLength + 150) break;
    if (e.querySelector('img, picture, video, iframe, svg')) return true;
  }
  return false;
}

/**
 * Turns image captions that templates write as classed paragraphs, spans or divs (or as loose text
 * inside a <figure>) into <figcaption>, the element the plain text leaves out and the reader styles
 * as a caption: news and blog templates label every picture so, often with a photo credit.
 * Returns how many were marked.
 */
export function markImageCaptions(body: Element): number {
  const found = new Set<Element>();
  for (const el of body.querySelectorAll('[class]')) {
    if (el.tagName === 'FIGCAPTION' || el.closest('figcaption') || !CAPTION_CLASS.test(el.getAttribute('class') ?? '')) continue;
    // A heading outside a figure is the story's (a standfirst set beside a video), not a label.
    if (HEADING.test(el.tagName) && !el.closest('figure')) continue;
    const text = norm(el.textContent);
    if (!text || text.length > CAPTION_MAX || el.querySelector('img, picture, video, iframe, p p, h1, h2, h3, ' + TEXT_FIGURE)) continue;
    if (besidePicture(el, body, text.length)) found.add(el);
  }
  // Loose text in a picture's <figure> (a span or div beside the image, no <figcaption>). Paragraphs
  // stay: teaser figures of news templates carry the story's lead as a <p> beside the picture.
  for (const fig of body.querySelectorAll('figure')) {
    if (!fig.querySelector('img, picture, video, iframe') || fig.querySelector(TEXT_FIGURE)) continue;
    for (const child of fig.children) {
      if (!LOOSE_CAPTION.has(child.tagName) || child.querySelector('img, picture, video, iframe, figcaption, p')) continue;
      if (norm(child.textContent) && norm(child.textContent).length <= CAPTION_MAX) found.add(child);
    }
  }
  // Outermost first, so a caption nested in another marked one goes with it.
  let marked = 0;
  for (const el of found) {
    if (!el.parentNode || Array.from(found).some((o) => o !== el && o.contains(el))) continue;
    retag(el, 'figcaption');
    marked++;
  }
  return marked;
}
