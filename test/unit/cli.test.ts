import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type CliIo } from '../../src/cli/run';
import { declaredMetaCharset, sniffEncoding } from '../../src/cli/read-input';

const ROOT = new URL('../..', import.meta.url).pathname;
const PARAGRAPH =
  'The council approved the new tram timetable on Tuesday after a long debate about night services, ' +
  'costs and the needs of shift workers who cross the river before dawn. Officials said the first trams ' +
  'would run next month and that the schedule would be reviewed after a year of operation.';

/** A page of ours with a masthead, a menu, an article with two questions and a footer. */
function page(opts: { title?: string; head?: string; lead?: string; lang?: string } = {}): string {
  const title = opts.title ?? 'Night trams return to the city';
  return `<!DOCTYPE html><html lang="${opts.lang ?? 'en'}"><head>${opts.head ?? '<meta charset="utf-8">'}<title>${title}</title>
<meta property="og:site_name" content="City Post"></head><body>
<header><a href="/">City Post</a><nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<main><article><h1>${title}</h1><p class="byline">By Ana Reyes</p>
<p>${opts.lead ?? 'The city will run trams through the night again.'} ${PARAGRAPH}</p>
<p><strong>WHAT CHANGES FOR RIDERS?</strong></p><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p>
<p><strong>WHEN DOES IT START?</strong></p><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></article></main>
<footer><p>Copyright City Post</p><a href="/about">About</a> <a href="/contact">Contact</a></footer></body></html>`;
}

const NO_ARTICLE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sign in</title></head><body>
<main><h1>Sign in</h1><form action="/s" method="post"><label>Email <input name="e"></label><button>Sign in</button></form>
<p><a href="/forgot">Forgot your password?</a></p></main></body></html>`;

/** Encodes text as windows-1251 (ASCII plus the Russian alphabet is all these pages use). */
function windows1251(text: string): Uint8Array {
  return Uint8Array.from([...text], (ch) => {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) return c;
    if (c >= 0x410 && c <= 0x44f) return 0xc0 + (c - 0x410);
    if (c === 0x401) return 0xa8;
    if (c === 0x451) return 0xb8;
    throw new Error(`not in the test's windows-1251 table: ${ch}`);
  });
}

function concatBytes(...parts: (string | number[])[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
}

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], extra: Partial<CliIo> = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: async () => new Uint8Array(),
    ...extra,
  });
  return { code, stdout, stderr };
}

let dir: string;
let server: Server;
let base: string;
const hanging = new Set<import('node:http').ServerResponse>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clearpage-cli-'));
  writeFileSync(join(dir, 'trams.html'), page());
  writeFileSync(join(dir, 'login.html'), NO_ARTICLE);
  server = createServer((req, res) => {
    if (req.url === '/article') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page({ title: 'Fetched over HTTP' }));
    } else if (req.url === '/cp1251-header') {
      // The header's charset wins over a wrong <meta>.
      res.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' });
      res.end(windows1251(page({ title: 'Ночные трамваи', head: '<meta charset="iso-8859-1">', lang: 'ru' })));
    } else if (req.url === '/pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end('%PDF-1.4');
    } else if (req.url === '/slow') {
      hanging.add(res);
    } else {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<p>not here</p>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of hanging) res.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

describe('clearpage CLI: usage', () => {
  it('prints help and version with exit 0', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: clearpage \[--format markdown\|text\|html\|json\] \[--url URL\] \[--out DIR\] INPUT\.\.\./);
    const version = await run(['--version']);
    expect(version.code).toBe(0);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout).toBe(`clearpage ${pkg.version}\n`);
  });

  it.each([
    [[], /no INPUT given/],
    [['--frobnicate', 'x.html'], /--frobnicate/],
    [['--format', 'pdf', 'x.html'], /unknown format "pdf"/],
    [['--url', 'not a url', 'x.html'], /--url needs an absolute http\(s\) URL/],
    [['--format'], /--format/],
    [['-', '-'], /standard input/],
  ])('exits 2 with the usage for %j', async (argv, message) => {
    const r = await run(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('Usage: clearpage');
  });
});

