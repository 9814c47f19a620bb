/**
 * Soak test (`npm run soak`, not part of `npm test`): does anything Clearpage leaves in a page grow
 * without bound?
 *
 *   1. 1 000 strip/restore toggles on the seed fixture (driven through the content script's message
 *      protocol from the background, as the popup and the shortcut drive it), then the document
 *      must be identical to the one before the first toggle.
 *   2. A page that inserts 10 000 nodes a minute (chrome-looking and article-looking, and drops old
 *      ones so the page itself stays the same size) for a minute while stripped, then restored.
 *
 * For each it reports, before and after (after a forced GC): event listeners (CDP Performance
 * metric JSEventListeners, and DOMDebugger.getEventListeners on window/document/<html>/<body>),
 * observers (Mutation/Intersection/Resize observers alive in the content script's isolated world
 * and in the page's world, by Runtime.queryObjects), DOM nodes, and JS heap used.
 *
 *   CLEARPAGE_SOAK_TOGGLES   (default 1000)  strip/restore pairs in part 1
 *   CLEARPAGE_SOAK_SECONDS   (default 60)    length of part 2, at the same insertion rate
 *
 * Needs `npm run build` (uses dist/chrome-test). Prints a table, writes test-results/soak.json, and
 * exits 1 when a count grew past its allowance.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page, Worker } from '@playwright/test';
import { extensionWorker, launchWithExtension } from '../test/e2e/harness';
import { serveDirectory } from './static-server';

const ROOT = resolve(import.meta.dirname, '..');
const TOGGLES = Number(process.env.CLEARPAGE_SOAK_TOGGLES ?? 1000);
const SECONDS = Number(process.env.CLEARPAGE_SOAK_SECONDS ?? 60);
const NODES_PER_MINUTE = 10_000;

interface Snapshot {
  jsEventListeners: number;
  /** Listeners on window, document, <html> and <body> (all worlds). */
  rootListeners: number;
  observersPage: number;
  observersContent: number;
  nodes: number;
  heapUsedMB: number;
}

interface Row {
  scenario: string;
  before: Snapshot;
  /** While stripped (the content script's observer is live then): shows the counters see it. */
  during: Snapshot;
  after: Snapshot;
  seconds: number;
  note: string;
}

/** The execution context of Clearpage's content script (an isolated world) in the page's main frame. */
async function contentWorld(_cdp: CDPSession, contexts: Map<number, { name: string; isDefault: boolean }>): Promise<number | null> {
  for (const [id, c] of contexts) if (!c.isDefault && /clearpage/i.test(c.name)) return id;
  return null;
}

async function countObservers(cdp: CDPSession, contextId: number | undefined): Promise<number> {
  let total = 0;
  for (const ctor of ['MutationObserver', 'IntersectionObserver', 'ResizeObserver']) {
    const proto = await cdp.send('Runtime.evaluate', { expression: `${ctor}.prototype`, ...(contextId ? { contextId } : {}) });
    if (!proto.result.objectId) continue;
    const found = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
    const length = await cdp.send('Runtime.callFunctionOn', {
      objectId: found.objects.objectId!,
      functionDeclaration: 'function () { return this.length; }',
      returnByValue: true,
    });
    total += Number(length.result.value ?? 0);
  }
  return total;
}

async function rootListeners(cdp: CDPSession): Promise<number> {
  let total = 0;
  for (const expression of ['window', 'document', 'document.documentElement', 'document.body']) {
    const target = await cdp.send('Runtime.evaluate', { expression });
    if (!target.result.objectId) continue;
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: target.result.objectId, depth: 0 });
    total += listeners.length;
  }
  return total;
}

async function snapshot(cdp: CDPSession, contexts: Map<number, { name: string; isDefault: boolean }>): Promise<Snapshot> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  const world = await contentWorld(cdp, contexts);
  return {
    jsEventListeners: metric('JSEventListeners'),
    rootListeners: await rootListeners(cdp),
    observersPage: await countObservers(cdp, undefined),
    observersContent: world === null ? 0 : await countObservers(cdp, world),
    nodes: metric('Nodes'),
    heapUsedMB: Math.round((metric('JSHeapUsedSize') / 1024 / 1024) * 10) / 10,
  };
}

async function instrument(page: Page, context: BrowserContext): Promise<{ cdp: CDPSession; contexts: Map<number, { name: string; isDefault: boolean }> }> {
  const cdp = await context.newCDPSession(page);
  const contexts = new Map<number, { name: string; isDefault: boolean }>();
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => {
    const aux = c.auxData as { isDefault?: boolean; frameId?: string } | undefined;
    contexts.set(c.id, { name: c.name, isDefault: !!aux?.isDefault });
  });
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => contexts.delete(executionContextId));
  await cdp.send('Runtime.enable');
  await cdp.send('Performance.enable');
  return { cdp, contexts };
}

async function tabIdOf(worker: Worker, url: string): Promise<number> {
  return worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1, url);
}

