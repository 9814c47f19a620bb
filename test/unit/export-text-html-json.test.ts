import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { formatArticleDate, toPlainText } from '../../src/core/export-text';
import { toStandaloneHtml } from '../../src/core/export-html';
import { toJson } from '../../src/core/export-json';
import { sanitizeArticleHtml } from '../../src/core/sanitize';
import type { Article } from '../../src/core/types';
import { sampleArticle } from './export-sample-article';

describe('toPlainText', () => {
  it('is the title, a byline/source line, a blank line, then the body text', () => {
    const text = toPlainText(sampleArticle());
    const [title, source, blank, ...rest] = text.split('\n');
    expect(title).toBe('What is "ISIS-K": the group behind the Moscow concert hall attack?');
    expect(source).toBe('Reuters · bdnews24.com · 2024-03-23 04:04 +06:00 · https://bdnews24.example/world/isis-k-explainer?ref=1&x=2');
    expect(blank).toBe('');
    expect(rest.join('\n')).toBe(sampleArticle().text + '\n');
  });

  it('skips missing metadata without empty separators', () => {
    const text = toPlainText(sampleArticle({ byline: null, publishedTime: null, url: '' }));
    expect(text.split('\n')[1]).toBe('bdnews24.com');
  });

  it('formats dates the same in every locale', () => {
    expect(formatArticleDate('2024-03-23T04:04:00+06:00')).toBe('2024-03-23 04:04 +06:00');
    expect(formatArticleDate('2024-03-22T22:04:00Z')).toBe('2024-03-22 22:04 UTC');
    expect(formatArticleDate('2024-03-23')).toBe('2024-03-23');
  });
});

describe('toStandaloneHtml', () => {
  const html = toStandaloneHtml(sampleArticle({ lang: 'he', dir: 'rtl' }));
  const doc = new JSDOM(html).window.document;

  it('is a complete document with metadata in <head>', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(doc.documentElement.getAttribute('lang')).toBe('he');
    expect(doc.documentElement.getAttribute('dir')).toBe('rtl');
    expect(doc.querySelector('meta[charset]')!.getAttribute('charset')).toBe('utf-8');
    expect(doc.title).toBe('What is "ISIS-K": the group behind the Moscow concert hall attack?');
    expect(doc.querySelector('meta[name=author]')!.getAttribute('content')).toBe('Reuters');
    expect(doc.querySelector('meta[property="article:published_time"]')!.getAttribute('content')).toBe('2024-03-23T04:04:00+06:00');
    expect(doc.querySelector('link[rel=canonical]')!.getAttribute('href')).toBe('https://bdnews24.example/world/isis-k-explainer?ref=1&x=2');
  });

  it('has a strict CSP, an inline stylesheet with dark mode, and no script', () => {
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('img-src https: data:');
    expect(csp).toContain("style-src 'unsafe-inline'");
    expect(doc.querySelector('style')!.textContent).toContain('prefers-color-scheme: dark');
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('shows a header with title, byline, site, dates and source, then the article body', () => {
    const header = doc.querySelector('header')!;
    expect(header.querySelector('h1')!.textContent).toBe(doc.title);
    expect(header.textContent).toContain('Reuters · bdnews24.com');
    expect(header.querySelector('time')!.getAttribute('datetime')).toBe('2024-03-23T04:04:00+06:00');
    expect(header.querySelector('a')!.getAttribute('href')).toBe('https://bdnews24.example/world/isis-k-explainer?ref=1&x=2');
    expect(Array.from(doc.querySelectorAll('article h2')).map((h) => h.textContent)).toEqual([
      'WHAT IS ISIS-K?',
      'WHAT ATTACKS HAS IT CARRIED OUT?',
      'HOW BIG A THREAT IS IT?',
    ]);
    expect(doc.querySelector('article')!.textContent).toContain('বাংলা — 日本語 — עברית — emoji 🎉');
  });

  it('shows "Updated" only when it differs from the publication time', () => {
    const header = (a: Article): string => new JSDOM(toStandaloneHtml(a)).window.document.querySelector('header')!.textContent!;
    expect(header(sampleArticle())).toContain('Updated 2024-03-23 10:30 +06:00');
    expect(header(sampleArticle({ modifiedTime: '2024-03-23T04:04:00+06:00' }))).not.toContain('Updated');
  });

  it('escapes hostile metadata', () => {
    const out = toStandaloneHtml(sampleArticle({ title: '</title><script>alert(1)</script>', byline: '"><img src=x onerror=alert(1)>', url: 'javascript:alert(1)' }));
    const d = new JSDOM(out).window.document;
    expect(d.querySelectorAll('script, img[onerror]')).toHaveLength(0);
    expect(d.title).toBe('</title><script>alert(1)</script>');
    expect(d.querySelector('header a')).toBeNull();
  });
});

describe('toJson', () => {
  it('prints the article with a stable key order, whatever order the object was built in', () => {
    const article = sampleArticle();
    const shuffled = Object.fromEntries(Object.entries(article).reverse()) as unknown as Article;
    shuffled.sources = { publishedTime: 'meta', title: 'json-ld', byline: 'json-ld' };
    expect(toJson(shuffled)).toBe(toJson(article));
    const parsed = JSON.parse(toJson(article));
    // Everything as it is, but the HTML sanitised (the sample's body carries a script and a handler).
    expect(parsed).toEqual({ ...article, html: sanitizeArticleHtml(article.html) });
    expect(Object.keys(parsed).slice(0, 3)).toEqual(['url', 'title', 'byline']);
    expect(Object.keys(parsed.sources)).toEqual(['title', 'byline', 'publishedTime']);
    expect(toJson(article)).toContain('\n  "title": ');
  });

  it('sanitises the HTML it writes (the article HTML from extraction is only normalised)', () => {
    const parsed = JSON.parse(toJson(sampleArticle({ html: '<p onclick="steal()">Text</p><script>alert(1)</script><img src="javascript:alert(2)">' })));
    expect(parsed.html).toBe('<p>Text</p><img>');
  });

  it('lets only web addresses out in url and image', () => {
    const parsed = JSON.parse(toJson(sampleArticle({ url: 'javascript:alert(1)', image: 'javascript:fetch(1)' })));
    expect(parsed.url).toBe('');
    expect(parsed.image).toBeNull();
  });
});