describe('clearpage CLI: formats', () => {
  it('prints Markdown by default, with the --url in the front matter and the questions as ##', async () => {
    const r = await run(['--url', 'https://citypost.example/trams', join(dir, 'trams.html')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^---\ntitle: "Night trams return to the city"\n/);
    expect(r.stdout).toContain('source: "https://citypost.example/trams"');
    expect(r.stdout.match(/^## .*$/gm)).toEqual(['## WHAT CHANGES FOR RIDERS?', '## WHEN DOES IT START?']);
    expect(r.stdout).not.toMatch(/Sport|About|Contact|Copyright City Post/);
  });

  it('prints plain text, standalone HTML and JSON', async () => {
    const file = join(dir, 'trams.html');
    const text = await run(['--format', 'text', file]);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe('Night trams return to the city');
    expect(text.stdout).toContain('WHAT CHANGES FOR RIDERS?');
    const html = await run(['-f', 'html', file]);
    expect(html.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.stdout).toContain("default-src 'none'");
    const json = await run(['-f', 'json', file]);
    const article = JSON.parse(json.stdout);
    expect(article.title).toBe('Night trams return to the city');
    expect(article.outline.map((o: { text: string }) => o.text)).toEqual(['WHAT CHANGES FOR RIDERS?', 'WHEN DOES IT START?']);
  });

  it('reads standard input for "-"', async () => {
    const r = await run(['-f', 'text', '-'], { readStdin: async () => new TextEncoder().encode(page({ title: 'From stdin' })) });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('From stdin');
  });
});

describe('clearpage CLI: several inputs and errors', () => {
  it('prints JSON Lines, one object per input, with source and the article or the error; exit 1', async () => {
    const good = join(dir, 'trams.html');
    const missing = join(dir, 'missing.html');
    const login = join(dir, 'login.html');
    const r = await run(['--format', 'json', good, missing, login, good]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.source)).toEqual([good, missing, login, good]);
    expect(lines[0].title).toBe('Night trams return to the city');
    expect(Object.keys(lines[0]).slice(0, 3)).toEqual(['source', 'url', 'title']);
    expect(lines[1]).toEqual({ source: missing, error: 'no such file' });
    expect(Object.keys(lines[2])).toEqual(['source', 'error']);
    expect(lines[3].title).toBe('Night trams return to the city');
    expect(r.stderr).toContain(`clearpage: ${missing}: no such file`);
    expect(r.stderr).toContain(`clearpage: ${login}: `);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(2);
  });

  it('exits 1 and names the input when one page has no article, but prints the others', async () => {
    const r = await run(['-f', 'text', join(dir, 'login.html'), join(dir, 'trams.html')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^clearpage: ${join(dir, 'login.html').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .+`));
    expect(r.stdout).toContain('Night trams return to the city');
  });

  it('handles a batch of inputs in one run', async () => {
    const files = Array.from({ length: 40 }, (_, i) => {
      const file = join(dir, `batch-${i}.html`);
      writeFileSync(file, page({ title: `Story number ${i}` }));
      return file;
    });
    const r = await run(['-f', 'json', ...files]);
    expect(r.code).toBe(0);
    const titles = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).title);
    expect(titles).toEqual(files.map((_, i) => `Story number ${i}`));
  });
});

describe('clearpage CLI: --out', () => {
  it('writes one file per input with safe names, never overwriting, and prints the paths', async () => {
    const out = join(dir, 'out', 'nested');
    const tricky = join(dir, 'tricky.html');
    writeFileSync(tricky, page({ title: 'CON: a/b?' }));
    const first = await run(['--out', out, join(dir, 'trams.html'), tricky, join(dir, 'trams.html')]);
    expect(first.code).toBe(0);
    const paths = first.stdout.trimEnd().split('\n');
    expect(paths).toEqual([
      join(out, 'Night trams return to the city.md'),
      join(out, 'CON a b.md'),
      join(out, 'Night trams return to the city (2).md'),
    ]);
    expect(readFileSync(paths[0]!, 'utf8')).toContain('## WHAT CHANGES FOR RIDERS?');
    const second = await run(['-o', out, '-f', 'json', join(dir, 'trams.html')]);
    expect(second.stdout.trim()).toBe(join(out, 'Night trams return to the city.json'));
    const third = await run(['-o', out, join(dir, 'trams.html')]);
    expect(third.stdout.trim()).toBe(join(out, 'Night trams return to the city (3).md'));
    expect(readdirSync(out).sort()).toEqual([
      'CON a b.md',
      'Night trams return to the city (2).md',
      'Night trams return to the city (3).md',
      'Night trams return to the city.json',
      'Night trams return to the city.md',
    ]);
  });
});

describe('clearpage CLI: character sets', () => {
  it('decodes a windows-1251 file from its <meta charset>', async () => {
    const file = join(dir, 'cp1251.html');
    writeFileSync(file, windows1251(page({ title: 'Ночные трамваи вернулись', head: '<meta charset="windows-1251">', lang: 'ru', lead: 'Город запускает ночные трамваи.' })));
    const r = await run(['-f', 'text', file]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Ночные трамваи вернулись');
    expect(r.stdout).toContain('Город запускает ночные трамваи.');
    expect(r.stdout).not.toContain('\ufffd');
  });

  it('decodes Shift_JIS from <meta http-equiv="Content-Type">', async () => {
    const file = join(dir, 'sjis.html');
    const nihongo = [0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea]; // 日本語
    const html = page({ title: 'TITLE', head: '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', lang: 'ja', lead: 'LEAD' });
    const [a, rest] = html.split('<title>TITLE</title>');
    const [b, c] = rest!.split('<h1>TITLE</h1>');
    const [d, e] = c!.split('LEAD');
    writeFileSync(file, concatBytes(a!, '<title>', nihongo, '</title>', b!, '<h1>', nihongo, '</h1>', d!, nihongo, e!));
    const r = await run(['-f', 'text', file]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('日本語');
    expect(r.stdout).toContain('日本語 The council approved');
  });

  it('decodes ISO-8859-1 (as browsers do, via windows-1252)', async () => {
    const file = join(dir, 'latin1.html');
    writeFileSync(file, Buffer.from(page({ title: 'Les fromagers de la vallée', head: "<meta charset='ISO-8859-1'>", lang: 'fr', lead: 'Hélène a goûté l’affinage.'.replace('’', "'") }), 'latin1'));
    const r = await run(['-f', 'text', file]);
    expect(r.stdout.split('\n')[0]).toBe('Les fromagers de la vallée');
    expect(r.stdout).toContain("Hélène a goûté l'affinage.");
  });

  it('prefers a byte order mark, then the Content-Type charset, then <meta>, else UTF-8', () => {
    const meta = new TextEncoder().encode('<!-- <meta charset="koi8-r"> --><head><meta charset="windows-1251">');
    expect(declaredMetaCharset(meta)).toBe('windows-1251');
    expect(sniffEncoding(meta)).toBe('windows-1251');
    expect(sniffEncoding(meta, 'text/html; charset="Shift_JIS"')).toBe('shift_jis');
    expect(sniffEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, ...meta]), 'text/html; charset=shift_jis')).toBe('utf-8');
    expect(sniffEncoding(new TextEncoder().encode('<p>x</p>'))).toBe('utf-8');
    expect(sniffEncoding(new TextEncoder().encode('<meta charset="utf-16">'))).toBe('utf-8');
    expect(sniffEncoding(new TextEncoder().encode('<meta charset="no-such-charset">'))).toBe('utf-8');
  });
});

describe('clearpage CLI: URLs', () => {
  it('fetches an http URL and uses its address as the source', async () => {
    const r = await run(['-f', 'markdown', `${base}/article`]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`source: "${base}/article"`);
    expect(r.stdout).toContain('# Fetched over HTTP');
  });

  it('decodes with the Content-Type charset', async () => {
    const r = await run(['-f', 'text', `${base}/cp1251-header`]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Ночные трамваи');
  });

  it('reports HTTP errors, non-HTML answers and timeouts per input', async () => {
    const r = await run(['-f', 'json', `${base}/nope`, `${base}/pdf`, `${base}/slow`, `${base}/article`], { fetchTimeoutMs: 300 });
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines[0].error).toMatch(/HTTP 404/);
    expect(lines[1].error).toMatch(/not an HTML page \(Content-Type: application\/pdf\)/);
    expect(lines[2].error).toMatch(/no answer within/);
    expect(lines[3].title).toBe('Fetched over HTTP');
  });
});

describe('clearpage CLI: the real entry point', () => {
  it('runs src/cli/main.ts through tsx with stdin and sets the exit code', () => {
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const ok = spawnSync(tsx, ['src/cli/main.ts', '--format', 'text', '-'], { cwd: ROOT, input: page({ title: 'Spawned' }), encoding: 'utf8' });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout.split('\n')[0]).toBe('Spawned');
    const bad = spawnSync(tsx, ['src/cli/main.ts', join(dir, 'missing.html')], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('missing.html: no such file');
  }, 90_000);
});
