/**
 * A worker thread that runs one extraction at a time for the pool in worker-pool.ts, so a page
 * that hangs or exhausts memory costs that page only (the pool terminates and replaces the worker).
 * It reads and decodes the page itself and sends back scores, not documents, to keep memory flat.
 */
import { parentPort } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { decodeHtml } from './decode-html';
import { runSystem, parseDocument, type SystemName, type Metadata } from './systems';
import { scoreSnippets, tokenF1, type SnippetScore } from './scoring';

export type WorkerTask =
  | { kind: 'snippets'; system: SystemName; path: string; url: string; with: string[]; without: string[]; decodeAsUtf8?: boolean }
  | { kind: 'reference'; system: SystemName; sourcePath: string; expectedPath: string; url: string };

export type WorkerResult =
  | { ok: false; error: string; ms?: number }
  | { ok: true; kind: 'snippets'; ms: number; textLength: number; note?: string; score: SnippetScore; bodyScore?: SnippetScore }
  | { ok: true; kind: 'reference'; ms: number; textLength: number; note?: string; metadata: Metadata; tokenF1: number };

// Extractors log freely; a thousand pages of that would bury the tables.
if (!process.env.BENCH_VERBOSE) {
  console.log = console.warn = console.error = console.info = console.debug = () => {};
}

async function handle(task: WorkerTask): Promise<WorkerResult> {
  if (task.kind === 'snippets') {
    const bytes = readFileSync(task.path);
    // decodeAsUtf8: the scorer check, which reproduces the corpora README's Readability figure.
    const html = task.decodeAsUtf8 ? new TextDecoder().decode(bytes) : decodeHtml(bytes).html;
    const out = await runSystem(task.system, html, task.url);
    return {
      ok: true,
      kind: 'snippets',
      ms: out.ms,
      textLength: out.text.length,
      note: out.note,
      score: scoreSnippets(out.text, task.with, task.without),
      bodyScore: out.bodyText !== undefined ? scoreSnippets(out.bodyText, task.with, task.without) : undefined,
    };
  }
  const { html } = decodeHtml(readFileSync(task.sourcePath));
  const out = await runSystem(task.system, html, task.url);
  // expected.html is a fragment (Readability's <div id="readability-page-1">): give it a body.
  const expectedDoc = parseDocument(`<!doctype html><html><body>${decodeHtml(readFileSync(task.expectedPath)).html}</body></html>`);
  const expectedText = expectedDoc.body?.textContent ?? '';
  return {
    ok: true,
    kind: 'reference',
    ms: out.ms,
    textLength: out.text.length,
    note: out.note,
    metadata: out.metadata,
    tokenF1: tokenF1(out.bodyText ?? out.text, expectedText),
  };
}

parentPort?.on('message', async (msg: { id: number; task: WorkerTask }) => {
  let result: WorkerResult;
  try {
    result = await handle(msg.task);
  } catch (err) {
    result = { ok: false, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
  parentPort?.postMessage({ id: msg.id, result });
});

// Warm up before taking tasks (the pool times each task from dispatch): load Clearpage's modules
// and its HTML window with one tiny page, then say so.
const WARM_UP_PAGE = `<!doctype html><html><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1>${'<p>A paragraph of running text that is long enough to count as an article for the extractor to read.</p>'.repeat(4)}</article></body></html>`;
try {
  await runSystem('clearpage', WARM_UP_PAGE, 'https://example.com/warm-up');
} catch {
  // A broken extractor fails its real tasks with a message; the warm-up only loads code.
}
parentPort?.postMessage({ ready: true });
