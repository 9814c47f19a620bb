/**
 * Nothing lost: for every fixture with an article, each paragraph of article.text is found in the
 * plain-text, Markdown and standalone HTML exports, with its Unicode intact (Bengali, Arabic,
 * Hebrew, CJK, Cyrillic, accented Latin, emoji); and stripping any fixture page in place keeps its
 * article visible and restoring gives back the identical document.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../src/core/extract-article';
import { toPlainText } from '../../src/core/export-text';
import { toMarkdown } from '../../src/core/export-markdown';
import { toStandaloneHtml } from '../../src/core/export-html';
import { toJson } from '../../src/core/export-json';
import { HIDDEN_ATTR, createPageStrip } from '../../src/core/page-strip';
import type { Article } from '../../src/core/types';
import { ARTICLE_FIXTURES, FIXTURES, collapseWhitespace, loadFixtureDocument } from './fixture-catalog';

/** The paragraphs (blocks) of article.text. */
function paragraphsOf(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * Markdown reduced to the words a reader sees: escapes undone, link and image targets dropped,
 * emphasis, code, heading, quote, list and table markers removed, whitespace removed. The same
 * reduction is applied to the paragraph being looked for, so only lost or altered words fail.
 */
function markdownWords(markdown: string): string {
  return markdown
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~<"'=])/g, '$1')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`|#>~\\-]/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? '')
    .replace(/[\s\u00a0]+/g, '');
}

/** The text of an HTML document with all whitespace removed (block boundaries may glue words in textContent). */
function htmlWords(html: string): string {
  const { document } = parseHTML(html);
  const body = document.body ?? document.documentElement;
  return (body.textContent ?? '').replace(/[\s\u00a0]+/g, '');
}

const articles = new Map<string, Article>();
function articleOf(fixture: (typeof ARTICLE_FIXTURES)[number]): Article {
  let article = articles.get(fixture.name);
  if (!article) {
    const result = extractArticle(loadFixtureDocument(fixture), fixture.url);
    if (result.kind !== 'article') throw new Error(`${fixture.name}: no article (${result.noArticle.reason}): ${result.noArticle.message}`);
    article = result.article;
    articles.set(fixture.name, article);
  }
  return article;
}

describe('every export holds all of the article', () => {
  for (const fixture of ARTICLE_FIXTURES) {
    describe(fixture.name, () => {
      it('plain text export holds every paragraph', () => {
        const article = articleOf(fixture);
        const exported = collapseWhitespace(toPlainText(article));
        const lost = paragraphsOf(article.text).filter((p) => !exported.includes(collapseWhitespace(p)));
        expect(lost, 'paragraphs of article.text missing from toPlainText').toEqual([]);
      });

      it('Markdown export holds every paragraph', () => {
        const article = articleOf(fixture);
        const exported = markdownWords(toMarkdown(article));
        const lost = paragraphsOf(article.text).filter((p) => !exported.includes(markdownWords(p)));
        expect(lost, 'paragraphs of article.text missing from toMarkdown').toEqual([]);
      });

      it('standalone HTML export holds every paragraph', () => {
        const article = articleOf(fixture);
        const exported = htmlWords(toStandaloneHtml(article));
        const lost = paragraphsOf(article.text).filter((p) => !exported.includes(p.replace(/[\s\u00a0]+/g, '')));
        expect(lost, 'paragraphs of article.text missing from toStandaloneHtml').toEqual([]);
      });

      it('JSON export round-trips the article text and title exactly', () => {
        const article = articleOf(fixture);
        const parsed = JSON.parse(toJson(article)) as Partial<Article>;
        expect(parsed.text).toBe(article.text);
        expect(parsed.title).toBe(article.title);
      });

      it('article.text has no replacement characters or mojibake', () => {
        const text = collapseWhitespace(articleOf(fixture).text);
        expect(text).not.toMatch(/\uFFFD/);
        expect(text).not.toMatch(/Ã.|Ð.|Ø§/); // UTF-8 read as Latin-1
      });
    });
  }
});

describe('Unicode reaches every export intact', () => {
  const samples: [fixture: string, sample: string][] = [
    ['bengali-news', 'গত দুই মাসে তিনটি গ্রামে নতুন করে একটি বাড়িও নদীতে বিলীন হয়নি।'],
    ['bengali-news', '🌊'],
    ['rtl-arabic', 'تمول جزءا منها قروض ميسرة من صناديق تنموية إقليمية.'],
    ['rtl-hebrew', 'העירייה מסרה כי תבחן את הבקשה לאחר חודש הפעלה ראשון.'],
    ['cjk-chinese', '并考虑对符合条件的项目给予一定补贴。🌱'],
    ['japanese-shift-jis', '黒板やオルガンがそのまま残る教室'],
    ['cyrillic-windows-1251', 'ночью звук колёс слышен особенно хорошо.'],
    ['latin1-iso-8859-1', 'étagères en épicéa non traité'],
    ['blog-code-table', '🚀'],
  ];
  for (const [name, sample] of samples) {
    it(`${name}: "${sample}" in text, Markdown and HTML`, () => {
      const article = articleOf(ARTICLE_FIXTURES.find((f) => f.name === name)!);
      expect(toPlainText(article)).toContain(sample);
      expect(toMarkdown(article)).toContain(sample);
      const html = toStandaloneHtml(article);
      const { document } = parseHTML(html);
      expect(document.body?.textContent ?? '').toContain(sample);
      expect(html).toMatch(/<meta charset="?utf-8"?/i);
    });
  }
});

describe('strip then restore loses nothing on the page', () => {
  /** The page's text with every hidden block left out, read from a copy so the page is untouched. */
  function visibleText(doc: Document): string {
    const copy = doc.documentElement.cloneNode(true) as Element;
    for (const el of Array.from(copy.querySelectorAll(`[${HIDDEN_ATTR}]`))) el.parentNode?.removeChild(el);
    return collapseWhitespace(copy.querySelector('body')?.textContent ?? copy.textContent ?? '');
  }

  for (const fixture of FIXTURES) {
    const what = fixture.kind === 'article' ? 'stripping keeps the article visible and hides the overlays; ' : '';
    it(`${fixture.name}: ${what}restore gives back the identical document`, () => {
      const doc = loadFixtureDocument(fixture);
      // linkedom's document.body getter inserts a <body> into a frameset page (a browser returns the
      // frameset and changes nothing): read it once first so only stripping's own traces are compared.
      void doc.body;
      const before = doc.documentElement.outerHTML;
      const strip = createPageStrip(doc);
      try {
        strip.strip();
        if (fixture.kind === 'article') {
          const visible = visibleText(doc);
          const hidden = fixture.present.filter((needle) => !visible.includes(collapseWhitespace(needle)));
          expect(hidden, 'article text hidden by stripping').toEqual([]);
          const stillShown = (fixture.removedSamples ?? []).filter((needle) => visible.includes(needle));
          expect(stillShown, 'chrome left visible by stripping').toEqual([]);
        }
        strip.restore();
        expect(doc.documentElement.outerHTML).toBe(before);
      } finally {
        strip.disconnect();
      }
    });
  }
});
