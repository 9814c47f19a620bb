import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { pointFragmentLinks } from '../../src/core/fragment-links';

const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
const URL_ = 'https://news.example/2024/03/story.html?ref=home#top';

// An article as core hands it over: ids carry the sanitiser's "cp-" prefix, links follow them.
const ARTICLE = [
  '<nav><a href="#cp-causes">Causes</a> <a href="#cp-reply-1">First reply</a></nav>',
  '<h2 id="cp-causes">Causes</h2>',
  '<p>Text<sup><a href="#cp-fn1">1</a></sup> and <a href="https://other.example/a">a link</a>.</p>',
  '<ol><li id="cp-fn1">A footnote.</li></ol>',
].join('');

function hrefs(html: string): Array<string | null> {
  const { document: doc } = parseHTML(`<!doctype html><body>${html}</body>`);
  return [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'));
}

describe('pointFragmentLinks', () => {
  it('for the clipboard points every in-page link at the article URL with the page’s own fragment', () => {
    expect(hrefs(pointFragmentLinks(ARTICLE, URL_, { keepInDocument: false }, document))).toEqual([
      'https://news.example/2024/03/story.html?ref=home#causes',
      'https://news.example/2024/03/story.html?ref=home#reply-1',
      'https://news.example/2024/03/story.html?ref=home#fn1',
      'https://other.example/a',
    ]);
  });

  it('for a saved file keeps jumps whose target is in the document and points the rest at the article', () => {
    expect(hrefs(pointFragmentLinks(ARTICLE, URL_, { keepInDocument: true }, document))).toEqual([
      '#cp-causes',
      'https://news.example/2024/03/story.html?ref=home#reply-1',
      '#cp-fn1',
      'https://other.example/a',
    ]);
  });

  it('without an http(s) article URL keeps the text of a link that would lead nowhere', () => {
    const out = pointFragmentLinks(ARTICLE, 'file:///tmp/page.html', { keepInDocument: false }, document);
    expect(hrefs(out)).toEqual([null, null, null, 'https://other.example/a']);
    expect(out).toContain('First reply');
  });

  it('encodes fragments that are not plain ASCII', () => {
    const out = pointFragmentLinks('<a href="#cp-café">x</a>', 'https://news.example/a', { keepInDocument: false }, document);
    expect(hrefs(out)).toEqual(['https://news.example/a#caf%C3%A9']);
  });
});
