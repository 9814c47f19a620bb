/**
 * Turning a run's figures into what people read: console tables, the goals of issue 4 with
 * pass/fail, bench/results/summary.md and the chart the README shows.
 */
import type { BrowserResult } from './browser';
import type { CliResult } from './cli-speed';
import { TRUTH_FIELDS, metadataDisagreementSentence, type MetadataResult } from './metadata';
import type { QualityResult, QualityRow } from './quality';
import type { SizeResult } from './bundle-size';
import type { PopupTiming } from './popup-timing';
import { METADATA_FIELDS, type SystemName } from './systems';

export interface BenchResult {
  generatedAt: string;
  mode: 'full' | 'quick' | 'partial';
  command: string;
  environment: { node: string; cpus: number; loadAverage: number[]; chromium: string | null };
  /** Wall-clock seconds per section. */
  sectionSeconds: Record<string, number>;
  sample: { trafilatura: string; chromium: string; readability: string };
  corpora: Record<string, string>;
  quality: Omit<QualityResult, 'records'> | null;
  metadata: Omit<MetadataResult, 'records'> | null;
  chromium: Omit<BrowserResult, 'records'> | null;
  cli: CliResult | null;
  size: SizeResult | null;
  popupClickToText: PopupTiming | null;
  goals: Goal[];
  notes: string[];
}

export interface Goal {
  what: string;
  baseline: string;
  target: string;
  measured: string;
  status: 'pass' | 'fail' | 'not measured';
}

const pct = (x: number | null | undefined, digits = 1) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : `${(x * 100).toFixed(digits)}%`);
const f3 = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(3));
const ms = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : `${x.toFixed(1)} ms`);
const kb = (bytes: number | undefined) => (bytes === undefined ? '—' : `${(bytes / 1000).toFixed(1)} kB`);

export const ROW_LABELS: Record<QualityRow, string> = {
  clearpage: 'Clearpage (title + text)',
  'clearpage-body': 'Clearpage (text only)',
  readability: 'Readability 0.6 (textContent)',
  defuddle: 'Defuddle 0.19 (content text)',
  'readability-utf8': 'scorer check: Readability, pages read as UTF-8',
};

