/**
 * Metadata on Readability's test pages: per field, the share of pages where a system's value
 * matches expected-metadata.json, plus a token F1 of the content against expected.html.
 */
import { readFileSync } from 'node:fs';
import { READABILITY_TEST_URL, type ReferencePage } from './corpora';
import { METADATA_FIELDS, type Metadata, type MetadataFieldName, type SystemName } from './systems';
import type { WorkerPool } from './worker-pool';

/**
 * A value as compared: trimmed, with null, a missing key and the empty string all meaning
 * "no value". Two "no value"s match: saying nothing where the page says nothing is right.
 */
export function comparableValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const s = String(value).trim();
  return s === '' ? null : s;
}

/** Exact match after trimming, null/absent/empty treated alike. */
export function metadataMatches(actual: unknown, expected: unknown): boolean {
  return comparableValue(actual) === comparableValue(expected);
}

/**
 * publishedTime written differently but meaning the same moment ("2015-07-24T05:36:09+01:00" vs
 * "2015-07-24T04:36:09.000Z"), or the same day when one side gives only a date. Reported beside the
 * exact score because Clearpage normalises dates to ISO 8601 while Readability passes the page's string through.
 */
export function sameInstant(actual: unknown, expected: unknown): boolean {
  const a = comparableValue(actual);
  const e = comparableValue(expected);
  if (a === null || e === null) return a === e;
  if (a === e) return true;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
  if (dateOnly.test(a) || dateOnly.test(e)) return a.slice(0, 10) === e.slice(0, 10);
  const ta = Date.parse(a);
  const te = Date.parse(e.replace(/(\.\d{3})\d+$/, '$1').replace(' ', 'T'));
  return Number.isFinite(ta) && ta === te;
}

export interface MetadataSystemSummary {
  pages: number;
  errors: number;
  /** Share of pages matching, per field (0..1). */
  fields: Record<MetadataFieldName, number>;
  publishedTimeSameInstant: number;
  /** Mean token F1 of the content text against expected.html's text. */
  meanTokenF1: number;
  nodeMedianMs: number;
}

export interface MetadataPageRecord {
  name: string;
  results: Partial<Record<SystemName, { error?: string; tokenF1?: number; mismatches: { field: MetadataFieldName; actual: string | null; expected: string | null }[] }>>;
}

export interface MetadataResult {
  pages: number;
  systems: Partial<Record<SystemName, MetadataSystemSummary>>;
  records: MetadataPageRecord[];
}

/** Runs the systems over Readability's test pages and scores each metadata field. */
export async function runMetadata(
  pages: ReferencePage[],
  systems: SystemName[],
  pool: WorkerPool,
  progress: (done: number, total: number) => void,
): Promise<MetadataResult> {
  const records: MetadataPageRecord[] = pages.map((p) => ({ name: p.name, results: {} }));
  const acc = new Map(
    systems.map((s) => [s, { errors: 0, matches: Object.fromEntries(METADATA_FIELDS.map((f) => [f, 0])) as Record<MetadataFieldName, number>, instant: 0, f1: 0, ms: [] as number[] }]),
  );
  let done = 0;
  await Promise.all(
    pages.flatMap((page, i) =>
      systems.map(async (system) => {
        let expected: Partial<Metadata> = {};
        try {
          expected = JSON.parse(readFileSync(page.metadataPath, 'utf8')) as Partial<Metadata>;
        } catch {
          // no expected metadata: every field expects "no value"
        }
        const r = await pool.run({ kind: 'reference', system, sourcePath: page.sourcePath, expectedPath: page.expectedPath, url: READABILITY_TEST_URL });
        const a = acc.get(system)!;
        if (r.ok && r.kind === 'reference') {
          const mismatches: MetadataPageRecord['results'][SystemName] = { tokenF1: r.tokenF1, mismatches: [] };
          for (const f of METADATA_FIELDS) {
            if (metadataMatches(r.metadata[f], expected[f])) a.matches[f]++;
            else mismatches.mismatches.push({ field: f, actual: comparableValue(r.metadata[f]), expected: comparableValue(expected[f]) });
          }
          if (sameInstant(r.metadata.publishedTime, expected.publishedTime)) a.instant++;
          a.f1 += r.tokenF1;
          a.ms.push(r.ms);
          records[i].results[system] = mismatches;
        } else {
          a.errors++;
          const mismatches = METADATA_FIELDS.filter((f) => comparableValue(expected[f]) !== null).map((f) => ({ field: f, actual: null, expected: comparableValue(expected[f]) }));
          // A crash finds nothing: fields whose expected value is "no value" still match.
          for (const f of METADATA_FIELDS) if (comparableValue(expected[f]) === null) a.matches[f]++;
          if (comparableValue(expected.publishedTime) === null) a.instant++;
          records[i].results[system] = { error: r.ok ? 'unexpected result' : r.error, tokenF1: 0, mismatches };
        }
        progress(++done, pages.length * systems.length);
      }),
    ),
  );
  const summary: MetadataResult['systems'] = {};
  for (const [system, a] of acc) {
    const n = pages.length || 1;
    const sorted = [...a.ms].sort((x, y) => x - y);
    summary[system] = {
      pages: pages.length,
      errors: a.errors,
      fields: Object.fromEntries(METADATA_FIELDS.map((f) => [f, a.matches[f] / n])) as Record<MetadataFieldName, number>,
      publishedTimeSameInstant: a.instant / n,
      meanTokenF1: a.f1 / n,
      nodeMedianMs: sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN,
    };
  }
  return { pages: pages.length, systems: summary, records };
}

/** A Markdown list of every metadata mismatch, per page and system. */
export function metadataDiffMarkdown(result: MetadataResult, title: string): string {
  const lines = [`# ${title}`, '', 'Per page and system: fields that do not match expected-metadata.json (trimmed; null, absent and "" alike), and the content token F1 against expected.html.', ''];
  const clip = (v: string | null) => (v === null ? 'null' : `"${v.replace(/\s+/g, ' ').slice(0, 100)}"`);
  for (const r of result.records) {
    lines.push(`### ${r.name}`, '');
    for (const [system, o] of Object.entries(r.results)) {
      if (!o) continue;
      const head = `- **${system}**: token F1 ${(o.tokenF1 ?? 0).toFixed(3)}${o.error ? `, error (${o.error})` : ''}`;
      lines.push(head);
      for (const m of o.mismatches) lines.push(`  - ${m.field}: got ${clip(m.actual)}, expected ${clip(m.expected)}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
