/**
 * Golden fixtures: each page under test/fixtures/ is extracted and compared with its expected.*
 * files (regenerate with `npm run golden` and review the diff), and checked for the facts a reader
 * would notice: the article's text present and in order, the page's chrome absent, headings at the
 * right level, the metadata right, and pages without an article named as such.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../src/core/extract-article';
import { toMarkdown } from '../../src/core/export-markdown';
import { toStandaloneHtml } from '../../src/core/export-html';
import type { Article, ExtractResult } from '../../src/core/types';
import {
  ARTICLE_FIXTURES,
  FIXTURES,
  NO_ARTICLE_FIXTURES,
  REPO_ROOT,
  collapseWhitespace,
  loadFixtureDocument,
  type ArticleFixture,
  type HeadingFact,
} from './fixture-catalog';
import { goldenFiles, goldenPath, type GoldenFileName } from './golden-outputs';

const results = new Map<string, ExtractResult>();
function resultOf(fixture: (typeof FIXTURES)[number]): ExtractResult {
  let result = results.get(fixture.name);
  if (!result) {
    result = extractArticle(loadFixtureDocument(fixture), fixture.url);
    results.set(fixture.name, result);
  }
  return result;
}

function articleOf(fixture: ArticleFixture): Article {
  const result = resultOf(fixture);
  if (result.kind !== 'article') {
    throw new Error(`${fixture.name}: expected an article, got no-article (${result.noArticle.reason}): ${result.noArticle.message}`);
  }
  return result.article;
}

/** Headings of an HTML fragment, as level and text. */
function headingsOf(html: string): HeadingFact[] {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  return [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => ({
    level: Number(h.tagName.slice(1)),
    text: collapseWhitespace(h.textContent ?? ''),
  }));
}

/** The positions of each needle in the haystack, in order; -1 marks the first one out of order or missing. */
function missingInOrder(haystack: string, needles: string[]): string | null {
  let from = 0;
  for (const needle of needles) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) {
      return haystack.includes(needle) ? `"${needle}" is out of order` : `"${needle}" is missing`;
    }
    from = at + needle.length;
  }
  return null;
}

describe('golden outputs', () => {
  for (const fixture of FIXTURES) {
    it(`${fixture.name}: expected.* match the current core (npm run golden regenerates them)`, () => {
      const files = goldenFiles(fixture);
      const all: GoldenFileName[] = ['expected.md', 'expected.txt', 'expected.json'];
      for (const file of all) {
        const target = goldenPath(fixture, file);
        const rel = path.relative(REPO_ROOT, target);
        const actual = files.get(file);
        if (actual === undefined) {
          expect(existsSync(target), `${rel} exists but this page now yields no article; run npm run golden`).toBe(false);
          continue;
        }
        expect(existsSync(target), `${rel} is missing; run npm run golden and review the new file`).toBe(true);
        expect(actual, `${rel} differs from the current output; if the change is intended run npm run golden and review git diff`).toBe(
          readFileSync(target, 'utf8'),
        );
      }
    });
  }
});

