/**
 * Clearpage's build. One config, one Vite build per output shape (npm run build chains them):
 *
 *   vite build                      extension pages (popup.html, options.html) + manifests,
 *                                   _locales and icons, for every target
 *   vite build --mode content       the content script: ONE self-contained IIFE (content.js):
 *                                   chrome detection and strip/restore, all that a page
 *                                   remembered for automatic stripping receives
 *   vite build --mode content-extract  extraction (Readability, metadata, the normalising pass;
 *                                   no DOMPurify: the popup and the exports sanitise):
 *                                   content-extract.js, injected next to content.js when the
 *                                   popup or the Markdown copy reads the article
 *   vite build --mode content-export  Markdown for the context menu (Turndown, DOMPurify):
 *                                   content-export.js, injected next to content-extract.js only
 *                                   when the menu item is used
 *   vite build --mode content-picker  the click-to-hide picker: content-picker.js, injected on
 *                                   request of content.js only when the picker starts
 *   vite build --mode background    the background: one IIFE (background.js), a classic
 *                                   script that is Chrome's service worker and Firefox's event page
 *   vite build --mode cli           the CLI: dist/cli/clearpage.js (ESM, Node 20, deps external)
 *
 * The extension parts are bundled once into dist/chrome/ and the same files are written to
 * the other targets, which differ only in their manifest:
 *   dist/chrome/        store build for Chrome (no host permissions)
 *   dist/firefox/       store build for Firefox (background.scripts, gecko settings)
 *   dist/chrome-test/   Chrome + host permission for localhost, so e2e tests can act on
 *                       pages served from localhost without a user gesture
 */
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { Resvg } from '@resvg/resvg-js';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

const ROOT = import.meta.dirname;
const DIST = resolve(ROOT, 'dist');
const PRIMARY = 'chrome';
const TARGETS = ['chrome', 'firefox', 'chrome-test'] as const;
type Target = (typeof TARGETS)[number];

const ICON_SIZES = [16, 32, 48, 128];
const GECKO_ID = 'clearpage@clearpage.dev';
/** Firefox 140 is the first to read `data_collection_permissions`. */
const GECKO_MIN_VERSION = '140.0';
const TEST_HOSTS = ['http://localhost/*', 'http://127.0.0.1/*'];

type Manifest = Record<string, unknown> & { background?: Record<string, unknown> };

/** The manifest for one target, derived from the top-level manifest.json. */
function manifestFor(target: Target): Manifest {
  const base = JSON.parse(readFileSync(resolve(ROOT, 'manifest.json'), 'utf8')) as Manifest;
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string };
  const manifest: Manifest = { ...base, version: pkg.version };
  if (target === 'firefox') {
    const worker = String(base.background?.service_worker ?? 'background.js');
    manifest.background = { scripts: [worker] };
    manifest.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: GECKO_MIN_VERSION,
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android learnt data_collection_permissions in 142.
      gecko_android: { strict_min_version: '142.0' },
    };
  }
  if (target === 'chrome-test') {
    manifest.host_permissions = TEST_HOSTS;
    manifest.name = 'Clearpage (test build)';
  }
  return manifest;
}

/** `__MSG_key__` names used by the manifest; the build fails if the default locale lacks one. */
function checkLocales(manifest: Manifest): void {
  const used = new Set([...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]));
  const file = resolve(ROOT, 'src/_locales/en/messages.json');
  if (!existsSync(file)) throw new Error('src/_locales/en/messages.json is missing (default_locale is "en")');
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const missing = [...used].filter((key) => !(key in messages));
  if (missing.length) throw new Error(`src/_locales/en/messages.json lacks manifest strings: ${missing.join(', ')}`);
}

/** PNG icons rendered from the one source drawing. */
function renderIcons(): Map<string, Buffer> {
  const svg = readFileSync(resolve(ROOT, 'icons/clearpage.svg'), 'utf8');
  const icons = new Map<string, Buffer>();
  for (const size of ICON_SIZES) {
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
    icons.set(`icons/icon-${size}.png`, png);
  }
  return icons;
}

function writeOut(file: string, data: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
}

/**
 * Writes every emitted file of the current build to each target directory, and (in the
 * pages build, which runs first and starts clean) the manifests, _locales and icons.
 */
