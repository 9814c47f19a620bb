import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../src/core/extract-article';

const load = (html: string): Document => parseHTML(html).document as unknown as Document;
const PARA = (n: number, word = 'story'): string =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1} of the ${word}, long enough to be running text, with a comma, and another clause that keeps going for a while.</p>`).join('\n');
const opts = { timeBudgetMs: 60_000 };

describe('extractArticle: no-article results', () => {
  it('says why for empty pages, framesets and link lists', () => {
    const empty = extractArticle(load('<html><head><title>Nothing</title></head><body>  </body></html>'), undefined, opts);
    expect(empty.kind === 'no-article' && empty.noArticle.reason).toBe('empty');
    expect(empty.kind === 'no-article' && empty.noArticle.title).toBe('Nothing');

    const frames = extractArticle(load('<html><frameset><frame src="a.html"></frameset></html>'), undefined, opts);
    expect(frames.kind === 'no-article' && frames.noArticle.reason).toBe('not-html');

    const links = Array.from({ length: 40 }, (_, i) => `<li><a href="/s${i}">Story number ${i} headline</a></li>`).join('');
    const home = extractArticle(load(`<html lang="en"><body><ul>${links}</ul></body></html>`), undefined, opts);
    expect(home.kind).toBe('no-article');
    if (home.kind === 'no-article') {
      expect(home.noArticle.reason).toBe('not-article');
      expect(home.noArticle.message).toMatch(/list of links/);
    }
  });

  it('gives up with reason "timeout" when over its time budget', () => {
    const r = extractArticle(load(`<html><body><article><h1>T</h1>${PARA(6)}</article></body></html>`), undefined, { timeBudgetMs: -1 });
    expect(r.kind === 'no-article' && r.noArticle.reason).toBe('timeout');
  });

  it('reads an article whose header carries a sign-in box', () => {
    const r = extractArticle(load(`<html lang="en"><body><header><form><input type="password"></form></header><article><h1>Headline</h1>${PARA(8)}</article></body></html>`), undefined, opts);
    expect(r.kind).toBe('article');
  });
});

describe('extractArticle: recovered and repaired content', () => {
  it('keeps a recipe card that Readability\'s first pick drops, with a second, looser pass', () => {
    // Modelled on food blogs: three intro paragraphs, then a recipe card of lists and step
    // photos (no paragraphs, few commas) that Readability's conditional cleaning removes.
    const html = readFileSync(new URL('../fixtures/recipe-card/source.html', import.meta.url), 'utf8');
    const r = extractArticle(load(html), 'https://ofenliebe.example/apfelkuchen', opts);
    expect(r.kind).toBe('article');
    if (r.kind !== 'article') return;
    const text = r.article.text.replace(/\s+/g, ' ');
    expect(text).toContain('Wenn im Herbst die Äpfel reif sind');
    expect(text).toContain('250 g weiche Butter');
    expect(text).toContain('Den Backofen auf 180 Grad');
    expect(text).toContain('45 Minuten goldbraun backen.');
    for (const chrome of ['Beliebte Rezepte', 'Impressum', 'Über mich']) expect(text).not.toContain(chrome);
  });


  it('restores the standfirst that sits beside the headline, outside the article container', () => {
    const standfirst = 'A standfirst that sums up the story in one long sentence for the reader.';
    const r = extractArticle(
      load(`<html lang="en"><head><meta name="description" content="${standfirst}"></head><body>
        <div class="top"><h1>Headline</h1><div class="teaser">${standfirst}</div></div>
        <div class="body">${PARA(8)}</div></body></html>`),
      'https://example.com/a',
      opts,
    );
    expect(r.kind).toBe('article');
    if (r.kind !== 'article') return;
    expect(r.article.text.startsWith(standfirst)).toBe(true);
    expect(r.article.text.split(standfirst).length).toBe(2);
  });

  it('survives pathological nesting', () => {
    const deep = '<div>'.repeat(3000) + PARA(5) + '</div>'.repeat(3000);
    const r = extractArticle(load(`<html><body>${deep}</body></html>`), undefined, opts);
    expect(r.kind).toBe('article');
  });

  it('keeps the content of customised built-in elements', () => {
    const r = extractArticle(load(`<html><body><section is="x-layout"><h1>Headline</h1>${PARA(6)}</section></body></html>`), undefined, opts);
    expect(r.kind === 'article' && r.article.text).toContain('Paragraph 6 of the story');
  });

  it('reads right-to-left articles with their direction and language', () => {
    const ar = 'هذه فقرة طويلة من نص المقال، تحتوي على فواصل، وتستمر لفترة من الوقت حتى تكون نصا جاريا.';
    const r = extractArticle(load(`<html lang="ar"><body><article><h1>عنوان</h1>${Array.from({ length: 6 }, () => `<p>${ar}</p>`).join('')}</article></body></html>`), undefined, opts);
    expect(r.kind).toBe('article');
    if (r.kind !== 'article') return;
    expect(r.article.dir).toBe('rtl');
    expect(r.article.lang).toBe('ar');
    expect(r.article.text).toContain(ar);
  });
});
