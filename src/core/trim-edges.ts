/**
 * Trims page furniture that article extractors keep at the edges of the article body: tag
 * lists, photo credits, bare dates and link rows before the first or after the last paragraph
 * of running text. Works on the extracted body (a detached clone), never on the live page.
 */
import { linkShare as linkDensity, norm } from './block-text';

const BLOCK_SELECTOR = 'p, li, h1, h2, h3, h4, h5, h6, dt, dd, blockquote, pre, table, figure, div, section, ul, ol, dl';
const CONTAINER = /^(DIV|SECTION|UL|OL|DL|ARTICLE|MAIN)$/;

// "Tags: …", "Foto: …", "Quelle: …" lines (news and blog templates in many languages).
const LABEL_LINE =
  /^(tags?|schlagw[öo]rter|schlagworte|stichw[öo]rter|themen|etiquetas|temas|tem[aá]ticas|categor(y|ies|ías|ias)|kategorien?|rubriken?|filed under|posted in|ver(ö|oe)ffentlicht in|source|sources|quelle|quellen|fuente|fonte|foto|fotos|photo|photos|bild|bilder|image|imagen|im[aá]genes|credit|credits|cr[ée]dito|copyright|titelbild|beitragsbild|teaserbild|symbolbild|illustration|grafik)\s*[:：|]/i;
// A line that is only a date and/or a time ("5. Februar 2020", "03.04.2020 19:49", "Updated: 2 hours ago").
const DATE_LINE =
  /^((aktualisiert|updated|published|posted|veröffentlicht|stand|erstellt|publicado|actualizado|publié|mis à jour)\s*(am|on|le|el)?\s*[:：]?\s*)?[\p{L}.,\s]{0,20}\d{1,4}[./\-\s]+(\d{1,2}|\p{L}{3,12})\.?[./\-\s]*(\d{2,4})?[,\s]*((um|at|à|a las)\s*)?(\d{1,2}[:.]\d{2}(\s*(uhr|[ap]\.?m\.?))?)?$/iu;
const MONTH_FIRST_DATE_LINE = /^\p{L}{3,12}\.? \d{1,2}(st|nd|rd|th)?,? \d{4}([,\s]+(at\s*)?\d{1,2}[:.]\d{2}(\s*[ap]\.?m\.?)?)?$/iu;
const TIME_LINE = /^\d{1,2}[:.]\d{2}(\s*(uhr|[ap]\.?m\.?|h))?$/i;