/** Works out issue 4's goals from the run's figures. */
export function evaluateGoals(r: Omit<BenchResult, 'goals'>): Goal[] {
  const goals: Goal[] = [];
  const q = r.quality?.rows;
  const cp = q?.clearpage;
  goals.push({
    what: 'F1 on the trafilatura set (precision ≥ 0.90, recall ≥ 0.95)',
    baseline: `Readability ${f3(q?.readability?.f1)}, Defuddle ${f3(q?.defuddle?.f1)} (this run); trafilatura 0.909–0.924 (published)`,
    target: '≥ 0.93, P ≥ 0.90, R ≥ 0.95',
    measured: cp ? `F1 ${f3(cp.f1)}, P ${f3(cp.precision)}, R ${f3(cp.recall)}` : '—',
    status: !cp ? 'not measured' : cp.f1 >= 0.93 && cp.precision >= 0.9 && cp.recall >= 0.95 ? 'pass' : 'fail',
  });
  const m = r.metadata?.systems;
  const mc = m?.clearpage;
  const mr = m?.readability;
  if (mc && mr) {
    const short = METADATA_FIELDS.filter((f) => mc.fields[f] < mr.fields[f]);
    const better = (['byline', 'publishedTime'] as const).filter((f) => mc.fields[f] > mr.fields[f]);
    goals.push({
      what: 'metadata, each field (exact match on Readability test pages)',
      baseline: 'Readability 0.6 on its own test pages (this run)',
      target: '≥ Readability on every field, > on byline and publishedTime',
      measured: `${short.length ? `below Readability on ${short.join(', ')}` : 'not below on any field'}; better on ${better.length ? better.join(', ') : 'neither byline nor publishedTime'} (per field: metadata table)`,
      status: short.length === 0 && better.length === 2 ? 'pass' : 'fail',
    });
    const t = r.metadata?.truth?.fields;
    if (t) {
      // expected-metadata.json is Readability's own output, so "better" can only show against a truth
      // we checked by hand on the pages where the two disagree.
      const line = (f: (typeof TRUTH_FIELDS)[number]) => `${f} ${t[f].correct.clearpage ?? 0} vs ${t[f].correct.readability ?? 0} of ${t[f].scored}`;
      goals.push({
        what: 'metadata, byline and publishedTime against hand-checked values (bench/metadata-truth.json)',
        baseline: 'Readability 0.6 (this run) on the same pages',
        target: '> Readability on byline and publishedTime',
        measured: `Clearpage vs Readability right: ${TRUTH_FIELDS.map(line).join('; ')}`,
        status: TRUTH_FIELDS.every((f) => (t[f].correct.clearpage ?? 0) > (t[f].correct.readability ?? 0)) ? 'pass' : 'fail',
      });
    }
  } else {
    goals.push({ what: 'metadata, each field', baseline: '—', target: '≥ Readability on every field, > on byline and publishedTime', measured: '—', status: 'not measured' });
  }
  const s = r.chromium?.strip;
  goals.push({
    what: '`with` snippets visible after in-page strip',
    baseline: '—',
    target: '≥ 99%',
    measured: s ? `${pct(s.withVisibleShare)} (${s.withStillVisible}/${s.withVisibleBefore})` : '—',
    status: !s ? 'not measured' : s.withVisibleShare >= 0.99 ? 'pass' : 'fail',
  });
  goals.push({
    what: '`without` snippets hidden by in-page strip',
    baseline: '—',
    target: '≥ 70%',
    measured: s ? `${pct(s.withoutHiddenShare)} (${s.withoutHidden}/${s.withoutVisibleBefore})` : '—',
    status: !s ? 'not measured' : s.withoutHiddenShare >= 0.7 ? 'pass' : 'fail',
  });
  const sp = r.chromium?.speed;
  goals.push({
    what: 'extraction time in Chromium, median',
    baseline: `Readability ${ms(sp?.readability.median)} (this run)`,
    target: '≤ 1.25× Readability',
    measured: sp?.clearpage && sp.ratioMedian !== null ? `${ms(sp.clearpage.median)} = ${sp.ratioMedian.toFixed(2)}×` : '—',
    status: !sp?.clearpage || sp.ratioMedian === null ? 'not measured' : sp.ratioMedian <= 1.25 ? 'pass' : 'fail',
  });
  const cs = r.size?.contentScript;
  const auto = r.size?.contentAutoStrip;
  goals.push({
    // What a page receives when the toolbar is clicked (strip + extraction), not the smaller auto-strip part alone.
    what: 'content script, gzipped (toolbar click: content.js + content-extract.js)',
    baseline: '—',
    target: '≤ 45 kB (45 000 bytes)',
    measured: cs ? `${cs.gzipBytes} bytes (${kb(cs.gzipBytes)}); auto-strip alone ${auto ? `${auto.gzipBytes} bytes` : '—'}` : '—',
    status: !cs ? 'not measured' : cs.gzipBytes <= 45_000 ? 'pass' : 'fail',
  });
  return goals;
}

