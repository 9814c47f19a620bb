/**
 * URL work on a (cloned) document: lazy images get their real source, and relative
 * links and media sources become absolute against the page URL.
 */

const LAZY_SRC_ATTRS = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-url', 'data-hi-res-src', 'data-full-src'];
const LAZY_SRCSET_ATTRS = ['data-srcset', 'data-lazy-srcset'];
// Placeholders lazy-loading scripts put in `src` until the image scrolls into view.
const PLACEHOLDER_SRC = /^data:image\/(gif|png|svg\+xml)|(^|\/)(blank|spacer|placeholder|pixel|transparent|grey|gray|loading|lazy)[\w-]*\.(gif|png|svg|jpe?g)(\?|$)|[?&](w|width)=(1|16|20)(&|$)/i;
const IMAGE_URL = /\.(jpe?g|png|gif|webp|avif|svg)(\?|#|$)/i;

/** Resolves `url` against `base`, returning the input unchanged when it cannot be resolved. */
export function absoluteUrl(url: string, base: string | undefined): string {
  const trimmed = url.trim();
  if (!trimmed || !base) return trimmed;
  // Fragment-only links stay page-local so jump links keep working in the reader.
  if (trimmed.startsWith('#')) return trimmed;
  if (/^(data|javascript|mailto|tel):/i.test(trimmed)) return trimmed;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return trimmed;
  }
}

function resolveSrcset(srcset: string, base: string | undefined): string {
  return srcset
    .split(/,\s+(?=\S)/)
    .map((part) => {
      const [u, ...rest] = part.trim().split(/\s+/);
      return [absoluteUrl(u ?? '', base), ...rest].join(' ');
    })
    .join(', ');
}

/** Returns the largest candidate of a `srcset` value, or null. */
export function bestFromSrcset(srcset: string): string | null {
  let best: string | null = null;
  let bestSize = -1;
  for (const part of srcset.split(/,\s+(?=\S)/)) {
    const [u, d] = part.trim().split(/\s+/);
    if (!u) continue;
    const size = d ? parseFloat(d) || 0 : 1;
    if (size > bestSize) {
      best = u;
      bestSize = size;
    }
  }
  return best;
}

/**
 * Gives lazy-loaded images their real source in place (data-src, data-lazy-src, srcset,
 * <noscript> fallbacks). Call on a clone only: it mutates.
 */
export function resolveLazyImages(root: ParentNode): void {
  for (const img of Array.from(root.querySelectorAll('img, source'))) {
    const src = img.getAttribute('src') ?? '';
    const placeholder = !src || PLACEHOLDER_SRC.test(src);
    for (const attr of LAZY_SRC_ATTRS) {
      const v = img.getAttribute(attr);
      if (v && v.trim() && !/^data:/i.test(v) && (placeholder || attr === 'data-src' || attr === 'data-lazy-src')) {
        if (img.tagName === 'SOURCE') img.setAttribute('srcset', v.trim());
        else img.setAttribute('src', v.trim());
        break;
      }
    }
    for (const attr of LAZY_SRCSET_ATTRS) {
      const v = img.getAttribute(attr);
      if (v && v.trim()) {
        img.setAttribute('srcset', v.trim());
        break;
      }
    }
    // Images whose only real source is in srcset (placeholder src, e.g. Next.js blur images).
    if (img.tagName === 'IMG' && PLACEHOLDER_SRC.test(img.getAttribute('src') ?? '')) {
      const best = bestFromSrcset(img.getAttribute('srcset') ?? '');
      if (best) img.setAttribute('src', best);
    }
  }
  // <noscript><img></noscript> after a placeholder image: sites that lazy-load with a
  // no-JS fallback. The noscript's content is text in a scripting-enabled parser, so
  // pull the URL out of it instead of parsing HTML.
  for (const ns of Array.from(root.querySelectorAll('noscript'))) {
    const raw = ns.textContent ?? '';
    const m = /<img[^>]+src\s*=\s*["']([^"']+)["']/i.exec(raw);
    if (!m) continue;
    const prev = ns.previousElementSibling;
    const prevImg = prev?.tagName === 'IMG' ? prev : (prev?.querySelector('img') ?? null);
    const fallback = m[1] ?? '';
    if (prevImg && PLACEHOLDER_SRC.test(prevImg.getAttribute('src') ?? '')) {
      prevImg.setAttribute('src', fallback);
    } else if (!prevImg && ns.parentNode && IMAGE_URL.test(fallback)) {
      const doc = ns.ownerDocument;
      if (doc) {
        const img = doc.createElement('img');
        img.setAttribute('src', fallback);
        const alt = /alt\s*=\s*["']([^"']*)["']/i.exec(raw);
        if (alt) img.setAttribute('alt', alt[1] ?? '');
        ns.parentNode.replaceChild(img, ns);
      }
    }
  }
}

const URL_ATTRS = ['href', 'src', 'poster'] as const;

/** Makes href/src/srcset/poster URLs under `root` absolute against `base`. Mutates: clones only. */
export function absolutizeUrls(root: ParentNode, base: string | undefined): void {
  if (!base) return;
  // Pages repeat their links (menus, teaser cards, share bars): each distinct URL is resolved once.
  const resolved = new Map<string, string>();
  // Runs on every link of the page: attributes are written only when the URL changes.
  for (const el of Array.from(root.querySelectorAll('[href], [src], [srcset], [poster]'))) {
    for (const attr of URL_ATTRS) {
      const v = el.getAttribute(attr);
      if (v == null) continue;
      let abs = resolved.get(v);
      if (abs === undefined) {
        abs = absoluteUrl(v, base);
        resolved.set(v, abs);
      }
      if (abs !== v) el.setAttribute(attr, abs);
    }
    const srcset = el.getAttribute('srcset');
    if (srcset) {
      const abs = resolveSrcset(srcset, base);
      if (abs !== srcset) el.setAttribute('srcset', abs);
    }
  }
}

/** The base URL of a document: its <base href> resolved against `url`, else `url`. */
export function documentBaseUrl(doc: Document, url: string | undefined): string | undefined {
  const baseHref = doc.querySelector('base[href]')?.getAttribute('href');
  if (baseHref && url) {
    try {
      return new URL(baseHref, url).href;
    } catch {
      return url;
    }
  }
  return url || undefined;
}
