import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { JSDOM } from 'jsdom';
import { copyDocument } from '../../src/core/document-copy';

const PAGE = `<!DOCTYPE html><html lang="en"><head><title>T</title><style>p { color: red }</style></head><body>
<header class="site"><nav><a href="/">Home</a></nav></header>
<main><article class="story"><h1>Headline</h1><p>First <b>bold</b> paragraph.</p>
<aside class="ad">Advert</aside><p>Second paragraph.<style>.x { }</style></p>
<div class="share"><a href="/s">Share</a></div></article></main>
<footer>Footer <span>text</span></footer><!-- end --></body></html>`;

/** The page's markup with every <style> typed as the copy types it. */
function typedStyles(html: string): string {
  return html.replace(/<style>/g, '<style type="text/x-clearpage-inert">');
}

for (const [name, parse] of [
  ['linkedom', (html: string) => parseHTML(html).document as unknown as Document],
  ['jsdom', (html: string) => new JSDOM(html).window.document],
] as const) {
  describe(`copyDocument (${name})`, () => {
    it('copies the whole tree node for node, styles typed as inert, and leaves the page alone', () => {
      const doc = parse(PAGE);
      const before = doc.documentElement.outerHTML;
      const { copy, found } = copyDocument(doc);
      expect(copy).not.toBe(doc);
      expect(found).toEqual([]);
      expect(copy.documentElement.outerHTML).toBe(typedStyles(before));
      expect(copy.title).toBe('T');
      expect(copy.body.querySelector('article h1')?.textContent).toBe('Headline');
      expect(doc.documentElement.outerHTML).toBe(before);
      expect(doc.querySelector('style')?.hasAttribute('type')).toBe(false);
      // The copy is its own tree: changing it does not touch the page.
      copy.body.querySelector('h1')?.remove();
      expect(doc.querySelector('h1')).not.toBeNull();
    });

    it('leaves out the given elements with everything inside them, as removing them from a full copy would', () => {
      const doc = parse(PAGE);
      const out = ['header', 'aside.ad', '.share', '.share a', 'footer'].map((s) => doc.querySelector(s) as Element);
      const { copy } = copyDocument(doc, out);
      const expected = doc.cloneNode(true) as Document;
      for (const s of ['header', 'aside.ad', '.share', 'footer']) expected.querySelector(s)?.remove();
      expect(copy.documentElement.outerHTML).toBe(typedStyles(expected.documentElement.outerHTML));
      expect(copy.querySelector('header, aside, footer, .share')).toBeNull();
      // The page keeps them.
      expect(doc.querySelectorAll('header, aside, footer, .share')).toHaveLength(4);
    });

    it('finds the copies of the asked elements, and null for those left out or not in the page', () => {
      const doc = parse(PAGE);
      const article = doc.querySelector('article') as Element;
      const title = doc.querySelector('h1') as Element;
      const ad = doc.querySelector('aside.ad') as Element;
      const detached = doc.createElement('p');
      const { copy, found } = copyDocument(doc, [ad], [article, title, ad, undefined, detached, doc.documentElement]);
      expect(found[0]).toBe(copy.querySelector('article'));
      expect(found[1]).toBe(copy.querySelector('h1'));
      expect(found[0]?.ownerDocument).toBe(copy);
      expect(found.slice(2, 5)).toEqual([null, null, null]);
      expect(found[5]).toBe(copy.documentElement);
    });
  });
}