function extensionTargets(part: 'pages' | ScriptPart): Plugin {
  return {
    name: 'clearpage-extension-targets',
    enforce: 'post',
    buildStart() {
      if (part !== 'pages') return;
      for (const target of TARGETS) if (target !== PRIMARY) rmSync(join(DIST, target), { recursive: true, force: true });
    },
    generateBundle(_options, bundle) {
      // Pages live in src/<name>/<name>.html; the extension wants them at the top (popup.html).
      for (const [key, file] of Object.entries(bundle)) {
        if (file.type === 'asset' && key.endsWith('.html') && key.includes('/')) {
          delete bundle[key];
          this.emitFile({ type: 'asset', fileName: basename(key), source: file.source });
        }
      }
    },
    writeBundle(options, bundle) {
      const outDir = options.dir ?? join(DIST, PRIMARY);
      for (const target of TARGETS) {
        const dir = join(DIST, target);
        if (dir !== resolve(outDir)) {
          for (const fileName of Object.keys(bundle)) {
            const from = join(outDir, fileName);
            if (existsSync(from)) writeOut(join(dir, fileName), readFileSync(from));
          }
        }
        if (part === 'pages') {
          const manifest = manifestFor(target);
          checkLocales(manifest);
          writeOut(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
          cpSync(resolve(ROOT, 'src/_locales'), join(dir, '_locales'), { recursive: true });
          for (const [name, png] of renderIcons()) writeOut(join(dir, name), png);
        }
      }
    },
  };
}

const PAGES = ['src/popup/popup.html', 'src/options/options.html'];

type ScriptPart = 'content' | 'content-extract' | 'content-export' | 'content-picker' | 'background';

const GLOBAL_NAMES: Record<ScriptPart, string> = {
  content: 'clearpageContent',
  'content-extract': 'clearpageContentExtract',
  'content-export': 'clearpageContentExport',
  'content-picker': 'clearpageContentPicker',
  background: 'clearpageBackground',
};

/**
 * Core modules a content-script part takes from a part injected before it instead of bundling a
 * second copy: module file → the earlier part's export (its IIFE's global). Every content script of
 * the extension in a frame shares one global scope (the isolated world), so the earlier part's
 * global is there; content.js exports chrome-detect's exports as its own for exactly this.
 */
const SHARED_FROM: Partial<Record<ScriptPart, Record<string, string>>> = {
  'content-extract': { 'src/core/chrome-detect.ts': GLOBAL_NAMES.content },
};

/** Modules that only make sense in Node: a browser bundle that reaches one is a build error. */
function noNodeOnly(): Plugin {
  return {
    name: 'clearpage-no-node-only',
    resolveId(id, importer) {
      if (/^(node:|jsdom$|linkedom$|canvas$)/.test(id)) {
        this.error(`Node-only module "${id}" imported by ${importer ?? 'an entry'} in a browser bundle`);
      }
      return null;
    },
  };
}

/*
 * Readability in page scripts. Clearpage uses Readability as published (the CLI and the tests run
 * it unchanged); content-extract.js, which every toolbar click injects, carries a smaller copy:
 * code that cannot run there is dropped and Readability's own member names are shortened. Each
 * edit below fails the build when Readability's source no longer matches it (an update must be
 * looked at, not shipped half-edited); test/unit/page-build.test.ts applies them to the installed
 * Readability and checks the built file.
 */

const READABILITY_FILE = /[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/;
const READABILITY_SOURCE = resolve(ROOT, 'node_modules/@mozilla/readability/Readability.js');

/** The error for an edit that no longer finds its target in Readability's source. */
function mismatch(what: string): Error {
  return new Error(`Readability's source no longer matches the page build's edit "${what}": check the edit against the new version (vite.config.ts)`);
}

/** `code` with every `from` replaced; an error when `from` is not there. */
function replaceAllChecked(code: string, from: string, to: string, what: string): string {
  if (!code.includes(from)) throw mismatch(what);
  return code.replaceAll(from, to);
}

/**
 * Readability's debug logging: `this.log(...)` is a no-op unless the `debug` option is set
 * (Clearpage never sets it), yet its arguments are evaluated on every parse ("Grabbed: " +
 * articleContent.innerHTML serialises the whole article) and its strings ship. Each call becomes
 * `void 0` and each `if (this._debug)` block dead code; the arguments are literals, names and DOM
 * reads, so nothing else changes.
 */
export function readabilityWithoutLogging(code: string): string {
  const CALL = 'this.log(';
  let out = '';
  let from = 0;
  for (let at = code.indexOf(CALL); at >= 0; at = code.indexOf(CALL, from)) {
    // Find the call's closing parenthesis, skipping string literals.
    let depth = 1;
    let i = at + CALL.length;
    for (; i < code.length && depth > 0; i++) {
      const c = code[i];
      if (c === '"' || c === "'" || c === '`') {
        for (i++; i < code.length && code[i] !== c; i++) if (code[i] === '\\') i++;
      } else if (c === '(') depth++;
      else if (c === ')') depth--;
    }
    if (depth > 0) throw mismatch(`this.log( call at ${at}`);
    out += code.slice(from, at) + 'void 0';
    from = i;
  }
  // Debug mode's own code (a console logger built in the constructor) goes with it.
  return replaceAllChecked(out + code.slice(from), 'if (this._debug)', 'if (false)', 'debug logger');
}

/** `code` without the method `name` (its definition to its closing `},`); an error when it is not there. */
function withoutMethod(code: string, name: string): string {
  const at = code.indexOf(`\n  ${name}(`);
  const end = at < 0 ? -1 : code.indexOf('\n  },\n', at);
  if (end < 0) throw mismatch(`method ${name}`);
  return code.slice(0, at) + code.slice(end + '\n  },'.length);
}

/** `code` without the block that starts with `head` (up to its matching brace); an error when it is not there. */
function withoutBlock(code: string, head: string, what: string): string {
  const at = code.indexOf(head);
  if (at < 0 || !head.endsWith('{')) throw mismatch(what);
  let depth = 0;
  for (let i = at + head.length - 1; i < code.length; i++) {
    if (code[i] === '{') depth++;
    else if (code[i] === '}' && --depth === 0) return code.slice(0, at) + code.slice(i + 1);
  }
  throw mismatch(what);
}

/**
 * Readability code that cannot run in Clearpage, each [why, what Readability has, what replaces it]:
 * a branch for a case that never arises becomes `if (false)` (the minifier drops it) or goes.
 */
const READABILITY_DEAD_CODE: [string, string, string][] = [
  // Set only on documents of Readability's own parser (Firefox's reader view); Clearpage gives it
  // DOM clones (browser DOM, linkedom).
  ['JSDOMParser flag', 'this._docJSDOMParser = this._doc.firstChild.__JSDOMParser__;', ''],
  ['JSDOMParser branches', 'this._docJSDOMParser', 'false'],
  // Clearpage calls `new Readability(document, options)`, never the old (uri, document) form.
  ['old constructor form', 'if (options && options.documentElement) {\n    doc = options;\n    options = arguments[2];\n  } else if (', 'if ('],
  // parseReadable passes a serializer, keepClasses: true and no maxElemsToParse (its time budget
  // bounds the work): the default serializer, the class cleaner and the element count are dead.
  ['default serializer', 'options.serializer ||\n    function (el) {\n      return el.innerHTML;\n    };', 'options.serializer;'],
  ['classes to preserve', '  CLASSES_TO_PRESERVE: ["page"],\n', ''],
  // Result fields Clearpage does not read (parseReadable's return type keeps it so): the article's
  // text (a walk over the whole article), its length and the published time.
  ['text of the result', '    var textContent = articleContent.textContent;\n', ''],
  ['text of the result', '      textContent,\n      length: textContent.length,\n', ''],
  ['published time of the result', '      publishedTime: metadata.publishedTime,\n', ''],
];

/**
 * Readability without the code that cannot run in Clearpage (READABILITY_DEAD_CODE, the class
 * cleaner, and the REGEXPS entries no code reads, left over from features Readability removed).
 * `parseReadableSource` (src/core/extract-article.ts) is checked for the options that make it dead.
 */
export function readabilityWithoutDeadCode(code: string, parseReadableSource: string): string {
  if (!/serializer: /.test(parseReadableSource) || !/keepClasses: true/.test(parseReadableSource) || /maxElemsToParse/.test(parseReadableSource)) {
    throw new Error('parseReadable (src/core/extract-article.ts) changed the Readability options that the page build relies on (vite.config.ts)');
  }
  let out = code;
  for (const [what, from, to] of READABILITY_DEAD_CODE) out = replaceAllChecked(out, from, to, what);
  out = withoutBlock(out, 'if (!this._keepClasses) {', 'class cleaning');
  out = withoutBlock(out, 'if (this._maxElemsToParse > 0) {', 'element count limit');
  out = withoutMethod(out, '_cleanClasses');
  // Fields that only the dropped code read (the debug flag's readers went with the logging).
  for (const field of ['_debug', '_keepClasses', '_classesToPreserve', '_maxElemsToParse']) {
    out = out.replace(new RegExp(`\n {2}this\\.${field} =[^;]*;`), () => '');
    if (out.includes(`this.${field}`)) throw mismatch(`unused field ${field}`);
  }
  if (/this\.(_cleanClasses|CLASSES_TO_PRESERVE)\b/.test(out)) throw mismatch('class cleaner (still used)');
  const block = /\n {2}REGEXPS: \{\n([\s\S]*?)\n {2}\},\n/.exec(out);
  if (!block || out.includes('REGEXPS[')) throw mismatch('REGEXPS block');
  // An entry runs from its key (or the comment above it) to the next one; its regex may sit on the next line.
  const entries = block[1].split(/\n(?= {4}(?:\/\/|\w+:))/);
  const unread = entries.filter((e) => {
    const key = /^ {4}(\w+):/.exec(e)?.[1];
    return key !== undefined && !out.includes(`REGEXPS.${key}`);
  });
  if (!unread.length) throw mismatch('unread REGEXPS entries');
  return out.replace(block[1], entries.filter((e) => !unread.includes(e)).join('\n'));
}

/**
 * Readability as page scripts carry it: without its logging and without the code Clearpage never
 * runs. `deadCode: false` keeps the latter, for a Readability that other code calls with other
 * options (scripts/profile-chromium.ts times one beside Clearpage).
 */
export function readabilityForPages({ deadCode = true } = {}): Plugin {
  return {
    name: 'clearpage-readability-for-pages',
    transform(code, id) {
      if (!READABILITY_FILE.test(id)) return null;
      try {
        if (!deadCode) return { code: readabilityWithoutLogging(code), map: null };
        const options = readFileSync(resolve(ROOT, 'src/core/extract-article.ts'), 'utf8');
        return { code: readabilityWithoutDeadCode(readabilityWithoutLogging(code), options), map: null };
      } catch (e) {
        return this.error(`${(e as Error).message} (${id})`);
      }
    },
  };
}

/**
 * Readability's member names that are safe to shorten: each is declared by Readability (a key of
 * its prototype or a `this.x =` field), used only as `this.name` (never read off another object,
 * as `node.TEXT_NODE` is, so no DOM or built-in name is among them) and never quoted. Likewise
 * the camelCase keys of its REGEXPS table, read only as `REGEXPS.key` (generic keys such as
 * `byline` are left: other modules use the words). `reserved`: the other names of those objects,
 * which a shortened name must not take.
 */
export function readabilityMemberNames(source: string): { names: string[]; reserved: string[] } {
  const onlyOff = (name: string, owner: string) => !new RegExp(`(?<!\\b${owner})\\.${name}\\b|["'\`]${name}["'\`]`).test(source);
  const protoKeys = [...source.matchAll(/^ {2}(\w+)(?=\(|:)/gm)].map((m) => m[1]);
  const fields = [...source.matchAll(/\bthis\.(\w+) =(?!=)/g)].map((m) => m[1]);
  const declared = [...new Set([...protoKeys, ...fields])];
  const members = declared.filter((n) => /^(_[a-z]\w*|[A-Z][A-Z0-9]*_[A-Z0-9_]+)$/i.test(n) && onlyOff(n, 'this'));
  const tableKeys = [...(/\n {2}REGEXPS: \{\n([\s\S]*?)\n {2}\},\n/.exec(source)?.[1] ?? '').matchAll(/^ {4}(\w+):/gm)].map((m) => m[1]);
  const keys = tableKeys.filter((k) => /[a-z][A-Z]/.test(k) && onlyOff(k, 'REGEXPS'));
  const names = [...members, ...keys];
  const reserved = [...declared, ...tableKeys].filter((n) => !names.includes(n));
  return { names, reserved: [...reserved, ...Object.getOwnPropertyNames(Object.prototype)] };
}

/**
 * content-extract.js shortens Readability's member names (`this._grabArticle(` → `this.q(`): they
 * were a fifth of its size. Only readabilityMemberNames are touched (of the code as the page
 * build edits it), and the build fails if any other module of the bundle mentions one: it could
 * be reading that member, which the shortened name would break.
 */
export function readabilityShortNames(): { plugin: Plugin; minify: { mangleProps: { include: RegExp; reserved: string[] } } } {
  const source = readabilityWithoutLogging(readFileSync(READABILITY_SOURCE, 'utf8'));
  // Readability-readerable.js keeps its own copy of two REGEXPS entries: those keep their names.
  const readerable = readFileSync(READABILITY_SOURCE.replace(/\.js$/, '-readerable.js'), 'utf8');
  const all = readabilityMemberNames(source);
  const names = all.names.filter((n) => !new RegExp(`\\b${n}\\b`).test(readerable));
  const reserved = [...all.reserved, ...all.names.filter((n) => !names.includes(n))];
  if (names.length < 50) throw mismatch(`member names (found ${names.length})`);
  const mention = new RegExp(`\\b(${names.join('|')})\\b`);
  const plugin: Plugin = {
    name: 'clearpage-readability-short-names',
    transform(code, id) {
      if (READABILITY_FILE.test(id)) return null;
      const hit = mention.exec(code);
      if (hit) this.error(`${id} mentions "${hit[1]}", a Readability member whose name content-extract.js shortens (vite.config.ts)`);
      return null;
    },
  };
  return { plugin, minify: { mangleProps: { include: new RegExp(`^(${names.join('|')})$`), reserved } } };
}

/**
 * An IIFE build of one script into the extension's root: no imports left at run time. Minified:
 * the content script is injected into every page the reader opens, so its size is load time.
 */
function scriptBuild(entry: string, fileName: string, part: ScriptPart): UserConfig {
  const shared = Object.fromEntries(Object.entries(SHARED_FROM[part] ?? {}).map(([file, global]) => [resolve(ROOT, file), global]));
  // Only content-extract.js bundles Readability.
  const readability = part === 'content-extract' ? readabilityShortNames() : null;
  return {
    publicDir: false,
    // __CLEARPAGE_BROWSER__ drops html-window.ts's Node-only fallback (loading jsdom) from page scripts.
    define: { 'process.env.NODE_ENV': JSON.stringify('production'), __CLEARPAGE_BROWSER__: 'true' },
    plugins: [noNodeOnly(), readabilityForPages(), ...(readability ? [readability.plugin] : []), extensionTargets(part)],
    // Page-injected scripts use a few-line stand-in for webextension-polyfill (see the file).
    resolve: part === 'background' ? {} : { alias: { 'webextension-polyfill': resolve(ROOT, 'src/content/browser-api.ts') } },
    build: {
      outDir: join(DIST, PRIMARY),
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      lib: {
        entry: resolve(ROOT, entry),
        formats: ['iife'],
        name: GLOBAL_NAMES[part],
        fileName: () => fileName,
      },
      rolldownOptions: {
        external: Object.keys(shared),
        output: {
          codeSplitting: false,
          globals: shared,
          // No Symbol.toStringTag on the IIFE's exports: nothing reads it, and every part ships it.
          generatedCode: { symbols: false },
          ...(readability ? { minify: readability.minify } : {}),
        },
      },
    },
  };
}

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'content') return scriptBuild('src/content/content-script.ts', 'content.js', 'content');
  if (mode === 'content-extract') return scriptBuild('src/content/content-extract.ts', 'content-extract.js', 'content-extract');
  if (mode === 'content-export') return scriptBuild('src/content/content-export.ts', 'content-export.js', 'content-export');
  if (mode === 'content-picker') return scriptBuild('src/content/content-picker.ts', 'content-picker.js', 'content-picker');
  if (mode === 'background') return scriptBuild('src/background/background.ts', 'background.js', 'background');
  if (mode === 'cli') {
    return {
      publicDir: false,
      build: {
        outDir: join(DIST, 'cli'),
        emptyOutDir: true,
        target: 'node20',
        ssr: resolve(ROOT, 'src/cli/main.ts'),
        minify: false,
        rolldownOptions: {
          output: { format: 'es', entryFileNames: 'clearpage.js', banner: '#!/usr/bin/env node' },
        },
      },
    };
  }
  return {
    root: resolve(ROOT, 'src'),
    base: '/',
    publicDir: false,
    define: { __CLEARPAGE_BROWSER__: 'true' },
    plugins: [extensionTargets('pages')],
    // The pages use the same few-line stand-in for webextension-polyfill as the page scripts:
    // the popup's first request should not wait for the polyfill to be parsed and run.
    resolve: { alias: { 'webextension-polyfill': resolve(ROOT, 'src/content/browser-api.ts') } },
    build: {
      outDir: join(DIST, PRIMARY),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      modulePreload: { polyfill: false },
      rolldownOptions: {
        input: Object.fromEntries(
          PAGES.filter((page) => existsSync(resolve(ROOT, page))).map((page) => [
            basename(page, '.html'),
            resolve(ROOT, page),
          ]),
        ),
        output: {
          entryFileNames: 'assets/[name].js',
          chunkFileNames: 'assets/shared-[hash].js',
          assetFileNames: 'assets/[name]-[hash][extname]',
        },
      },
    },
  };
});
