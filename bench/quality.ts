/**
 * Quality on the trafilatura evaluation set: every system on every page, scored by snippets,
 * with per-page timing (extraction only) and a per-page diff of what each system missed or leaked.
 */
import type { SnippetPage } from './corpora';
import { addTotals, precisionRecall, quantile, type PrecisionRecall, type SnippetScore, type Totals } from './scoring';
import type { SystemName } from './systems';
import type { WorkerPool } from './worker-pool';
import type { ResultCache } from './result-cache';

/**
 * The rows scored: each system, Clearpage's body text alone (without its title), and the scorer
 * check: Readability on pages decoded as UTF-8 regardless of charset, the way the corpora README's
 * figure (P 0.860, R 0.905, F1 0.882) was measured.
 */
export type QualityRow = SystemName | 'clearpage-body' | 'readability-utf8';

export interface PageOutcome {
  score: SnippetScore | null;
  ms: number | null;
  error?: string;
  note?: string;
}

export interface QualityPageRecord {
  file: string;
  url: string;
  results: Partial<Record<QualityRow, PageOutcome>>;
}

export interface QualityRowSummary extends PrecisionRecall, Totals {
  pages: number;
  errors: number;
  empty: number;
}

export interface QualityResult {
  pages: number;
  systems: SystemName[];
  rows: Partial<Record<QualityRow, QualityRowSummary>>;
  /** Node (linkedom) extraction time per page in ms, parse excluded. */
  nodeTiming: Partial<Record<SystemName, { median: number; p95: number; pages: number }>>;
  records: QualityPageRecord[];
}

/** A score of nothing found: how a crash, a timeout or an empty result counts. */
function nothingFound(page: SnippetPage): SnippetScore {
  return { tp: 0, fn: page.with.length, fp: 0, tn: page.without.length, missed: [...page.with], leaked: [] };
}

/** Runs the systems over the pages through the worker pool and sums the scores. */
export async function runQuality(
  pages: SnippetPage[],
  systems: SystemName[],
  pool: WorkerPool,
  progress: (done: number, total: number) => void,
  scorerCheck = false,
  cache?: { store: ResultCache; reuse: SystemName[] },
): Promise<QualityResult> {
  const rows: QualityRow[] = [...systems];
  if (systems.includes('clearpage')) rows.push('clearpage-body');
  if (scorerCheck) rows.push('readability-utf8');
  const totals = new Map<QualityRow, QualityRowSummary>(
    rows.map((r) => [r, { tp: 0, fn: 0, fp: 0, tn: 0, precision: 0, recall: 0, f1: 0, pages: 0, errors: 0, empty: 0 }]),
  );
  const times = new Map<SystemName, number[]>(systems.map((s) => [s, []]));
  const records: QualityPageRecord[] = pages.map((p) => ({ file: p.file, url: p.url, results: {} }));
  let done = 0;
  const total = pages.length * (systems.length + (scorerCheck ? 1 : 0));

  const record = (i: number, row: QualityRow, outcome: PageOutcome) => {
    records[i].results[row] = outcome;
    const t = totals.get(row)!;
    addTotals(t, outcome.score ?? nothingFound(pages[i]));
    t.pages++;
    if (outcome.error) t.errors++;
    else if (outcome.note) t.empty++;
  };

  await Promise.all(
    pages.flatMap((page, i) =>
      systems.map(async (system) => {
        const key = cache && system !== 'clearpage' ? cache.store.key(system, page.path, [page.url, page.with, page.without]) : null;
        const cached = cache?.reuse.includes(system) ? cache.store.get(key) : undefined;
        const r = cached ?? (await pool.run({ kind: 'snippets', system, path: page.path, url: page.url, with: page.with, without: page.without }));
        if (!cached) cache?.store.set(key, r);
        if (r.ok && r.kind === 'snippets') {
          const empty = r.textLength === 0;
          record(i, system, { score: r.score, ms: r.ms, note: r.note ?? (empty ? 'empty' : undefined) });
          if (r.bodyScore) record(i, 'clearpage-body', { score: r.bodyScore, ms: r.ms, note: r.note });
          if (!cached) times.get(system)!.push(r.ms);
        } else {
          const error = r.ok ? 'unexpected result' : r.error;
          record(i, system, { score: null, ms: null, error });
          if (system === 'clearpage') record(i, 'clearpage-body', { score: null, ms: null, error });
        }
        progress(++done, total);
      }),
    ),
  );
  if (scorerCheck) {
    await Promise.all(
      pages.map(async (page, i) => {
        const r = await pool.run({ kind: 'snippets', system: 'readability', path: page.path, url: page.url, with: page.with, without: page.without, decodeAsUtf8: true });
        if (r.ok && r.kind === 'snippets') record(i, 'readability-utf8', { score: r.score, ms: r.ms, note: r.note });
        else record(i, 'readability-utf8', { score: null, ms: null, error: r.ok ? 'unexpected result' : r.error });
        progress(++done, total);
      }),
    );
  }

  const summaries: Partial<Record<QualityRow, QualityRowSummary>> = {};
  for (const [row, t] of totals) summaries[row] = { ...t, ...precisionRecall(t) };
  const nodeTiming: QualityResult['nodeTiming'] = {};
  for (const [system, list] of times) {
    nodeTiming[system] = { median: quantile(list, 0.5), p95: quantile(list, 0.95), pages: list.length };
  }
  return { pages: pages.length, systems, rows: summaries, nodeTiming, records };
}

const quote = (s: string) => `"${s.replace(/\s+/g, ' ').slice(0, 120)}"`;

/** A Markdown report of every page where some system missed a `with` snippet or leaked a `without` one. */
export function qualityDiffMarkdown(result: QualityResult, title: string): string {
  // Clearpage's body-only row and the scorer check repeat what the main rows show.
  const rows = (Object.keys(result.rows) as QualityRow[]).filter((r) => r !== 'readability-utf8' && r !== 'clearpage-body');
  const lines: string[] = [`# ${title}`, '', 'Per page and system: `with` snippets missed (false negatives) and `without` snippets leaked (false positives).', ''];
  const cp = (r: QualityPageRecord) => r.results.clearpage;
  const badness = (o: PageOutcome | undefined) => (o?.score ? o.score.fn + o.score.fp : o ? 99 : 0);
  if (result.systems.includes('clearpage') && result.systems.includes('readability')) {
    const worse = result.records.filter((r) => badness(cp(r)) > badness(r.results.readability));
    lines.push(`## Pages where Clearpage does worse than Readability (${worse.length})`, '');
    for (const r of worse) lines.push(`- ${r.file}: Clearpage ${badness(cp(r))} misses + leaks vs Readability ${badness(r.results.readability)}`);
    lines.push('');
  }
  lines.push('## Every page with a miss or a leak', '');
  for (const r of result.records) {
    const bad = rows.filter((row) => {
      const o = r.results[row];
      return o && (o.error || (o.score && (o.score.fn > 0 || o.score.fp > 0)));
    });
    if (bad.length === 0) continue;
    lines.push(`### ${r.file}`, '', `<${r.url}>`, '');
    for (const row of bad) {
      const o = r.results[row]!;
      if (o.error) {
        lines.push(`- **${row}**: error (${o.error}), counts as nothing found`);
        continue;
      }
      const parts: string[] = [];
      if (o.note) parts.push(`(${o.note})`);
      if (o.score!.missed.length) parts.push(`missed ${o.score!.missed.map(quote).join(', ')}`);
      if (o.score!.leaked.length) parts.push(`leaked ${o.score!.leaked.map(quote).join(', ')}`);
      lines.push(`- **${row}**: ${parts.join('; ')}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
