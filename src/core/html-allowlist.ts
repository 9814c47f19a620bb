/**
 * What article HTML may hold: the tags, the attributes and the rules for their values. One list
 * for two passes: the sanitiser (sanitize.ts, DOMPurify: the security boundary, where HTML becomes
 * DOM in an extension page or leaves as a file or on the clipboard) and the normalising pass of
 * extraction (normalize-html.ts, which shapes the article in the page without DOMPurify). Both keep
 * exactly the same markup, so text, structure and exports do not depend on which one ran last.
 */

/** Every id that survives sanitising starts with this, so it can never clobber a DOM property. */
export const SAFE_ID_PREFIX = 'cp-';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

export const ALLOWED_TAGS = [
  'p', ...HEADINGS, 'ul', 'ol', 'li', 'blockquote', 'pre', 'code',
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'figure', 'figcaption', 'a', 'img', 'picture', 'source',
  'em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup', 'mark', 'small', 'br', 'hr', 'wbr',
  'q', 'cite', 'del', 'ins', 'kbd', 'samp', 'var',
  // No <article>: the popup and the HTML export hold the text in their own one <article> landmark,
  // and a page's own wrapper (kept by Readability) would nest a second one; its content stays.
  'dl', 'dt', 'dd', 'abbr', 'time', 'span', 'div', 'section',
];

export const ALLOWED_ATTR = [
  'href', 'target', 'rel', 'src', 'srcset', 'sizes', 'type', 'media', 'alt', 'title', 'width', 'height',
  'id', 'class', 'dir', 'lang', 'datetime', 'colspan', 'rowspan', 'scope', 'span', 'start', 'reversed',
];

/**
 * Elements dropped with their content; any other element outside ALLOWED_TAGS is dropped and its
 * content kept. DOMPurify's own list (scripts, styles, media, SVG, MathML, templates, frames)
 * plus controls and embeds: a button's "Share"/"Follow" label is not article text.
 */
export const DROPPED_WITH_CONTENT = [
  'annotation-xml', 'audio', 'colgroup', 'desc', 'foreignobject', 'head', 'iframe', 'math', 'mi', 'mn', 'mo', 'ms',
  'mtext', 'noembed', 'noframes', 'noscript', 'plaintext', 'script', 'selectedcontent', 'style', 'svg', 'template',
  'thead', 'title', 'video', 'xmp',
  'button', 'select', 'textarea', 'object', 'embed', 'canvas', 'dialog', 'applet', 'frameset',
];

/** Only http(s), mailto, relative and fragment URLs; data: is handled by attributeValue for <img src>. */
export const ALLOWED_URI_REGEXP = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

/** Attributes allowed only on some tags; anything not listed here is allowed wherever ALLOWED_ATTR allows it. */
const ATTR_TAGS: Record<string, readonly string[]> = {
  href: ['a'],
  target: ['a'],
  rel: ['a'],
  src: ['img'],
  srcset: ['img', 'source'],
  sizes: ['img', 'source'],
  type: ['source'],
  media: ['source'],
  alt: ['img'],
  width: ['img', 'col', 'td', 'th'],
  height: ['img'],
  class: ['code', 'pre'],
  datetime: ['time', 'del', 'ins'],
  colspan: ['td', 'th'],
  rowspan: ['td', 'th'],
  scope: ['th'],
  span: ['col', 'colgroup'],
  start: ['ol'],
  reversed: ['ol'],
};

const SAFE_IMAGE_DATA_URL = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp|x-icon|vnd\.microsoft\.icon)(?:;[a-z0-9=.+-]+)*(?:;base64)?,/i;

/** Removes whitespace and control characters browsers ignore inside URLs ("java\nscript:"). */
function compactUrl(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u2029\u205f\u3000\ufeff]/g, '');
}

/** True when a URL may stay on a link or image: http(s), mailto, relative, or a fragment. */
function isSafeUrl(value: string): boolean {
  const compact = compactUrl(value);
  // No scheme means a relative URL (resolved against the page, never script).
  if (/^[a-z][a-z0-9+.-]*:/i.test(compact)) return /^(?:https?|mailto):/i.test(compact);
  return !compact.includes(':') || /^[^:]*[/?#]/.test(compact);
}

function isSafeSrcset(value: string): boolean {
  // Each candidate is "URL [descriptor]"; a data: or script URL in any candidate drops the lot.
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .every((url) => url === '' || (isSafeUrl(url) && !/^mailto:/i.test(compactUrl(url))));
}

/**
 * Returns an id that cannot clobber a DOM property: "cp-" plus the letters, digits, "-" and "_"
 * of the input (spaces become "-"); idempotent, so ids already made by it stay unchanged.
 */
export function safeElementId(raw: string): string {
  const body = raw.startsWith(SAFE_ID_PREFIX) ? raw.slice(SAFE_ID_PREFIX.length) : raw;
  const cleaned = body
    .normalize('NFC')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{M}\p{N}_-]/gu, '')
    .slice(0, 80);
  return cleaned ? SAFE_ID_PREFIX + cleaned : '';
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/**
 * Clearpage's own rule for one attribute of an allowed element (lower-case tag and name, trimmed
 * value): the value to keep (ids prefixed, fragment links following them, code-language classes
 * normalised) or null to drop it. The allowlist and DOMPurify's generic checks come on top.
 */
export function attributeValue(tag: string, name: string, value: string): string | null {
  const tags = ATTR_TAGS[name];
  if (tags && !tags.includes(tag)) return null;
  switch (name) {
    case 'id':
      return safeElementId(value) || null;
    case 'href': {
      const compact = compactUrl(value);
      if (!isSafeUrl(value)) return null;
      // In-page links follow the ids we rename (footnotes, tables of contents).
      if (compact.startsWith('#') && compact.length > 1) {
        const id = safeElementId(decodeFragment(compact.slice(1)));
        return id ? '#' + id : null;
      }
      return value;
    }
    case 'src': {
      const compact = compactUrl(value);
      // Inline raster images only: SVG can carry script, other data: types are not images.
      if (/^data:/i.test(compact)) return SAFE_IMAGE_DATA_URL.test(compact) ? value : null;
      return !isSafeUrl(value) || /^mailto:/i.test(compact) ? null : value;
    }
    case 'srcset':
      return isSafeSrcset(value) ? value : null;
    case 'target':
      return value.toLowerCase() === '_blank' ? '_blank' : null;
    case 'rel':
      // Set for every link once its attributes are done; the page's own value is discarded.
      return null;
    case 'class': {
      // Only the code-language hint survives (Markdown fences and highlighting use it).
      const lang = value.split(/\s+/).find((c) => /^(?:language|lang)-[\w#+.-]{1,40}$/.test(c));
      return lang ? lang.replace(/^lang-/, 'language-') : null;
    }
    case 'dir':
      return ['ltr', 'rtl', 'auto'].includes(value.toLowerCase()) ? value : null;
    case 'lang':
      return /^[a-z]{1,8}(?:-[a-z0-9]{1,8})*$/i.test(value) ? value : null;
    case 'width':
    case 'height':
    case 'colspan':
    case 'rowspan':
    case 'span':
    case 'start':
      return /^\d{1,5}%?$/.test(value) ? value : null;
    default:
      return value;
  }
}

/** The rel every kept link gets: no opener, no referrer. */
export const LINK_REL = 'noopener noreferrer';
