import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { analysePage } from '../../src/core/chrome-detect';
import { looksShort, nonLinkTextLength, textLeftAfterChrome } from '../../src/core/short-result';

const load = (html: string): Document => parseHTML(html).document as unknown as Document;

describe('short-result', () => {
  it('counts the non-link text left once chrome is removed, nested chrome once', () => {
    const doc = load(`<html><body><nav id="nav">Home <a href="/">Link</a><div id="inner">Inner nav text</div></nav>
      <main><p>Twelve chars</p><p>Story <a href="/x">linked</a> text</p></main></body></html>`);
    const page = analysePage(doc);
    const all = textLeftAfterChrome(page, []);
    const nav = doc.getElementById('nav') as Element;
    const inner = doc.getElementById('inner') as Element;
    const navText = 'Home' .length + 'Inner nav text'.length;
    expect(all - textLeftAfterChrome(page, [nav])).toBeGreaterThanOrEqual(navText);
    // The inner block lies inside the nav: removing both counts the nav once.
    expect(textLeftAfterChrome(page, [nav, inner])).toBe(textLeftAfterChrome(page, [nav]));
  });

  it('measures an extracted body without its link text', () => {
    const { document } = parseHTML('<div id="b"><p>Some  text</p><p><a href="/">link</a> more</p></div>');
    expect(nonLinkTextLength(document.getElementById('b') as unknown as Element)).toBe('Some text'.length + ' more'.length);
  });

  it('calls a pick short only on pages with enough text, below half of it', () => {
    expect(looksShort(700, 3000)).toBe(true);
    expect(looksShort(1600, 3000)).toBe(false);
    expect(looksShort(300, 1000)).toBe(false);
  });
});
