import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { chooseMetadata, cleanByline, extractMetadata, normaliseIsoDate, parseVisibleDate, titleWithoutSite } from '../../src/core/metadata';

const load = (html: string): Document => parseHTML(html).document as unknown as Document;

describe('parseVisibleDate', () => {
  it('reads day-month-year with a 12-hour time, adding the given offset', () => {
    expect(parseVisibleDate('23 March 2024, 04:04 AM', '+06:00')).toBe('2024-03-23T04:04:00+06:00');
    expect(parseVisibleDate('23 March 2024, 04:04 PM', null)).toBe('2024-03-23T16:04:00');
    expect(parseVisibleDate('23 March 2024, 12:10 AM', null)).toBe('2024-03-23T00:10:00');
  });
  it('reads month-day-year and ISO-like dates, and dates without a time', () => {
    expect(parseVisibleDate('March 5, 2021 9:30 pm', null)).toBe('2021-03-05T21:30:00');
    expect(parseVisibleDate('2020-01-31 18:00', '-05:00')).toBe('2020-01-31T18:00:00-05:00');
    expect(parseVisibleDate('1st Feb. 2019', null)).toBe('2019-02-01');
  });
  it('rejects text that is not a date', () => {
    expect(parseVisibleDate('about 145 people were wounded', null)).toBeNull();
    expect(parseVisibleDate('31 Foo 2024', null)).toBeNull();
  });
});

describe('normaliseIsoDate', () => {
  it('keeps ISO 8601 as the page wrote it, and repairs the near misses', () => {
    expect(normaliseIsoDate('2024-03-23T04:04+06:00')).toBe('2024-03-23T04:04+06:00');
    expect(normaliseIsoDate('2024-03-23T04:04:00Z')).toBe('2024-03-23T04:04:00Z');
    expect(normaliseIsoDate('2024-03-23T04:04:00.000+0600')).toBe('2024-03-23T04:04:00+06:00');
    expect(normaliseIsoDate('2024-03-23 04:04')).toBe('2024-03-23T04:04:00');
    expect(normaliseIsoDate('2024-03-23')).toBe('2024-03-23');
  });
  it('keeps a zone-less CMS date a local time, and keeps a stated RFC 2822 offset', () => {
    // eHow-style <meta name="publishdate" content="05/29/2007 09:49:00">: no zone, so none invented.
    expect(normaliseIsoDate('05/29/2007 09:49:00')).toBe('2007-05-29T09:49:00');
    expect(normaliseIsoDate('May 29, 2007')).toBe('2007-05-29');
    // German CMSs write article:published_time as "10.12.2022, 07:00:03": dots mean day first.
    expect(normaliseIsoDate('10.12.2022, 07:00:03')).toBe('2022-12-10T07:00:03');
    expect(normaliseIsoDate('29/05/2007')).toBe('2007-05-29');
    expect(normaliseIsoDate('Tue, 29 May 2007 09:49:00 +0200')).toBe('2007-05-29T09:49:00+02:00');
    expect(normaliseIsoDate('Tue, 29 May 2007 09:49:00 GMT')).toBe('2007-05-29T09:49:00Z');
  });
});