/** A plain-text table for the console. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function mdTable(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

interface Tables {
  title: string;
  header: string[];
  rows: string[][];
  note?: string;
}

/** The run's tables, shared by the console output and summary.md. */
export function buildTables(r: BenchResult): Tables[] {
  const tables: Tables[] = [];
  if (r.quality) {
    const q = r.quality;
    tables.push({
      title: `Quality on the trafilatura set (${q.pages} pages, ${r.sample.trafilatura})`,
      header: ['system', 'precision', 'recall', 'F1', 'tp', 'fp', 'fn', 'errors', 'empty'],
      rows: (Object.keys(q.rows) as QualityRow[]).map((row) => {
        const x = q.rows[row]!;
        return [ROW_LABELS[row], f3(x.precision), f3(x.recall), f3(x.f1), String(x.tp), String(x.fp), String(x.fn), String(x.errors), String(x.empty)];
      }),
      note: 'Errors (crash, timeout) and empty results count as nothing found.',
    });
  }
  if (r.metadata) {
    const systems = Object.keys(r.metadata.systems) as SystemName[];
    tables.push({
      title: `Metadata on Readability's test pages (${r.metadata.pages} pages, ${r.sample.readability}): share matching expected-metadata.json`,
      header: ['field', ...systems],
      rows: [
        ...METADATA_FIELDS.map((f) => [f, ...systems.map((s) => pct(r.metadata!.systems[s]!.fields[f]))]),
        ['publishedTime, same instant', ...systems.map((s) => pct(r.metadata!.systems[s]!.publishedTimeSameInstant))],
        ['content token F1 vs expected.html (mean)', ...systems.map((s) => f3(r.metadata!.systems[s]!.meanTokenF1))],
        ['errors', ...systems.map((s) => String(r.metadata!.systems[s]!.errors))],
      ],
      note: 'Exact match after trimming; null, a missing key and "" all mean "no value" and match each other. Token F1 is a regression signal: expected.html is Readability\'s own answer.',
    });
    const cp = r.metadata.systems.clearpage;
    if (cp?.disagreements) {
      const d = cp.disagreements;
      tables.push({
        title: "Clearpage's metadata mismatches by kind (expected-metadata.json is Readability's output)",
        header: ['field', 'mismatches', 'we found one, expected none', 'expected one, we none', 'same moment, other spelling', 'both, different', 'our crash/timeout'],
        rows: METADATA_FIELDS.map((f) => [f, String(d[f].mismatches), String(d[f].onlyOurs), String(d[f].onlyExpected), f === 'publishedTime' ? String(d[f].sameInstant) : '—', String(d[f].different), String(d[f].error ?? 0)]),
        note: metadataDisagreementSentence(r.metadata),
      });
    }
    const t = r.metadata.truth;
    if (t) {
      const who = ['clearpage', 'readability'].filter((s) => systems.includes(s as SystemName)) as SystemName[];
      tables.push({
        title: 'Byline and publishedTime against hand-checked values (bench/metadata-truth.json: the pages where Clearpage and Readability disagree)',
        header: ['field', 'pages checked', ...who.map((s) => `${s} right`), 'expected-metadata.json right'],
        rows: TRUTH_FIELDS.map((f) => [f, String(t.fields[f].scored), ...who.map((s) => String(t.fields[f].correct[s] ?? 0)), String(t.fields[f].correct.expected ?? 0)]),
        note:
          'Bylines compare as names (case, spacing and a leading "By" ignored); dates as the same instant, or the same local date and time when one states no offset, or the same day when one has no time. ' +
          'On pages outside the file both systems give the same value, so they score alike there. Wrong: ' +
          TRUTH_FIELDS.map((f) => `${f}: ${who.map((s) => `${s} [${(t.fields[f].wrong[s] ?? []).join(', ') || 'none'}]`).join(', ')}`).join('; ') +
          '.',
      });
    }
  }
  const c = r.chromium;
  if (c && !c.skipped && c.strip) {
    const s = c.strip;
    tables.push({
      title: `In-page stripping in Chromium (${c.pages} pages, ${r.sample.chromium}, page scripts off)`,
      header: ['measure', 'value'],
      rows: [
        ['`with` snippets still visible after strip', `${pct(s.withVisibleShare)} (${s.withStillVisible}/${s.withVisibleBefore})`],
        ['`without` snippets hidden by strip', `${pct(s.withoutHiddenShare)} (${s.withoutHidden}/${s.withoutVisibleBefore})`],
        ['`with` snippets not visible even before strip (left out)', String(s.withNeverVisible)],
        ['restore not identical (trafilatura pages)', `${s.restoreMismatches} of ${s.restoreChecked}`],
        ['restore not identical (Readability test pages)', c.identity ? `${c.identity.mismatches.length} of ${c.identity.checked}` : '—'],
        ['pages with an error', String(c.pageErrors)],
      ],
    });
  }
  const speedRows: string[][] = [];
  const nt = r.quality?.nodeTiming;
  if (nt?.readability) {
    const ratio = nt.clearpage ? nt.clearpage.median / nt.readability.median : null;
    speedRows.push(['Node (linkedom), extraction', ms(nt.clearpage?.median), ms(nt.clearpage?.p95), ms(nt.readability.median), ms(nt.readability.p95), ratio === null ? '—' : `${ratio.toFixed(2)}×`]);
  }
  if (c && !c.skipped) {
    speedRows.push([
      'Chromium (native DOM), clone + extraction',
      ms(c.speed.clearpage?.median),
      ms(c.speed.clearpage?.p95),
      ms(c.speed.readability.median),
      ms(c.speed.readability.p95),
      c.speed.ratioMedian === null ? '—' : `${c.speed.ratioMedian.toFixed(2)}×`,
    ]);
    if (c.strip) {
      speedRows.push(['Chromium, strip (detect + hide)', ms(c.strip.stripTiming.median), ms(c.strip.stripTiming.p95), '', '', '']);
      speedRows.push(['Chromium, restore', ms(c.strip.restoreTiming.median), ms(c.strip.restoreTiming.p95), '', '', '']);
    }
  }
  if (speedRows.length) {
    tables.push({
      title: 'Speed per page (median, p95)',
      header: ['where', 'Clearpage median', 'Clearpage p95', 'Readability median', 'Readability p95', 'ratio (median)'],
      rows: speedRows,
      note:
        'Readability is timed on a clone of the document (it mutates; extractArticle clones inside). Parsing is excluded in Node. In Chromium each system runs twice per page, alternating, and the faster run counts.' +
        (nt?.defuddle && nt.defuddle.pages ? ` Defuddle in Node: median ${ms(nt.defuddle.median)}, p95 ${ms(nt.defuddle.p95)}.` : ''),
    });
  }
  if (r.cli) {
    tables.push({
      title: 'CLI throughput',
      header: ['command', 'files', 'seconds', 'pages/s', 'articles', 'errors'],
      rows: [[r.cli.skipped ? `skipped: ${r.cli.skipped}` : r.cli.command, String(r.cli.files), r.cli.seconds.toFixed(1), r.cli.pagesPerSecond.toFixed(1), String(r.cli.articles), String(r.cli.errors)]],
    });
  }
  if (r.size) {
    const z = r.size;
    const row = (name: string, e: SizeResult['contentScript']) => [name, e ? String(e.gzipBytes) : '—', e ? kb(e.gzipBytes) : '—', e ? kb(e.rawBytes) : '—', e ? e.files.join(', ') : 'not built'];
    tables.push({
      title: 'Size (gzip -9)',
      header: ['bundle', 'gzip bytes', 'gzip', 'raw', 'files'],
      rows: [
        row('content script, toolbar click (strip + extraction)', z.contentScript),
        row('content script, auto-strip on load', z.contentAutoStrip),
        row('content script, copy as Markdown (context menu)', z.contentCopyMarkdown),
        row('popup (scripts + styles)', z.popup),
        row('CLI (dependencies external)', z.cli),
      ],
    });
  }
  return tables;
}