// Calls to action and end matter that follow the article (comments, ratings, subscription
// and donation prompts, author boxes, "more on this" lists): blogs and news sites alike.
const END_MATTER =
  /^[\s\-–—(]*(\d+\s+)?(comments?|kommentare?|kommentieren|keine kommentare|commentaires?|comentarios?|leave a (comment|reply)|join the (conversation|discussion)|subscribe|abonnieren|abonnez|suscr[ií]bete|hazte (miembro|socio)|zapraszamy|support (us|our)|unterstützen sie|donate|spenden|rate this|bewerten sie|hier können sie .{0,30}bewerten|war (der|dieser) (artikel|beitrag) (hilfreich|nützlich)|was this (article|post|page) (helpful|useful)|(noch )?keine bewertungen|about the author|über (den|die) autor(in)?|der autor|die autorin|author bio|mehr (zum thema|themen|zu)|zum weiterlesen|weiterlesen|auch interessant|das könnte (dich|sie) (auch )?interessieren|(le|te) puede interesar|related|read (more|next)|more (on|about|from)|weitere (informationen|artikel|beiträge|infos)|zusatzinformationen|anzeige|advertisement|werbung|sponsored|share (this|on)|teilen|follow us|folgen sie uns|newsletter)\b/i;

// Section headings that open end matter even when a paragraph follows (an author bio,
// "further reading" with blurbs): everything from such a heading on goes.
const END_HEADING =
  /^(about the author|about the authors|über (den|die) autor(in|en)?|zur person|der autor|die autorin|author bio|further reading|zum weiterlesen|weiterlesen|auch interessant|das könnte (dich|sie) (auch )?interessieren|mehr (zum thema|zu .{1,40})|weitere (informationen|artikel|beiträge|infos)( .{1,30})?|related (articles|stories|posts|reading)|read (more|next)|more (on this|from .{1,30})|you (may|might) also like|recommended( reading)?|lire aussi|à lire aussi|leer más|lea también|leggi anche|comments?|\d+ comments?|kommentare?|leave a (reply|comment))[:.!]?$/i;

// A photo credit or source line on its own ("Foto: dpa", "Photograph by …", "Bild: Jahr Media",
// "Quelle: Landesregierung", "Crédits photos : …"): it labels a picture or a figure, not the
// story, wherever it sits. News sites and blogs put these under every picture, often as a plain
// paragraph rather than a <figcaption>.
const CREDIT_LINE =
  /^\(?\s*(fotos?|photos?|photograph(ed)?|bild(er|quelle)?|fotoquelle|images?|credits?|cr[ée]dits?( photos?)?|cr[ée]dito|copyright|titelbild|beitragsbild|teaserbild|symbolbild|abbildung( \d+)?|quellen?|quellenangaben?|source|fuente|fonte|źródło)\s*([:：]|\b(by|von|via)\b)/i;
// A bare agency credit ("AFP / MARCO BERTORELLO", "Augusta National/Getty Images", "iStock.com").
const AGENCY_CREDIT =
  /\b(getty ?images|istock(photo)?(\.com)?|shutterstock(\.com)?|picture[- ]alliance|imago( images)?|unsplash|fotolia(\.com)?|adobe ?stock|pixabay|wenn\.com|bestimage|dpa|afp|ap photo|keystone|epa)\b/i;
const CREDIT_MAX = 160;

// Calls to action and rights lines that close an article as whole sentences, long enough to pass
// for running text: subscription and newsletter prompts, "follow us" and channel invitations,
// donation and "did you like it" appeals, letters-to-the-editor invitations, comment log-in
// notices, advertising and affiliate disclosures, licence, copyright and opinion disclaimers.
// News sites and blogs in many languages end their stories with one or two of these. Only
// phrases that address the reader or state the rights count: a story's own last line may name a
// topic word ("Telegram did not respond", "the donation was returned", "affiliates of the firm").
const CLOSING_CALL =
  /\b(subscribe\b|(our|unseren?|notre|nuestro|nossa) newsletter|newsletter (abonnieren|abonnez)|sign ?up (for|to|now|here)|abonnier(en|e|t)?\b|abonnez|suscr[ií]b(e|ete)|assine|tilaa|zapraszamy|follow us\b|folg(e|t|en sie) (uns|unserem)|s[ií]guenos|nos siga|(join|follow) (us|our \w+) on|(our|unserem|nuestro) (telegram|whatsapp|youtube)|if you (enjoyed|liked|value)|artikel gefallen|beitrag gefallen|gefällt dir (unser|der)|support (our|us|independent)|unterstütze[n]? (sie )?(uns|unsere)|help us (continue|keep)|donate (now|today|to us|here)|make a donation|(jetzt|bitte) spenden|ihre spende|apóyanos|we want to hear|submit (a|your) letter|letters? to the editor|puede escribirnos|schreiben sie uns|straight to your (phone|inbox)|download (our|the) app|log ?in (for|to) (comment|read|continue|join)|anmelden,? um|eingeloggt sein|registrier(en|ung)? um|advertising disclosure|affiliate (link|commission|partner)|provision erhalten|geld erhalten wir|unter der lizenz|licen[cs]ed under|creative commons|cc[- ]by|chroniony prawem|alle rechte vorbehalten|all rights reserved|gibt die meinung de[rs] autor|do(es)? not (necessarily )?reflect the|nichts mehr (verpassen|versäumen)|never miss)/i;
// Only the last few blocks, each short, are looked at: a story's own last paragraph is longer.
const CLOSING_BLOCKS = 3;
const CLOSING_MAX = 300;

const BLOCK_NAMES = new Set(BLOCK_SELECTOR.split(', '));
// Same test as `!norm(text)`: \s is the class norm() collapses.
const HAS_TEXT = /\S/;

/**
 * Leaf blocks of the body in document order (blocks that hold no other block with text). One
 * walk: an element's text and whether a block with text sits inside it come from its children,
 * not from a textContent and a querySelectorAll per block (quadratic on long articles). Like
 * querySelectorAll, it never returns or counts blocks inside a <template> (linkedom parses the
 * template's markup as children); like textContent, their text still counts.
 */
function leafBlocks(body: Element): Element[] {
  const order: Element[] = [];
  const hasText = new Map<Element, boolean>();
  const holdsTextBlock = new Map<Element, boolean>();
  // Post-order by an explicit stack: element, children pushed yet, inside a template.
  const stack: [Element, boolean, boolean][] = [];
  for (let c = body.lastElementChild; c; c = c.previousElementSibling) stack.push([c, false, false]);
  while (stack.length) {
    const top = stack[stack.length - 1] as [Element, boolean, boolean];
    const el = top[0];
    if (!top[1]) {
      top[1] = true;
      const inert = top[2] || el.localName === 'template';
      if (!top[2]) order.push(el);
      for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push([c, false, inert]);
      continue;
    }
    stack.pop();
    let text = false;
    let holds = false;
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 1) {
        const child = n as Element;
        const childText = hasText.get(child) === true;
        text ||= childText;
        if (child.localName !== 'template') holds ||= holdsTextBlock.get(child) === true || (childText && BLOCK_NAMES.has(child.localName));
      } else if ((n.nodeType === 3 || n.nodeType === 4) && !text) {
        text = HAS_TEXT.test((n as CharacterData).data);
      }
    }
    hasText.set(el, text);
    holdsTextBlock.set(el, holds);
  }
  return order.filter((el) => {
    if (!BLOCK_NAMES.has(el.localName) || !hasText.get(el)) return false;
    if (!CONTAINER.test(el.tagName) && el.tagName !== 'LI' && el.tagName !== 'BLOCKQUOTE') return true;
    // A container counts as a leaf only when no block inside it carries text.
    return !holdsTextBlock.get(el);
  });
}