/** Sends one protocol message to the tab's content script from the background; throws on an error reply. */
async function send(worker: Worker, tabId: number, type: 'strip' | 'restore' | 'ping'): Promise<void> {
  const reply = (await worker.evaluate(([id, t]) => chrome.tabs.sendMessage(id as number, { type: t }, { frameId: 0 }), [tabId, type] as const)) as
    | { ok: boolean; error?: string }
    | undefined;
  if (!reply?.ok) throw new Error(`"${type}" failed: ${reply?.error ?? 'no answer'}`);
}

async function ensureContent(worker: Worker, tabId: number): Promise<void> {
  await worker.evaluate((id) => chrome.scripting.executeScript({ target: { tabId: id }, files: ['content.js'] }), tabId);
  await send(worker, tabId, 'ping');
}

/** The churn page: the seed article, plus a script inserting 10 000 nodes a minute. */
function churnPage(): string {
  const seed = readFileSync(join(ROOT, 'test', 'fixtures', 'bdnews24-explainer', 'source.html'), 'utf8');
  const script = `<script>
  // 10 000 nodes a minute: every 100 ms, ~17 new nodes (ad slots, related cards, article-ish
  // paragraphs); the oldest are removed so the page itself does not grow.
  (function () {
    var perTick = Math.round(${NODES_PER_MINUTE} / 600), n = 0, live = [];
    // One listener of the page's own, so the listener counters have something to see.
    document.addEventListener('click', function () {});
    window.__inserted = 0;
    setInterval(function () {
      for (var i = 0; i < perTick; i++) {
        var kind = n++ % 3, el;
        if (kind === 0) { el = document.createElement('div'); el.className = 'ad-slot'; el.textContent = 'Advertisement ' + n; }
        else if (kind === 1) { el = document.createElement('aside'); el.className = 'related'; el.innerHTML = '<h3>Related stories</h3><a href="/x' + n + '">Story ' + n + '</a>'; }
        else { el = document.createElement('p'); el.textContent = 'Live update ' + n + ': officials said more details would follow.'; }
        document.body.appendChild(el);
        live.push(el);
        window.__inserted++;
      }
      while (live.length > 300) live.shift().remove();
    }, 100);
  })();
  </script>`;
  return seed.replace('</body>', `${script}\n</body>`);
}

function fmt(n: number): string {
  return Number.isFinite(n) ? String(n) : '?';
}

/** What may grow: listeners and observers not at all (a little slack), heap by 50 % + 8 MB, nodes not past the page's own. */
function problems(row: Row): string[] {
  const out: string[] = [];
  const { before: b, after: a } = row;
  if (a.jsEventListeners > b.jsEventListeners + 20) out.push(`JS event listeners ${b.jsEventListeners} → ${a.jsEventListeners}`);
  if (a.rootListeners > b.rootListeners + 2) out.push(`window/document listeners ${b.rootListeners} → ${a.rootListeners}`);
  if (a.observersContent > b.observersContent + 1) out.push(`content-script observers ${b.observersContent} → ${a.observersContent}`);
  if (a.heapUsedMB > b.heapUsedMB * 1.5 + 8) out.push(`heap ${b.heapUsedMB} MB → ${a.heapUsedMB} MB`);
  // While stripped, the page's own size is what it was (the churn page keeps 300 inserted elements):
  // nodes far beyond that after a GC are removed nodes someone still holds.
  const d = row.during;
  if (d.nodes > b.nodes * 3 + 2000) out.push(`DOM nodes retained while stripped: ${b.nodes} → ${d.nodes} (after GC; ${a.nodes} after restore)`);
  if (d.heapUsedMB > b.heapUsedMB * 1.5 + 8) out.push(`heap while stripped ${b.heapUsedMB} MB → ${d.heapUsedMB} MB`);
  return out;
}

