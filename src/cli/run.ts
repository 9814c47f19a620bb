/** The CLI itself, as a function of its arguments and its I/O, so tests can run it in-process. */
import { mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseHTML } from 'linkedom';
import { version } from '../../package.json';
import { extractArticle } from '../core/extract-article';
import { toPlainText } from '../core/export-text';
import { toMarkdown } from '../core/export-markdown';
import { toStandaloneHtml } from '../core/export-html';
import { articleToRecord, toJson } from '../core/export-json';
import { safeFileName } from '../core/file-name';
import { sanitizeArticleHtml } from '../core/sanitize';
import type { Article } from '../core/types';
import { decodeHtml, readInput } from './read-input';

export type Format = 'markdown' | 'text' | 'html' | 'json';
const FORMATS: readonly Format[] = ['markdown', 'text', 'html', 'json'];
const EXTENSIONS: Record<Format, string> = { markdown: 'md', text: 'txt', html: 'html', json: 'json' };

export const USAGE = `Usage: clearpage [--format markdown|text|html|json] [--url URL] [--out DIR] INPUT...

Extracts the article from each INPUT and prints it without the page's chrome
(menus, related stories, ads, share bars, footers). INPUT is an HTML file,
- for standard input, or an http(s) URL.

Options:
  -f, --format FORMAT  markdown (default), text, html or json; json with several
                       inputs prints JSON Lines: {"source": INPUT, ...article}
                       or {"source": INPUT, "error": MESSAGE}
  -u, --url URL        the page's address, for relative links and metadata
                       (for files and standard input)
  -o, --out DIR        write one file per input into DIR (created if needed,
                       never overwriting) and print the paths
  -h, --help           show this help
  -V, --version        show the version

Exit status: 0 when every input gave an article, 1 when some input could not
be read or had no article (the others are still done), 2 on a usage error.
`;

/** Everything the CLI touches outside itself. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<Uint8Array>;
  fetch?: typeof fetch;
  /** How long to wait for a URL (default 30 s). */
  fetchTimeoutMs?: number;
}

interface Options {
  format: Format;
  url: string | null;
  out: string | null;
  inputs: string[];
}

class UsageError extends Error {}

function parseOptions(argv: string[]): Options | 'help' | 'version' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        url: { type: 'string', short: 'u' },
        out: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'V' },
      },
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message.replace(/\. To specify a positional argument.*$/s, '') : String(err));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.version) return 'version';
  const format = (values.format ?? 'markdown').toLowerCase();
  const alias: Record<string, Format> = { md: 'markdown', txt: 'text', plain: 'text' };
  const chosen = (alias[format] ?? format) as Format;
  if (!FORMATS.includes(chosen)) throw new UsageError(`unknown format "${values.format}" (use markdown, text, html or json)`);
  if (values.url !== undefined) {
    let ok: boolean;
    try {
      ok = /^https?:$/.test(new URL(values.url).protocol);
    } catch {
      ok = false;
    }
    if (!ok) throw new UsageError(`--url needs an absolute http(s) URL, not "${values.url}"`);
  }
  if (values.out !== undefined && values.out.trim() === '') throw new UsageError('--out needs a directory');
  if (positionals.length === 0) throw new UsageError('no INPUT given');
  if (positionals.filter((p) => p === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  return { format: chosen, url: values.url ?? null, out: values.out ?? null, inputs: positionals };
}

function render(article: Article, format: Format): string {
  switch (format) {
    case 'markdown':
      return toMarkdown(article);
    case 'text':
      return toPlainText(article);
    case 'html':
      return toStandaloneHtml(article);
    case 'json':
      return toJson(article);
  }
}

/** Writes `content` to a new file in `dir` named after `title`, adding " (2)", " (3)"… rather than overwrite. */
async function writeNewFile(dir: string, title: string, ext: string, content: string): Promise<string> {
  const base = safeFileName(title, ext);
  const stem = base.slice(0, base.length - ext.length - 1);
  for (let n = 1; n < 10000; n++) {
    const path = join(dir, n === 1 ? base : `${stem} (${n}).${ext}`);
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(content, 'utf8');
      } finally {
        await handle.close();
      }
      return path;
    } catch (err) {
      if ((err as { code?: string }).code !== 'EEXIST') throw err;
    }
  }
  throw new Error(`too many files named like ${base}`);
}

/** Reads, decodes and extracts one input; returns its article or throws an error a person can read. */
async function articleFrom(input: string, options: Options, io: CliIo): Promise<Article> {
  const raw = await readInput(input, {
    readStdin: io.readStdin,
    fetch: io.fetch ?? globalThis.fetch,
    timeoutMs: io.fetchTimeoutMs ?? 30_000,
    maxBytes: 50 * 1024 * 1024,
    userAgent: `clearpage/${version} (+reader mode CLI)`,
  });
  const html = decodeHtml(raw.bytes, raw.contentType);
  if (!html.trim()) throw new Error('the input is empty');
  const { document } = parseHTML(html);
  const pageUrl = options.url ?? raw.url ?? undefined;
  // A CLI is not interactive: give long pages time rather than the popup's 3 s budget.
  const result = extractArticle(document as unknown as Document, pageUrl, { timeBudgetMs: 60_000 });
  if (result.kind === 'no-article') throw new Error(result.noArticle.message || 'no article found');
  return result.article;
}

/** Runs the CLI with `argv` (without "node clearpage"), writing through `io`; resolves to the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let options: Options | 'help' | 'version';
  try {
    options = parseOptions(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`clearpage: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (options === 'version') {
    io.stdout(`clearpage ${version}\n`);
    return 0;
  }

  const { format, out, inputs } = options;
  const jsonLines = format === 'json' && inputs.length > 1 && out === null;
  if (out !== null) {
    try {
      await mkdir(out, { recursive: true });
    } catch (err) {
      io.stderr(`clearpage: ${out}: cannot create the output directory (${(err as Error).message})\n`);
      return 1;
    }
  }
  // Load the sanitiser's DOM once, before the first extraction starts its time budget.
  sanitizeArticleHtml('', parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document);

  let failed = 0;
  let printed = 0;
  // One input at a time, keeping nothing but counters: hundreds of pages fit in one process.
  for (const input of inputs) {
    const label = input === '-' ? '(standard input)' : input;
    let article: Article;
    try {
      article = await articleFrom(input, options, io);
    } catch (err) {
      failed += 1;
      const message = err instanceof Error ? err.message : String(err);
      io.stderr(`clearpage: ${label}: ${message}\n`);
      if (jsonLines) io.stdout(JSON.stringify({ source: input, error: message }) + '\n');
      continue;
    }
    try {
      if (out !== null) {
        const path = await writeNewFile(out, article.title, EXTENSIONS[format], render(article, format));
        io.stdout(path + '\n');
      } else if (jsonLines) {
        io.stdout(JSON.stringify({ source: input, ...articleToRecord(article) }) + '\n');
      } else {
        // Several documents in a row are separated by a blank line.
        io.stdout((printed > 0 ? '\n' : '') + render(article, format));
      }
      printed += 1;
    } catch (err) {
      failed += 1;
      io.stderr(`clearpage: ${label}: cannot write the result (${err instanceof Error ? err.message : String(err)})\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}
