/**
 * Finding and unpacking the shared corpora. They live outside the repository (../shared/corpora
 * or $CLEARPAGE_CORPORA) and are unpacked once into .cache/corpora, which git ignores. A missing
 * corpus is reported and skipped, never fatal: on a user's machine the folder is absent.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

export const REPO_ROOT = resolve(new URL('..', import.meta.url).pathname);
export const CACHE_DIR = join(REPO_ROOT, '.cache');

/** The folder that holds the corpus tarballs. */
export function corporaSourceDir(): string {
  return process.env.CLEARPAGE_CORPORA ? resolve(process.env.CLEARPAGE_CORPORA) : resolve(REPO_ROOT, '..', 'shared', 'corpora');
}

/**
 * Unpacks `<name>.tar.gz` (or uses an already unpacked `<name>/` folder next to it) and returns the
 * unpacked folder, or null with the reason when the corpus is not there.
 */
export function openCorpus(name: string): { dir: string } | { missing: string } {
  const source = corporaSourceDir();
  const tarball = join(source, `${name}.tar.gz`);
  const plainDir = join(source, name);
  if (!existsSync(tarball)) {
    if (existsSync(plainDir) && statSync(plainDir).isDirectory()) return { dir: plainDir };
    return { missing: `corpus "${name}" not found (looked for ${tarball}); set CLEARPAGE_CORPORA to the folder that holds it` };
  }
  const target = join(CACHE_DIR, 'corpora');
  const dir = join(target, name);
  const st = statSync(tarball);
  const stamp = `${st.size}:${st.mtimeMs}`;
  const stampFile = join(target, `.${name}.unpacked`);
  if (!existsSync(dir) || !existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
    mkdirSync(target, { recursive: true });
    const r = spawnSync('tar', ['xzf', tarball, '-C', target], { stdio: 'inherit' });
    if (r.status !== 0) return { missing: `could not unpack ${tarball} (tar exited ${r.status})` };
    writeFileSync(stampFile, stamp);
  }
  return { dir };
}

export interface SnippetPage {
  /** Position in evaldata.json's order; the quick sample keeps every 10th. */
  index: number;
  url: string;
  file: string;
  path: string;
  with: string[];
  without: string[];
}

/** Lists the trafilatura evaluation pages (HTML looked up in cache/ first, then eval/). */
export function listTrafilaturaPages(dir: string): { pages: SnippetPage[]; unreadable: string[] } {
  const data = JSON.parse(readFileSync(join(dir, 'evaldata.json'), 'utf8')) as Record<string, { file: string; with?: string[]; without?: string[] }>;
  const pages: SnippetPage[] = [];
  const unreadable: string[] = [];
  let index = 0;
  for (const [url, entry] of Object.entries(data)) {
    const path = [join(dir, 'cache', entry.file), join(dir, 'eval', entry.file)].find((p) => existsSync(p));
    if (!path) unreadable.push(entry.file);
    // A page whose HTML is missing still counts (as nothing found), so totals stay comparable.
    pages.push({ index: index++, url, file: entry.file, path: path ?? join(dir, 'cache', entry.file), with: entry.with ?? [], without: entry.without ?? [] });
  }
  return { pages, unreadable };
}

export interface ReferencePage {
  index: number;
  name: string;
  sourcePath: string;
  expectedPath: string;
  metadataPath: string;
}

/** Lists Readability's test pages (folders with source.html, expected.html, expected-metadata.json). */
export function listReadabilityPages(dir: string): ReferencePage[] {
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'source.html')))
    .sort()
    .map((name, index) => ({
      index,
      name,
      sourcePath: join(dir, name, 'source.html'),
      expectedPath: join(dir, name, 'expected.html'),
      metadataPath: join(dir, name, 'expected-metadata.json'),
    }));
}

/** The URL Readability's own test suite gives every test page. */
export const READABILITY_TEST_URL = 'http://fakehost/test/page.html';
