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

  // A paywalled story: its first paragraph above a log-in form. Without a published date the same
  // page is a sign-in form; with one it declares itself an article.
  it('reads a short paywalled story that declares a published date, not an undated log-in page', () => {
    const page = (head: string) =>
      load(`<html lang="en"><head>${head}</head><body><article><h1>Prison official says escape is easy</h1>
        <p>A senior official has said in a sworn statement that anyone determined enough could leave the prison.</p>
        <div class="paywall"><p>Log in to keep reading</p><form><input type="email"><input type="password"><button>Log in</button></form></div>
      </article></body></html>`);
    const dated = extractArticle(page('<meta property="article:published_time" content="2022-05-04T05:01:53+00:00">'), undefined, opts);
    expect(dated.kind === 'article' && dated.article.text).toContain('anyone determined enough');
    const undated = extractArticle(page(''), undefined, opts);
    expect(undated.kind === 'no-article' && undated.noArticle.message).toMatch(/sign-in/);
  });

  // A dated photo story: a picture per step, each with a short label, and no long paragraph.
  it('reads a dated photo story with labels as an article, not as an image gallery', () => {
    const shots = Array.from({ length: 8 }, (_, i) => `<h3>Roll ${i + 1}</h3><p>Camera: Pentax, film: Fuji 400.</p><p><img src="/p${i}.jpg" alt=""></p>`).join('');
    const page = (head: string) => load(`<html lang="en"><head>${head}</head><body><article><h1>A film swap, April</h1>${shots}</article></body></html>`);
    const dated = extractArticle(page('<script type="application/ld+json">{"@type":"BlogPosting","datePublished":"2018-04-11T00:22:15+00:00"}</script>'), undefined, opts);
    expect(dated.kind === 'article' && dated.article.text).toContain('Camera: Pentax');
    const undated = extractArticle(page(''), undefined, opts);
    expect(undated.kind === 'no-article' && undated.noArticle.message).toMatch(/gallery/);
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