describe('article fixtures: what a reader sees', () => {
  for (const fixture of ARTICLE_FIXTURES) {
    describe(fixture.name, () => {
      it('yields an article without touching the page', () => {
        const doc = loadFixtureDocument(fixture);
        const before = doc.documentElement.outerHTML;
        const result = extractArticle(doc, fixture.url);
        expect(doc.documentElement.outerHTML, 'extractArticle changed its input document').toBe(before);
        expect(result.kind, result.kind === 'no-article' ? result.noArticle.message : '').toBe('article');
      });

      it('keeps every paragraph of the article, in order', () => {
        const text = collapseWhitespace(articleOf(fixture).text);
        for (const needle of fixture.present) expect(text, `article.text lacks "${needle}"`).toContain(collapseWhitespace(needle));
        if (fixture.inOrder) expect(missingInOrder(text, fixture.inOrder.map(collapseWhitespace))).toBeNull();
      });

      it('leaves out the page chrome', () => {
        const article = articleOf(fixture);
        const text = collapseWhitespace(article.text);
        const leaked = fixture.absent.filter((needle) => text.includes(needle));
        expect(leaked, 'chrome text found in article.text').toEqual([]);
        const { document } = parseHTML(`<!DOCTYPE html><html><body>${article.html}</body></html>`);
        const htmlText = collapseWhitespace(document.body.textContent ?? '');
        expect(fixture.absent.filter((needle) => htmlText.includes(needle)), 'chrome text found in article.html').toEqual([]);
      });

      it('separates blocks: article.text has no title header and paragraphs split by blank lines', () => {
        const article = articleOf(fixture);
        expect(article.text.startsWith(article.title), 'article.text starts with the title').toBe(false);
        const paragraphs = article.text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
        expect(paragraphs.length).toBeGreaterThanOrEqual(Math.min(fixture.inOrder?.length ?? 3, 3));
        // A paragraph of the source never shares a block with the next one.
        if (fixture.inOrder) {
          for (let i = 0; i + 1 < fixture.inOrder.length; i++) {
            const glued = paragraphs.find((p) => p.includes(fixture.inOrder![i]) && p.includes(fixture.inOrder![i + 1]));
            expect(glued, `"${fixture.inOrder[i]}" and "${fixture.inOrder[i + 1]}" are glued into one block`).toBeUndefined();
          }
        }
      });

      if (fixture.outline || fixture.outlineIncludes) {
        it('has the right headings, at the right levels, in the outline and the HTML', () => {
          const article = articleOf(fixture);
          const outline = article.outline.map((o) => ({ level: o.level, text: collapseWhitespace(o.text) }));
          if (fixture.outline) expect(outline).toEqual(fixture.outline);
          if (fixture.outlineIncludes) {
            let from = 0;
            for (const want of fixture.outlineIncludes) {
              const at = outline.findIndex((o, i) => i >= from && o.text === want.text && (want.level === 0 || o.level === want.level));
              expect(at, `outline lacks ${want.level ? `h${want.level} ` : ''}"${want.text}" (in order); outline: ${JSON.stringify(outline)}`).toBeGreaterThanOrEqual(0);
              from = at + 1;
            }
          }
          // Every outline entry is a real heading of article.html, with a matching id, and no h1 in the body.
          const { document } = parseHTML(`<!DOCTYPE html><html><body>${article.html}</body></html>`);
          for (const item of article.outline) {
            expect(item.level).toBeGreaterThanOrEqual(2);
            expect(item.level).toBeLessThanOrEqual(6);
            const el = document.getElementById(item.id);
            expect(el, `no element with id "${item.id}" in article.html`).not.toBeNull();
            expect(el!.tagName.toLowerCase()).toBe(`h${item.level}`);
            expect(collapseWhitespace(el!.textContent ?? '')).toBe(collapseWhitespace(item.text));
          }
          expect(headingsOf(article.html).filter((h) => h.level === 1)).toEqual([]);
        });
      }

      if (fixture.meta || fixture.metaContains || fixture.sources) {
        it('has the right metadata', () => {
          const article = articleOf(fixture);
          for (const [field, value] of Object.entries(fixture.meta ?? {})) {
            let actual = article[field as keyof Article];
            // Z and +00:00 are the same offset; any other offset must be the page's own.
            if (/Time$/.test(field) && typeof actual === 'string') actual = actual.replace(/Z$/, '+00:00');
            const expected = /Time$/.test(field) ? value.replace(/Z$/, '+00:00') : value;
            expect.soft(actual, `article.${field}`).toBe(expected);
          }
          for (const [field, value] of Object.entries(fixture.metaContains ?? {})) {
            expect.soft(String(article[field as keyof Article] ?? ''), `article.${field}`).toContain(value);
          }
          for (const [field, source] of Object.entries(fixture.sources ?? {})) {
            expect.soft(article.sources[field as keyof Article['sources']], `article.sources.${field}`).toBe(source);
          }
          expect(article.url).toBe(fixture.url);
          expect(article.wordCount).toBeGreaterThan(0);
          expect(article.readingTimeMinutes).toBeGreaterThanOrEqual(1);
        });
      }

      if (fixture.removedCategories || fixture.removedSamples) {
        it('reports the chrome it left out, by category', () => {
          const article = articleOf(fixture);
          const categories = new Set(article.removed.map((r) => r.category));
          const report = `removed: ${JSON.stringify(article.removed.map((r) => [r.category, r.sample]))}`;
          const missing = (fixture.removedCategories ?? []).filter((c) => !categories.has(c));
          expect(missing, report).toEqual([]);
          const unreported = (fixture.removedSamples ?? []).filter((needle) => !article.removed.some((r) => r.sample.includes(needle)));
          expect(unreported, report).toEqual([]);
          for (const item of article.removed) expect(item.sample.length).toBeLessThanOrEqual(100);
        });
      }
    });
  }
});

describe('pages without an article say so', () => {
  for (const fixture of NO_ARTICLE_FIXTURES) {
    it(`${fixture.name}: no-article (${fixture.reasons.join(' or ')}) with a readable message`, () => {
      const result = resultOf(fixture);
      expect(result.kind, result.kind === 'article' ? `got an article: ${result.article.title} / ${result.article.text.slice(0, 200)}` : '').toBe(
        'no-article',
      );
      if (result.kind !== 'no-article') return;
      expect(fixture.reasons).toContain(result.noArticle.reason);
      expect(result.noArticle.message).toMatch(/\w{3,}.*\w{3,}/);
      if (fixture.title !== undefined) expect(result.noArticle.title).toBe(fixture.title);
      if (fixture.message) expect(result.noArticle.message).toMatch(fixture.message);
    });
  }
});

