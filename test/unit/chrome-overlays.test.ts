import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { findPageChrome } from '../../src/core/chrome-detect';
import { contentByline, extractMetadata } from '../../src/core/metadata';

const load = (html: string): Document => parseHTML(html).document as unknown as Document;
const PARAS = Array.from(
  { length: 6 },
  (_, i) => `<p>Paragraph ${i + 1} of the report, long enough to be running text, with a comma, and another clause that keeps going for a while longer.</p>`,
).join('');
const page = (extra: string): Document =>
  load(`<html lang="ja"><head><title>記事</title></head><body>${extra}<article><h1>記事</h1>${PARAS}</article></body></html>`);
const found = (doc: Document): [string, string][] =>
  findPageChrome(doc).map((b) => [b.category, `${b.element.tagName.toLowerCase()}#${b.element.getAttribute('id') ?? ''}`]);

describe('overlays and sign-up boxes', () => {
  it('a consent notice in any language is found from its class and its overlay shape', () => {
    // A paragraph of running text, so the class hint alone does not make it chrome.
    const notice = '<p>当サイトではサービスの向上と利用状況の分析のために技術を使用しています。サイトの閲覧を続けることで、その使用に同意したものとみなされます。詳しくはプライバシーポリシーをご覧ください。</p>';
    expect(found(page(`<div id="c1" class="cmp-banner" style="position: fixed; bottom: 0">${notice}</div>`))).toContainEqual(['consent', 'div#c1']);
    expect(found(page(`<div id="c1" class="cmp-banner">${notice}<button>同意する</button></div>`))).toContainEqual(['consent', 'div#c1']);
    // The same class on an ordinary block with no overlay shape is not enough.
    expect(found(page(`<div id="c2" class="cmp-banner">${notice}</div>`)).some(([, id]) => id === 'div#c2')).toBe(false);
  });

  it('the text of inline scripts does not make a short post a cookie notice', () => {
    // A short blog post with the template's ad code inside it ("gdpr: 1", "consent"), before a
    // longer teaser of the next post (which the analysis may take for the article): textContent
    // reads the script, a reader does not.
    const post = 'A cartoonist got a spot on the news for his scathing critique of a lazy narrative, which has gone well beyond grumbling into out-and-out prejudice. Click through for the whole thing.';
    const adCode = '<script>ads.queue.push(function () { ads.setPrivacy({ gdpr: 1, consent: window.tcString }); ads.display("slot_1"); });</script>';
    const next = Array.from({ length: 8 }, (_, i) => `<p>Teaser ${i + 1} of the next post, a long paragraph of running text, with commas, clauses, asides, and words enough to be scored.</p>`).join('');
    const doc = (extra: string): Document =>
      load(
        `<html lang="en"><head><title>A short post</title></head><body><nav><a href="/">Home</a><a href="/a">About</a><a href="/c">Contact</a></nav>` +
          `<h1>A short post</h1><div id="story"><p>${post}</p>${adCode}<button>Share</button></div><div id="next">${next}</div>${extra}</body></html>`,
      );
    expect(found(doc('')).some(([cat, id]) => cat === 'consent' || id === 'div#story')).toBe(false);
    // A real notice still is one: its own words say so.
    const notice = '<div id="cn"><p>We use cookies to measure traffic and to show you ads.</p><button>Accept</button></div>';
    expect(found(doc(notice))).toContainEqual(['consent', 'div#cn']);
  });

  it('a modal outside the article is reported with the backdrop that wraps it', () => {
    const doc = page('<div id="backdrop" class="overlay"><div id="m" aria-modal="true"><h2>Continue reading</h2><p>Create a free account to keep reading this story and others like it.</p><a href="/register">Register</a></div></div>');
    expect(found(doc)).toContainEqual(['newsletter', 'div#backdrop']);
  });

  it('only aria-modal="true" makes a modal: the attribute with another value or on the body is no overlay', () => {
    const modal = (attr: string): Document =>
      page(`<div id="backdrop" class="overlay"><div id="m" ${attr}><h2>Continue reading</h2><p>Create a free account to keep reading this story and others like it.</p><a href="/register">Register</a></div></div>`);
    expect(found(modal('aria-modal="false"')).some(([, id]) => id === 'div#backdrop')).toBe(false);
    expect(found(modal('aria-modal="TRUE"')).some(([, id]) => id === 'div#backdrop')).toBe(false);
    expect(found(modal('aria-modal="true"'))).toContainEqual(['newsletter', 'div#backdrop']);
  });

  it('a box with an e-mail field is a newsletter box whatever its heading says', () => {
    const doc = page('<aside id="nl"><h2>Get new posts by email</h2><p>One email a month, no tracking.</p><form><input type="email"><button>Go</button></form></aside>');
    expect(found(doc)).toContainEqual(['newsletter', 'aside#nl']);
  });
});