function isProse(el: Element): boolean {
  const text = norm(el.textContent);
  const cjk = text.match(/[\u3040-\u30ff\u3400-\u9fff]/g)?.length ?? 0;
  const long = text.length >= 100 || cjk >= 30;
  return long && linkDensity(el, text.length) < 0.5 && !/^H[1-6]$/.test(el.tagName);
}

function isFurniture(el: Element): boolean {
  const text = norm(el.textContent);
  if (!text || text.length > 200) return false;
  if (LABEL_LINE.test(text)) return true;
  if (text.length <= 60 && (DATE_LINE.test(text) || MONTH_FIRST_DATE_LINE.test(text) || TIME_LINE.test(text))) return true;
  // Link rows (tags, "back to overview", breadcrumbs) made of several links and little else.
  return el.querySelectorAll('a').length >= 2 && linkDensity(el, text.length) >= 0.7;
}

function removeWithEmptyAncestors(el: Element, body: Element): void {
  let target: Element = el;
  while (target.parentElement && target.parentElement !== body && norm(target.parentElement.textContent) === norm(target.textContent) && !target.parentElement.querySelector('img, picture, video, iframe')) {
    target = target.parentElement;
  }
  target.parentNode?.removeChild(target);
}

function isHeadingLike(el: Element): boolean {
  if (/^H[1-6]$/.test(el.tagName) || el.tagName === 'DT') return true;
  const text = norm(el.textContent);
  const bold = Array.from(el.querySelectorAll('strong, b')).reduce((n, b) => n + norm(b.textContent).length, 0);
  return text.length > 0 && bold >= text.length * 0.9;
}

/** True for a block that is only a photo credit or source line. */
function isCreditLine(el: Element): boolean {
  if (/^H[1-6]$/.test(el.tagName)) return false;
  const text = norm(el.textContent);
  if (!text || text.length > CREDIT_MAX) return false;
  if (CREDIT_LINE.test(text)) return true;
  // Agency credits are short and are names, not sentences: no full stop inside or at the end.
  return text.length <= 60 && AGENCY_CREDIT.test(text) && !/[.!?]\s|[.!?]$/.test(text.replace(/\.com\b/gi, ''));
}

/** Removes photo credit and source lines anywhere in the body (never an element holding a picture); returns how many. */
export function removeCreditLines(body: Element): number {
  let removed = 0;
  for (const el of leafBlocks(body)) {
    if (!body.contains(el)) continue;
    if (el.querySelector('img, picture, video, iframe') || !isCreditLine(el)) continue;
    removeWithEmptyAncestors(el, body);
    removed++;
  }
  return removed;
}

/** Removes furniture blocks before the first and after the last paragraph of running text; returns how many. */
export function trimArticleEdges(body: Element): number {
  const blocks = leafBlocks(body);
  const first = blocks.findIndex(isProse);
  if (first < 0) return 0;
  // Closing calls to action count as end matter even when written as full sentences.
  let closing = blocks.length;
  while (closing - 1 > first && blocks.length - closing < CLOSING_BLOCKS) {
    const text = norm(blocks[closing - 1]?.textContent);
    if (text.length > CLOSING_MAX || !CLOSING_CALL.test(text)) break;
    closing--;
  }
  let last = first;
  for (let i = closing - 1; i > first; i--) {
    if (isProse(blocks[i] as Element)) {
      last = i;
      break;
    }
  }
  let removed = 0;
  // End matter: from the first call to action after the last paragraph, everything goes;
  // or from an end-matter heading in the last part of the article.
  let endFrom = closing;
  const total = blocks.reduce((n, b) => n + norm(b.textContent).length, 0);
  let seen = 0;
  for (let i = 0; i < blocks.length; i++) {
    const el = blocks[i] as Element;
    const text = norm(el.textContent);
    if (i > first && seen >= total * 0.5 && text.length <= 60 && isHeadingLike(el) && END_HEADING.test(text)) {
      endFrom = Math.min(endFrom, i);
      last = Math.min(last, i - 1);
      break;
    }
    seen += text.length;
  }
  for (let i = last + 1; i < endFrom; i++) {
    const text = norm(blocks[i]?.textContent);
    if (text.length <= 200 && END_MATTER.test(text)) {
      endFrom = i;
      break;
    }
  }
  // Trailing furniture: everything after the last paragraph that looks like furniture.
  for (let i = blocks.length - 1; i > last; i--) {
    const el = blocks[i] as Element;
    if (i >= endFrom || isFurniture(el)) {
      removeWithEmptyAncestors(el, body);
      removed++;
    }
  }
  // Leading furniture: dates, credits and link rows above the first paragraph (headings stay).
  for (let i = 0; i < first; i++) {
    const el = blocks[i] as Element;
    if (!/^H[1-6]$/.test(el.tagName) && isFurniture(el)) {
      removeWithEmptyAncestors(el, body);
      removed++;
    }
  }
  return removed;
}