const find = (name: string) => ARTICLE_FIXTURES.find((f) => f.name === name)!;

describe('the seed page, end to end', () => {
  for (const name of ['bdnews24-explainer', 'bdnews24-hashed']) {
    it(`${name}: the three questions are h2 in the HTML and ## in the Markdown`, () => {
      const article = articleOf(find(name));
      const questions = ['WHAT IS ISIS-K?', 'WHAT ATTACKS HAS THE GROUP CARRIED OUT?', 'WHY WOULD THEY ATTACK RUSSIA?'];
      expect(headingsOf(article.html)).toEqual(questions.map((text) => ({ level: 2, text })));
      const md = toMarkdown(article);
      for (const q of questions) expect(md).toMatch(new RegExp(`^## ${q.replace(/[?]/g, '\\?')}\\s*$`, 'm'));
      expect(md.match(/^#{1,6} /gm)?.filter((h) => h.startsWith('##')).length).toBe(3);
      // The questions are headings, not also left behind as paragraphs.
      const { document } = parseHTML(`<!DOCTYPE html><html><body>${article.html}</body></html>`);
      const paragraphTexts = [...document.querySelectorAll('p')].map((p) => collapseWhitespace(p.textContent ?? ''));
      for (const q of questions) expect(paragraphTexts).not.toContain(q);
    });
  }
});

describe('exports keep what the page had', () => {
  it('blog-code-table: Markdown has a fenced TypeScript block, inline code, a GFM table, both list kinds, a quote and the image', () => {
    const article = articleOf(find('blog-code-table'));
    const md = toMarkdown(article);
    expect(md).toMatch(/^(```|~~~)\s*ts\s*$/m);
    expect(md).toContain('const pending = new Set<Element>();');
    expect(md).toContain('    if (el.isConnected) handleSubtree(el);');
    expect(md).toContain('`MutationObserver`');
    expect(md).toMatch(/^\|\s*Strategy\s*\|\s*Median \(ms\/s\)\s*\|\s*p95 \(ms\/s\)\s*\|\s*Missed insertions\s*\|\s*$/m);
    expect(md).toMatch(/^\|\s*[-:]{3,}\s*\|/m);
    expect(md).toMatch(/^\|\s*Record set, one flush per frame\s*\|\s*6\s*\|\s*19\s*\|\s*0\s*\|\s*$/m);
    expect(md).toMatch(/^1\.\s+Keeping only the last callback/m);
    expect(md).toMatch(/^3\.\s+Handling the same subtree twice/m);
    expect(md).toMatch(/^[-*+]\s+Observe the narrowest root/m);
    expect(md).toMatch(/^>\s*Make the handler idempotent first/m);
    expect(md).toContain('![Timeline of callback bursts collapsing into one flush per frame](https://fieldnotes.example.dev/img/observer-timeline.png');
    expect(md).not.toContain('Share on Mastodon');
    expect(md).not.toContain('Would a WeakSet work here');
  });

  it('blog-code-table: the HTML keeps the code block and the table with its header row', () => {
    const article = articleOf(find('blog-code-table'));
    const { document } = parseHTML(`<!DOCTYPE html><html><body>${article.html}</body></html>`);
    const code = document.querySelector('pre code');
    expect(code?.textContent).toContain('requestAnimationFrame(flush);');
    expect([...document.querySelectorAll('thead th')].map((th) => th.textContent?.trim())).toEqual([
      'Strategy',
      'Median (ms/s)',
      'p95 (ms/s)',
      'Missed insertions',
    ]);
    expect(document.querySelectorAll('tbody tr').length).toBe(3);
    expect(document.querySelectorAll('ol > li').length).toBe(3);
    expect(document.querySelector('blockquote')?.textContent).toContain('Idempotence is what lets you stop worrying');
    expect(document.querySelector('figcaption')?.textContent).toContain('Bursts of mutation records collapse');
  });

  it('lazy-images: every image has a real, absolute source and links are absolute', () => {
    const article = articleOf(find('lazy-images'));
    const { document } = parseHTML(`<!DOCTYPE html><html><body>${article.html}</body></html>`);
    const srcs = [...document.querySelectorAll('img')].map((img) => img.getAttribute('src') ?? '');
    for (const src of srcs) expect(src, 'image source').toMatch(/^https:\/\//);
    expect(srcs.some((s) => s.startsWith('data:'))).toBe(false);
    expect(srcs).not.toContain('https://coastline.example/media/harbour/placeholder.svg');
    expect(srcs).toContain('https://coastline.example/media/harbour/lead-800.jpg'); // data-src, relative ../../
    expect(srcs).toContain('https://coastline.example/media/harbour/rings-640.jpg'); // data-lazy-src
    expect(srcs).toContain('https://coastline.example/walks/harbour-wall/images/red-lighthouse-600.jpg'); // relative src
    expect(srcs).toContain('https://cdn.coastline.example/harbour/cafe.jpg'); // protocol-relative data-src
    expect(srcs).toContain('https://cdn.coastline.example/harbour/sandwich.jpg'); // data-original
    // The noscript fallback does not add a second copy of the lead image.
    expect(srcs.filter((s) => s.includes('/lead-')).length).toBe(1);
    const srcsets = [...document.querySelectorAll('img[srcset], source[srcset]')].map((el) => el.getAttribute('srcset') ?? '');
    for (const set of srcsets) {
      for (const candidate of set.split(',')) expect(candidate.trim(), 'srcset candidate').toMatch(/^https:\/\//);
    }
    const hrefs = [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('https://coastline.example/maps/harbour-wall.pdf');
    expect(hrefs).toContain('https://coastline.example/tides/');
    const md = toMarkdown(article);
    expect(md).toContain('(https://coastline.example/media/harbour/lead-800.jpg');
    expect(md).not.toMatch(/\]\((?!https?:)/);
  });

  for (const [name, lang] of [
    ['rtl-arabic', 'ar'],
    ['rtl-hebrew', 'he'],
  ] as const) {
    it(`${name}: the standalone HTML is right-to-left and in ${lang}`, () => {
      const article = articleOf(find(name));
      const html = toStandaloneHtml(article);
      const { document } = parseHTML(html);
      const root = document.documentElement;
      expect(root.getAttribute('dir') ?? document.body.getAttribute('dir') ?? document.querySelector('[dir]')?.getAttribute('dir')).toBe('rtl');
      expect(root.getAttribute('lang')).toBe(lang);
      expect(html).toContain(article.title);
    });
  }

  it('json-ld-graph: the byline comes from the Person the @graph points to, not the publisher', () => {
    const article = articleOf(find('json-ld-graph'));
    expect(article.byline).toBe('Marisol Ortega');
    expect(article.byline).not.toContain('Cooperative');
    const md = toMarkdown(article);
    expect(md.startsWith('---\n')).toBe(true);
    const front = md.slice(4, md.indexOf('\n---', 4));
    expect(front).toMatch(/^title: .*How a small library lends seeds, tools and sewing machines/m);
    expect(front).toMatch(/^byline: .*Marisol Ortega/m);
    expect(front).toMatch(/^published: .*2024-10-22T14:10:00-07:00/m);
    expect(front).toMatch(/^modified: .*2024-10-23T09:02:00-07:00/m);
    expect(front).toMatch(/^lang: .*en-US/m);
    expect(front).toContain('https://commonsweekly.example/2024/10/library-of-things/');
  });
});

describe('the CLI prints what the core and the goldens say', () => {
  const TSX_CLI = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const CLI_MAIN = path.join(REPO_ROOT, 'src', 'cli', 'main.ts');
  const cli = (args: string[]) =>
    spawnSync(process.execPath, [TSX_CLI, CLI_MAIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000, maxBuffer: 32 * 1024 * 1024 });

  it('clearpage --format markdown --url … on the seed page prints expected.md', () => {
    const seed = find('bdnews24-explainer');
    const run = cli(['--format', 'markdown', '--url', seed.url, path.join('test', 'fixtures', seed.name, 'source.html')]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trimEnd()).toBe(readFileSync(goldenPath(seed, 'expected.md'), 'utf8').trimEnd());
  }, 150_000);

  it('clearpage --format json over every article fixture in one batch agrees with the core on each', () => {
    const files = ARTICLE_FIXTURES.map((f) => path.join('test', 'fixtures', f.name, 'source.html'));
    const run = cli(['--format', 'json', ...files]);
    const lines = run.stdout.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { source: string; text?: string; error?: string });
    expect(lines.map((l) => l.source)).toEqual(files);
    const core = ARTICLE_FIXTURES.map((f) => resultOf(f));
    for (const [i, fixture] of ARTICLE_FIXTURES.entries()) {
      const result = core[i];
      if (result.kind === 'article') {
        expect(lines[i].error, `${fixture.name}: ${lines[i].error}`).toBeUndefined();
        // Without --url only link targets can differ, never the text.
        expect(lines[i].text, fixture.name).toBe(result.article.text);
      } else {
        expect(lines[i].error, fixture.name).toBe(result.noArticle.message);
      }
    }
    expect(run.status, run.stderr).toBe(core.every((r) => r.kind === 'article') ? 0 : 1);
  }, 150_000);
});
