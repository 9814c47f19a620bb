import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import {
  HIDDEN_ATTR,
  STRIPPED_ATTR,
  STYLE_ATTR,
  categoryForElement,
  createPageStrip,
  selectorFor,
} from '../../src/core/page-strip';

const SEED = readFileSync(resolve(import.meta.dirname, '../fixtures/bdnews24-explainer/source.html'), 'utf8');
const HASHED = readFileSync(resolve(import.meta.dirname, '../fixtures/bdnews24-hashed/source.html'), 'utf8');

function load(html = SEED): Document {
  return parseHTML(html).document as unknown as Document;
}

const markup = (doc: Document) => doc.documentElement.outerHTML;

/** Text of the elements not inside a hidden block (what a reader sees when the stylesheet applies). */
function visibleText(doc: Document): string {
  const clone = doc.documentElement.cloneNode(true) as Element;
  for (const hidden of [...clone.querySelectorAll(`[${HIDDEN_ATTR}]`)]) hidden.remove();
  for (const s of [...clone.querySelectorAll('script, style')]) s.remove();
  return (clone.textContent ?? '').replace(/\s+/g, ' ');
}

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

describe('page-strip on the bdnews24 seed page', () => {
  it('hides each chrome category with marker attributes and one stylesheet, and keeps the article', () => {
    const doc = load();
    const strip = createPageStrip(doc);
    const items = strip.strip();
    const categories = new Set(items.map((i) => i.category));
    for (const c of ['language', 'navigation', 'related', 'more-from', 'ad', 'consent', 'header-footer', 'share'] as const) {
      expect(categories, c).toContain(c);
    }
    expect(doc.documentElement.hasAttribute(STRIPPED_ATTR)).toBe(true);
    expect(doc.querySelectorAll(`style[${STYLE_ATTR}]`)).toHaveLength(1);
    for (const item of items) expect(item.element.getAttribute(HIDDEN_ATTR)).toBe(item.category);

    const seen = visibleText(doc);
    for (const gone of ['RELATED STORIES', 'বাংলা', 'We use cookies', 'Cryptoverse', 'Privacy policy', 'Advertisement']) {
      expect(seen, gone).not.toContain(gone);
    }
    expect(seen).toContain('Why did ISIS-K attack a Moscow theatre?');
    // Every paragraph of the article body stays visible, and so does each ancestor of it.
    const paragraphs = [...doc.querySelectorAll('.details-body p')];
    expect(paragraphs.length).toBeGreaterThan(5);
    for (const p of paragraphs) {
      for (let e: Element | null = p; e; e = e.parentElement) expect(e.hasAttribute(HIDDEN_ATTR), e.localName).toBe(false);
    }
    strip.disconnect();
  });

  it('restores the exact markup, also for attributes the page already had', () => {
    const doc = load();
    // A page that already uses our attribute names must get its own values back, in place.
    doc.querySelector('.site-footer')!.setAttribute(HIDDEN_ATTR, 'theirs');
    doc.documentElement.setAttribute(STRIPPED_ATTR, 'theirs');
    doc.documentElement.setAttribute('data-late', 'x');
    const before = markup(doc);
    const strip = createPageStrip(doc);
    strip.strip();
    expect(markup(doc)).not.toBe(before);
    strip.restore();
    expect(markup(doc)).toBe(before);
    expect(strip.stripped).toBe(false);
  });

  it('strips twice as once, and strips again after a restore', () => {
    const doc = load();
    const before = markup(doc);
    const strip = createPageStrip(doc);
    const first = strip.strip().map((i) => i.id);
    const once = markup(doc);
    expect(strip.strip().map((i) => i.id)).toEqual(first);
    expect(markup(doc)).toBe(once);
    strip.restore();
    strip.strip();
    expect(markup(doc)).toBe(once);
    strip.restore();
    expect(markup(doc)).toBe(before);
  });

  it('shows one block again and does not hide it again while the page lives', async () => {
    const doc = load();
    const strip = createPageStrip(doc, { observeDelayMs: 0 });
    const related = strip.strip().find((i) => i.category === 'related')!;
    expect(strip.showAgain(related.id)?.element).toBe(related.element);
    expect(related.element.hasAttribute(HIDDEN_ATTR)).toBe(false);
    expect(strip.items().map((i) => i.id)).not.toContain(related.id);
    expect(strip.showAgain(related.id)).toBeNull();
    strip.restore();
    strip.strip();
    expect(related.element.hasAttribute(HIDDEN_ATTR)).toBe(false);
    strip.disconnect();
  });

  it('applies the site rules: keep selectors stay, picked selectors hide', () => {
    const doc = load();
    const strip = createPageStrip(doc, { keepSelectors: ['section.related-stories'], extraChromeSelectors: ['figure.lead-image'] });
    strip.strip();
    expect(doc.querySelector('section.related-stories')!.hasAttribute(HIDDEN_ATTR)).toBe(false);
    expect(doc.querySelector('figure.lead-image')!.hasAttribute(HIDDEN_ATTR)).toBe(true);
    strip.disconnect();
  });

  it('hides a picked element, stripping first, and restores it with the rest', () => {
    const doc = load();
    const before = markup(doc);
    const strip = createPageStrip(doc);
    const tags = doc.querySelector('.tags')!;
    const item = strip.hide(tags, categoryForElement(tags));
    expect(strip.stripped).toBe(true);
    expect(tags.getAttribute(HIDDEN_ATTR)).toBe(item.category);
    strip.restore();
    expect(markup(doc)).toBe(before);
  });

  it('hides chrome the page inserts later, looking only at the added subtrees', async () => {
    const doc = load();
    const strip = createPageStrip(doc, { observeDelayMs: 0 });
    const count = strip.strip().length;
    const body = doc.querySelector('.details-body')!;

    const ad = doc.createElement('div');
    ad.className = 'ad-slot';
    ad.id = 'div-gpt-ad-late';
    const label = doc.createElement('span');
    label.textContent = 'Advertisement';
    ad.append(label);
    doc.querySelector('.main-column')!.append(ad);

    const consent = doc.createElement('div');
    consent.className = 'consent-overlay';
    consent.setAttribute('role', 'dialog');
    consent.textContent = 'We use cookies to personalise content. Accept all cookies or manage your privacy settings.';
    doc.body.append(consent);

    const paragraph = doc.createElement('p');
    paragraph.textContent = 'A late paragraph of the article that loads after the rest, with enough words to read as text.';
    body.append(paragraph);

    await tick(20);
    const late = strip.items().length - count;
    expect(ad.getAttribute(HIDDEN_ATTR)).toBe('ad');
    expect(consent.getAttribute(HIDDEN_ATTR)).toBe('consent');
    expect(paragraph.hasAttribute(HIDDEN_ATTR)).toBe(false);
    expect(late).toBe(2);

    strip.restore();
    expect(doc.querySelectorAll(`[${HIDDEN_ATTR}]`)).toHaveLength(0);
    expect(doc.documentElement.hasAttribute(STRIPPED_ATTR)).toBe(false);
  });

  it('forgets hidden blocks the page removes, so they are not kept alive', async () => {
    const doc = load();
    let changes = 0;
    const strip = createPageStrip(doc, { observeDelayMs: 0, onChange: () => changes++ });
    const items = strip.strip();
    const consent = items.find((i) => i.category === 'consent')!;
    consent.element.remove();
    await tick(20);
    expect(strip.items().map((i) => i.id)).not.toContain(consent.id);
    expect(strip.items()).toHaveLength(items.length - 1);
    expect(consent.element.hasAttribute(HIDDEN_ATTR)).toBe(false);
    expect(changes).toBe(1);
    // A block moved elsewhere (removed and put back in one go) stays hidden and remembered.
    const footer = items.find((i) => i.category === 'header-footer' && i.element.localName === 'footer')!;
    doc.body.prepend(footer.element);
    await tick(20);
    expect(strip.items().map((i) => i.id)).toContain(footer.id);
    expect(footer.element.getAttribute(HIDDEN_ATTR)).toBe('header-footer');
    strip.restore();
    expect(markup(doc)).not.toContain(HIDDEN_ATTR);
  });

  it('works on the hashed-class variant', () => {
    const doc = load(HASHED);
    const before = markup(doc);
    const strip = createPageStrip(doc);
    const items = strip.strip();
    expect(new Set(items.map((i) => i.category))).toContain('related');
    expect(visibleText(doc)).not.toMatch(/RELATED STORIES/i);
    strip.restore();
    expect(markup(doc)).toBe(before);
  });
});

describe('selectorFor', () => {
  it('finds the same element again in a fresh copy of the page', () => {
    const doc = load();
    const fresh = load();
    for (const sel of ['.tags', 'figure.lead-image', '.opinion-list li:nth-of-type(2)', '.card-list .card:nth-of-type(3)', '#div-gpt-ad-top']) {
      const element = doc.querySelector(sel)!;
      const selector = selectorFor(element);
      const again = fresh.querySelectorAll(selector);
      expect(again, `${sel} → ${selector}`).toHaveLength(1);
      expect(again[0]!.outerHTML).toBe(element.outerHTML);
    }
  });

  it('avoids hashed class names and generated ids', () => {
    const doc = load('<html><body><div class="css-1x2y3z" id="r-9384721"><p class="Card_title__x7f2a">a</p><p class="Card_title__x7f2a">b</p></div></body></html>');
    const selector = selectorFor(doc.querySelectorAll('p')[1]!);
    expect(selector).not.toMatch(/css-1x2y3z|9384721|x7f2a/);
    expect(doc.querySelector(selector)!.textContent).toBe('b');
  });
});