async function main(): Promise<void> {
  const { server, url } = await serveDirectory(join(ROOT, 'test', 'fixtures'));
  const churnDir = mkdtempSync(join(tmpdir(), 'clearpage-soak-'));
  writeFileSync(join(churnDir, 'churn.html'), churnPage());
  const churn = await serveDirectory(churnDir);
  const { context, profile } = await launchWithExtension();
  const rows: Row[] = [];
  try {
    const worker = await extensionWorker(context);

    // 1. Toggles on the seed page.
    const page = await context.newPage();
    const seedUrl = `${url}/bdnews24-explainer/source.html`;
    await page.goto(seedUrl);
    const tabId = await tabIdOf(worker, seedUrl);
    const { cdp, contexts } = await instrument(page, context);
    await ensureContent(worker, tabId);
    const original = await page.evaluate(() => document.documentElement.outerHTML);
    // One warm-up pair so lazily created state is in "before".
    await send(worker, tabId, 'strip');
    await send(worker, tabId, 'restore');
    const before = await snapshot(cdp, contexts);
    const t0 = Date.now();
    // The loop runs inside the service worker: one round trip per toggle, none through the test.
    const failures = await worker.evaluate(
      async ([id, n]) => {
        let failed = 0;
        for (let i = 0; i < (n as number); i++) {
          for (const type of ['strip', 'restore']) {
            const r = (await chrome.tabs.sendMessage(id as number, { type }, { frameId: 0 })) as { ok?: boolean } | undefined;
            if (!r?.ok) failed++;
          }
        }
        return failed;
      },
      [tabId, TOGGLES] as const,
    );
    const seconds = (Date.now() - t0) / 1000;
    await send(worker, tabId, 'strip');
    const during = await snapshot(cdp, contexts);
    await send(worker, tabId, 'restore');
    const after = await snapshot(cdp, contexts);
    if ((await contentWorld(cdp, contexts)) === null) throw new Error("Clearpage's content-script world was not found in the page");
    const identical = (await page.evaluate(() => document.documentElement.outerHTML)) === original;
    rows.push({
      scenario: `${TOGGLES} strip/restore toggles, seed page`,
      before,
      during,
      after,
      seconds,
      note: `${failures} failed replies; document ${identical ? 'identical' : 'DIFFERENT'} after the last restore; ${((seconds * 1000) / (TOGGLES * 2)).toFixed(1)} ms per message`,
    });
    if (failures || !identical) rows[rows.length - 1]!.note += ' (FAIL)';
    await page.close();

    // 2. The churn page, stripped while it inserts nodes.
    const churnPageTab = await context.newPage();
    const churnUrl = `${churn.url}/churn.html`;
    await churnPageTab.goto(churnUrl);
    const churnTab = await tabIdOf(worker, churnUrl);
    const churnCdp = await instrument(churnPageTab, context);
    await ensureContent(worker, churnTab);
    await send(worker, churnTab, 'strip');
    await send(worker, churnTab, 'restore');
    await churnPageTab.waitForTimeout(2000);
    const churnBefore = await snapshot(churnCdp.cdp, churnCdp.contexts);
    const inserted0 = await churnPageTab.evaluate(() => (window as unknown as { __inserted: number }).__inserted);
    const c0 = Date.now();
    await send(worker, churnTab, 'strip');
    await churnPageTab.waitForTimeout(SECONDS * 1000);
    const hiddenWhileStripped = await churnPageTab.evaluate(() => document.querySelectorAll('[data-clearpage-hidden]').length);
    const churnDuring = await snapshot(churnCdp.cdp, churnCdp.contexts);
    await send(worker, churnTab, 'restore');
    const inserted = (await churnPageTab.evaluate(() => (window as unknown as { __inserted: number }).__inserted)) - inserted0;
    const churnAfter = await snapshot(churnCdp.cdp, churnCdp.contexts);
    const leftMarks = await churnPageTab.evaluate(() => document.querySelectorAll('[data-clearpage-hidden], style[data-clearpage-style]').length);
    rows.push({
      scenario: `${inserted} nodes inserted over ${SECONDS} s while stripped`,
      before: churnBefore,
      during: churnDuring,
      after: churnAfter,
      seconds: (Date.now() - c0) / 1000,
      note: `${hiddenWhileStripped} blocks hidden at the end of the run; ${leftMarks} marks left after restore${leftMarks ? ' (FAIL)' : ''}`,
    });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    server.close();
    churn.server.close();
    rmSync(churnDir, { recursive: true, force: true });
  }

  console.log('before → while stripped → after restore (after a forced GC each)');
  const header = ['scenario', 'JS listeners', 'root listeners', 'observers (content)', 'observers (page)', 'DOM nodes', 'heap MB', 'seconds'];
  console.log(header.join(' | '));
  console.log(header.map(() => '---').join(' | '));
  for (const r of rows) {
    const pair = (k: keyof Snapshot) => `${fmt(r.before[k])} → ${fmt(r.during[k])} → ${fmt(r.after[k])}`;
    console.log([r.scenario, pair('jsEventListeners'), pair('rootListeners'), pair('observersContent'), pair('observersPage'), pair('nodes'), pair('heapUsedMB'), r.seconds.toFixed(1)].join(' | '));
    console.log(`  ${r.note}`);
  }
  const found = rows.flatMap((r) => problems(r).map((p) => `${r.scenario}: ${p}`));
  const failedNotes = rows.filter((r) => r.note.includes('(FAIL)')).map((r) => `${r.scenario}: ${r.note}`);
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  writeFileSync(join(ROOT, 'test-results', 'soak.json'), JSON.stringify({ date: new Date().toISOString(), toggles: TOGGLES, seconds: SECONDS, rows, problems: [...found, ...failedNotes] }, null, 2) + '\n');
  if (found.length || failedNotes.length) {
    console.log(`GROWTH OR FAILURE:\n  ${[...found, ...failedNotes].join('\n  ')}`);
    process.exit(1);
  }
  console.log('soak: nothing grew past its allowance (test-results/soak.json)');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
