import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { JSDOM } from 'jsdom';
import { flattenShadowRoots } from '../../src/core/shadow-dom';

/** The element's text nodes joined by spaces, in document order. */
function text(el: Element | null | undefined): string {
  const parts: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === 3) parts.push((n as Text).data);
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
  };
  if (el) walk(el);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

const DECLARATIVE = `<!DOCTYPE html><html><body><main><story-card>
  <template shadowrootmode="open">
    <article><h1>Headline</h1><p>Shadow one.</p><slot name="aside"><p>Fallback aside.</p></slot><p>Shadow two.</p><slot></slot><p>Shadow three.</p>
      <inner-note><template shadowrootmode="open"><em>Nested:</em> <slot></slot></template>inner light</inner-note>
    </article>
  </template>
  <p>Default slotted.</p>
  <p slot="aside">Named slotted.</p>
</story-card></main></body></html>`;

describe('flattenShadowRoots', () => {
  for (const [name, parse] of [
    ['linkedom', (html: string) => parseHTML(html).document as unknown as Document],
    ['jsdom', (html: string) => new JSDOM(html).window.document],
  ] as const) {
    it(`${name}: renders declarative shadow roots with light children at their slots`, () => {
      const doc = parse(DECLARATIVE);
      const clone = doc.cloneNode(true) as Document;
      flattenShadowRoots(doc, clone);
      const article = clone.querySelector('story-card > article');
      expect(text(article)).toBe('Headline Shadow one. Named slotted. Shadow two. Default slotted. Shadow three. Nested: inner light');
      expect(clone.querySelector('template, slot')).toBeNull();
      // The original is untouched.
      expect(doc.querySelector('template[shadowrootmode]')).not.toBeNull();
    });
  }

  it('jsdom: copies live open shadow roots (cloneNode leaves them behind), nested ones too', () => {
    const doc = new JSDOM('<!DOCTYPE html><html><body><x-story><p>Light paragraph.</p></x-story></body></html>').window.document;
    const host = doc.querySelector('x-story') as Element;
    const shadow = host.attachShadow({ mode: 'open' });
    const h1 = doc.createElement('h1');
    h1.textContent = 'Live headline';
    const slot = doc.createElement('slot');
    const inner = doc.createElement('x-byline');
    inner.attachShadow({ mode: 'open' }).textContent = 'By Someone';
    shadow.append(h1, inner, slot);
    const clone = doc.cloneNode(true) as Document;
    expect(text(clone.querySelector('x-story'))).toBe('Light paragraph.');
    flattenShadowRoots(doc, clone);
    expect(text(clone.querySelector('x-story'))).toBe('Live headline By Someone Light paragraph.');
    expect(clone.querySelector('x-story > h1')).not.toBeNull();
    expect(clone.querySelector('slot')).toBeNull();
  });

  it('renders a page whose only shadow content is a legacy `shadowroot` template', () => {
    const doc = parseHTML('<html><body><div><p>Before.</p></div><x-card><template shadowroot="open"><h2>Legacy</h2><slot></slot></template><p>Light.</p></x-card></body></html>').document as unknown as Document;
    const clone = doc.cloneNode(true) as Document;
    flattenShadowRoots(doc, clone);
    expect(text(clone.querySelector('x-card'))).toBe('Legacy Light.');
    expect(clone.querySelector('template, slot')).toBeNull();
  });

  it('leaves a page without shadow roots as it was', () => {
    const doc = parseHTML('<html><body><article><p>Plain <b>page</b>.</p><template><p>inert</p></template></article></body></html>').document as unknown as Document;
    const clone = doc.cloneNode(true) as Document;
    flattenShadowRoots(doc, clone);
    expect(clone.documentElement.outerHTML).toBe(doc.documentElement.outerHTML);
  });
});
