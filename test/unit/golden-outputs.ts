/**
 * What the golden files of a fixture hold, computed from the current core: expected.md (toMarkdown),
 * expected.txt (toPlainText) and expected.json (metadata, outline, removed chrome, word count; not
 * the HTML) for an article; expected.json with the reason for a page without one.
 * Shared by scripts/regen-golden.ts (writes them) and golden.test.ts (compares them).
 */
import path from 'node:path';
import { extractArticle } from '../../src/core/extract-article';
import { toMarkdown } from '../../src/core/export-markdown';
import { toPlainText } from '../../src/core/export-text';
import type { ExtractResult } from '../../src/core/types';
import { FIXTURES_DIR, loadFixtureDocument, type Fixture } from './fixture-catalog';

export type GoldenFileName = 'expected.md' | 'expected.txt' | 'expected.json';

/** Runs the core on a fixture page. */
export function extractFixture(fixture: Fixture): ExtractResult {
  return extractArticle(loadFixtureDocument(fixture), fixture.url);
}

/** The JSON summary that expected.json holds for an extraction result (stable key order, no HTML). */
export function goldenSummary(result: ExtractResult): Record<string, unknown> {
  if (result.kind === 'no-article') {
    const n = result.noArticle;
    return {
      kind: 'no-article',
      reason: n.reason,
      message: n.message,
      title: n.title,
      removed: n.removed.map((r) => ({ category: r.category, sample: r.sample })),
    };
  }
  const a = result.article;
  return {
    kind: 'article',
    url: a.url,
    title: a.title,
    byline: a.byline,
    siteName: a.siteName,
    publishedTime: a.publishedTime,
    modifiedTime: a.modifiedTime,
    lang: a.lang,
    dir: a.dir,
    excerpt: a.excerpt,
    image: a.image,
    sources: Object.fromEntries(Object.entries(a.sources).sort(([x], [y]) => x.localeCompare(y))),
    wordCount: a.wordCount,
    readingTimeMinutes: a.readingTimeMinutes,
    outline: a.outline.map((o) => ({ level: o.level, text: o.text, id: o.id })),
    removed: a.removed.map((r) => ({ category: r.category, sample: r.sample })),
  };
}

/** The golden files of a fixture, by file name, as the current core produces them. */
export function goldenFiles(fixture: Fixture): Map<GoldenFileName, string> {
  const result = extractFixture(fixture);
  const files = new Map<GoldenFileName, string>();
  if (result.kind === 'article') {
    files.set('expected.md', toMarkdown(result.article));
    files.set('expected.txt', toPlainText(result.article));
  }
  files.set('expected.json', JSON.stringify(goldenSummary(result), null, 2) + '\n');
  return files;
}

/** Where a fixture's golden file lives. */
export function goldenPath(fixture: Fixture, file: GoldenFileName): string {
  return path.join(FIXTURES_DIR, fixture.name, file);
}
