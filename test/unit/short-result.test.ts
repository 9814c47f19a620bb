import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { analysePage } from '../../src/core/chrome-detect';
import { keepsFirstPick, looksShort, nonLinkTextLength, textLeftAfterChrome } from '../../src/core/short-result';
import { extractArticle } from '../../src/core/extract-article';

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

  it('takes a second pick only when it still holds most of the first pick\'s paragraphs', () => {
    const { document } = parseHTML(`<div id="first"><p>Alpha paragraph of the story.</p><p>Beta paragraph of the story.</p></div>
      <div id="wider"><p>Intro.</p><p>Alpha paragraph of the story.</p><p>Beta paragraph of the story.</p><p>Recipe step.</p></div>
      <div id="elsewhere"><p>Comment one.</p><p>Comment two, much longer than the story itself.</p></div>`);
    const el = (id: string) => document.getElementById(id) as unknown as Element;
    expect(keepsFirstPick(el('first'), el('wider'))).toBe(true);
    expect(keepsFirstPick(el('first'), el('elsewhere'))).toBe(false);
  });

  // A news page whose story is followed by a long reader thread that chrome detection lets
  // through: Readability's class weights keep the story first, but its looser retries drop
  // those weights, so the second pass picks the longer thread. The story must still come out.
  it('keeps the story when the looser pass would pick a longer comment thread instead', () => {
    const story = [
      'The harbour authority confirmed on Tuesday that the old swing bridge will close for six weeks of repairs, the first full closure since it opened.',
      'Engineers found corroded bearings during a routine inspection in the spring, and the council said the work could not wait until the quieter winter months.',
      'Ferries will run every twenty minutes during the closure, and buses will take the ring road, adding about ten minutes to most journeys across town.',
      'Shop owners on the quay said they feared losing trade during the summer, while the authority promised signs pointing visitors to the ferry landing.',
    ];
    const thread = Array.from({ length: 400 }, (_, i) =>
      `<li class="comment"><p class="who">reader${i}</p><p>Comment ${i}: I cross that bridge every morning on the way to work and had no idea the bearings were in such a state.</p></li>`,
    ).join('');
    const doc = load(`<html><head><title>Swing bridge to close</title></head><body><main>
      <article><h1>Swing bridge to close for six weeks</h1>${story.map((p) => `<p>${p}</p>`).join('')}</article>
      <section class="thread"><ol>${thread}</ol></section></main></body></html>`);
    const result = extractArticle(doc, 'https://news.example/bridge');
    expect(result.kind).toBe('article');
    if (result.kind !== 'article') return;
    for (const p of story) expect(result.article.text).toContain(p);
  });
});