describe('metadata from hostile or unusual pages', () => {
  it('only an http(s) lead image is kept; an @graph image reference is followed', () => {
    const ld = (image: string): Document =>
      load(`<html><head><script type="application/ld+json">{"@graph":[{"@type":"Article","headline":"H","image":${image}},{"@type":"ImageObject","@id":"#img","url":"https://ex.example/a.jpg"}]}</script></head><body></body></html>`);
    expect(extractMetadata(ld('"javascript:alert(1)"'), 'https://ex.example/p').image).toBeNull();
    expect(extractMetadata(ld('"data:image/png;base64,AAAA"'), 'https://ex.example/p').image).toBeNull();
    expect(extractMetadata(ld('{"@id":"#img"}'), 'https://ex.example/p').image).toBe('https://ex.example/a.jpg');
  });

  it('a visible "Updated" or "Published" label is found in any letter case, and a page without one has no visible date', () => {
    const visible = (text: string): Document => load(`<html><body><article><h1>T</h1><p class="meta">${text} March 3, 2024</p></article></body></html>`);
    expect(extractMetadata(visible('LAST UPDATED:')).modifiedTime).toBe('2024-03-03');
    expect(extractMetadata(visible('Veröffentlicht am')).publishedTime).toBe('2024-03-03');
    expect(extractMetadata(visible('Mis à jour le')).modifiedTime).toBe('2024-03-03');
    const none = extractMetadata(visible('Written'));
    expect([none.publishedTime, none.modifiedTime]).toEqual([null, null]);
  });

  it('the page byline is the first candidate that passes: hidden, empty or long ones before it are passed over', () => {
    const byline = (before: string): string | null =>
      contentByline(load(`<html><body>${before}<p class="byline">By <span itemprop="name">Ana Ruiz</span></p><p class="author-note">Someone Else</p></body></html>`));
    expect(byline('')).toBe('Ana Ruiz');
    expect(byline('<div class="author-box" hidden>Hidden Person</div>')).toBe('Ana Ruiz');
    expect(byline('<div id="authors"></div>')).toBe('Ana Ruiz');
    expect(byline(`<div class="byline-list">${'A very long list of names, '.repeat(5)}</div>`)).toBe('Ana Ruiz');
    expect(byline('<a rel="author" href="/u">Jo Doe</a>')).toBe('Jo Doe');
    expect(contentByline(load('<html><body class="author-page">Body Byline</body></html>'))).toBe('Body Byline');
    expect(contentByline(load('<html><body><p class="note">No byline here</p></body></html>'))).toBeNull();
  });

  it('article:author holding a name is a byline; a profile URL is not', () => {
    const meta = (v: string): Document => load(`<html><head><meta property="article:author" content="${v}"></head><body></body></html>`);
    expect(extractMetadata(meta('陈晓雯')).byline).toBe('陈晓雯');
    expect(extractMetadata(meta('https://facebook.com/someone')).byline).toBeNull();
  });
});
