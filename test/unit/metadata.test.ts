import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractMetadata, normaliseIsoDate, parseVisibleDate } from '../../src/core/metadata';

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
});