describe('extractMetadata', () => {
  it('prefers JSON-LD, then meta tags, and records the sources', () => {
    const doc = load(`<html lang="de"><head>
      <meta property="og:title" content="OG title"><meta property="og:site_name" content="Example Site">
      <meta name="author" content="Meta Author"><meta property="article:published_time" content="2021-05-01T10:00:00+02:00">
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","headline":"LD title","author":[{"@type":"Person","name":"Ann"},{"@type":"Person","name":"Bo"}]}</script>
      </head><body><p>x</p></body></html>`);
    const m = extractMetadata(doc, 'https://example.com/a');
    expect(m.title).toBe('LD title');
    expect(m.sources.title).toBe('json-ld');
    expect(m.byline).toBe('Ann, Bo');
    expect(m.siteName).toBe('Example Site');
    expect(m.sources.siteName).toBe('meta');
    expect(m.publishedTime).toBe('2021-05-01T10:00:00+02:00');
    expect(m.sources.publishedTime).toBe('meta');
    expect(m.lang).toBe('de');
    expect(m.dir).toBeNull();
  });

  it('follows @graph references and reads <time> when nothing else has a date', () => {
    const doc = load(`<html><head><script type="application/ld+json">{"@graph":[{"@type":"Organization","@id":"#o","name":"Org"},{"@type":"NewsArticle","headline":"H","publisher":{"@id":"#o"},"inLanguage":"fr"}]}</script></head>
      <body><article><time datetime="2022-02-02T08:00:00Z">2 Feb</time></article></body></html>`);
    const m = extractMetadata(doc);
    expect(m.siteName).toBe('Org');
    expect(m.lang).toBe('fr');
    expect(m.sources.lang).toBe('json-ld');
    expect(m.publishedTime).toBe('2022-02-02T08:00:00Z');
    expect(m.sources.publishedTime).toBe('time');
  });

  it('completes a visible date with the offset stated elsewhere on the page', () => {
    const doc = load(`<html lang="en"><head><meta property="article:modified_time" content="2024-03-23T05:00:00+06:00"></head>
      <body><div><span>Published : 23 March 2024, 04:04 AM</span></div></body></html>`);
    const m = extractMetadata(doc);
    expect(m.publishedTime).toBe('2024-03-23T04:04:00+06:00');
    expect(m.sources.publishedTime).toBe('text');
  });

  it('derives right-to-left direction from the attribute or the language', () => {
    expect(extractMetadata(load('<html dir="rtl"><body></body></html>')).dir).toBe('rtl');
    expect(extractMetadata(load('<html lang="ar-EG"><body></body></html>')).dir).toBe('rtl');
    expect(extractMetadata(load('<html lang="he"><body></body></html>')).dir).toBe('rtl');
  });

  it('survives broken JSON-LD', () => {
    const doc = load(`<html><head><script type="application/ld+json">{"@type":"Article","headline":"Still read",}</script><script type="application/ld+json">{oops</script></head><body></body></html>`);
    expect(extractMetadata(doc).title).toBe('Still read');
  });

  it('reads meta tags that list several properties in one attribute', () => {
    const doc = load(`<html><head><meta property="dc:description og:description" content="Both at once"></head><body></body></html>`);
    expect(extractMetadata(doc).excerpt).toBe('Both at once');
  });

  it('turns numeric references to no character into U+FFFD instead of throwing', () => {
    const doc = load(`<html><head><meta name="description" content="a &amp;#xFFFFFFFF; b &amp;#x0; c &amp;#x1F62D; &amp;#xg;"></head><body></body></html>`);
    expect(extractMetadata(doc).excerpt).toBe('a \uFFFD b \uFFFD c \u{1F62D} &#xg;');
  });

  it('reads dir and lang from the real <body> when stray markup before <head> opened an earlier one', () => {
    const doc = load(`<!doctype html><html><div id="stamp"></div><head><title>t</title></head><body dir="rtl" lang="ar"><p>نص</p></body></html>`);
    const m = extractMetadata(doc);
    expect(m.dir).toBe('rtl');
    expect(m.lang).toBe('ar');
  });

  it('does not take a "Last updated" <time> for the publication time', () => {
    // How-to pages that print only "Last updated <date>".
    const marked = load(`<html><body><article><p>By Ann</p><time datetime="2016-09-14T07:07:00-04:00" itemprop="dateModified">Last updated September 14, 2016</time></article></body></html>`);
    expect(extractMetadata(marked).publishedTime).toBeNull();
    const labelled = load(`<html><body><header><span>Updated: <time datetime="2020-02-02">2 Feb 2020</time></span></header>
      <article><p>Text</p><time datetime="2020-01-01T10:00:00Z">1 Jan 2020</time></article></body></html>`);
    expect(extractMetadata(labelled).publishedTime).toBe('2020-01-01T10:00:00Z');
  });

  it('prefers a <time> marked as the publication time over the first one on the page', () => {
    // Blog themes mark the post date with class="published"; a header may show today's date first.
    const doc = load(`<html><body><div class="top-bar"><time datetime="2024-06-01">Today</time></div>
      <main><time class="entry-date published" datetime="2024-05-20T08:00:00Z">20 May</time></main></body></html>`);
    expect(extractMetadata(doc).publishedTime).toBe('2024-05-20T08:00:00Z');
  });

  it('prefers a published-time meta tag over JSON-LD dateCreated', () => {
    // Wiki-style pages: dateCreated is when the page was started, not when it was published.
    const doc = load(`<html><head><meta property="article:published_time" content="2017-02-23T17:18:13-08:00">
      <script type="application/ld+json">{"@type":"Article","headline":"H","dateCreated":"2017-02-20T01:00:00Z"}</script></head><body></body></html>`);
    expect(extractMetadata(doc).publishedTime).toBe('2017-02-23T17:18:13-08:00');
    const onlyCreated = load(`<html><head><script type="application/ld+json">{"@type":"Article","headline":"H","dateCreated":"2017-02-20T01:00:00Z"}</script></head><body></body></html>`);
    expect(extractMetadata(onlyCreated).publishedTime).toBe('2017-02-20T01:00:00Z');
  });

  it('drops the slogan from an application-name site name, but not from og:site_name', () => {
    const app = load(`<html><head><meta name="application-name" content="Daily Planet News - Latest News &amp; Headlines"></head><body></body></html>`);
    expect(extractMetadata(app).siteName).toBe('Daily Planet News');
    const og = load(`<html><head><meta property="og:site_name" content="Hacks – the Web developer blog"></head><body></body></html>`);
    expect(extractMetadata(og).siteName).toBe('Hacks – the Web developer blog');
  });
});

