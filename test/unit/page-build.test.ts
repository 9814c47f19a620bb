/**
 * The page build's edits of Readability (vite.config.ts): they apply to the installed version,
 * fail loudly on a source they no longer match, and the built content-extract.js carries them.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, parseSync, type Plugin, type UserConfig } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config, { readabilityMemberNames, readabilityWithoutDeadCode, readabilityWithoutLogging } from '../../vite.config';

const ROOT = new URL('../..', import.meta.url).pathname;
const SOURCE = readFileSync(join(ROOT, 'node_modules/@mozilla/readability/Readability.js'), 'utf8');
const PARSE_READABLE = readFileSync(join(ROOT, 'src/core/extract-article.ts'), 'utf8');

describe("the page build's Readability edits", () => {
  const edited = readabilityWithoutDeadCode(readabilityWithoutLogging(SOURCE), PARSE_READABLE);

  it('apply to the installed Readability and leave valid JavaScript', () => {
    expect(parseSync('Readability.js', edited).errors).toEqual([]);
    expect(edited).not.toContain('this.log(');
    expect(edited).not.toContain('_docJSDOMParser');
    expect(edited).not.toContain('this._maxElemsToParse > 0');
    // Unread REGEXPS entries go, read ones stay.
    expect(edited).not.toMatch(/\bnextLink:|\breplaceFonts:/);
    expect(edited).toMatch(/\bunlikelyCandidates:/);
    expect(edited).toContain('_getJSONLD(doc)');
    // Result fields Clearpage does not read (extract-article.ts's ReadableResult) are not computed.
    expect(edited).not.toContain('length: textContent.length');
    expect(edited).toMatch(/excerpt: metadata\.excerpt,/);
  });

  it('fail the build on a Readability they no longer match', () => {
    expect(() => readabilityWithoutLogging(SOURCE.replaceAll('if (this._debug)', 'if (this.debug)'))).toThrow(/no longer matches/);
    expect(() => readabilityWithoutDeadCode(SOURCE.replaceAll('_docJSDOMParser', '_jsdomParser'), PARSE_READABLE)).toThrow(/no longer matches/);
    expect(() => readabilityWithoutDeadCode(SOURCE.replace('if (!this._keepClasses) {', 'if (!this.keepClasses) {'), PARSE_READABLE)).toThrow(/no longer matches/);
  });

  it('refuse options of parseReadable that would make the dropped code run', () => {
    expect(() => readabilityWithoutDeadCode(SOURCE, PARSE_READABLE.replace('keepClasses: true', 'keepClasses: false'))).toThrow(/parseReadable/);
    expect(() => readabilityWithoutDeadCode(SOURCE, PARSE_READABLE.replace('keepClasses: true', 'keepClasses: true, maxElemsToParse: 1e5'))).toThrow(/parseReadable/);
  });

  it("shorten only Readability's own members, never a name also read off the DOM", () => {
    const { names, reserved } = readabilityMemberNames(readabilityWithoutLogging(SOURCE));
    expect(names).toEqual(expect.arrayContaining(['_grabArticle', '_doc', '_flags', 'FLAG_STRIP_UNLIKELYS', 'DEFAULT_CHAR_THRESHOLD', 'hasContent']));
    // node.TEXT_NODE is read off DOM nodes; table._readabilityDataTable is set on them; parse and
    // log are the API; `byline` and `normalize` are common words (String.prototype.normalize).
    for (const kept of ['TEXT_NODE', '_readabilityDataTable', 'parse', 'log', 'REGEXPS', 'readability', 'contentScore', 'byline', 'normalize']) expect(names).not.toContain(kept);
    expect(reserved).toEqual(expect.arrayContaining(['parse', 'log', 'TEXT_NODE', 'positive', 'hasOwnProperty']));
    // A member also read off another object is left alone.
    expect(readabilityMemberNames(`${SOURCE}\nfunction f(o) { return o._grabArticle; }`).names).not.toContain('_grabArticle');
  });
});

describe('the built content-extract.js', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'clearpage-page-build-'));
  let code = '';

  beforeAll(async () => {
    const shipped = (config as (env: { mode: string; command: string }) => UserConfig)({ mode: 'content-extract', command: 'build' });
    const plugins = (shipped.plugins as Plugin[]).filter((p) => p.name !== 'clearpage-extension-targets');
    await build({ ...shipped, configFile: false, root: ROOT, logLevel: 'silent', plugins, build: { ...shipped.build, outDir } });
    code = readFileSync(join(outDir, 'content-extract.js'), 'utf8');
  }, 60_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("has Readability's dead code dropped and its member names shortened", () => {
    expect(code).toContain('First argument to Readability constructor');
    for (const gone of ['this.log(', '_grabArticle', '_cleanConditionally', 'FLAG_STRIP_UNLIKELYS', '__JSDOMParser__', 'nextLink', 'hasContent']) {
      expect(code).not.toContain(gone);
    }
    // Names set on DOM nodes keep theirs (DOM objects are not Readability's), and so do the
    // REGEXPS entries Readability-readerable.js keeps a copy of.
    for (const kept of ['_readabilityDataTable', '.readability', '.contentScore', 'unlikelyCandidates']) expect(code).toContain(kept);
  });
});