function popupLine(p: PopupTiming | null): string {
  if (!p) return 'not measured in this run';
  if ('skipped' in p) return `not measured (${p.skipped})`;
  return `median ${ms(p.ms)}, p95 ${ms(p.p95)} over ${p.runs} opens (first open included; from the popup's navigation start to its <article> holding the text)`;
}

/** The console rendering of the tables and goals. */
export function consoleReport(r: BenchResult): string {
  const out: string[] = [];
  for (const t of buildTables(r)) out.push('', t.title, textTable(t.header, t.rows));
  if (r.popupClickToText) out.push('', `Popup click-to-text: ${popupLine(r.popupClickToText)}`);
  out.push('', 'Goals (issue 4)', textTable(['goal', 'target', 'measured', 'status'], r.goals.map((g) => [g.what, g.target, g.measured.length > 90 ? `${g.measured.slice(0, 87)}...` : g.measured, g.status.toUpperCase()])));
  if (r.notes.length) out.push('', ...r.notes.map((n) => `note: ${n}`));
  return out.join('\n');
}

/** bench/results/summary.md. */
export function summaryMarkdown(r: BenchResult, diffFiles: string[]): string {
  const out = [
    '# Clearpage benchmark summary',
    '',
    `Generated ${r.generatedAt} by \`${r.command}\` (${r.mode} run; Node ${r.environment.node}, ${r.environment.cpus} CPUs, load average ${r.environment.loadAverage.map((x) => x.toFixed(1)).join(' ')}; Chromium ${r.environment.chromium ?? '—'}).`,
    '',
    '![Clearpage, Readability and Defuddle: precision, recall, F1 and speed](chart.svg)',
    '',
    '## Goals (issue 4)',
    '',
    mdTable(['what', 'reached by', 'Clearpage goal', 'measured', 'status'], r.goals.map((g) => [g.what, g.baseline, g.target, g.measured, g.status === 'pass' ? '**pass**' : g.status === 'fail' ? '**fail**' : 'not measured'])),
  ];
  for (const t of buildTables(r)) {
    out.push('', `## ${t.title}`, '', mdTable(t.header, t.rows));
    if (t.note) out.push('', t.note);
  }
  out.push('', `Popup click-to-text on the seed fixture (issue 3 aims under 100 ms): ${popupLine(r.popupClickToText)}.`);
  if (r.notes.length) out.push('', '## Notes', '', ...r.notes.map((n) => `- ${n}`));
  if (diffFiles.length) out.push('', '## Per-page reports', '', ...diffFiles.map((f) => `- [${f}](${f})`));
  return out.join('\n') + '\n';
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The README's chart: precision/recall/F1 per system, and Clearpage/Readability time ratios. */
export function chartSvg(r: BenchResult): string {
  const W = 860;
  const H = 360;
  const parts: string[] = [];
  const font = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"';
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" ${font}>`);
  parts.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  const colors = { precision: '#6baed6', recall: '#2171b5', f1: '#08306b' };
  // Left panel: quality.
  const left = { x: 60, y: 50, w: 470, h: 240 };
  parts.push(`<text x="${left.x}" y="28" font-size="15" font-weight="600" fill="#111">Quality on the trafilatura set (${r.quality?.pages ?? 0} pages)</text>`);
  const lo = 0.7;
  const yOf = (v: number) => left.y + left.h - ((Math.max(lo, Math.min(1, v)) - lo) / (1 - lo)) * left.h;
  for (let v = lo; v <= 1.0001; v += 0.05) {
    const y = yOf(v);
    parts.push(`<line x1="${left.x}" x2="${left.x + left.w}" y1="${y}" y2="${y}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${left.x - 8}" y="${y + 4}" font-size="11" text-anchor="end" fill="#555">${v.toFixed(2)}</text>`);
  }
  const rows = (['clearpage', 'readability', 'defuddle'] as const).filter((s) => r.quality?.rows[s]);
  const groupW = left.w / Math.max(rows.length, 1);
  rows.forEach((row, i) => {
    const x0 = left.x + i * groupW + groupW * 0.15;
    const bw = (groupW * 0.7) / 3;
    const x = r.quality!.rows[row]!;
    (['precision', 'recall', 'f1'] as const).forEach((k, j) => {
      const y = yOf(x[k]);
      parts.push(`<rect x="${x0 + j * bw}" y="${y}" width="${bw - 3}" height="${left.y + left.h - y}" fill="${colors[k]}"/>`);
      parts.push(`<text x="${x0 + j * bw + (bw - 3) / 2}" y="${y - 4}" font-size="10" text-anchor="middle" fill="#222">${x[k].toFixed(3)}</text>`);
    });
    const label = row === 'clearpage' ? 'Clearpage' : row === 'readability' ? 'Readability 0.6' : 'Defuddle 0.19';
    parts.push(`<text x="${left.x + i * groupW + groupW / 2}" y="${left.y + left.h + 18}" font-size="12" text-anchor="middle" fill="#111">${label}</text>`);
  });
  if (rows.length === 0) parts.push(`<text x="${left.x + 20}" y="${left.y + 40}" font-size="13" fill="#555">not measured</text>`);
  // Goal line for F1.
  const gy = yOf(0.93);
  parts.push(`<line x1="${left.x}" x2="${left.x + left.w}" y1="${gy}" y2="${gy}" stroke="#d94801" stroke-dasharray="5 4"/>`);
  parts.push(`<text x="${left.x + left.w}" y="${gy - 4}" font-size="10" text-anchor="end" fill="#d94801">F1 goal 0.93</text>`);
  (['precision', 'recall', 'f1'] as const).forEach((k, j) => {
    const lx = left.x + j * 95;
    parts.push(`<rect x="${lx}" y="${H - 30}" width="12" height="12" fill="${colors[k]}"/>`);
    parts.push(`<text x="${lx + 17}" y="${H - 20}" font-size="12" fill="#111">${k === 'f1' ? 'F1' : k}</text>`);
  });
  // Right panel: speed ratios.
  const right = { x: 600, y: 60, w: 230, h: 230 };
  parts.push(`<text x="${right.x - 20}" y="28" font-size="15" font-weight="600" fill="#111">Time, Clearpage ÷ Readability</text>`);
  const ratios: { label: string; value: number | null }[] = [];
  const nt = r.quality?.nodeTiming;
  ratios.push({ label: 'Node median', value: nt?.clearpage && nt.readability ? nt.clearpage.median / nt.readability.median : null });
  ratios.push({ label: 'Chromium median', value: r.chromium?.speed.ratioMedian ?? null });
  ratios.push({ label: 'Chromium p95', value: r.chromium?.speed.ratioP95 ?? null });
  const maxRatio = Math.max(2, ...ratios.map((x) => x.value ?? 0)) * 1.1;
  const xOf = (v: number) => right.x + (v / maxRatio) * right.w;
  const rowH = right.h / ratios.length;
  // Reference lines first, so bars and labels sit on top of them.
  for (const [v, color, label, labelY] of [
    [1, '#555', '1×', right.y + right.h + 14],
    [1.25, '#d94801', 'goal 1.25×', right.y - 6],
  ] as const) {
    const x = xOf(v);
    parts.push(`<line x1="${x}" x2="${x}" y1="${right.y}" y2="${right.y + right.h}" stroke="${color}" stroke-dasharray="4 3"/>`);
    parts.push(`<text x="${x}" y="${labelY}" font-size="10" text-anchor="middle" fill="${color}">${label}</text>`);
  }
  ratios.forEach((x, i) => {
    const y = right.y + i * rowH + rowH * 0.25;
    parts.push(`<text x="${right.x}" y="${y - 4}" font-size="11" fill="#333" paint-order="stroke" stroke="#fff" stroke-width="3">${esc(x.label)}</text>`);
    if (x.value === null) {
      parts.push(`<text x="${right.x}" y="${y + 16}" font-size="11" fill="#777">not measured</text>`);
      return;
    }
    parts.push(`<rect x="${right.x}" y="${y}" width="${Math.max(1, xOf(x.value) - right.x)}" height="${rowH * 0.4}" fill="${x.value <= 1.25 ? '#41ab5d' : '#cb181d'}"/>`);
    parts.push(`<text x="${xOf(x.value) + 4}" y="${y + rowH * 0.3}" font-size="11" fill="#111">${x.value.toFixed(2)}×</text>`);
  });
  parts.push(`<text x="${W - 10}" y="${H - 8}" font-size="10" text-anchor="end" fill="#777">${esc(r.mode)} run, ${esc(r.generatedAt.slice(0, 16).replace('T', ' '))} UTC</text>`);
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

/** The README's compact table of a run (systems as columns, goals in the last one). */
export function readmeTable(r: BenchResult): string {
  const q = r.quality?.rows;
  const prf = (x: QualityResult['rows'][QualityRow]) => (x ? `${f3(x.precision)} / ${f3(x.recall)} / **${f3(x.f1)}**` : '—');
  const status = (what: string) => {
    const g = r.goals.find((x) => x.what.startsWith(what));
    return !g ? '' : g.status === 'pass' ? '**met**' : g.status === 'fail' ? '**not met**' : 'not measured';
  };
  const meta = (s: SystemName) => {
    const m = r.metadata?.systems[s];
    return m ? `${METADATA_FIELDS.map((f) => Math.round(m.fields[f] * 100)).join(', ')} %` : '—';
  };
  const c = r.chromium;
  const s = c?.strip;
  const nt = r.quality?.nodeTiming;
  const t = (x: { median: number; p95: number } | null | undefined) => (x ? `${ms(x.median)} (${ms(x.p95)})` : '—');
  const nodeRatio = nt?.clearpage && nt.readability ? ` = ${(nt.clearpage.median / nt.readability.median).toFixed(2)}×` : '';
  const z = r.size;
  const rows = [
    ['trafilatura set: precision / recall / F1', prf(q?.clearpage), prf(q?.readability), prf(q?.defuddle), `F1 ≥ 0.93, P ≥ 0.90, R ≥ 0.95: ${status('F1')}`],
    ['metadata exact match: title, byline, siteName, publishedTime, lang, dir, excerpt', meta('clearpage'), meta('readability'), '—', `≥ Readability on each, better on byline and publishedTime: ${status('metadata')}`],
    ['`with` snippets still visible after in-page strip', s ? `${pct(s.withVisibleShare)} (${s.withStillVisible} of ${s.withVisibleBefore})` : '—', '—', '—', `≥ 99 %: ${status('`with`')}`],
    ['`without` snippets hidden by in-page strip', s ? `${pct(s.withoutHiddenShare)} (${s.withoutHidden} of ${s.withoutVisibleBefore})` : '—', '—', '—', `≥ 70 %: ${status('`without`')}`],
    ['restore identical (trafilatura / Readability pages)', s ? `${s.restoreChecked - s.restoreMismatches} of ${s.restoreChecked} / ${c?.identity ? `${c.identity.checked - c.identity.mismatches.length} of ${c.identity.checked}` : '—'}` : '—', '—', '—', 'all'],
    ['extraction time in Chromium, median (p95)', c?.speed.clearpage ? `${t(c.speed.clearpage)}${c.speed.ratioMedian !== null ? ` = ${c.speed.ratioMedian.toFixed(2)}×` : ''}` : '—', t(c?.speed.readability), '—', `≤ 1.25×: ${status('extraction time')}`],
    ['extraction time in Node, median (p95)', `${t(nt?.clearpage)}${nodeRatio}`, t(nt?.readability), t(nt?.defuddle), ''],
    ['strip / restore in Chromium, median', s ? `${ms(s.stripTiming.median)} / ${ms(s.restoreTiming.median)}` : '—', '', '', ''],
    ['CLI, one process', r.cli && !r.cli.skipped ? `${r.cli.pagesPerSecond.toFixed(1)} pages/s (${r.cli.files} pages)` : '—', '', '', ''],
    ['popup click-to-text, seed fixture, median', r.popupClickToText && 'ms' in r.popupClickToText ? ms(r.popupClickToText.ms) : '—', '', '', 'aim < 100 ms (issue 3)'],
    ['content script (toolbar click / auto-strip) / popup / CLI, gzipped', `${kb(z?.contentScript?.gzipBytes)} / ${kb(z?.contentAutoStrip?.gzipBytes)} / ${kb(z?.popup?.gzipBytes)} / ${kb(z?.cli?.gzipBytes)}`, '', '', `toolbar-click content script ≤ 45 kB: ${status('content script')}`],
  ];
  return mdTable(['', 'Clearpage', 'Readability 0.6', 'Defuddle 0.19', 'goal'], rows);
}