describe('cleanByline', () => {
  it('cuts the date that shares the byline box', () => {
    expect(cleanByline('By JANE ROE\n        March 11, 2015 3:46 PM')).toBe('By JANE ROE');
    expect(cleanByline('By Nathan Doe\n    March 25, 2015')).toBe('By Nathan Doe');
    expect(cleanByline('by Lucas Roe22 Dec 2016651')).toBe('by Lucas Roe');
    expect(cleanByline('Jane Doe | 2024-01-02')).toBe('Jane Doe');
  });
  it('keeps names that only look like dates, and rejects date lines and buttons', () => {
    expect(cleanByline('May Smith')).toBe('May Smith');
    expect(cleanByline('Ann Decker, Marion Jun')).toBe('Ann Decker, Marion Jun');
    expect(cleanByline('Last Updated: January 7, 2025')).toBeNull();
    expect(cleanByline('April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm')).toBeNull();
    expect(cleanByline('Follow Author')).toBeNull();
    expect(cleanByline('By')).toBeNull();
  });
});

describe('titleWithoutSite', () => {
  it('cuts the site name joined with an en or em dash, unless too little is left', () => {
    expect(titleWithoutSite('Lorem ipsum dolor sit amet – My website')).toBe('Lorem ipsum dolor sit amet');
    expect(titleWithoutSite('Notes on caching at the edge — Example Blog')).toBe('Notes on caching at the edge');
    expect(titleWithoutSite('Hello world – My Blog')).toBe('Hello world – My Blog');
    // A short first part is a topic as often as a site name: nothing is cut from the front.
    expect(titleWithoutSite('Autofinanzierung – Autokredit oder doch besser Leasing?')).toBe('Autofinanzierung – Autokredit oder doch besser Leasing?');
    expect(titleWithoutSite('Guide: Shared History — extension for Tools')).toBe('Guide: Shared History — extension for Tools');
  });
});

describe('chooseMetadata', () => {
  const blank = (over: Partial<ReturnType<typeof extractMetadata>> = {}) => ({
    title: null, byline: null, siteName: null, publishedTime: null, modifiedTime: null, lang: null, dir: null, excerpt: null, image: null, sources: {}, ...over,
  });
  it('cuts an en-dash site name from a <title> that both readers fell back on', () => {
    const doc = load('<html><head><title>Ten tips for slow cookers – My Kitchen Blog</title></head><body></body></html>');
    const meta = blank({ title: 'Ten tips for slow cookers – My Kitchen Blog', sources: { title: 'document' } });
    const chosen = chooseMetadata(doc, meta, { title: 'Ten tips for slow cookers – My Kitchen Blog' }, null, null);
    expect(chosen.title.value).toBe('Ten tips for slow cookers');
  });
  it("keeps an og:title as it is, dash and all", () => {
    const doc = load('<html><head></head><body></body></html>');
    const meta = blank({ title: 'Rock – the story of a genre', sources: { title: 'meta' } });
    expect(chooseMetadata(doc, meta, { title: 'Rock – the story of a genre' }, null, null).title.value).toBe('Rock – the story of a genre');
  });
  it("cleans the date out of Readability's byline", () => {
    const doc = load('<html><body><p>x</p></body></html>');
    const chosen = chooseMetadata(doc, blank({ byline: null }), { byline: 'By JANE ROE\n   March 11, 2015 3:46 PM' }, null, null);
    expect(chosen.sources.byline.value).toBe('By JANE ROE');
  });
});
