/**
 * A window with a real HTML parser, for the passes that turn article HTML into a tree (the
 * normalising pass of extraction, the DOMPurify sanitiser). In a browser that is the document's
 * own window (or the global one, for DOMParser documents). linkedom's is not one (it has no
 * `document.implementation`, and its parser is not the HTML standard's), so in Node a jsdom window
 * is used, from setSanitizerWindowFactory (the CLI) or loaded at run time (tests, scripts). jsdom is
 * never imported statically here, so browser bundles do not carry it.
 */

/** A window-like object with a DOM that parses HTML as browsers do (a browser window, a jsdom window). */
export type PurifierWindow = Window | typeof globalThis;

/** Defined (true) only by the build of the extension's page scripts (vite.config.ts). */
declare const __CLEARPAGE_BROWSER__: boolean | undefined;

// Windows already probed: false marks one without a full DOM (linkedom's), so it is not probed again.
const probed = new WeakMap<object, boolean>();
let windowFactory: (() => PurifierWindow) | null = null;
let nodeWindow: PurifierWindow | null = null;
let nodeWindowUses = 0;
// jsdom's selector engine adds a listener to the window for every document it queries, so the
// window keeps every scratch document (and what callers queried in it) alive: a CLI batch of
// hundreds of pages grew by megabytes a page. A fresh window every few pages bounds that.
const NODE_WINDOW_USES = 20;

function hasFullDom(win: PurifierWindow): boolean {
  let known = probed.get(win);
  if (known === undefined) {
    const w = win as Partial<Window & { DOMParser: unknown; Element: unknown }>;
    known = typeof w.DOMParser === 'function' && !!w.Element && typeof w.document?.implementation?.createHTMLDocument === 'function';
    probed.set(win, known);
  }
  return known;
}

/**
 * Tells the HTML passes how to make a window with a full DOM when the document's own window has
 * none (linkedom); Node glue passes a jsdom window here.
 */
export function setSanitizerWindowFactory(factory: (() => PurifierWindow) | null): void {
  windowFactory = factory;
  nodeWindow = null;
  nodeWindowUses = 0;
}

/**
 * In Node without an injected factory, load jsdom at run time (never bundled for the browser). It is
 * resolved from the running script or the working directory: `import.meta` is unavailable in the
 * content script's IIFE bundle, which shares this module.
 */
function loadNodeWindow(): PurifierWindow | null {
  const proc = (globalThis as { process?: { argv?: string[]; cwd?: () => string; getBuiltinModule?: (id: string) => unknown } }).process;
  const moduleApi = proc?.getBuiltinModule?.('node:module') as
    | { createRequire(path: string): (id: string) => unknown }
    | undefined;
  if (!moduleApi || !proc) return null;
  const bases = [proc.argv?.[1], proc.cwd ? `${proc.cwd()}/index.js` : undefined].filter((b): b is string => !!b);
  for (const base of bases) {
    try {
      const { JSDOM } = moduleApi.createRequire(base)('jsdom') as { JSDOM: new (html: string) => { window: PurifierWindow } };
      return new JSDOM('<!doctype html><html><head></head><body></body></html>').window;
    } catch {
      // try the next base
    }
  }
  return null;
}

/**
 * Returns a window with a full DOM for work on `doc`'s HTML: its own, the global one, or (in Node)
 * a jsdom window; throws when there is none, so no caller goes on without one.
 */
export function htmlWindowFor(doc: Document | null | undefined): PurifierWindow {
  const own = doc?.defaultView;
  if (own && hasFullDom(own)) return own;
  const g = globalThis as { document?: Document; window?: PurifierWindow };
  if (g.document && g.window && hasFullDom(g.window)) return g.window;
  // The extension's pages and page scripts are built with this set: their bundles drop the Node
  // path (no factory is set there, and jsdom is not bundled).
  const win = typeof __CLEARPAGE_BROWSER__ !== 'undefined' && __CLEARPAGE_BROWSER__ ? null : nodeHtmlWindow();
  if (!win) throw new Error('Clearpage: no DOM that can parse HTML is available.');
  return win;
}

/** The Node window (from the factory, else jsdom), made afresh every NODE_WINDOW_USES uses; null when there is none. */
function nodeHtmlWindow(): PurifierWindow | null {
  if (!nodeWindow || nodeWindowUses >= NODE_WINDOW_USES) {
    nodeWindow = windowFactory ? windowFactory() : loadNodeWindow();
    nodeWindowUses = 0;
  }
  nodeWindowUses += 1;
  return nodeWindow && hasFullDom(nodeWindow) ? nodeWindow : null;
}
