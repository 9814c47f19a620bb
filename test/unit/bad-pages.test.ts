/**
 * The bad-page suite: huge, deep, node-heavy, empty, framed, broken and non-UTF-8 pages. The core
 * and the CLI must answer each with an article or a clear message: never throw, never hang.
 * Test timeouts are generous but finite, so a hang fails instead of stalling the run.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/extract-article';
import type { ExtractResult } from '../../src/core/types';
import { FIXTURES_DIR, NO_ARTICLE_FIXTURES, REPO_ROOT, collapseWhitespace, parseDocument } from './fixture-catalog';
import {
  GENERATED_ARTICLE_PARAGRAPHS,
  GENERATED_TITLE,
  deeplyNestedEmptyPage,
  deeplyNestedPage,
  hugePage,
  manyNodesNoArticlePage,
  manyNodesPage,
} from './generated-pages';

const PAGE_URL = 'https://harbour.example/news/swing-bridge';
const TIME_BUDGET_MS = 3000;
/** Parsing plus extraction of the heaviest page on a shared two-core machine: generous, but a hang still fails. */
const HEAVY_TEST_TIMEOUT = 180_000;

function extractHtml(html: string, timeBudgetMs = TIME_BUDGET_MS): ExtractResult {
  return extractArticle(parseDocument(html, PAGE_URL), PAGE_URL, { timeBudgetMs });
}

/** The article was found whole, or extraction gave up with a timeout that says so. */
function expectArticleOrTimeout(result: ExtractResult): void {
  if (result.kind === 'no-article') {
    expect(result.noArticle.reason, `unexpected no-article: ${result.noArticle.message}`).toBe('timeout');
    expect(result.noArticle.message).toMatch(/time|long|gave up|budget/i);
    return;
  }
  const text = collapseWhitespace(result.article.text);
  for (const p of GENERATED_ARTICLE_PARAGRAPHS) expect(text).toContain(p);
  expect(result.article.title).toBe(GENERATED_TITLE);
  expect(text).not.toContain('Related story number');
}

describe('core on generated hostile pages', () => {
  it(
    'a 20 MB page: article or timeout, no throw',
    () => {
      const html = hugePage();
      expect(html.length).toBeGreaterThanOrEqual(20 * 1024 * 1024 - 1024);
      const result = extractHtml(html);
      expectArticleOrTimeout(result);
      if (result.kind === 'article') expect(result.article.text).not.toContain('lorem lorem');
    },
    HEAVY_TEST_TIMEOUT,
  );

  it(
    '10 000 levels of nesting around the article: article or timeout, no throw',
    () => {
      expectArticleOrTimeout(extractHtml(deeplyNestedPage(10_000)));
    },
    HEAVY_TEST_TIMEOUT,
  );

  it(
    '10 000 levels of nesting and no text: a clear no-article',
    () => {
      const result = extractHtml(deeplyNestedEmptyPage(10_000));
      expect(result.kind).toBe('no-article');
      if (result.kind === 'no-article') {
        expect(['empty', 'not-article', 'timeout']).toContain(result.noArticle.reason);
        expect(result.noArticle.message.length).toBeGreaterThan(10);
      }
    },
    HEAVY_TEST_TIMEOUT,
  );

  it(
    '200 000 nodes: article or timeout, no throw',
    () => {
      const html = manyNodesPage(200_000);
      const doc = parseDocument(html, PAGE_URL);
      expect(doc.querySelectorAll('*').length).toBeGreaterThanOrEqual(200_000);
      expectArticleOrTimeout(extractArticle(doc, PAGE_URL, { timeBudgetMs: TIME_BUDGET_MS }));
    },
    HEAVY_TEST_TIMEOUT,
  );

  it(
    '200 000 nodes of links and no article: a clear no-article',
    () => {
      const result = extractHtml(manyNodesNoArticlePage(200_000));
      expect(result.kind).toBe('no-article');
      if (result.kind === 'no-article') {
        expect(['not-article', 'timeout']).toContain(result.noArticle.reason);
        expect(result.noArticle.title).toBe('Sitemap');
      }
    },
    HEAVY_TEST_TIMEOUT,
  );

  it(
    'a time budget too small to finish in gives a timeout result that says so',
    () => {
      const doc = parseDocument(manyNodesPage(50_000), PAGE_URL);
      const result = extractArticle(doc, PAGE_URL, { timeBudgetMs: 1 });
      expect(result.kind).toBe('no-article');
      if (result.kind === 'no-article') {
        expect(result.noArticle.reason).toBe('timeout');
        expect(result.noArticle.message).toMatch(/time|long|gave up|budget/i);
        expect(result.noArticle.title).toBe(GENERATED_TITLE);
      }
    },
    HEAVY_TEST_TIMEOUT,
  );

  it('a document with no body and no head does not throw', () => {
    const doc = parseDocument('', PAGE_URL);
    const result = extractArticle(doc, PAGE_URL);
    expect(result.kind).toBe('no-article');
    if (result.kind === 'no-article') expect(result.noArticle.reason).toBe('empty');
  });

  it('a text-only document (no tags) does not throw', () => {
    const result = extractArticle(parseDocument('just some words, not a page', PAGE_URL), PAGE_URL);
    expect(['article', 'no-article']).toContain(result.kind);
  });
});

// ---------------------------------------------------------------------------------------------
// The CLI, run as a person runs it (tsx on the source, so the suite needs no build first).

const TSX_CLI = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const CLI_MAIN = path.join(REPO_ROOT, 'src', 'cli', 'main.ts');
const CLI_TIMEOUT_MS = 150_000;

function runCli(args: string[], input?: Buffer): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [TSX_CLI, CLI_MAIN, ...args], {
    cwd: REPO_ROOT,
    input,
    encoding: 'utf8',
    timeout: CLI_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
}

function describeRun(run: SpawnSyncReturns<string>): string {
  return `exit ${run.status} signal ${run.signal}\nstderr: ${run.stderr?.slice(0, 2000)}\nstdout: ${run.stdout?.slice(0, 500)}`;
}

const fixturePath = (name: string) => path.join('test', 'fixtures', name, 'source.html');

describe('CLI: non-UTF-8 pages decode by the charset their meta tag declares', () => {
  const cases: [name: string, sentences: string[]][] = [
    ['japanese-shift-jis', ['給食室で地元の料理', '「校舎を取り壊す話が出たとき、思い出の場所を残したいという声が多かった」']],
    ['cyrillic-windows-1251', ['Мнения жителей', 'ночью звук колёс слышен особенно хорошо.']],
    ['latin1-iso-8859-1', ["Les fromagers de la vallée misent sur l'affinage en grotte", 'étagères en épicéa non traité']],
  ];
  it(
    'shift_jis, windows-1251 and ISO-8859-1 files in one --format text batch',
    () => {
      const run = runCli(['--format', 'text', ...cases.map(([name]) => fixturePath(name))]);
      expect(run.status, describeRun(run)).toBe(0);
      const out = collapseWhitespace(run.stdout);
      for (const [name, sentences] of cases) {
        for (const s of sentences) expect(out, `${name}: "${s}"`).toContain(s);
      }
      expect(out).not.toMatch(/\uFFFD/);
      expect(out).not.toMatch(/Ã.|Ð.|Ø§|�/);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'windows-1251 bytes on standard input (-) decode too',
    () => {
      const bytes = readFileSync(path.join(FIXTURES_DIR, 'cyrillic-windows-1251', 'source.html'));
      const run = runCli(['--format', 'markdown', '-'], bytes);
      expect(run.status, describeRun(run)).toBe(0);
      expect(run.stdout).toContain('В городе запустили ночные трамваи');
      expect(run.stdout).toMatch(/^## Сколько стоит проезд/m);
    },
    CLI_TIMEOUT_MS,
  );
});

describe('CLI: pages without an article get a clear message naming the file', () => {
  it(
    'a single framed page: exit 1, a message naming the file, nothing on stdout',
    () => {
      const file = fixturePath('frameset');
      const run = runCli(['--format', 'markdown', file]);
      expect(run.status, describeRun(run)).toBe(1);
      expect(run.stderr).toContain(file);
      expect(run.stderr).toMatch(/frame/i);
      expect(run.stdout.trim()).toBe('');
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'every no-article fixture in one batch: exit 1, one message line naming each file, no stack trace',
    () => {
      const files = NO_ARTICLE_FIXTURES.map((f) => fixturePath(f.name));
      const run = runCli(['--format', 'markdown', ...files]);
      expect(run.status, describeRun(run)).toBe(1);
      expect(run.signal).toBeNull();
      const lines = run.stderr.split('\n');
      for (const file of files) {
        const line = lines.find((l) => l.includes(file));
        expect(line, `no message names ${file}`).toBeDefined();
        expect(line).toMatch(/article|empty|frame|text/i);
      }
      expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'a batch with good, no-article and missing inputs: the good one is done, the others named, exit 1',
    () => {
      const good = fixturePath('rtl-arabic');
      const framed = fixturePath('frameset');
      const missing = path.join('test', 'fixtures', 'no-such-fixture', 'source.html');
      const run = runCli(['--format', 'json', good, framed, missing]);
      expect(run.status, describeRun(run)).toBe(1);
      const lines = run.stdout.split('\n').filter((l) => l.trim());
      expect(lines.length, run.stdout).toBe(3);
      const objects = lines.map((l) => JSON.parse(l) as { source: string; title?: string; error?: string; text?: string });
      expect(objects.map((o) => o.source)).toEqual([good, framed, missing]);
      expect(objects[0].title).toBe('افتتاح أكبر محطة لتحلية المياه بالطاقة الشمسية في المنطقة');
      expect(objects[0].error).toBeUndefined();
      expect(objects[1].error).toBeTruthy();
      expect(objects[2].error).toBeTruthy();
      expect(run.stderr).toContain(framed);
      expect(run.stderr).toContain(missing);
      expect(run.stderr).not.toContain(good);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'a usage error exits 2',
    () => {
      const run = runCli(['--format', 'pdf', fixturePath('rtl-arabic')]);
      expect(run.status, describeRun(run)).toBe(2);
      expect(run.stderr.length).toBeGreaterThan(0);
      const noInput = runCli([]);
      expect(noInput.status, describeRun(noInput)).toBe(2);
    },
    CLI_TIMEOUT_MS,
  );
});

describe('CLI: generated hostile pages', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'clearpage-bad-pages-'));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const cases: [label: string, make: () => string][] = [
    ['20 MB page', () => hugePage()],
    ['10 000 levels of nesting', () => deeplyNestedPage(10_000)],
    ['200 000 nodes', () => manyNodesPage(200_000)],
  ];
  for (const [label, make] of cases) {
    it(
      `${label}: the article, or exit 1 with a timeout message naming the file; never a crash or hang`,
      () => {
        const file = path.join(dir, `${label.replace(/\W+/g, '-')}.html`);
        writeFileSync(file, make());
        const run = runCli(['--format', 'text', file]);
        expect(run.signal, describeRun(run)).toBeNull();
        if (run.status === 0) {
          const out = collapseWhitespace(run.stdout);
          for (const p of GENERATED_ARTICLE_PARAGRAPHS) expect(out).toContain(p);
        } else {
          expect(run.status, describeRun(run)).toBe(1);
          expect(run.stderr).toContain(file);
          expect(run.stderr).toMatch(/time|long|gave up|budget/i);
        }
        expect(run.stderr).not.toMatch(/RangeError|Maximum call stack|\n\s+at .+:\d+:\d+/);
      },
      CLI_TIMEOUT_MS + 30_000,
    );
  }
});
